"""The fixture content tree of the handbook tests and what its learning paths are (worked out by
hand). The tests use a tree of their own, so they do not depend on the real modules, which
editors rewrite. The fixtures over it are in ``conftest.py``; this module holds the data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from geletterdheid.content import Catalog, load_catalog
from handboek_root_expected import FIXTURE_ROOT, PATHS, TITLES  # noqa: F401 - re-exported for the tests

HANDBOOK_ROOT = FIXTURE_ROOT


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
