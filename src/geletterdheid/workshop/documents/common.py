"""What the kit's PDF documents share: file names, the Typst preamble, text helpers and compiling.

Every document is tagged PDF/UA-1 in Dutch with a title, like the handbooks and the certificate.
The sources are pure functions of a :class:`~geletterdheid.workshop.kit.Kit`; the body fonts
(which depend on the machine) reach the document through ``sys.inputs``, and the gemeente's logo
through the Typst root (the logo's folder), so compiling is the only step that touches the machine.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ...errors import UserError
from ...typst_syntax import escape, string
from ..kit import Kit

DRAAIBOEK = "draaiboek.pdf"
ANTWOORDBLAD = "antwoordblad.pdf"
PRESENTIELIJST = "presentielijst.pdf"
SLIDES = "dia's.pptx"
SCORESHEET = "scoreblad.xlsx"
FONT_INPUT = "gl-letter"


def toets_file(module_id: str) -> str:
    return f"toets-{module_id}.pdf"


class DocumentError(UserError):
    """Typst could not make a kit document (a Dutch message naming it)."""


def text(value: str) -> str:
    """Plain text as a Typst content block that shows exactly ``value``."""
    return f"[{escape(value)}]"


def bullets(items: Iterable[str]) -> str:
    """Plain texts as a (tagged) bullet list."""
    return "#list(" + ", ".join(text(item) for item in items) + ")"


def checklist(items: Iterable[str]) -> str:
    """Markup items as a list with an empty box to tick in front of each."""
    return "#list(marker: vak, " + ", ".join(f"[{item}]" for item in items) + ")"


def command(value: str) -> str:
    """A command to type, in a monospace font."""
    return f"#raw({string(value)})"


def preamble(kit: Kit, title: str, description: str) -> str:
    """Document settings (title, language, fonts, page with footer) and the shared styles."""
    footer = escape(f"{kit.gemeente} · {title}")
    return f"""#let letter = sys.inputs.at({string(FONT_INPUT)}, default: "Libertinus Serif").split(",")
#set document(title: {string(title)}, author: {string(kit.gemeente)}, description: {string(description)},
  keywords: ("AI-geletterdheid", "workshop", {string(kit.title)}))
#set text(lang: "nl", region: "nl", font: letter, size: 10.5pt)
#set page(paper: "a4", margin: (x: 20mm, top: 20mm, bottom: 22mm), footer: context {{
  set text(size: 8.5pt, fill: luma(90))
  grid(columns: (1fr, auto), column-gutter: 1em, [{footer}],
    [Pagina #counter(page).display() van #counter(page).final().first()])
}})
#set par(justify: false, leading: 0.6em, spacing: 0.9em)
#show link: set text(fill: rgb("#154273"))
#show raw: set text(font: "DejaVu Sans Mono", size: 0.9em)
#show heading: set text(fill: rgb("#154273"))
#show heading.where(level: 1): it => block(above: 0pt, below: 1em, text(size: 20pt, it))
#show heading.where(level: 2): it => block(above: 1.6em, below: 0.8em, text(size: 14pt, it))
#show heading.where(level: 3): it => block(above: 1.3em, below: 0.7em, text(size: 12pt, it))
#show heading.where(level: 4): it => block(above: 1.1em, below: 0.5em, text(size: 10.5pt, it))
#set table(stroke: 0.5pt + luma(170), inset: 5pt, fill: (_, y) => if y == 0 {{ rgb("#e8eff7") }})
#show table: set text(size: 9.5pt)
#let vak = box(width: 0.9em, height: 0.9em, stroke: 0.7pt, baseline: 0.1em)
#let klein(body) = text(size: 8.5pt, fill: luma(90), body)
#let veld(naam) = grid(columns: (38mm, 1fr), column-gutter: 2mm, align: bottom, strong(naam),
  block(width: 100%, height: 1.4em, stroke: (bottom: 0.6pt)))
"""


def gemeente_line(kit: Kit) -> str:
    return f'#block(below: 5mm, text(size: 11pt, weight: "bold", fill: luma(70))[{escape(kit.gemeente)}])'


def compile_document(source: str, root: Path | None = None, name: str = "het document") -> bytes:
    """The PDF bytes of ``source`` (tagged PDF/UA-1); ``root`` is the folder files like the logo are read from.

    Raises :class:`DocumentError` when Typst fails."""
    import typst

    from ...handbook.render import PDF_STANDARD, body_fonts

    try:
        compiler = typst.Compiler(root=str(root) if root is not None else None)
        pdf = compiler.compile(
            source.encode("utf-8"), pdf_standards=PDF_STANDARD, pdf_tags=True, sys_inputs={FONT_INPUT: body_fonts()}
        )
    except Exception as exc:  # typst.TypstError and whatever the binding raises
        raise DocumentError(f"Typst kon {name} niet maken: {' '.join(str(exc).split())}") from exc
    if not isinstance(pdf, bytes):  # a PDF is one file; only images come as a list of pages
        raise DocumentError(f"Typst gaf voor {name} geen pdf terug")
    return pdf
