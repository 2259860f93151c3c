"""The content model and `geletterdheid check`: one broken variant of a valid tree per class of problem."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geletterdheid.cli import main
from geletterdheid.content import load_catalog
from geletterdheid.curriculum import UnknownRole, required_module_ids


def _edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_valid_tree_loads_into_catalog(content_tree):
    catalog, problems = load_catalog(content_tree)
    assert problems == []
    assert list(catalog.modules) == ["m01", "m02"]
    assert catalog.modules["m02"].requires == ["m01"]
    assert catalog.quizzes["m01"].questions[1].correct == ["a", "c"]
    assert catalog.quizzes["m02"].pass_mark == 70  # the default pass mark
    assert str(catalog.topics["basis"].forum_url) == "https://forum.example.org/c/basis"
    assert catalog.legal.text("hoog-risico-bijlage-iii") == "2 december 2027"
    assert catalog.legal.cited_text("hoog-risico-bijlage-iii") == "2 december 2027 (artikel 113)"


# (file, old text, new text, expected line, expected message fragment)
BROKEN = {
    "yaml-syntax": (
        "quizzes/m01.yaml",
        "    vraag: Welke optie is juist?",
        "    vraag: [Welke optie",
        6,
        "ongeldige YAML",
    ),
    "front-matter-syntax": ("modules/m01-basis.md", "duur_minuten: 15", "duur_minuten: [15", 7, "ongeldige YAML"),
    "front-matter-missing": ("modules/m01-basis.md", "---\nid: m01", "id: m01", 1, "front matter ontbreekt"),
    "missing-field": ("modules/m01-basis.md", "titel: Basis\n", "", 2, "verplicht veld 'titel' ontbreekt"),
    "unknown-field": (
        "modules/m01-basis.md",
        "niveau: bewust",
        "niveau: bewust\nnivo: laag",
        9,
        "onbekend veld 'nivo'",
    ),
    "bad-level": (
        "modules/m01-basis.md",
        "niveau: bewust",
        "niveau: gevorderd",
        8,
        "'niveau' moet een van deze waarden zijn: bewust, bekwaam, vloeiend of expert",
    ),
    "yaml-tab": (
        "quizzes/m01.yaml",
        "    vraag: Welke optie is juist?",
        "\tvraag: Welke optie is juist?",
        6,
        "gebruik spaties, geen tabs",
    ),
    "yaml-unquoted-colon": (
        "modules/m01-basis.md",
        "titel: Basis",
        "titel: Basis: een begin",
        3,
        "zet een waarde met een dubbele punt tussen aanhalingstekens",
    ),
    "review-date-in-the-future": (
        "modules/m01-basis.md",
        "laatst_gecontroleerd: 2026-11-28",
        "laatst_gecontroleerd: 2999-01-01",
        14,
        "laatst_gecontroleerd 2999-01-01 ligt in de toekomst",
    ),
    "true-false-options-not-juist-onjuist": (
        "quizzes/m01.yaml",
        "      onjuist: Onjuist",
        "      onwaar: Onwaar",
        28,
        "is juist-onwaar en moet precies de opties 'juist: Juist' en 'onjuist: Onjuist' hebben (nu: juist, onwaar)",
    ),
    "bad-date": (
        "modules/m01-basis.md",
        "laatst_gecontroleerd: 2026-11-28",
        "laatst_gecontroleerd: gisteren",
        14,
        "datum",
    ),
    "unknown-role": (
        "modules/m01-basis.md",
        "rollen: [alle-medewerkers]",
        "rollen: [alle-medewerkers, wethouder]",
        5,
        "onbekende rol 'wethouder'",
    ),
    "unknown-topic": ("modules/m01-basis.md", "onderwerp: basis", "onderwerp: sport", 6, "onbekend onderwerp 'sport'"),
    "unknown-prerequisite": (
        "modules/m02-vervolg.md",
        "vereist: [m01]",
        "vereist: [m09]",
        12,
        "onbekende module 'm09'",
    ),
    "prerequisite-cycle": (
        "modules/m01-basis.md",
        "vereist: []",
        "vereist: [m02]",
        13,
        "kringverwijzing in 'vereist': m01 -> m02 -> m01",
    ),
    "duplicate-module-id": ("modules/m02-vervolg.md", "id: m02", "id: m01", 2, "dubbele module-id 'm01'"),
    "duplicate-question-id": ("quizzes/m02.yaml", "id: m02-q01", "id: m01-q01", 3, "dubbele vraag-id 'm01-q01'"),
    "duplicate-question-text": (
        "quizzes/m01.yaml",
        "    vraag: Dit is een stelling.",
        "    vraag: welke optie is  JUIST?",
        26,
        "vraag 'm01-q03' heeft dezelfde tekst als vraag 'm01-q01' ('welke optie is  JUIST?')",
    ),
    "duplicate-yaml-key": (
        "quizzes/m02.yaml",
        "    vraag: Hoe lang",
        "    type: meervoudig\n    vraag: Hoe lang",
        5,
        "dubbele sleutel 'type'",
    ),
    "no-correct-answer": ("quizzes/m01.yaml", "    juist: b\n", "    juist: []\n", 10, "heeft geen juist antwoord"),
    "correct-not-an-option": (
        "quizzes/m01.yaml",
        "    juist: b\n",
        "    juist: z\n",
        10,
        "juist antwoord 'z' staat niet bij de opties",
    ),
    "single-choice-two-correct": (
        "quizzes/m01.yaml",
        "    juist: b\n",
        "    juist: [a, b]\n",
        10,
        "is enkelvoudig maar heeft 2 juiste antwoorden",
    ),
    "true-false-two-correct": (
        "quizzes/m01.yaml",
        "    juist: juist\n",
        "    juist: [juist, onjuist]\n",
        30,
        "is juist-onwaar maar heeft 2 juiste antwoorden",
    ),
    "missing-explanation": (
        "quizzes/m02.yaml",
        "    uitleg: Ten minste zes maanden (artikel 26(6)).\n",
        "",
        3,
        "verplicht veld 'uitleg' ontbreekt",
    ),
    "empty-explanation": (
        "quizzes/m02.yaml",
        "    uitleg: Ten minste zes maanden (artikel 26(6)).",
        "    uitleg: ''",
        10,
        "'uitleg' mag niet leeg zijn",
    ),
    "unknown-article-in-module": (
        "modules/m01-basis.md",
        'artikelen: ["4", "3(56)"]',
        'artikelen: ["4", "130"]',
        12,
        "artikel 130 bestaat niet",
    ),
    "unknown-article-in-question": (
        "quizzes/m02.yaml",
        'artikelen: ["26(6)"]',
        'artikelen: ["bijlage XX"]',
        11,
        "bijlage XX bestaat niet",
    ),
    "quiz-for-unknown-module": (
        "quizzes/m02.yaml",
        "module: m02",
        "module: m07",
        1,
        "moet gelijk zijn aan de bestandsnaam",
    ),
    "role-id-not-file-name": (
        "docs/rollen/beleidsadviseur.md",
        "id: beleidsadviseur",
        "id: beleid",
        2,
        "moet gelijk zijn aan de bestandsnaam",
    ),
    "bad-forum-url": (
        "docs/onderwerpen.yaml",
        "forum_url: https://forum.example.org/c/regels",
        "forum_url: forum-regels",
        7,
        "geen geldige webadres",
    ),
}


# Found by the build only, until check scanned the Markdown of module bodies and quiz texts
# (content/markdown_scan.py): the Catalog loads, check fails. (file, old, new, line, message fragment)
BROKEN_IN_TEXT = {
    "unknown-article-in-body": (
        "modules/m01-basis.md",
        "Tekst over {artikel}`4`.",
        "Tekst over {artikel}`4`, {artikel}`de regel <140>`.",
        19,
        "{artikel}: artikel 140 bestaat niet",
    ),
    "unknown-wet-key-in-body": (
        "modules/m02-vervolg.md",
        "Over de plichten",
        "Vanaf {wet}`ooit` gelden de plichten",
        18,
        "{wet}: onbekende sleutel 'ooit' in docs/wetgeving.yaml",
    ),
    "unknown-article-in-uitleg": (
        "quizzes/m02.yaml",
        "{artikel}`4` geldt",
        "{artikel}`4b` geldt",
        24,
        "{artikel}: artikel 4b bestaat niet",
    ),
    "unknown-wet-key-in-casus": (
        "quizzes/m02.yaml",
        "      Niemand kijkt mee.",
        "      Niemand kijkt mee\n      tot {wet}`ooit`.",
        18,
        "{wet}: onbekende sleutel 'ooit'",
    ),
    "unknown-wet-key-in-one-line-uitleg": (
        "quizzes/m01.yaml",
        "uitleg: B is juist volgens artikel 4.",
        "uitleg: B is juist vanaf {wet}`nooit`.",
        11,
        "{wet}: onbekende sleutel 'nooit'",
    ),
    "link-to-missing-module": (
        "modules/m01-basis.md",
        "Nog meer tekst.",
        "Zie [de vervolgmodule](m02-vervolg.md) en [een andere](m99-bestaat-niet.md#kop).",
        23,
        "link naar 'm99-bestaat-niet.md#kop': die pagina bestaat niet",
    ),
    "doc-role-to-missing-page": (
        "modules/m02-vervolg.md",
        "Over de plichten",
        "Zie {doc}`de basis <m01-basis>` en {doc}`m98-weg`. Over de plichten",
        18,
        "{doc}: pagina 'm98-weg' bestaat niet",
    ),
    "image-without-alt-text": (
        "modules/m01-basis.md",
        "Nog meer tekst.",
        "Nog meer tekst.\n\n![Een schema](schema.png)\n\n![](leeg.png)",
        27,
        "afbeelding leeg.png heeft geen alternatieve tekst",
    ),
    "reference-image-without-alt-text": (
        "modules/m01-basis.md",
        "Nog meer tekst.",
        "Nog meer tekst ![][schema].\n\n[schema]: schema.png",
        23,
        "afbeelding [schema] heeft geen alternatieve tekst",
    ),
    "image-directive-without-alt-text": (
        "modules/m01-basis.md",
        "Nog meer tekst.",
        "Nog meer tekst.\n\n```{figure} schema.png\n:width: 50%\n\nOnderschrift\n```",
        25,
        "afbeelding schema.png heeft geen alternatieve tekst",
    ),
    "unknown-diagram": (
        "modules/m01-basis.md",
        "Nog meer tekst.",
        "Nog meer tekst.\n\n```{diagram} risicopiramide\n```\n\n```{diagram} piramide\n```",
        28,
        "diagram 'piramide' bestaat niet; kies uit: risicopiramide",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN_IN_TEXT), ids=sorted(BROKEN_IN_TEXT))
def test_what_the_build_would_stop_on_in_a_text_is_reported_by_check_with_file_and_line(content_tree, case, capsys):
    relative, old, new, line, fragment = BROKEN_IN_TEXT[case]
    _edit(content_tree, relative, old, new)

    code = main(["--root", str(content_tree), "check"])
    err = capsys.readouterr().err
    assert code == 1
    found = re.findall(rf"^{re.escape(relative)}:(\d+): .*{re.escape(fragment)}", err, re.MULTILINE)
    assert found == [str(line)], err  # once, at its own line
    assert "Traceback" not in err
    assert err.strip().endswith("1 fout in de inhoud.")  # the valid link, doc or image beside it is not a problem


@pytest.mark.parametrize("case", sorted(BROKEN), ids=sorted(BROKEN))
def test_each_class_of_problem_is_reported_with_file_and_line(content_tree, case, capsys):
    relative, old, new, line, fragment = BROKEN[case]
    _edit(content_tree, relative, old, new)

    catalog, problems = load_catalog(content_tree)
    assert catalog is None
    matching = [p for p in problems if fragment in p.message]
    assert matching, f"no problem mentions {fragment!r}: {problems}"
    assert (matching[0].path.relative_to(content_tree).as_posix(), matching[0].line) == (relative, line)

    # The command line says the same thing as path:line: message, exits 1, and never shows a traceback.
    code = main(["--root", str(content_tree), "check"])
    err = capsys.readouterr().err
    assert code == 1
    assert re.search(rf"^{re.escape(relative)}:{line}: .*{re.escape(fragment)}", err, re.MULTILINE), err
    assert "Traceback" not in err


def test_module_without_quiz_is_reported(content_tree):
    (content_tree / "quizzes" / "m02.yaml").unlink()
    _, problems = load_catalog(content_tree)
    assert [p.format(content_tree) for p in problems] == [
        "modules/m02-vervolg.md:2: module 'm02' heeft geen toets: maak quizzes/m02.yaml"
    ]


def test_file_that_is_not_utf8_is_reported(content_tree):
    (content_tree / "modules" / "m01-basis.md").write_bytes("---\ntitel: Daniëlle\n---\n".encode("cp1252"))
    _, problems = load_catalog(content_tree)
    assert any(p.path.name == "m01-basis.md" and "geen UTF-8" in p.message for p in problems)


@pytest.mark.content
def test_check_on_the_repository_is_clean(capsys):
    from repo_paths import REPO

    assert main(["--root", str(REPO), "check"]) == 0
    assert capsys.readouterr().out.startswith("In orde:")


def test_learning_path_includes_all_staff_and_prerequisites_in_order(content_tree):
    catalog, _ = load_catalog(content_tree)
    assert required_module_ids(catalog, ["beleidsadviseur"]) == ["m01", "m02"]
    assert required_module_ids(catalog, []) == ["m01"]
    with pytest.raises(UnknownRole) as raised:
        required_module_ids(catalog, ["wethouder"])
    assert raised.value.valid == ["alle-medewerkers", "beleidsadviseur"]


def test_shipped_json_schemas_match_the_model():
    from geletterdheid.content.json_schema import render_schemas
    from repo_paths import REPO

    for filename, text in render_schemas().items():
        shipped = REPO / "schema" / filename
        assert shipped.read_text(encoding="utf-8") == text, f"{filename} is stale: run 'geletterdheid schema'"


@pytest.mark.parametrize(
    ("relative", "old", "new", "line", "fragment"),
    [
        ("modules/m01-basis.md", "titel: Basis", "titel: Basis over {artikel}`4`", 3, "'titel' is gewone tekst"),
        (
            "modules/m01-basis.md",
            "  - Je weet wat een test is.",
            "  - Je weet wat een **test** is.",
            10,
            "haal vet (**…**) weg",
        ),
        ("quizzes/m01.yaml", "    vraag: Welke optie is juist?", "    vraag: Welke `optie` is juist?", 6, "'vraag'"),
    ],
    ids=["role-in-title", "bold-in-goal", "backtick-in-question"],
)
def test_markdown_in_a_plain_text_field_is_reported_with_its_line(content_tree, relative, old, new, line, fragment):
    _edit(content_tree, relative, old, new)
    catalog, problems = load_catalog(content_tree)
    assert catalog is None
    matching = [p for p in problems if fragment in p.message]
    assert matching, problems
    assert (matching[0].path.relative_to(content_tree).as_posix(), matching[0].line) == (relative, line)
