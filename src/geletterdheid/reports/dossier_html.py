"""The dossier as one HTML page (``rapport.html``): inline CSS and SVG, nothing from another host. Pure.

WCAG 2.1 AA: Dutch page language, one h1 and a heading per step, tables with captions and header
cells, every chart an ``<svg role="img">`` with ``<title>``/``<desc>`` followed by a table with the
same figures; wide tables scroll inside a focusable region so the page reflows at 320 px.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..content.model import dutch_date
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

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; line-height: 1.5; color: #1a1a1a;
  background: #ffffff; margin: 0; }
main { max-width: 62rem; margin: 0 auto; padding: 1rem; }
h1 { color: #154273; font-size: 1.8rem; line-height: 1.2; }
h2 { color: #154273; border-bottom: 2px solid #154273; padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { margin-top: 1.5rem; }
a { color: #0b4f8a; }
a:focus, .tabel:focus { outline: 3px solid #b35900; outline-offset: 2px; }
.tabel { overflow-x: auto; max-width: 100%; margin: .5rem 0 1rem; }
table { border-collapse: collapse; min-width: 20rem; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; position: sticky; left: 0;
  max-width: calc(100vw - 2rem); }
th, td { border: 1px solid #8c8c8c; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #e8eff7; }
td.getal, th.getal { text-align: right; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
.kader { border-left: 4px solid #154273; background: #f3f6fa; padding: .5rem 1rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dt { font-weight: bold; }
dd { margin: 0; }
@media (max-width: 30rem) { dl { grid-template-columns: 1fr; } }
"""


def _e(text: object) -> str:
    return escape(str(text))


def _table(table_id: str, caption: str, header: Sequence[str], rows: Sequence[Sequence[str]], numeric: int = 0) -> str:
    """A table with a caption; the last ``numeric`` columns are right-aligned numbers."""
    first_numeric = len(header) - numeric

    def cell(index: int, value: str, tag: str) -> str:
        klass = ' class="getal"' if index >= first_numeric else ""
        scope = ' scope="col"' if tag == "th" else ""
        return f"<{tag}{scope}{klass}>{_e(value)}</{tag}>"

    head = "".join(cell(i, h, "th") for i, h in enumerate(header))
    body = "".join(
        "<tr>"
        + "".join(
            (f'<th scope="row">{_e(value)}</th>' if i == 0 else cell(i, value, "td")) for i, value in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    if not rows:
        body = f'<tr><td colspan="{len(header)}">Geen gegevens.</td></tr>'
    return (
        f'<div class="tabel" role="region" aria-labelledby="{table_id}" tabindex="0">'
        f'<table><caption id="{table_id}">{_e(caption)}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def _figure(chart: Chart, table: str) -> str:
    return f"<figure>{chart.svg}</figure>{table}"


def _list(items: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ul>" if items else "<p>Geen.</p>"


def render_html(dossier: Dossier) -> str:
    basis = legal_basis()
    trend_chart, department_chart, role_chart = charts(dossier)
    k = dossier.k
    governance = dossier.governance
    parts: list[str] = []
    add = parts.append
    add(f"<h1>{_e(TITLE)}: {_e(dossier.gemeente)}</h1>")
    add(
        f"<p><strong>Periode:</strong> {_e(period_text(dossier))}. <strong>Gemaakt op:</strong> "
        f"{_e(dutch_date(dossier.made_on))}"
        + (f" met geletterdheid {_e(dossier.package_version)}" if dossier.package_version else "")
        + ".</p>"
    )
    add(
        '<div class="kader">'
        f'<p>{_e(INTRO_BEFORE)}<a href="{_e(basis["url"])}">{_e(INTRO_LINK.format(label=basis["label"]))}</a>'
        f"{_e(INTRO_AFTER)}</p>"
        f"<p>{_e(OWN_RECORD)}</p><p>{_e(FOUR_STEPS)}</p><p>{_e(PRIVACY.format(k=k))}</p>"
        f"<p>{_e(FIGURES.format(end=dutch_date(dossier.period.end)))}</p></div>"
    )
    add("<h2>Eigenaar en budget</h2><dl>")
    add(f"<dt>Eigenaar</dt><dd>{_e(governance.owner or 'niet vastgelegd')}</dd>")
    add(f"<dt>Budget</dt><dd>{_e(governance.budget or 'niet vastgelegd')}</dd>")
    evaluation = dutch_date(governance.evaluation_on) if governance.evaluation_on else "niet vastgelegd"
    add(f"<dt>Evaluatie gepland</dt><dd>{_e(evaluation)}</dd></dl>")

    # 1. Identificeren
    add("<h2>Stap 1. Identificeren: de AI-systemen</h2>")
    if dossier.inventory_note:
        add(f"<p>{_e(dossier.inventory_note)}</p>")
    add(
        "<p>Elk systeem uit het AI-register, door de beslisboom gehaald: de risicoklasse, de rol van de gemeente "
        "en de transparantieplichten (artikel 50). Gebruikers: medewerkers in dienst in een van de afdelingen "
        "met een van de rollen van het systeem. Dit is een hulpmiddel, geen juridisch advies.</p>"
    )
    add(
        _table(
            "tabel-systemen",
            "AI-systemen met uitkomst, gebruikers en status",
            [
                "Systeem",
                "Leverancier",
                "Status",
                "Risicoklasse",
                "Rol gemeente",
                "Transparantie",
                "Afdelingen",
                "Rollen",
                "Gebruikers",
            ],
            [
                [
                    s.name,
                    s.supplier,
                    STATUS_NL.get(s.status, s.status),
                    risk_text(s.risk_class),
                    GEMEENTE_ROLE_NL.get(s.gemeente_role or "", "geen (geen AI-systeem)"),
                    ", ".join(f"artikel {t}" for t in s.transparency) or "geen",
                    ", ".join(s.departments),
                    ", ".join(s.roles),
                    str(s.users),
                ]
                for s in dossier.systems
            ],
            numeric=1,
        )
    )

    # 2. Doelen
    add("<h2>Stap 2. Doelen: het leerpad per rol</h2>")
    add(
        "<p>Per rol de verplichte modules (voorkennis eerst) en de studietijd. Wie meer rollen heeft, volgt de "
        "modules van al die rollen.</p>"
    )
    add(
        _table(
            "tabel-leerpaden",
            "Leerpad en studietijd per rol",
            ["Rol", "Modules", "Aantal modules", "Studietijd"],
            [
                [
                    p.role_title,
                    ", ".join(f"{m.id} (versie {m.version})" for m in p.modules),
                    str(len(p.modules)),
                    minutes_text(p.minutes),
                ]
                for p in dossier.paths
            ],
            numeric=2,
        )
    )

    # 3. Uitvoeren
    add("<h2>Stap 3. Uitvoeren: de maatregelen</h2>")
    add("<h3>Aangeboden modules en hun versie</h3>")
    add(f"<p>{_e(VERSIONS.format(months=review_months()))}</p>")
    add(
        _table(
            "tabel-modules",
            "Modules: versie, toetsing aan de wet en geslaagd per versie",
            [
                "Module",
                "Titel",
                "Versie",
                "Laatst aan de wet getoetst",
                "Opnieuw toetsen uiterlijk",
                "Geslaagd per versie",
            ],
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
        )
    )
    add("<h3>Workshops</h3>")
    add(
        f"<p>In de periode: {len(dossier.workshops)} workshops met samen {dossier.workshop_participants} "
        "deelnames (geletterdheid attendance import).</p>"
    )
    add(
        _table(
            "tabel-workshops",
            "Gehouden workshops en aanwezigheid",
            ["Workshop", "Datum", "Modules", "Duur", "Deelnemers"],
            [
                [w.name, dutch_date(w.held_on), ", ".join(w.modules), minutes_text(w.minutes), str(w.participants)]
                for w in dossier.workshops
            ],
            numeric=1,
        )
    )
    add("<h3>Forum en herinneringen</h3>")
    forum = (
        f"Er is een forum: elke module linkt naar een van {dossier.forum_topics} onderwerpen waar collega's praten."
        if dossier.forum
        else "De gemeente heeft geen forum (forum = false in gemeente.toml)."
    )
    add(f"<p>{_e(forum)}</p>")
    add(
        f"<p>{_e(REMINDERS_NOT_RECORDED)} {_e(reminder_lists_sentence(dossier))} "
        f"Op {_e(dutch_date(dossier.period.end))}: {dossier.open_reminders} medewerkers met open modules.</p>"
    )
    add("<h3>Bereik per afdeling en per rol</h3>")
    total = dossier.total
    add(
        f"<p>Op {_e(dutch_date(dossier.period.end))} hebben {count_or_hidden(total)} van de {total.employees} "
        f"medewerkers hun leerpad afgerond ({_e(percent_text(total.percent))}); van alle verplichte modules samen "
        f"is {dossier.passed} van de {dossier.required} gehaald.</p>"
    )
    coverage_header = ["Medewerkers", "Leerpad afgerond", "Percentage"]
    add(
        _figure(
            department_chart,
            _table(
                "tabel-afdelingen",
                "Leerpad afgerond per afdeling",
                ["Afdeling", *coverage_header],
                [
                    [line.group, str(line.employees), count_or_hidden(line), percent_or_hidden(line, k)]
                    for line in dossier.departments
                ],
                numeric=3,
            ),
        )
    )
    add(
        _figure(
            role_chart,
            _table(
                "tabel-rollen",
                "Leerpad afgerond per rol (wie meer rollen heeft, telt bij elke rol mee)",
                ["Rol", *coverage_header],
                [
                    [line.group, str(line.employees), count_or_hidden(line), percent_or_hidden(line, k)]
                    for line in dossier.roles
                ],
                numeric=3,
            ),
        )
    )
    add("<h3>Verloop per maand</h3>")
    add(
        _figure(
            trend_chart,
            _table(
                "tabel-trend",
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
                numeric=5,
            ),
        )
    )

    # 4. Evalueren
    add("<h2>Stap 4. Evalueren</h2>")
    add("<h3>Slagingspercentage per module</h3>")
    add(f"<p>{_e(PASS_RATES)}</p>")
    add(
        _table(
            "tabel-slagen",
            "Slagingspercentage per module in de periode",
            ["Module", "Titel", "Deelnemers", "Geslaagd", "Pogingen", "Percentage"],
            [
                [r.module_id, r.title, str(r.tried), str(r.passed), str(r.attempts), percent_text(r.percent)]
                for r in dossier.pass_rates
            ],
            numeric=4,
        )
    )
    add("<h3>Toetsvragen met een signaal</h3>")
    add(f"<p>{_e(ITEMS)}</p>")
    too_few = [c.module_id for c in dossier.items if not c.enough]
    if too_few:
        add(f"<p>Te weinig eerste pogingen om te beoordelen: {_e(', '.join(too_few))}.</p>")
    add(
        _table(
            "tabel-signalen",
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
            numeric=2,
        )
    )
    add("<h3>Modules over hun controledatum</h3>")
    add(_list([f"{m.id} {m.title}: laatst getoetst op {dutch_date(m.last_checked)}" for m in dossier.overdue_modules]))
    add("<h3>Open acties</h3>")
    add(_list(list(dossier.open_actions)))
    body = "\n".join(parts)
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(TITLE)}: {_e(dossier.gemeente)}, {_e(period_text(dossier))}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
