"""`geletterdheid check` on broken copies of the decision tree and the duties table: one per class of
problem, each reported at its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from classification_support import line_of
from geletterdheid.cli import main
from geletterdheid.content import load_catalog

TREE = "docs/beslisboom.yaml"
DUTIES = "docs/plichten.yaml"


def _break(root: Path, relative: str, old: str, new: str, after: str = "") -> str:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    start = text.index(after) if after else 0
    at = text.index(old, start)
    text = text[:at] + new + text[at + len(old) :]
    path.write_text(text, encoding="utf-8")
    return text


def _problems(root: Path) -> list[tuple[str, int, str]]:
    catalog, problems = load_catalog(root)
    assert catalog is None, "the broken tree loaded"
    return [(p.path.relative_to(root).as_posix(), p.line, p.message) for p in problems]


def _expect(root: Path, relative: str, line: int, fragment: str) -> None:
    problems = _problems(root)
    assert any(path == relative and at == line and fragment in message for path, at, message in problems), problems


def test_the_repository_tree_and_duties_load(tree_root):
    catalog, problems = load_catalog(tree_root)
    assert problems == []
    assert catalog is not None and catalog.decision_tree is not None and catalog.duties is not None
    assert catalog.decision_tree.start == "ai-systeem"


def test_unknown_kenmerk(tree_root):
    text = _break(tree_root, TREE, "kenmerk: profilering", "kenmerk: profiel")
    _expect(tree_root, TREE, line_of(text, "kenmerk: profiel"), "onbekend kenmerk 'profiel'")


def test_question_without_an_article(tree_root):
    text = _break(tree_root, TREE, '    artikelen: ["6(3)"]\n', "", after="- id: profilering")
    _expect(tree_root, TREE, line_of(text, "- id: profilering"), "vraag 'profilering' noemt geen artikel")


def test_article_that_does_not_exist(tree_root):
    text = _break(tree_root, TREE, '"bijlage I"]', '"200"]')
    _expect(tree_root, TREE, line_of(text, '"200"'), "artikel 200 bestaat niet")


def test_answer_to_a_node_that_does_not_exist(tree_root):
    text = _break(tree_root, TREE, "volgende: minimaal", "volgende: minimum")
    _expect(tree_root, TREE, line_of(text, "volgende: minimum"), "'volgende: minimum' bestaat niet")


def test_missing_answer_leaves_a_path_without_conclusion(tree_root):
    old = "      - waarde: nee\n        antwoord: Nee\n        volgende: hoog-risico-bijlage-iii\n"
    text = _break(tree_root, TREE, old, "", after="- id: uitzondering-6-3")
    line = line_of(text, "- waarde: ja", after="- id: uitzondering-6-3")  # where the answers start
    _expect(tree_root, TREE, line, "geen antwoord 'nee': dat pad eindigt niet in een conclusie")


def test_cycle(tree_root):
    text = _break(
        tree_root, TREE, "volgende: hoog-risico-bijlage-iii", "volgende: bijlage-iii", after="- id: uitzondering"
    )
    _expect(
        tree_root, TREE, line_of(text, "- id: bijlage-iii"), "kringloop in de beslisboom: bijlage-iii -> profilering"
    )


def test_unreachable_conclusion(tree_root):
    text = _break(tree_root, TREE, "volgende: hoog-risico-product", "volgende: bijlage-iii")
    _expect(tree_root, TREE, line_of(text, "- id: hoog-risico-product"), "'hoog-risico-product' is vanaf de start")


def test_duplicate_node_id(tree_root):
    text = _break(tree_root, TREE, "- id: minimaal", "- id: geen-ai")
    _expect(tree_root, TREE, line_of(text, "- id: geen-ai", after="- id: verboden-praktijk"), "dubbele id 'geen-ai'")


def test_banned_conclusion_cannot_carry_transparency(tree_root):
    text = _break(tree_root, TREE, "transparantie: false", "transparantie: true", after="- id: verboden-praktijk")
    line = line_of(text, "transparantie: true", after="- id: verboden-praktijk")
    _expect(tree_root, TREE, line, "moet 'transparantie: false' hebben")


def test_path_without_a_role(tree_root):
    text = _break(tree_root, TREE, "        rol: gebruiksverantwoordelijke\n", "")
    _expect(tree_root, TREE, line_of(text, "- id: minimaal"), "zonder dat een antwoord de rol")


def test_transparency_step_must_be_a_paragraph_of_article_50(tree_root):
    text = _break(tree_root, TREE, 'plicht: "50(3)"', 'plicht: "26(3)"')
    _expect(tree_root, TREE, line_of(text, 'plicht: "26(3)"'), "geen lid van artikel 50")


def test_duty_with_an_unknown_date_key(tree_root):
    text = _break(tree_root, DUTIES, "vanaf: geletterdheid-en-verboden", "vanaf: ooit")
    _expect(tree_root, DUTIES, line_of(text, "vanaf: ooit"), "onbekende datum 'ooit'")


def test_duty_with_an_unknown_conclusion(tree_root):
    text = _break(tree_root, DUTIES, "conclusies: [verboden-praktijk]", "conclusies: [verboden]")
    _expect(tree_root, DUTIES, line_of(text, "conclusies: [verboden]"), "onbekende conclusie 'verboden'")


def test_duty_without_a_date_must_say_why(tree_root):
    text = _break(tree_root, DUTIES, "vanaf: geletterdheid-en-verboden", "vanaf: null")
    line = line_of(text, "- id: ai-geletterdheid")
    _expect(tree_root, DUTIES, line, "vanaf is null: zeg in 'vanaf_onzeker' waarom de datum niet vaststaat")


def test_check_prints_the_problem_with_file_and_line_and_exits_1(tree_root, capsys):
    text = _break(tree_root, TREE, "kenmerk: profilering", "kenmerk: profiel")
    code = main(["--root", str(tree_root), "check"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{TREE}:{line_of(text, 'kenmerk: profiel')}: onbekend kenmerk 'profiel'" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("missing", [TREE, DUTIES])
def test_tree_and_duties_come_together(tree_root, missing):
    (tree_root / missing).unlink()
    other = DUTIES if missing == TREE else TREE
    problems = _problems(tree_root)
    assert [(path, line) for path, line, _ in problems] == [(other, 1)]


def test_every_node_links_its_provisions_to_eur_lex(tree_root):
    catalog, _ = load_catalog(tree_root)
    assert catalog is not None and catalog.decision_tree is not None
    tree = catalog.decision_tree
    profiling = tree.question("profilering")
    assert profiling is not None
    (source,) = profiling.sources
    assert (source.reference, source.label) == ("6(3)", "artikel 6(3)")
    assert source.url == "https://eur-lex.europa.eu/eli/reg/2024/1689/2026-07-27/nld#art_6"
    for node in [*tree.questions, *tree.conclusions, *tree.transparency]:
        assert node.sources and len(node.sources) == len(node.articles), node.id


def test_a_very_long_chain_of_questions_is_checked_without_running_out_of_stack(tree_root):
    chain = 3000
    lines = ["start: q0", "vragen:"]
    for number in range(chain):
        nxt = f"q{number + 1}" if number + 1 < chain else "q0"  # the last one loops back: a cycle
        lines += [
            f"  - id: q{number}",
            "    vraag: Vraag?",
            "    uitleg: Uitleg.",
            "    kenmerk: profilering",
            '    artikelen: ["6(3)"]',
            "    antwoorden:",
            f"      - {{waarde: ja, antwoord: Ja, volgende: {nxt}, rol: aanbieder}}",
            f"      - {{waarde: nee, antwoord: Nee, volgende: {nxt}, rol: aanbieder}}",
        ]
    lines += [
        "conclusies:",
        "  - {id: klaar, risicoklasse: minimaal, titel: T, uitleg: U, artikelen: ['4'], transparantie: true}",
    ]
    (tree_root / TREE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    messages = [message for _, _, message in _problems(tree_root)]
    assert any(message.startswith("kringloop in de beslisboom: q0 -> q1 -> q2") for message in messages)
    assert "conclusie 'klaar' is vanaf de start 'q0' niet te bereiken" in messages
