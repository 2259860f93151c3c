"""Helpers for the gemeente-project tests: a project folder in tmp_path with a given gemeente.toml."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def project(tmp_path: Path) -> Callable[[str], Path]:
    """``project(toml)`` writes ``toml`` (dedented) as gemeente.toml in a fresh folder and returns it."""

    def write(text: str) -> Path:
        root = tmp_path / "testdorp"
        root.mkdir(exist_ok=True)
        (root / "gemeente.toml").write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return root

    return write
