"""The typst builder and translator on a small test root (tests/roots/test-typst): the markup of
each construct, labels and links, the edition flag, the component API and typed warnings."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from test_typst_syntax import compile_text

TYPST = pytest.mark.sphinx("typst", testroot="typst")
BASEURL = "https://ai.gemeente.example/"


def _build(app) -> dict[str, dict[str, str]]:
    app.build()
    return app.builder.markup


@pytest.fixture
def employee(app) -> dict[str, str]:
    return _build(app)["handboek"]


@TYPST
def test_module_title_is_level_one_and_carries_the_module_id(employee):
    assert employee["m01"].startswith(
        "#metadata(none) <m01.bouwstenen>\n\n#heading(level: 1, outlined: true, bookmarked: true)[Bouwstenen] <m01>\n\n"
    )
    assert "#heading(level: 2, outlined: false)[Overig] <m01.overig>" in employee["m01"]


@TYPST
def test_a_heading_takes_the_linked_id_of_its_section_else_the_first(app, employee):
    # The module's first section: its slug is first, but the module id is what links (the
    # contents) point to. (m01-anker)=, which m02 links, goes onto the heading; the slug is a marker.
    assert (
        "#metadata(none) <m01.lijsten>\n\n#heading(level: 2, outlined: false)[Lijsten] <m01.m01-anker>"
        in (employee["m01"])
    )
    # Nothing links (los-anker)=: the first id of the section.
    section = next(s for s in app.env.get_doctree("modules/m03-los").findall(_section) if "los-anker" in s["ids"])
    first, other = section["ids"]
    assert (
        f"#metadata(none) <m03.{other}>\n\n#heading(level: 2, outlined: false)[Zonder link] <m03.{first}>"
        in (employee["m03"])
    )
    # A linked label before the module title takes the heading; the module id stays, as a marker.
    assert employee["m02"].startswith(
        "#metadata(none) <m02.vervolg>\n\n#metadata(none) <m02>\n\n"
        "#heading(level: 1, outlined: true, bookmarked: true)[Vervolg] <m02.m02-begin>\n\n"
    )
    assert "[Terug naar het begin]" in employee["m02"]
    for module, markup in employee.items():  # every label once: a PDF needs unique destinations
        labels = [part.split(">")[0] for part in markup.split(" <")[1:]]
        assert len(labels) == len(set(labels)), module


def _plain(warning) -> str:
    """The warnings as text, without the terminal's colour codes."""
    return re.sub(r"\x1b\[[0-9;]*m", "", warning.getvalue())


def _section(node) -> bool:
    return node.tagname == "section"


@TYPST
def test_inline_markup_and_escaping(employee):
    assert (
        'Een #strong[sterk] en #emph[schuin] woord, #raw("x_y") en artikel 5\\(1\\)\\(f\\) \\#1\\.' in (employee["m01"])
    )


@TYPST
def test_lists_checklists_and_definitions(employee):
    markup = employee["m01"]
    assert "#list([een], [twee\n\n#list([diep])])" in markup
    assert "#enum(start: 3, [drie], [vier])" in markup
    assert "#list(marker: gl-afvinkvak, [vink een], [vink twee])" in markup
    assert "#list([#gl-afvinkvak gemengd], [gewoon])" in markup
    assert "#gl-begrip([Term])[Uitleg van de term\\.]" in markup
    assert "[ ]" not in markup


@TYPST
def test_tables_with_header_stub_column_caption_and_spans(employee):
    markup = employee["m01"]
    assert "#gl-tabel(table(columns: 2,\n  table.header([#strong[A]], [#strong[B]]),\n  [1],\n  [2]))" in markup
    assert (
        "#gl-tussenkop[Een titel]\n\n#gl-tabel(table(columns: 2,\n  table.header([#strong[Kop]], [#strong[Waarde]]),"
        "\n  [#strong[Rij]],\n  [42]))"
    ) in markup
    assert "table.cell(colspan: 2)[breed],\n  table.cell(rowspan: 2)[hoog],\n  [x],\n  [y]))" in markup


@TYPST
def test_code_quote_rule_and_image(app, employee):
    markup = employee["m01"]
    assert '#gl-code(raw(block: true, lang: "python", "print(\\"#1\\")"))' in markup
    assert '#gl-code(raw(block: true, "zonder taal"))' in markup
    assert "#quote(block: true)[Een citaat\\.]" in markup
    assert "#line(length: 100%, stroke: 0.5pt + luma(170))" in markup
    assert '\n\n#gl-afbeelding(image("/_images/schema.svg", alt: "Schema met invoer"))\n\n' in markup
    assert (Path(app.outdir) / "_images" / "schema.svg").is_file()  # in the Typst root


@TYPST
def test_admonitions_dropdown_and_card_become_boxes(employee):
    markup = employee["m01"]
    assert '#gl-kader(titel: [Notitie], soort: "note")[Let op \\@ \\#1\\.]' in markup
    assert '#gl-kader(titel: [Eigen titel], soort: "tip")[Tekst in het kader\\.]' in markup
    # On paper a dropdown is open; its title a subheading.
    assert "#gl-kader(titel: [])[#gl-tussenkop[Bekijk de uitwerking]\n\nUitgeklapte tekst\\.]" in markup
    assert "#gl-kader(titel: [Kaarttitel])[Kaarttekst\\.]" in markup


@TYPST
def test_raw_typst_is_kept_and_raw_html_left_out(employee):
    assert "\n\n#text[RAWTYPST]\n\n" in employee["m01"] and "RAWHTML" not in employee["m01"]


@TYPST
def test_links_to_prerequisites_stay_in_the_pdf_and_others_become_text(employee):
    assert (
        'Zie #gl-link("m01.m01-anker")[het anker], de module #gl-link("m01")[Bouwstenen], de module Los, '
        'de rol Inkoper, #gl-link("m02.m02-doel")[verderop] en #link("https://example.org/a_b")[extern]\\.'
    ) in employee["m02"]
    assert "Zie Vervolg\\." in employee["m03"]  # m02 is not a prerequisite of m03


@pytest.mark.sphinx("typst", testroot="typst", confoverrides={"html_baseurl": BASEURL})
def test_links_outside_the_handbook_go_to_the_site_when_it_has_an_address(employee):
    assert f'de module #link("{BASEURL}modules/m03-los.html")[Los]' in employee["m02"]
    assert f'de rol #link("{BASEURL}docs/rollen/inkoper.html")[Inkoper]' in employee["m02"]
    assert '#gl-link("m01")[Bouwstenen]' in employee["m02"]
    assert f'Zie #link("{BASEURL}modules/m02-vervolg.html")[Vervolg]' in employee["m03"]


@TYPST
def test_editions_differ_only_in_what_is_for_trainers_or_for_employees(app):
    markup = _build(app)
    employee, trainer = markup["handboek"]["m01"], markup["trainer"]["m01"]
    assert "Alleen voor deelnemers" in employee and "Alleen voor trainers" not in employee
    assert "Alleen voor trainers" in trainer and "Alleen voor deelnemers" not in trainer
    # m02 differs only in its quiz (answers for trainers); the module text before it is the same.
    before_quiz = [markup[edition]["m02"].split("Test wat je weet")[0] for edition in ("handboek", "trainer")]
    assert before_quiz[0] == before_quiz[1] and "#gl-antwoord" not in markup["handboek"]["m02"]
    # The quiz's last block (m02 has one question) sticks to the forum box that follows it.
    assert "#gl-antwoord(sticky: true)[" in markup["trainer"]["m02"]
    assert "#gl-vraag(sticky: true)[" in markup["handboek"]["m02"]


@TYPST
def test_a_component_visitor_uses_the_translator_api(app):
    markup = _build(app)
    for edition, name in (("handboek", "deelnemer"), ("trainer", "trainer")):
        assert (
            f'#proef(module: "m01", editie: "{name}", modules: 3, beeld: "/_handboek/beeld-' in markup[edition]["m01"]
        )
        assert "inline: [Proef #emph[inline]\\.])[Proef #emph[inline]\\.\n\nTweede blok\\.]" in markup[edition]["m01"]
    asset = markup["handboek"]["m01"].split('beeld: "')[1].split('"')[0]
    assert (Path(app.outdir) / asset.lstrip("/")).read_bytes() == b"\x89PNG\r\n\x1a\n-proef-"


@TYPST
def test_an_image_without_alt_text_is_a_typed_warning_naming_file_and_line(app, warning):
    _build(app)
    lines = [line for line in _plain(warning).splitlines() if "alternatieve tekst" in line]
    assert len(lines) == 1, lines  # once, though both editions meet it
    assert lines[0].endswith(
        "m03-los.md:23: WARNING: afbeelding img/schema.svg heeft geen alternatieve tekst; "
        "schrijf ![wat je ziet](bestand) zodat het handboek toegankelijk is [geletterdheid.afbeelding]"
    )


@TYPST
def test_an_unknown_node_is_a_typed_warning_and_its_text_stays(app, warning):
    markup = _build(app)
    lines = [line for line in _plain(warning).splitlines() if "geletterdheid.onderdeel" in line]
    assert len(lines) == 1, lines
    assert "m01-bouwstenen.md:" in lines[0] and "'docutils.nodes.math'" in lines[0]
    assert "Een formule x^2 zonder opmaak\\." in markup["handboek"]["m01"]


@pytest.mark.sphinx("typst", testroot="typst", confoverrides={"suppress_warnings": ["geletterdheid.afbeelding"]})
def test_a_kind_of_warning_can_be_suppressed(app, warning):
    _build(app)
    assert "alternatieve tekst" not in _plain(warning)
    assert "[geletterdheid.onderdeel]" in _plain(warning)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler) ontbreekt")
@TYPST
def test_the_markup_compiles_on_the_handbook_template(app):
    markup = _build(app)["trainer"]
    folder = Path(app.outdir) / "_handboek"
    preamble = "#let proef(..args, body) = body\n"
    text = " ".join(compile_text(folder, "\n\n".join(markup[m] for m in ("m01", "m02")), preamble).split())
    for expected in (
        "Bouwstenen",
        "Kop Waarde",
        "breed",
        'print("#1")',
        "Let op @ #1.",
        "Bekijk de uitwerking",
        "Alleen voor trainers",
        "Tweede blok",
        "Zie het anker, de module Bouwstenen",
    ):
        assert expected in text
