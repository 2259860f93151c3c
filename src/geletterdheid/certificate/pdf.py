"""The certificate as a tagged PDF/UA-1 document in Dutch, made with Typst like the handbooks.

``certificate_source`` is pure (the Typst markup); ``compile_pdf`` runs Typst (in memory: a
certificate is one page and compiles in milliseconds, so nothing is written to disk).
"""

from __future__ import annotations

from ..content.model import dutch_date
from ..handbook.render import PDF_STANDARD, body_fonts
from ..records.times import LOCAL_ZONE
from ..typst_syntax import escape, string
from .model import Certificate

TITLE = "Certificaat AI-geletterdheid"


class CertificatePdfError(Exception):
    """Typst could not make the certificate (a Dutch message for the log and the learner)."""


def _text(value: str) -> str:
    return f"[{escape(value)}]"


def qr_svg(url: str) -> str:
    """A QR code of ``url`` as SVG text: vector, so it prints sharp at any size."""
    import qrcode
    import qrcode.constants
    import qrcode.image.svg

    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, border=2, image_factory=qrcode.image.svg.SvgPathImage
    )
    code.add_data(url)
    code.make(fit=True)
    return str(code.make_image().to_string(encoding="unicode"))


def certificate_source(
    certificate: Certificate, name: str, gemeente: str, verify_url: str, fonts: str = "Libertinus Serif"
) -> str:
    """The Typst markup of one certificate (one A4 page)."""
    qr_alt = f"QR-code met het adres om dit certificaat te controleren: {verify_url}"
    # The page where a code is typed in: a short address that does not break inside the code.
    form_url = verify_url.rsplit("/", 1)[0] + "/"
    issued = dutch_date(certificate.issued_at.astimezone(LOCAL_ZONE).date())
    rows = ",\n    ".join(
        f"{_text(m.title)}, {_text(dutch_date(m.passed_on))}, {_text('-' if m.version is None else str(m.version))}"
        for m in certificate.modules
    )
    font_list = "(" + ", ".join(string(font) for font in fonts.split(",")) + ",)"
    return f"""#set document(title: {string(f"{TITLE}: {name}")}, author: {string(gemeente)},
  description: {string(f"{name} heeft het {certificate.path_title} afgerond bij {gemeente}.")},
  keywords: ("AI-geletterdheid", "AI-verordening", "artikel 4", "certificaat"))
#set text(lang: "nl", region: "nl", font: {font_list}, size: 11pt)
#set page(paper: "a4", margin: (x: 25mm, y: 25mm))
#set par(justify: false, leading: 0.65em)
#show heading: set text(fill: rgb("#154273"))
#show heading.where(level: 1): it => block(above: 8mm, below: 8mm, text(size: 22pt, it))
#set table(stroke: 0.5pt + luma(190), inset: 6pt, fill: (_, y) => if y == 0 {{ rgb("#e8eff7") }})

#text(size: 12pt, weight: "bold", fill: luma(70))[{escape(gemeente)}]

= {escape(TITLE)}

#text(size: 13pt)[Hierbij verklaart {escape(gemeente)} dat]

#text(size: 20pt, weight: "bold")[{escape(name)}]

#text(size: 13pt)[het {escape(certificate.path_title)} heeft afgerond op {escape(issued)}.]

Dit leerpad hoort bij de maatregelen voor AI-geletterdheid van de gemeente (AI-verordening,
artikel 4). Bij elke module staat de datum waarop de toets voor het eerst werd gehaald, en de
versie van de module.

== Modules

#table(
  columns: (1fr, auto, auto),
  table.header([*Module*], [*Gehaald op*], [*Versie*]),
    {rows},
)

== Controleren

#grid(columns: (1fr, 32mm), gutter: 8mm,
  [Verificatiecode: *{escape(certificate.code)}*

  Controleer dit certificaat: ga naar #link({string(verify_url)})[{escape(form_url)}] en typ de
  verificatiecode, of scan de QR-code. Daar ziet u alleen de naam, het leerpad en de datum.],
  image(bytes({string(qr_svg(verify_url))}), format: "svg", width: 30mm, alt: {string(qr_alt)}),
)
"""


def compile_pdf(certificate: Certificate, name: str, gemeente: str, verify_url: str) -> bytes:
    """The PDF bytes; raises CertificatePdfError when Typst fails."""
    import typst

    source = certificate_source(certificate, name, gemeente, verify_url, body_fonts())
    try:
        return typst.compile(source.encode("utf-8"), pdf_standards=PDF_STANDARD, pdf_tags=True)
    except Exception as exc:  # typst.TypstError and whatever the binding raises
        raise CertificatePdfError(f"Typst kon het certificaat niet maken: {' '.join(str(exc).split())}") from exc
