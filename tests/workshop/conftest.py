"""The workshop tests run on the repository's own content: the kit is made from its trainer notes."""

from __future__ import annotations

import pytest

from geletterdheid.content import Catalog, catalog_or_exit
from repo_paths import REPO


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return catalog_or_exit(REPO)
