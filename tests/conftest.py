"""Shared fixtures: the Sphinx test roots (sphinx.testing) and a copy of the minimal content tree."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest_plugins = ["sphinx.testing.fixtures", "server_support", "browser_support", "certificate_support"]

from repo_paths import REPO, ROOTS  # noqa: E402,F401 - re-exported for older imports


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
