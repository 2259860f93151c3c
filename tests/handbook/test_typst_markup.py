"""HTML fragments to Typst markup (pure): escaping, labels and links, lists, tables, images, quiz, forum."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import typst

from geletterdheid.handbook.render import TEMPLATE_SOURCE
from geletterdheid.handbook.typst_markup import convert, escape, label_name, link_targets, string

TRICKY = [
    "Het college van B&W en 's avonds de raad",
    "Een boete tot € 35 miljoen of 7% van de omzet",
    "Artikel 5(1)(f) en artikel 26(5)",
    "Sterretjes * en _liggend_ en `code` en $geld$",
    "Hekje #1, @gebruiker, <tag> en [haken] ~ tilde \\ backslash",
    "= geen kop",
    "- geen opsomming",
    "+ geen genummerde lijst",
    "1. geen genummerde lijst",
    "// geen commentaar /* ook niet */",
    "https://example.org/pad_met_underscores/en*ster",
    'Zij zei "ja" -- en --- en ... zonder vervanging',
]


def _compile_text(tmp_path: Path, markup: str, files: dict[str, bytes] | None = None) -> str:
    """Compile ``markup`` on the handbook template (PDF/UA-1) and return its text (pdftotext)."""
    shutil.copy(TEMPLATE_SOURCE, tmp_path / "handboek.typ")
    for name, data in (files or {}).items():
        target = tmp_path / name.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    source = tmp_path / "doc.typ"
    source.write_text('#import "handboek.typ": *\n#show: handboek.with(titel: "Proef")\n' + markup, encoding="utf-8")
    typst.compile(str(source), output=str(tmp_path / "doc.pdf"), root=str(tmp_path), pdf_standards="ua-1")
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-nopgbrk", str(tmp_path / "doc.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler) ontbreekt")
def test_escaped_text_comes_out_exactly_as_written(tmp_path):
    markup = "\n\n".join(escape(text) for text in TRICKY)
    lines = [line for line in _compile_text(tmp_path, markup).splitlines() if line.strip()]
    assert lines == TRICKY


def test_escape_leaves_nothing_special():
    assert escape("'s") == "\\'s"
    assert escape("€ 35") == "€ 35"
    assert escape("5(1)(f)") == "5\\(1\\)\\(f\\)"
    assert escape("a_b*c#d@e") == "a\\_b\\*c\\#d\\@e"
    assert string('zei "ja" \\ nee') == '"zei \\"ja\\" \\\\ nee"'


def test_paragraphs_strong_em_code_and_whitespace():
    markup = convert(
        "<p>Een <strong>sterk</strong> en <em>schuin</em>\n   woord, <code>x_y</code>.</p><p>Twee</p>"
    ).markup
    assert markup == 'Een #strong[sterk] en #emph[schuin] woord, #raw("x_y")\\.\n\nTwee\n'


def test_headings_carry_the_linked_id_and_links_become_typst_links():
    html = (
        '<article id="m01"><section id="m01.basis"><h1>Basis</h1>'
        '<section id="m01.kop"><span id="m01.anker"></span><h2>Kop</h2>'
        '<p><a href="#m01.anker">hier</a>, <a href="#m02.elders">daar</a> en '
        '<a href="https://example.org/a_b">extern</a></p></section></section></article>'
    )
    markup = convert(html, linked={"m01", "m01.anker", "m02.elders"}).markup
    assert "#heading(level: 1, outlined: true, bookmarked: true)[Basis] <m01>" in markup
    assert "#heading(level: 2, outlined: false)[Kop] <m01.anker>" in markup
    assert "#metadata(none) <m01.kop>" in markup and "#metadata(none) <m01.basis>" in markup  # every id stays
    assert '#gl-link("m01.anker")[hier]' in markup and '#gl-link("m02.elders")[daar]' in markup
    assert '#link("https://example.org/a_b")[extern]' in markup
    assert link_targets(html) == {"m01.anker", "m02.elders"}
    assert label_name("m01.a b/c") == "m01.a-b-c"


def test_lists_checklists_definitions_and_code():
    markup = convert(
        "<ul><li><p>een</p></li><li>twee<ul><li>diep</li></ul></li></ul>"
        '<ol start="3"><li>drie</li></ol>'
        '<ul><li class="gl-afvink">vink</li></ul>'
        "<dl><dt>Term</dt><dd><p>Uitleg</p></dd></dl>"
        '<div class="highlight-python highlight"><pre>print("#1")\n</pre></div>'
    ).markup
    assert "#list([een], [twee\n\n#list([diep])])" in markup
    assert "#enum(start: 3, [drie])" in markup
    assert "#list(marker: gl-afvinkvak, [vink])" in markup
    assert "#gl-begrip([Term])[Uitleg]" in markup
    assert '#gl-code(raw(block: true, lang: "python", "print(\\"#1\\")"))' in markup


def test_tables_have_a_repeating_header_and_keep_spans():
    markup = convert(
        "<table><thead><tr><th>A</th><th>B</th></tr></thead>"
        '<tbody><tr><td colspan="2">breed</td></tr><tr><td>1</td><td>2</td></tr></tbody></table>'
    ).markup
    assert markup.startswith("#gl-tabel(table(columns: 2,\n  table.header([#strong[A]], [#strong[B]]),")
    assert "table.cell(colspan: 2)[breed]" in markup and "[1],\n  [2]" in markup


def test_images_keep_alt_text_and_data_uris_become_files():
    converted = convert(
        '<p><img alt="Schema: invoer" src="_images/schema.svg"></p>'
        '<div class="gl-forum admonition tip"><p class="admonition-title">Praat mee</p>'
        '<img class="gl-qr" alt="QR-code met het adres" src="data:image/png;base64,iVBORw0KGgo=">'
        '<p>Ga naar <a href="https://forum.example.org/c/a_b">https://forum.example.org/c/a_b</a></p></div>'
    )
    assert '#gl-afbeelding(image("/_images/schema.svg", alt: "Schema: invoer"))' in converted.markup
    ((path, data),) = converted.assets.items()
    assert path.startswith("/_handboek/beeld-") and data.startswith(b"\x89PNG")
    assert f'qr: gl-afbeelding(image("{path}", alt: "QR-code met het adres", width: 28mm' in converted.markup
    assert "\n\n#gl-forum(titel: [Praat mee], qr: " in converted.markup


QUESTION = (
    '<div class="gl-quiz"><div class="gl-vraag" id="m01.vraag-1">'
    '<div class="gl-casus"><p><strong>Casus</strong></p><p>Een collega.</p></div>'
    '<p class="gl-vraagtekst"><strong>Vraag 1.</strong> Wat?</p><p class="gl-hint">Kies één antwoord.</p>'
    '<ul class="gl-opties gl-opties-een"><li class="gl-optie">A. Fout</li>{juist}</ul>{antwoord}</div></div>'
)


def test_quiz_employee_edition_has_boxes_and_no_answers():
    markup = convert(QUESTION.format(juist='<li class="gl-optie">B. Goed</li>', antwoord="")).markup
    assert "#gl-casus[#strong[Casus]\n\nEen collega\\.]" in markup
    assert "#gl-optie(juist: false)[A\\. Fout]" in markup and "#gl-optie(juist: false)[B\\. Goed]" in markup
    assert "juist: true" not in markup and "gl-antwoord" not in markup


def test_quiz_trainer_edition_marks_the_key_and_explains():
    markup = convert(
        QUESTION.format(
            juist='<li class="gl-optie gl-juist">B. Goed<span class="gl-juist-label"> (juist)</span></li>',
            antwoord='<div class="gl-antwoord"><p class="gl-antwoord-kop">Antwoord en uitleg bij vraag 1</p>'
            "<p>Uitleg met 5(1)(f).</p></div>",
        )
    ).markup
    assert "#gl-optie(juist: true)[B\\. Goed \\(juist\\)]" in markup
    assert "#gl-antwoord[#gl-tussenkop[Antwoord en uitleg bij vraag 1]\n\nUitleg met 5\\(1\\)\\(f\\)\\.]" in markup


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler) ontbreekt")
def test_converted_content_compiles_on_the_template(tmp_path):
    html = (
        '<article id="m01"><section id="m01.s"><h1>Titel met 5(1)(f)</h1>'
        '<div class="gl-module-kaart-wrapper"><div class="sd-card gl-module-kaart"><div class="sd-card-body">'
        '<div class="sd-card-title">Over deze module</div><p>Kaart</p></div></div></div>'
        '<div class="admonition note"><p class="admonition-title">Let op</p><p>Notitie @ #1</p></div>'
        '<p><a href="#m01">terug</a> <a href="#m09.weg">weg</a></p>'
        + QUESTION.format(
            juist='<li class="gl-optie gl-juist">B. Goed</li>', antwoord='<div class="gl-antwoord"><p>Uitleg</p></div>'
        )
        + "</section></article>"
    )
    text = " ".join(_compile_text(tmp_path, convert(html, linked={"m01"}).markup).split())
    for expected in (
        "Titel met 5(1)(f)",
        "Over deze module",
        "Let op",
        "Notitie @ #1",
        "terug weg",
        "Vraag 1. Wat?",
        "A. Fout",
        "B. Goed",
        "Uitleg",
    ):
        assert expected in text


def test_a_typst_error_becomes_a_dutch_message_naming_the_handbook(tmp_path):
    from geletterdheid.handbook.render import RenderProblem, TypstJob, compile_all, compile_one

    source = tmp_path / "handboek-x.typ"
    source.write_text(
        '#set document(title: "X")\n#set text(lang: "nl")\n#image("/ontbreekt.png", alt: "weg")\n', encoding="utf-8"
    )
    job = TypstJob(source=source, target=tmp_path / "handboek-x.pdf", root=tmp_path)
    with pytest.raises(RenderProblem, match=r"^handboek-x\.pdf: Typst kon het handboek niet maken \(handboek-x\.typ\)"):
        compile_one(job)
    results, errors = compile_all([job], workers=2)
    assert results == [] and len(errors) == 1 and not list(tmp_path.glob("*.pdf*"))
