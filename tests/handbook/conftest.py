"""Fixtures of the learning-path and handbook tests: a small content tree of their own, so the
tests do not depend on the real modules (which editors rewrite)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handbook_fixture import HANDBOOK_ROOT

from geletterdheid.content import Catalog, load_catalog_or_raise


@pytest.fixture(scope="session")
def handbook_catalog() -> Catalog:
    return load_catalog_or_raise(HANDBOOK_ROOT)


def copy_tree(target: Path) -> Path:
    shutil.copytree(HANDBOOK_ROOT, target, ignore=shutil.ignore_patterns("leerpaden", "_build"))
    return target


@pytest.fixture
def handbook_tree(tmp_path: Path) -> Path:
    """A writable copy of the fixture tree."""
    return copy_tree(tmp_path / "inhoud")
