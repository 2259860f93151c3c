"""`geletterdheid classificeer [ID ...] [--json]`: in the repository (the example) and in a gemeente project."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from classification_support import inventory_text, line_of, system
from geletterdheid.cli import main
from geletterdheid.project import assemble as assemble_module

EXAMPLE = "docs/ai-systemen.voorbeeld.yaml"
SYSTEMS = (
    system("fraudesignalen", bijlage_iii="5(a)", profilering=True),
    system("chatbot", interactie_met_personen=True),
    system("calculator", is_ai_systeem=False),
)


@pytest.fixture
def with_inventory(tree_root: Path) -> Path:
    (tree_root / EXAMPLE).write_text(inventory_text(*SYSTEMS), encoding="utf-8")
    return tree_root


def run(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(root), "classificeer", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_text_names_the_file_and_shows_a_row_per_system_with_duties(with_inventory, capsys):
    code, out, err = run(capsys, with_inventory)
    assert code == 0 and err == ""
    assert out.startswith(f"AI-register: {EXAMPLE}\n")
    rows = [line.split() for line in out.splitlines()[2:7]]
    assert rows[0] == ["id", "risicoklasse", "rol", "transparantie"]
    assert rows[2] == ["fraudesignalen", "hoog", "risico", "gebruiksverantwoordelijke", "-"]
    assert rows[3] == ["chatbot", "geen", "hoog", "risico", "gebruiksverantwoordelijke", "artikel", "50(1)"]
    assert rows[4] == ["calculator", "geen", "AI-systeem", "-", "-"]
    assert "  - artikel 27 (vanaf 2 december 2027): " in out
    assert "  - artikel 49(3) (startdatum staat nog niet vast): " in out
    assert "calculator (Systeem calculator): geen AI-systeem\n  Route: ai-systeem: nee > geen-ai\n" in out


def test_json_is_a_list_with_the_agreed_keys(with_inventory, capsys):
    code, out, err = run(capsys, with_inventory, "chatbot", "fraudesignalen", "--json")
    data = json.loads(out)
    assert code == 0
    assert err == f"AI-register: {EXAMPLE}\n"  # stdout stays pure JSON
    assert [row["id"] for row in data] == ["chatbot", "fraudesignalen"]  # in the order asked
    assert all(set(row) == {"id", "risicoklasse", "transparantie", "rol", "plichten"} for row in data)
    chatbot = data[0]
    assert (chatbot["risicoklasse"], chatbot["transparantie"], chatbot["rol"]) == (
        "minimaal",
        ["50(1)"],
        "gebruiksverantwoordelijke",
    )
    assert chatbot["plichten"][0] == {
        "artikel": "4",
        "omschrijving": chatbot["plichten"][0]["omschrijving"],
        "vanaf": "2025-02-02",
    }
    assert all(set(duty) == {"artikel", "omschrijving", "vanaf"} for row in data for duty in row["plichten"])
    registration = next(duty for duty in data[1]["plichten"] if duty["artikel"] == "49(3)")
    assert registration["vanaf"] is None


def test_unknown_id_is_a_dutch_error_listing_the_known_ids(with_inventory, capsys):
    code, out, err = run(capsys, with_inventory, "chatbot", "robot")
    assert (code, out) == (1, "")
    assert err.strip() == "Fout: onbekend systeem 'robot'. Bekende systemen zijn: fraudesignalen, chatbot, calculator."


def test_without_an_inventory_the_error_says_which_file_is_missing(tree_root, capsys):
    code, _, err = run(capsys, tree_root)
    assert code == 1
    assert f"Fout: er is geen AI-register: {EXAMPLE} ontbreekt" in err


def test_a_broken_inventory_stops_with_path_and_line(with_inventory, capsys):
    text = inventory_text(system("a", uitzondering_6_3="patroondetectie"))
    (with_inventory / EXAMPLE).write_text(text, encoding="utf-8")
    code, out, err = run(capsys, with_inventory)
    assert (code, out) == (1, "")
    assert f"{EXAMPLE}:{line_of(text, 'uitzondering_6_3:')}: de uitzondering van artikel 6(3)" in err


@pytest.fixture
def gemeente(tmp_path: Path, tree_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A gemeente project over a base that has the decision tree (and an example it must not read)."""
    base = tmp_path / "basis"
    shutil.copytree(tree_root, base, ignore=shutil.ignore_patterns("conf.py"))
    (base / EXAMPLE).write_text(inventory_text(system("voorbeeld")), encoding="utf-8")
    monkeypatch.setattr(assemble_module, "base_root", lambda: base)
    project = tmp_path / "testdorp"
    project.mkdir()
    (project / "gemeente.toml").write_text(
        '[gemeente]\nnaam = "Gemeente Testdorp"\n\n[forum]\nbasis_url = "https://forum.testdorp.nl/c/"\n',
        encoding="utf-8",
    )
    return project


def test_in_a_gemeente_project_its_own_inventory_is_read(gemeente, capsys):
    (gemeente / "ai-systemen.yaml").write_text(inventory_text(system("eigen-chatbot")), encoding="utf-8")
    code, out, _ = run(capsys, gemeente, "--json")
    assert code == 0
    assert [row["id"] for row in json.loads(out)] == ["eigen-chatbot"]
    code, out, _ = run(capsys, gemeente)
    assert out.startswith(f"AI-register: {gemeente / 'ai-systemen.yaml'}\n")


def test_a_gemeente_inventory_problem_names_the_gemeente_file(gemeente, capsys):
    text = inventory_text(system("a"), system("a"))
    (gemeente / "ai-systemen.yaml").write_text(text, encoding="utf-8")
    code, _, err = main(["--root", str(gemeente), "check"]), *capsys.readouterr()
    assert code == 1
    assert f"ai-systemen.yaml:{line_of(text, 'id: a', after='naam:')}: dubbele id 'a'" in err
    assert "_build" not in err


def test_a_gemeente_project_without_inventory_is_told_how_to_start(gemeente, capsys):
    code, _, err = run(capsys, gemeente)
    assert code == 1
    example = gemeente / "_build" / "bron" / EXAMPLE
    assert f"maak ai-systemen.yaml in de projectmap (begin met een kopie van het voorbeeld {example})" in err
    assert example.is_file()  # the assembled tree holds the base's example
