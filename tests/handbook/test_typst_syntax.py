"""Typst text primitives (pure): escaped text comes out exactly as written; strings and labels."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import typst

from geletterdheid.handbook.render import TEMPLATE_SOURCE, RenderPool, RenderProblem, TypstJob, compile_one
from geletterdheid.typst_syntax import content, escape, join_blocks, label_name, string

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


def compile_text(folder: Path, markup: str, preamble: str = "") -> str:
    """Compile ``markup`` on the handbook template (PDF/UA-1) in ``folder``; its text (pdftotext)."""
    shutil.copy(TEMPLATE_SOURCE, folder / "handboek.typ")
    source = folder / "doc.typ"
    source.write_text(
        '#import "handboek.typ": *\n#show: handboek.with(titel: "Proef")\n' + preamble + markup, encoding="utf-8"
    )
    typst.compile(str(source), output=str(folder / "doc.pdf"), root=str(folder.parent), pdf_standards="ua-1")
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-nopgbrk", str(folder / "doc.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler) ontbreekt")
def test_escaped_text_comes_out_exactly_as_written(tmp_path):
    (tmp_path / "doc").mkdir()
    markup = "\n\n".join(escape(text) for text in TRICKY)
    lines = [line for line in compile_text(tmp_path / "doc", markup).splitlines() if line.strip()]
    assert lines == TRICKY


def test_escape_string_label_and_blocks():
    assert escape("'s") == "\\'s"
    assert escape("€ 35") == "€ 35"
    assert escape("5(1)(f)") == "5\\(1\\)\\(f\\)"
    assert escape("a_b*c#d@e") == "a\\_b\\*c\\#d\\@e"
    assert string('zei "ja" \\ nee\n') == '"zei \\"ja\\" \\\\ nee\\n"'
    assert label_name("m01.a b/c") == "m01.a-b-c"
    assert content("x") == "[x]"
    assert join_blocks(["a", " ", "", "b"]) == "a\n\nb"


def test_a_typst_error_becomes_a_dutch_message_naming_the_handbook(tmp_path):
    source = tmp_path / "handboek-x.typ"
    source.write_text(
        '#set document(title: "X")\n#set text(lang: "nl")\n#image("/ontbreekt.png", alt: "weg")\n', encoding="utf-8"
    )
    job = TypstJob(source=source, target=tmp_path / "handboek-x.pdf", root=tmp_path)
    with pytest.raises(RenderProblem, match=r"^handboek-x\.pdf: Typst kon het handboek niet maken \(handboek-x\.typ\)"):
        compile_one(job)
    with RenderPool(2) as pool:
        pool.submit(job)
        results, errors = pool.finish()
    assert results == [] and len(errors) == 1 and not list(tmp_path.glob("*.pdf*"))
