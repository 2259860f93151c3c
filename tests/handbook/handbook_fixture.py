"""The fixture content tree of the handbook tests and what its learning paths are (worked out by
hand). The tests use a tree of their own, so they do not depend on the real modules, which
editors rewrite. The fixtures over it are in ``conftest.py``; this module holds the data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from geletterdheid.content import Catalog, load_catalog

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


def load_valid_catalog(root: Path) -> Catalog:
    """The Catalog of a content tree that must be valid (a test fails with its problems otherwise)."""
    catalog, problems = load_catalog(root)
    assert catalog is not None, [problem.format(root) for problem in problems]
    return catalog


def copy_tree(target: Path) -> Path:
    shutil.copytree(HANDBOOK_ROOT, target, ignore=shutil.ignore_patterns("leerpaden", "_build"))
    return target


#: For ``test_curriculum_paths.py``, which imports it from here until it moves with the curriculum
#: code; every other test gets the fixture of the same name from ``conftest.py``.
handbook_catalog = pytest.fixture(scope="session", name="handbook_catalog")(lambda: load_valid_catalog(HANDBOOK_ROOT))
