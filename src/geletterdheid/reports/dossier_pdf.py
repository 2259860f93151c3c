"""The dossier as a tagged PDF/UA-1 document in Dutch (``rapport.pdf``), made with Typst like the
certificate. ``dossier_source`` is pure (the markup); ``compile_pdf`` runs Typst in memory.

The charts are the same SVG as on the page, as images with alt text (their description), each
followed by a table with the same figures.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..content.model import dutch_date
from ..typst_syntax import escape, string
from .dossier import Dossier
from .dossier_charts import Chart, percent_text
from .dossier_json import REMINDERS_NOT_RECORDED, legal_basis, reminder_lists_sentence
from .dossier_text import (
    FIGURES,
    FOUR_STEPS,
    GEMEENTE_ROLE_NL,
    INTRO_AFTER,
    INTRO_BEFORE,
    INTRO_LINK,
    ITEMS,
    OWN_RECORD,
    PASS_RATES,
    PRIVACY,
    STATUS_NL,
    TITLE,
    VERSIONS,
    charts,
    count_or_hidden,
    minutes_text,
    month_label,
    percent_or_hidden,
    period_text,
    review_months,
    risk_text,
    versions_text,
)


class DossierPdfError(Exception):
    """Typst could not make the PDF (a Dutch message)."""


def _t(value: object) -> str:
    return f"[{escape(str(value))}]"


def _table(caption: str, header: Sequence[str], rows: Sequence[Sequence[str]], widths: str | None = None) -> str:
    columns = widths or "(" + ", ".join(["auto"] * len(header)) + ")"
    head = ", ".join(f"[*{escape(h)}*]" for h in header)
    body = (
        ",\n    ".join(", ".join(_t(cell) for cell in row) for row in rows)
        if rows
        else (f"table.cell(colspan: {len(header)})[Geen gegevens.]")
    )
    return (
        f"#figure(kind: table, caption: figure.caption(position: top, {_t(caption)}),\n"
        f"  table(columns: {columns},\n    table.header({head}),\n    {body},\n  ))\n"
    )


def _chart(chart: Chart, width: str = "100%") -> str:
    alt = f"{chart.title}. {chart.description}"
    return (
        f'#figure(image(bytes({string(chart.svg)}), format: "svg", width: {width}, alt: {string(alt)}),\n'
        f"  caption: {_t(chart.title)})\n"
    )


def _list(items: Sequence[str]) -> str:
    return "\n".join(f"- {escape(item)}" for item in items) + "\n" if items else "Geen.\n"


def dossier_source(dossier: Dossier, fonts: str = "Libertinus Serif") -> str:
    basis = legal_basis()
    trend_chart, department_chart, role_chart = charts(dossier)
    governance = dossier.governance
    k = dossier.k
    font_list = "(" + ", ".join(string(font) for font in fonts.split(",")) + ",)"
    total = dossier.total
    title = f"{TITLE}: {dossier.gemeente}, {period_text(dossier)}"
    evaluation = dutch_date(governance.evaluation_on) if governance.evaluation_on else "niet vastgelegd"
    forum = (
        f"Er is een forum: elke module linkt naar een van {dossier.forum_topics} onderwerpen waar collega's praten."
        if dossier.forum
        else "De gemeente heeft geen forum (forum = false in gemeente.toml)."
    )
    too_few = [c.module_id for c in dossier.items if not c.enough]
    coverage_header = ["Medewerkers", "Leerpad afgerond", "Percentage"]
    parts = [
        f"""#set document(title: {string(title)}, author: {string(dossier.gemeente)},
  description: {string(f"Maatregelen voor AI-geletterdheid (artikel 4 AI-verordening), {period_text(dossier)}")},
  keywords: ("AI-geletterdheid", "AI-verordening", "artikel 4", "dossier"))
#set text(lang: "nl", region: "nl", font: {font_list}, size: 10pt, hyphenate: true)
#set page(paper: "a4", margin: (x: 20mm, y: 20mm), numbering: "1")
#set par(justify: false, leading: 0.6em)
#set heading(numbering: none)
#show heading: set text(fill: rgb("#154273"))
#show link: underline
#set table(stroke: 0.5pt + luma(150), inset: 4pt, fill: (_, y) => if y == 0 {{ rgb("#e8eff7") }})
#show figure: set block(breakable: true)
#show figure.where(kind: table): set align(start)
#set table(align: start)
#show table: set text(size: 9pt)

= {escape(TITLE)}: {escape(dossier.gemeente)}

*Periode:* {escape(period_text(dossier))}. *Gemaakt op:* {escape(dutch_date(dossier.made_on))}"""
        + (f" met geletterdheid {escape(dossier.package_version)}" if dossier.package_version else "")
        + f""".

{escape(INTRO_BEFORE)}#link({string(basis["url"])})[{escape(INTRO_LINK.format(label=basis["label"]))}]{escape(INTRO_AFTER)}

{escape(OWN_RECORD)}

{escape(FOUR_STEPS)}

{escape(PRIVACY.format(k=k))}

{escape(FIGURES.format(end=dutch_date(dossier.period.end)))}

== Eigenaar en budget

/ Eigenaar: {escape(governance.owner or "niet vastgelegd")}
/ Budget: {escape(governance.budget or "niet vastgelegd")}
/ Evaluatie gepland: {escape(evaluation)}

== Stap 1. Identificeren: de AI-systemen
""",
    ]
    add = parts.append
    if dossier.inventory_note:
        add(escape(dossier.inventory_note) + "\n")
    add(
        escape(
            "Elk systeem uit het AI-register, door de beslisboom gehaald: de risicoklasse, de rol van de gemeente en "
            "de transparantieplichten (artikel 50). Gebruikers: medewerkers in dienst in een van de afdelingen met "
            "een van de rollen van het systeem. Dit is een hulpmiddel, geen juridisch advies."
        )
        + "\n"
    )
    add(
        _table(
            "AI-systemen met uitkomst, gebruikers en status",
            ["Systeem", "Risicoklasse", "Rol gemeente", "Transparantie", "Afdelingen", "Gebruikers"],
            [
                [
                    f"{s.name} ({s.supplier}; {STATUS_NL.get(s.status, s.status)})",
                    risk_text(s.risk_class),
                    GEMEENTE_ROLE_NL.get(s.gemeente_role or "", "geen (geen AI-systeem)"),
                    ", ".join(f"artikel {t}" for t in s.transparency) or "geen",
                    ", ".join(s.departments),
                    str(s.users),
                ]
                for s in dossier.systems
            ],
            "(1.6fr, 1fr, 1.6fr, 1fr, 1fr, auto)",
        )
    )
    add("== Stap 2. Doelen: het leerpad per rol\n")
    add(escape("Per rol de verplichte modules (voorkennis eerst) en de studietijd.") + "\n")
    add(
        _table(
            "Leerpad en studietijd per rol",
            ["Rol", "Modules", "Studietijd"],
            [
                [p.role_title, ", ".join(f"{m.id} (v{m.version})" for m in p.modules), minutes_text(p.minutes)]
                for p in dossier.paths
            ],
            "(auto, 1fr, auto)",
        )
    )
    add("== Stap 3. Uitvoeren: de maatregelen\n\n=== Aangeboden modules en hun versie\n")
    add(escape(VERSIONS.format(months=review_months())) + "\n")
    add(
        _table(
            "Modules: versie, toetsing aan de wet en geslaagd per versie",
            ["Module", "Titel", "Versie", "Getoetst", "Opnieuw uiterlijk", "Geslaagd per versie"],
            [
                [
                    m.id,
                    m.title,
                    str(m.version),
                    dutch_date(m.last_checked),
                    dutch_date(m.review_due),
                    versions_text(m.passes_by_version),
                ]
                for m in dossier.modules
            ],
            "(auto, 1fr, auto, auto, auto, auto)",
        )
    )
    add("=== Workshops\n")
    add(
        escape(
            f"In de periode: {len(dossier.workshops)} workshops met samen {dossier.workshop_participants} deelnames."
        )
        + "\n"
    )
    add(
        _table(
            "Gehouden workshops en aanwezigheid",
            ["Workshop", "Datum", "Modules", "Duur", "Deelnemers"],
            [
                [w.name, dutch_date(w.held_on), ", ".join(w.modules), minutes_text(w.minutes), str(w.participants)]
                for w in dossier.workshops
            ],
        )
    )
    add("=== Forum en herinneringen\n")
    add(
        escape(forum)
        + "\n\n"
        + escape(
            f"{REMINDERS_NOT_RECORDED} {reminder_lists_sentence(dossier)} "
            f"Op {dutch_date(dossier.period.end)}: {dossier.open_reminders} medewerkers met open modules."
        )
        + "\n"
    )
    add("=== Bereik per afdeling en per rol\n")
    add(
        escape(
            f"Op {dutch_date(dossier.period.end)} hebben {count_or_hidden(total)} van de {total.employees} medewerkers "
            f"hun leerpad afgerond ({percent_text(total.percent)}); van alle verplichte modules samen is "
            f"{dossier.passed} van de {dossier.required} gehaald."
        )
        + "\n"
    )
    add(_chart(department_chart, "80%"))
    add(
        _table(
            "Leerpad afgerond per afdeling",
            ["Afdeling", *coverage_header],
            [
                [line.group, str(line.employees), count_or_hidden(line), percent_or_hidden(line, k)]
                for line in dossier.departments
            ],
        )
    )
    add(_chart(role_chart, "80%"))
    add(
        _table(
            "Leerpad afgerond per rol (wie meer rollen heeft, telt bij elke rol mee)",
            ["Rol", *coverage_header],
            [
                [line.group, str(line.employees), count_or_hidden(line), percent_or_hidden(line, k)]
                for line in dossier.roles
            ],
        )
    )
    add("=== Verloop per maand\n")
    add(_chart(trend_chart))
    add(
        _table(
            "Per maand: leerpad afgerond aan het eind van de maand, en toetspogingen in de maand",
            ["Maand", "Medewerkers", "Leerpad afgerond", "Percentage", "Toetspogingen", "Modules gehaald"],
            [
                [
                    month_label(t.month),
                    str(t.employees),
                    str(t.finished),
                    percent_text(t.percent),
                    str(t.attempts),
                    str(t.passes),
                ]
                for t in dossier.trend
            ],
        )
    )
    add("== Stap 4. Evalueren\n\n=== Slagingspercentage per module\n")
    add(escape(PASS_RATES) + "\n")
    add(
        _table(
            "Slagingspercentage per module in de periode",
            ["Module", "Titel", "Deelnemers", "Geslaagd", "Pogingen", "Percentage"],
            [
                [r.module_id, r.title, str(r.tried), str(r.passed), str(r.attempts), percent_text(r.percent)]
                for r in dossier.pass_rates
            ],
            "(auto, 1fr, auto, auto, auto, auto)",
        )
    )
    add("=== Toetsvragen met een signaal\n")
    add(escape(ITEMS) + "\n")
    if too_few:
        add(escape(f"Te weinig eerste pogingen om te beoordelen: {', '.join(too_few)}.") + "\n")
    add(
        _table(
            "Vragen met een signaal uit de itemanalyse",
            ["Vraag", "Module", "Signalen", "p-waarde", "Onderscheidend vermogen"],
            [
                [
                    f.question_id,
                    f.module_id,
                    ", ".join(f.flags),
                    percent_text(f.facility),
                    percent_text(f.discrimination),
                ]
                for f in dossier.flagged
            ],
        )
    )
    add("=== Modules over hun controledatum\n")
    add(_list([f"{m.id} {m.title}: laatst getoetst op {dutch_date(m.last_checked)}" for m in dossier.overdue_modules]))
    add("=== Open acties\n")
    add(_list(list(dossier.open_actions)))
    return "\n".join(parts)


def compile_pdf(dossier: Dossier) -> bytes:
    """The PDF bytes; raises DossierPdfError when Typst fails."""
    import typst

    from ..handbook.render import PDF_STANDARD, body_fonts

    source = dossier_source(dossier, body_fonts())
    try:
        return typst.compile(source.encode("utf-8"), pdf_standards=PDF_STANDARD, pdf_tags=True)
    except Exception as exc:  # typst.TypstError and whatever the binding raises
        raise DossierPdfError(f"Typst kon het dossier niet maken: {' '.join(str(exc).split())}") from exc
