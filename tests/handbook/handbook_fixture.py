"""The fixture content tree of the handbook tests, what its learning paths are (worked out by
hand), and fixtures over it. The tests use a tree of their own, so they do not depend on the real
modules, which editors rewrite. (Imported by the tests, not a conftest.py: that name is taken by
tests/conftest.py, and two of them would shadow each other.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from geletterdheid.content import Catalog, load_catalog_or_raise

HANDBOOK_ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-handboek"

#: role -> module ids in path order, from the fixture's front matter:
#: m02 (beleidsadviseur) requires m04 (inkoper), m05 (beleidsadviseur) requires m02 and m03,
#: m03 (inkoper) requires m01 (all staff).
PATHS = {
    "alle-medewerkers": ["m01"],
    "beleidsadviseur": ["m01", "m03", "m04", "m02", "m05"],
    "inkoper": ["m01", "m03", "m04"],
    "jurist-privacy": ["m01", "m06"],
}
TITLES = {
    "m01": "Basis van AI",
    "m02": "Beleid maken",
    "m03": "Inkoop van AI",
    "m04": "Contracten en leveranciers",
    "m05": "Hoog risico in beleid",
    "m06": "Privacy en AI",
}
MINUTES = {"m01": 15, "m02": 30, "m03": 20, "m04": 25, "m05": 45, "m06": 10}


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
