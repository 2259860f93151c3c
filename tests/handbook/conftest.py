"""Fixtures of the handbook tests, over the fixture tree described in ``handbook_fixture.py``."""

from __future__ import annotations

from pathlib import Path

import pytest
from handbook_fixture import HANDBOOK_ROOT, copy_tree, load_valid_catalog

from geletterdheid.content import Catalog


@pytest.fixture(scope="session")
def handbook_catalog() -> Catalog:
    return load_valid_catalog(HANDBOOK_ROOT)


@pytest.fixture
def handbook_tree(tmp_path: Path) -> Path:
    """A writable copy of the fixture tree."""
    return copy_tree(tmp_path / "inhoud")
