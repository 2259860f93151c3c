"""Helpers for the gemeente-project tests: a project folder in tmp_path with a given gemeente.toml."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from overlay_support import LOCAL_MODULE, LOCAL_QUIZ, SETTINGS

from geletterdheid.project import assemble as assemble_module
from repo_paths import ROOTS


@pytest.fixture
def project(tmp_path: Path) -> Callable[[str], Path]:
    """``project(toml)`` writes ``toml`` (dedented) as gemeente.toml in a fresh folder and returns it."""

    def write(text: str) -> Path:
        root = tmp_path / "testdorp"
        root.mkdir(exist_ok=True)
        (root / "gemeente.toml").write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return root

    return write


@pytest.fixture
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test root as the base content (what a wheel would carry)."""
    root = tmp_path / "basis"
    shutil.copytree(ROOTS / "test-minimal", root, ignore=shutil.ignore_patterns("conf.py"))
    monkeypatch.setattr(assemble_module, "base_root", lambda: root)
    return root


@pytest.fixture
def overlay_project(tmp_path: Path, base: Path) -> Path:
    """A gemeente project with a local module, its quiz and an aanvulling, over ``base``."""
    folder = tmp_path / "testdorp"
    for name in ("modules", "quizzes", "rollen", "aanvullingen"):
        (folder / name).mkdir(parents=True)
    (folder / "gemeente.toml").write_text(SETTINGS, encoding="utf-8")
    (folder / "modules" / "t01-ai-in-testdorp.md").write_text(LOCAL_MODULE, encoding="utf-8")
    (folder / "quizzes" / "t01.yaml").write_text(LOCAL_QUIZ, encoding="utf-8")
    (folder / "aanvullingen" / "m02.md").write_text("Vraag het AI-loket als je twijfelt.\n", encoding="utf-8")
    return folder
