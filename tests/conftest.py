"""Shared fixtures: the Sphinx test roots (sphinx.testing) and a copy of the minimal content tree."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest_plugins = ["sphinx.testing.fixtures", "server_support", "browser_support"]

ROOTS = Path(__file__).parent / "roots"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where sphinx.testing finds ``test-<name>`` roots."""
    return ROOTS


@pytest.fixture
def content_tree(tmp_path: Path) -> Path:
    """A writable copy of the minimal, valid content tree."""
    target = tmp_path / "inhoud"
    shutil.copytree(ROOTS / "test-minimal", target)
    return target
