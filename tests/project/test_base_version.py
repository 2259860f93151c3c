"""What changed in the base content since a gemeente project last built: added, raised and removed modules."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from geletterdheid.cli import main
from geletterdheid.project import commands as project_commands
from geletterdheid.project.base_version import RECORD_FILE, changes, describe, record, recorded
from geletterdheid.project.base_version import base_modules as read_base_modules


def _module(folder: Path, module_id: str, title: str, extra: str = "") -> None:
    (folder / "modules").mkdir(parents=True, exist_ok=True)
    (folder / "modules" / f"{module_id}-x.md").write_text(
        f"---\nid: {module_id}\ntitel: {title}\n{extra}---\n\n# {title}\n", encoding="utf-8"
    )


def test_added_raised_and_removed_modules_are_listed_with_the_modules_own_note(tmp_path: Path):
    base, project = tmp_path / "basis", tmp_path / "project"
    project.mkdir()
    _module(base, "m01", "Wat is AI?")
    _module(base, "m02", "Verboden AI")
    _module(base, "m03", "Oud")
    record(project, base, today=dt.date(2026, 12, 1))
    _module(base, "m02", "Verboden AI", "versie: 2\nwijziging: Artikel 5(1)(e) gaat over ongericht scrapen.\n")
    (base / "modules" / "m03-x.md").unlink()
    _module(base, "m04", "Nieuw")
    before = recorded(project)
    assert before is not None and before.recorded_on == "2026-12-01"
    found = changes(before, read_base_modules(base))
    assert [(c.kind, c.module_id) for c in found] == [("gewijzigd", "m02"), ("verdwenen", "m03"), ("nieuw", "m04")]
    text = describe(before, found)
    assert "- gewijzigd: m02 Verboden AI (versie 1 → 2): Artikel 5(1)(e) gaat over ongericht scrapen." in text
    assert "- verdwenen: m03 Oud" in text and "- nieuw: m04 Nieuw" in text
    assert "m01" not in text  # unchanged modules are not listed


def test_no_changes_says_so(tmp_path: Path):
    base = tmp_path / "basis"
    _module(base, "m01", "Wat is AI?")
    record(tmp_path, base, today=dt.date(2026, 12, 1))
    before = recorded(tmp_path)
    assert before is not None
    assert describe(before, changes(before, read_base_modules(base))).startswith("Geen wijzigingen")


def test_a_damaged_record_is_a_dutch_message_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["init", str(tmp_path / "p"), "--gemeente", "Gemeente Testdorp"]) == 0
    project = tmp_path / "p"
    assert json.loads((project / RECORD_FILE).read_text(encoding="utf-8"))["modules"]  # init records the base
    (project / RECORD_FILE).write_text("{kapot", encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(project), "wijzigingen"]) == 1
    err = capsys.readouterr().err
    assert RECORD_FILE in err and "beschadigd" in err and "Traceback" not in err


def test_the_command_compares_the_installed_base_with_the_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    base = tmp_path / "basis"
    _module(base, "m01", "Wat is AI?")
    monkeypatch.setattr(project_commands, "base_root", lambda: base)
    assert main(["init", str(tmp_path / "p"), "--gemeente", "Gemeente Testdorp"]) == 0
    _module(base, "m01", "Wat is AI?", "versie: 3\nwijziging: Nieuwe uitleg bij overweging 12.\n")
    capsys.readouterr()
    assert main(["--root", str(tmp_path / "p"), "wijzigingen"]) == 0
    assert "- gewijzigd: m01 Wat is AI? (versie 1 → 3): Nieuwe uitleg bij overweging 12." in capsys.readouterr().out


def test_outside_a_project_the_command_says_what_to_do(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["wijzigingen"]) == 1
    assert "geletterdheid init" in capsys.readouterr().err
