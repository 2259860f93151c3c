"""A copy of the minimal content tree with the repository's decision tree, duties and legal dates,
and an inventory the tests write."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from geletterdheid.content import Catalog, catalog_or_exit
from repo_paths import REPO, ROOTS


@pytest.fixture
def tree_root(tmp_path: Path) -> Path:
    target = tmp_path / "inhoud"
    shutil.copytree(ROOTS / "test-minimal", target)
    for name in ("beslisboom.yaml", "plichten.yaml", "wetgeving.yaml"):
        shutil.copy(REPO / "docs" / name, target / "docs" / name)
    return target


@pytest.fixture(scope="session")
def repo_catalog() -> Catalog:
    """The shipped content: the decision tree, duties and example inventory as they are released."""
    return catalog_or_exit(REPO)
