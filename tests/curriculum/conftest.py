"""The curriculum tests run on the handbook fixture tree (tests/roots/test-handboek), whose paths
are worked out by hand in ``curriculum_expected.py``; they do not depend on the real modules."""

from __future__ import annotations

import pytest

from geletterdheid.content import Catalog, catalog_or_exit
from handboek_root_expected import FIXTURE_ROOT


@pytest.fixture(scope="session")
def fixture_catalog() -> Catalog:
    return catalog_or_exit(FIXTURE_ROOT)
