"""A copy of the minimal content tree with a decision tree, duties table and legal dates (frozen copies
in ``data/``, so that an edit of the shipped content fails only the content tests), and the shipped
content itself for the tests of its outcomes (marked ``content``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from geletterdheid.content import Catalog, catalog_or_exit
from repo_paths import REPO, ROOTS

DATA = Path(__file__).parent / "data"


@pytest.fixture
def tree_root(tmp_path: Path) -> Path:
    target = tmp_path / "inhoud"
    shutil.copytree(ROOTS / "test-minimal", target)
    for name in ("beslisboom.yaml", "plichten.yaml", "wetgeving.yaml"):
        shutil.copy(DATA / name, target / "docs" / name)
    return target


@pytest.fixture(scope="session")
def repo_catalog() -> Catalog:
    """The shipped content: the decision tree, duties and example inventory as they are released."""
    return catalog_or_exit(REPO)
