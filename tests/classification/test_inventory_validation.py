"""The AI inventory: every contradiction and bad value at its file and line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from classification_support import inventory_text, line_of, system
from geletterdheid.cli import main
from geletterdheid.content import load_catalog

EXAMPLE = "docs/ai-systemen.voorbeeld.yaml"


def _write(root: Path, text: str) -> str:
    (root / EXAMPLE).write_text(text, encoding="utf-8")
    return text


def _problems(root: Path) -> list[tuple[str, int, str]]:
    catalog, problems = load_catalog(root)
    assert catalog is None, "the inventory loaded"
    return [(p.path.relative_to(root).as_posix(), p.line, p.message) for p in problems]


def _expect(root: Path, line: int, fragment: str) -> None:
    problems = _problems(root)
    assert any(path == EXAMPLE and at == line and fragment in message for path, at, message in problems), problems


def test_valid_inventory_is_in_the_catalog(tree_root):
    _write(tree_root, inventory_text(system("a"), system("b", bijlage_iii=2)))
    catalog, problems = load_catalog(tree_root)
    assert problems == []
    assert catalog is not None and catalog.inventory is not None
    assert catalog.inventory_path == tree_root / EXAMPLE
    assert catalog.inventory.systems[1].features.annex_iii == "2"  # written as a number: read as the point


@pytest.mark.parametrize(
    ("changes", "key", "fragment"),
    [
        (
            {"is_ai_systeem": False, "verboden": ["sociale-scoring"]},
            "- sociale-scoring",
            "kan geen verboden AI-praktijk zijn",
        ),
        ({"is_ai_systeem": False, "bijlage_iii": "5(a)"}, "bijlage_iii:", "valt niet onder bijlage III"),
        (
            {"bijlage_iii": "5(a)", "profilering": True, "uitzondering_6_3": "voorbereidende-taak"},
            "uitzondering_6_3:",
            "artikel 6(3), laatste alinea",
        ),
        ({"uitzondering_6_3": "patroondetectie"}, "uitzondering_6_3:", "alleen voor een systeem uit bijlage III"),
    ],
    ids=["not-ai-but-banned", "not-ai-but-annex-iii", "exception-with-profiling", "exception-without-annex-iii"],
)
def test_contradiction_is_reported_at_its_line(tree_root, changes, key, fragment):
    text = _write(tree_root, inventory_text(system("goed"), system("fout", **changes)))
    _expect(tree_root, line_of(text, key, after="id: fout"), fragment)


def test_duplicate_id(tree_root):
    text = _write(tree_root, inventory_text(system("chatbot"), system("chatbot")))
    first = line_of(text, "id: chatbot")
    _expect(tree_root, line_of(text, "id: chatbot", after="naam:"), f"dubbele id 'chatbot' (ook op regel {first})")


def test_unknown_role(tree_root):
    entry = system("a")
    entry["rollen"] = ["alle-medewerkers", "wethouder"]
    text = _write(tree_root, inventory_text(entry))
    _expect(tree_root, line_of(text, "- wethouder"), "onbekende rol 'wethouder'")


@pytest.mark.parametrize(
    ("changes", "needle", "fragment"),
    [
        ({"bijlage_iii": "9(a)"}, "bijlage_iii:", "'9(a)' is geen punt van bijlage III"),
        ({"bijlage_iii": "5"}, "bijlage_iii:", "'5' is geen punt van bijlage III"),
        ({"verboden": ["gezichtsherkenning"]}, "- gezichtsherkenning", "'verboden' moet een van deze waarden zijn"),
        ({"uitzondering_6_3": "klein"}, "uitzondering_6_3:", "'uitzondering_6_3' moet een van deze waarden zijn"),
    ],
)
def test_bad_value(tree_root, changes, needle, fragment):
    text = _write(tree_root, inventory_text(system("a", **changes)))
    _expect(tree_root, line_of(text, needle), fragment)


def test_missing_and_unknown_kenmerk(tree_root):
    entry = system("a")
    del entry["kenmerken"]["deepfake"]
    entry["kenmerken"]["chatbot"] = True
    text = _write(tree_root, inventory_text(entry))
    problems = _problems(tree_root)
    # a missing key is reported where the kenmerken start
    assert (EXAMPLE, line_of(text, "is_ai_systeem:"), "verplicht veld 'deepfake' ontbreekt") in problems
    assert (EXAMPLE, line_of(text, "chatbot:"), "onbekend veld 'chatbot' (tikfout?)") in problems


def test_check_reports_inventory_problems_as_path_line_and_exits_1(tree_root, capsys):
    text = _write(tree_root, inventory_text(system("a", is_ai_systeem=False, bijlage_iii="4(a)")))
    code = main(["--root", str(tree_root), "check"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{EXAMPLE}:{line_of(text, 'bijlage_iii:')}: is_ai_systeem is false" in err
    assert "Traceback" not in err


def test_the_readme_documents_every_kenmerk_with_an_article_and_no_other():
    import re

    from geletterdheid.content.load import FEATURES
    from repo_paths import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Het AI-register en de beslisboom", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z_0-9]+)` \| [^|]+ \| [^|]+ \| ([^|]+) \|$", section, flags=re.MULTILINE)
    assert [key for key, _ in rows] == list(FEATURES)
    assert all(re.search(r"\d", article) for _, article in rows)  # every row names its provision
