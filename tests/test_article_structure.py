"""References checked to the paragraph and point (issue 16): the data file against known facts of the
consolidated AI Act (27 July 2026), the Dutch messages for references that do not exist, and the
generator that builds the data file from EUR-Lex HTML."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from importlib.resources import files

import pytest
from sphinx.testing.util import SphinxTestApp

from geletterdheid.cli import main
from geletterdheid.content import load_catalog
from geletterdheid.content.articles import (
    ANNEXES,
    ARTICLES,
    UnknownProvision,
    act_structure,
    parse_provision,
)
from repo_paths import REPO, ROOTS


@pytest.fixture(scope="module")
def act() -> dict:
    return act_structure()


def _paragraphs(act: dict, article: str) -> list[str]:
    return list(act["articles"][article]["paragraphs"])


def _points(node: dict) -> list[str]:
    return list(node)


# --- known facts of the consolidated text ----------------------------------------------------------------


def test_article_5_1_has_points_a_to_h_and_the_inserted_ba_and_bb(act):
    points = _points(act["articles"]["5"]["paragraphs"]["1"])
    assert points == ["a", "b", "ba", "bb", "c", "d", "e", "f", "g", "h"]
    assert list(act["articles"]["5"]["paragraphs"]["1"]["h"]) == ["i", "ii", "iii"]
    # Paragraphs 1a and 1b were inserted with the new bans (Art. 113(a) names them).
    assert _paragraphs(act, "5") == ["1", "1a", "1b", "2", "3", "4", "5", "6", "7", "8"]


def test_article_50_has_seven_paragraphs_and_article_26_twelve(act):
    assert _paragraphs(act, "50") == [str(n) for n in range(1, 8)]
    assert _paragraphs(act, "26") == [str(n) for n in range(1, 13)]


def test_article_3_has_the_definitions_including_ai_literacy_and_deepfake(act):
    definitions = act["articles"]["3"]["points"]
    assert "paragraphs" not in act["articles"]["3"]  # Art. 3 is one list of numbered definitions
    assert len(definitions) >= 68
    assert {"1", "56", "60", "68", "14a", "14b"} <= set(definitions)  # 14a/14b (SME, SMC) inserted in 2026
    assert list(definitions["49"]) == ["a", "b", "c", "d"]


def test_article_113_has_its_points_with_the_omnibus_dates(act):
    points = act["articles"]["113"]["points"]
    assert list(points) == ["a", "b", "c", "d"]
    assert list(points["c"]) == ["i", "ii"]  # 2 Dec 2027 (Annex III) and 2 Aug 2028 (Annex I)


def test_annex_iii_has_eight_points_with_their_letters(act):
    points = act["annexes"]["III"]["points"]
    assert list(points) == [str(n) for n in range(1, 9)]
    assert list(points["1"]) == ["a", "b", "c"]
    assert list(points["2"]) == []  # critical infrastructure: one point without letters
    assert list(points["4"]) == ["a", "b"]
    assert list(points["5"]) == ["a", "b", "c", "d"]


def test_annex_sections_are_kept_apart_where_they_number_from_one(act):
    viii = act["annexes"]["VIII"]["sections"]
    assert list(viii) == ["A", "B", "C"]
    assert list(viii["B"]) == ["1", "2", "3", "4", "5", "6", "8"]  # points 7 and 9 deleted in 2026
    assert list(act["annexes"]["I"]["sections"]["A"])[0] == "2"  # point 1 (machinery directive) deleted
    assert list(act["annexes"]["I"]["sections"]["B"])[-1] == "21"  # the machinery regulation added


def test_inserted_articles_and_annex_exist(act):
    assert _paragraphs(act, "4a") == ["1", "2"]
    assert _points(act["articles"]["4a"]["paragraphs"]["1"]) == ["a", "b", "c", "d", "e", "f"]
    assert _paragraphs(act, "4") == ["1", "2", "3"]  # Art. 4 has had paragraphs since the omnibus
    for number in ("60a", "75a", "75b", "75c", "75d"):
        assert act["articles"][number], number
    assert list(act["annexes"]["XIV"]["points"]) == ["1", "2", "3", "4"]


def test_points_and_paragraphs_editors_cite(act):
    assert _points(act["articles"]["6"]["paragraphs"]["3"]) == ["a", "b", "c", "d"]
    assert _points(act["articles"]["14"]["paragraphs"]["4"]) == ["a", "b", "c", "d", "e"]
    assert {"2", "3", "4"} <= set(_paragraphs(act, "73"))
    assert _paragraphs(act, "6")[:4] == ["1", "1a", "1b", "1c"]
    assert _points(act["articles"]["99"]["paragraphs"]["4"]) == ["a", "b", "c", "d", "da", "e", "f", "g"]


# Every paragraph and point that emendrix/changelogs (eu/32024R1689/CHANGELOG.md, a diff of the OJ text
# against the consolidation of 27 July 2026) lists as changed or inserted: a second source for the data file.
CHANGED_BY_THE_OMNIBUS = [
    "1(2)(g)",
    "2(2)",
    "2(7)",
    "2(13)",
    "3(14)",
    "3(14a)",
    "3(14b)",
    "4(1)",
    "4(2)",
    "4(3)",
    "5(1)(ba)",
    "5(1)(bb)",
    "5(1a)",
    "5(1b)",
    "6(1a)",
    "6(1b)",
    "6(1c)",
    "10(1)",
    "10(6)",
    "11(1)",
    "17(2)",
    "25(2)",
    "25(4)",
    "27(4)",
    "27(5)",
    "28(8)",
    "28(9)",
    "29(4)",
    "30(2)",
    "40(2)",
    "42(3)",
    "43(3)",
    "50(7)",
    "56(6)",
    "57(1)",
    "57(3)",
    "57(3a)",
    "57(5)",
    "57(9)(e)",
    "57(10)",
    "57(14)",
    "58(1)(c)",
    "58(1)(d)",
    "60(1)",
    "60(2)",
    "63(1)",
    "64(3)",
    "69(2)",
    "70(8)",
    "72(3)",
    "75(1)(a)",
    "75(1)(b)",
    "75(1a)",
    "75(1b)",
    "75(1c)",
    "75(1d)",
    "75(1e)",
    "75(2a)",
    "76(1)",
    "77(1)",
    "77(1a)",
    "77(1b)",
    "95(4)",
    "96(1)(a)",
    "96(1)(f)",
    "96(1)(g)",
    "97(2)",
    "97(3)",
    "97(6)",
    "99(1)",
    "99(4)(da)",
    "99(6a)",
    "111(2)",
    "111(4)",
    "113(a)",
    "113(c)(i)",
    "113(c)(ii)",
    "113(d)",
    "bijlage I, punt 20",
    "bijlage I, punt 21",
    "bijlage VIII, punt 8",
]


@pytest.mark.parametrize("reference", CHANGED_BY_THE_OMNIBUS)
def test_what_the_omnibus_changed_or_inserted_exists(reference):
    assert parse_provision(reference)


def test_every_article_and_annex_of_the_act_is_in_the_data_file(act):
    assert set(act["articles"]) == set(ARTICLES)
    assert set(act["annexes"]) == set(ANNEXES)
    assert act["recitals"] == {"first": 1, "last": 180}
    assert act["version"] == "02024R1689-20260727"
    assert "frankdevlabs/ai-act-explorer-nl" in act["source"]["note"]


def test_the_data_file_is_package_data():
    # pyproject's package-data ("**/*.json") puts it in the wheel; this is where the code reads it.
    resource = files("geletterdheid.content").joinpath("ai_act_structure.json")
    assert json.loads(resource.read_text(encoding="utf-8"))["articles"]["5"]


# --- references -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reference",
    [
        "5(1)(f)",
        "5(1)(ba)",
        "5(1)(bb)",
        "5(1a)",
        "26",
        "26(12)",
        "3(56)",
        "3(1)",
        "3(49)(c)",
        "4",
        "4(3)",
        "4a",
        "27",
        "113(c)(ii)",
        "5(1)(h)(iii)",
        "14(4)(e)",
        "73(4)",
        "bijlage III",
        "bijlage III, punt 5",
        "bijlage III, punt 5(a)",
        "bijlage III punt 4(b)",
        "bijlage VII, punt 4.3",
        "bijlage XIV, punt 2",
        "bijlage VIII, afdeling B, punt 8",
        "bijlage VIII, punt 7",
        "bijlage I, afdeling B, punt 21",
    ],
)
def test_existing_references_keep_working(reference):
    provision = parse_provision(reference)
    assert provision.label.replace(" ", "") in (f"artikel{reference}", reference.replace(" ", ""))


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("50(9)", "artikel 50 heeft geen lid 9; artikel 50 heeft de leden 1 tot en met 7"),
        ("26(13)", "artikel 26 heeft geen lid 13; artikel 26 heeft de leden 1 tot en met 12"),
        ("5(1)(z)", "artikel 5, lid 1 heeft geen punt z; artikel 5, lid 1 heeft de punten a tot en met h, ba en bb"),
        ("bijlage III, punt 9", "bijlage III heeft geen punt 9; bijlage III heeft de punten 1 tot en met 8"),
        (
            "bijlage III, punt 5(e)",
            "bijlage III, punt 5 heeft geen punt e; bijlage III, punt 5 heeft de punten a tot en met d",
        ),
        ("6(3)(e)", "artikel 6, lid 3 heeft geen punt e; artikel 6, lid 3 heeft de punten a tot en met d"),
        ("5(1)(h)(iv)", "artikel 5, lid 1, punt h heeft de punten i tot en met iii"),
        ("3(69)", "artikel 3 heeft geen punt 69; artikel 3 heeft de punten 1 tot en met 68, 14a en 14b"),
        ("5(9)", "artikel 5 heeft de leden 1 tot en met 8, 1a en 1b"),
        ("10(5)", "artikel 10, lid 5 is geschrapt bij Verordening (EU) 2026/1744"),
        ("bijlage I, punt 1", "bijlage I, punt 1 is geschrapt bij Verordening (EU) 2026/1744"),
        ("27(4)(a)", "artikel 27, lid 4 heeft geen punten, dus ook geen punt a"),
        ("32(1)", "artikel 32 heeft geen genummerde leden of punten, dus ook geen lid 1"),
        ("bijlage III, punt 2(a)", "bijlage III, punt 2 heeft geen punten, dus ook geen punt a"),
        ("114", "artikel 114 bestaat niet in de AI-verordening"),
        ("10(7)", "artikel 10 heeft geen lid 7; artikel 10 heeft de leden 1 tot en met 4 en 6"),
        ("4a(3)", "artikel 4a heeft geen lid 3; artikel 4a heeft de leden 1 en 2"),
        (
            "bijlage VIII, afdeling B, punt 7",
            "bijlage VIII, afdeling B, punt 7 is geschrapt bij Verordening (EU) 2026/1744",
        ),
        (
            "bijlage VIII, afdeling D",
            "bijlage VIII heeft geen afdeling D; bijlage VIII heeft de afdelingen A tot en met C",
        ),
        ("bijlage III, afdeling A, punt 1", "bijlage III heeft geen afdelingen, dus ook geen afdeling A"),
        ("bijlage XI, afdeling 1, punt 3", "bijlage XI, afdeling 1 heeft de punten 1 en 2"),
    ],
)
def test_references_that_do_not_exist_say_what_does(reference, message):
    with pytest.raises(UnknownProvision) as error:
        parse_provision(reference)
    assert message in str(error.value)


def test_an_annex_reference_the_check_cannot_read_is_an_error():
    with pytest.raises(UnknownProvision, match="bijlage III, punt 5"):
        parse_provision("bijlage III, punten 1 en 6")


def test_the_data_file_is_read_once():
    import geletterdheid.content.articles as articles

    articles._structure.cache_clear()
    parse_provision.cache_clear()
    parse_provision("26(5)")
    parse_provision("5(1)(ba)")
    parse_provision("bijlage III, punt 5(a)")
    assert articles._structure.cache_info().misses == 1


# --- the check ----------------------------------------------------------------------------------------------


def test_check_reports_a_paragraph_that_does_not_exist_with_file_and_line(content_tree, capsys):
    path = content_tree / "quizzes" / "m02.yaml"
    text = path.read_text(encoding="utf-8")
    assert 'artikelen: ["26(6)"]' in text, "fixture changed"
    path.write_text(text.replace('artikelen: ["26(6)"]', 'artikelen: ["26(13)"]', 1), encoding="utf-8")

    _, problems = load_catalog(content_tree)
    assert [(p.path.name, p.line, p.message) for p in problems] == [
        ("m02.yaml", 11, "artikel 26 heeft geen lid 13; artikel 26 heeft de leden 1 tot en met 12")
    ]
    assert main(["--root", str(content_tree), "check"]) == 1
    assert re.search(r"^quizzes/m02\.yaml:11: artikel 26 heeft geen lid 13", capsys.readouterr().err, re.MULTILINE)


def test_a_role_with_a_paragraph_that_does_not_exist_fails_the_build_with_its_line(tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-minimal", srcdir)
    page = srcdir / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nZie {artikel}`de transparantieplicht <50(9)>`.\n")
    app = SphinxTestApp("html", srcdir=srcdir)
    try:
        app.build()
        warnings = app.warning.getvalue()
    finally:
        app.cleanup()
    assert re.search(
        r"index\.md:\d+: WARNING: \{artikel\}: artikel 50 heeft geen lid 9; artikel 50 heeft de leden 1 tot en met 7",
        warnings,
    ), warnings


# --- the generator ------------------------------------------------------------------------------------------


def _generator():
    spec = importlib.util.spec_from_file_location("build_article_structure", REPO / "tools/build_article_structure.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


CONSOLIDATED = """<html><body><p class="reference">02024R1689 — NL — 27.07.2026 — 001.001</p>
<div class="eli-subdivision" id="art_5"><p class="title-article-norm">Artikel 5</p>
 <div class="norm"><span class="no-parag">1.  </span><div class="norm inline-element">
  <div class="grid-container grid-list"><div class="list grid-list-column-1"><span>a) </span></div>
   <div class="grid-list-column-2"><p class="norm">...</p></div></div>
  <div class="grid-container grid-list"><div class="list grid-list-column-1"><span>b bis) </span></div>
   <div class="grid-list-column-2"><p class="norm">...</p>
    <div class="grid-container grid-list"><div class="list grid-list-column-1"><span>i) </span></div>
     <div class="grid-list-column-2"><p class="norm">...</p></div></div></div></div>
 </div></div>
 <p class="norm">Tweede alinea met punten:</p>
 <div class="grid-container grid-list"><div class="list grid-list-column-1"><span>c) </span></div>
  <div class="grid-list-column-2"><p class="norm">...</p></div></div>
 <div class="norm"><span class="no-parag">1 bis.  </span><div class="norm inline-element">...</div></div>
</div>
<div class="eli-subdivision" id="art_4a"><p class="title-article-norm">Artikel 4 <span>bis</span></p>
 <p class="norm">Tekst zonder leden.</p></div>
<div class="eli-subdivision" id="art_108"><p class="title-article-norm">Artikel 108</p>
 <div class="grid-container grid-list"><div class="list grid-list-column-1"><span>1) </span></div>
  <div class="grid-list-column-2"><p class="norm">Aan artikel 17 wordt het volgende lid toegevoegd:</p>
   <div class="norm"><span class="no-parag">“3.  </span><div class="norm inline-element">...</div></div></div></div>
</div>
<div id="anx_I"><p class="title-annex-1">BIJLAGE I</p>
 <div style="margin-left: 30pt"><p class="norm">2.<span> </span>Richtlijn ...</p></div>
 <div style="margin-left: 30pt"><p class="norm">21.<span> </span>Verordening ...</p></div></div>
<div id="anx_VIII"><p class="title-annex-1">BIJLAGE VIII</p>
 <p class="title-gr-seq-level-1">Afdeling A — Informatie van aanbieders</p>
 <div class="grid-container grid-list"><div class="list grid-list-column-1"><span>9. </span></div>
  <div class="grid-list-column-2"><p class="norm">...</p></div></div>
 <p class="title-gr-seq-level-1">Afdeling B — Informatie van aanbieders (artikel 49, lid 2)</p>
 <div class="grid-container grid-list"><div class="list grid-list-column-1"><span>8. </span></div>
  <div class="grid-list-column-2"><p class="norm">...</p></div></div></div>
<div id="anx_III"><p class="title-annex-1">BIJLAGE III</p>
 <div class="grid-container grid-list"><div class="list grid-list-column-1"><span>5. </span></div>
  <div class="grid-list-column-2"><p class="norm">Essentiële diensten:</p>
   <div class="grid-container grid-list"><div class="list grid-list-column-1"><span>a) </span></div>
    <div class="grid-list-column-2"><p class="norm">...</p></div></div></div></div></div>
</body></html>"""


def test_generator_reads_eurlex_html_with_inserted_numbers_and_quoted_amendments(tmp_path):
    generator = _generator()
    source = tmp_path / "consolidated.html"
    source.write_text(CONSOLIDATED, encoding="utf-8")
    articles, annexes, reference = generator.parse_consolidated(source)

    assert reference == "02024R1689 — NL — 27.07.2026 — 001.001"
    # 'b bis' is cited as 'ba', 'lid 1 bis' as '1a'; points of a later subparagraph stay in their paragraph.
    assert articles["5"] == {"paragraphs": {"1": {"a": {}, "ba": {"i": {}}, "c": {}}, "1a": {}}}
    assert articles["4a"] == {}
    # Text that Art. 108 inserts into another act ("3. ...") is not a paragraph of the AI Act.
    assert articles["108"] == {"points": {"1": {}}}
    assert annexes["I"] == {"points": {"2": {}, "21": {}}}
    assert annexes["III"] == {"points": {"5": {"a": {}}}}
    assert annexes["VIII"] == {"points": {"9": {}, "8": {}}, "sections": {"A": {"9": {}}, "B": {"8": {}}}}


def test_generator_applies_amending_instructions(tmp_path):
    generator = _generator()
    articles = {
        "5": {"paragraphs": {"1": {"a": {}, "b": {}, "c": {}}, "2": {}}},
        "10": {"paragraphs": {"1": {}, "5": {}, "6": {}}},
    }
    instructions = {
        "meta": {"document": "PE-CONS 30/26"},
        "amendments": [
            {
                "seq": 7,
                "target": {"article": "5"},
                "operation": "insert",
                "scope": {"anchor": "lid-1-b"},
                "newItems": [{"marker": "b bis)", "content": []}, {"marker": "b ter)", "content": []}],
            },
            {
                "seq": 7,
                "target": {"article": "5"},
                "operation": "insert",
                "scope": {"anchor": "lid-1"},
                "newParagraphs": [{"number": None, "content": []}, {"number": None, "content": []}],
            },
            {"seq": 9, "target": {"article": "10"}, "operation": "delete", "scope": {"anchor": "lid-5"}},
            {
                "seq": 6,
                "target": {"article": "4bis"},
                "operation": "insert",
                "newArticle": {"paragraphs": [{"number": 1, "content": []}, {"number": 2, "content": []}]},
            },
        ],
    }
    path = tmp_path / "amendments.json"
    path.write_text(json.dumps(instructions), encoding="utf-8")

    deleted, document = generator.apply_amendments(articles, {}, path)

    assert document == "PE-CONS 30/26"
    assert list(articles["5"]["paragraphs"]) == ["1", "1a", "1b", "2"]
    assert list(articles["5"]["paragraphs"]["1"]) == ["a", "b", "ba", "bb", "c"]
    assert list(articles["10"]["paragraphs"]) == ["1", "6"] and deleted == ["10(5)"]
    assert articles["4a"] == {"paragraphs": {"1": {}, "2": {}}}


def test_generator_labels():
    generator = _generator()
    assert [generator.normalise_label(raw) for raw in ("b bis) ", "14 ter)", "1. ", "iii) ", "— ", "4.3.")] == [
        "ba",
        "14b",
        "1",
        "iii",
        None,
        "4.3",
    ]
