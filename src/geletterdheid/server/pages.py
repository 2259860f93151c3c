"""The server's own HTML pages (mijn voortgang, verifiëren, HR): Dutch, plain, accessible. Pure.

Every text that comes from the store or a request goes through :func:`html.escape`. The pages
load only the server's own stylesheet and script (``/_gl/``), nothing from another host.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from ..content.model import dutch_date

STATIC_PREFIX = "/_gl/"


def page(title: str, body: str, script: str | None = None) -> str:
    """A whole page: one <main> with the skip link's target, the page's <h1> inside ``body``."""
    script_tag = f'\n<script src="{STATIC_PREFIX}{script}" defer></script>' if script else ""
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} – AI-geletterdheid</title>
<link rel="stylesheet" href="{STATIC_PREFIX}pagina.css">{script_tag}
</head>
<body>
<a class="gl-naar-inhoud" href="#inhoud">Naar de inhoud</a>
<header class="gl-kop"><a href="/">AI-geletterdheid</a></header>
<main id="inhoud" tabindex="-1">
{body}
</main>
</body>
</html>
"""


def progress_page() -> str:
    """The shell of /mijn-voortgang/: voortgang.js asks the API who you are and fills it in."""
    body = """<h1>Mijn voortgang</h1>
<div id="gl-voortgang" aria-live="polite">
<p class="gl-laden">Je voortgang wordt geladen…</p>
</div>
<noscript><p>Deze pagina heeft JavaScript nodig. Zet JavaScript aan, of vraag HR of je trainer naar je
voortgang.</p></noscript>"""
    return page("Mijn voortgang", body, "voortgang.js")


def verification_form(message: str | None = None) -> str:
    alert = f'<p class="gl-fout" role="alert">{escape(message)}</p>\n' if message else ""
    body = f"""<h1>Certificaat controleren</h1>
{alert}<p>Typ de verificatiecode die op het certificaat staat.</p>
<form method="get" action="/verifieer/" class="gl-formulier">
<label for="code">Verificatiecode</label>
<input id="code" name="code" type="text" autocomplete="off" spellcheck="false" required
 aria-describedby="code-uitleg">
<p id="code-uitleg" class="gl-uitleg">Bijvoorbeeld: 7K3M-Q9TX-2HBD-WE4R</p>
<button type="submit">Controleren</button>
</form>"""
    return page("Certificaat controleren", body)


def verified_page(name: str, path_title: str, issued_on: dt.date) -> str:
    """What anyone with the code sees: only the name, the learning path and the date."""
    body = f"""<h1>Certificaat controleren</h1>
<p class="gl-gelukt" role="status">Dit certificaat is echt.</p>
<dl class="gl-gegevens">
<dt>Naam</dt><dd>{escape(name)}</dd>
<dt>Leerpad</dt><dd>{escape(path_title)}</dd>
<dt>Datum</dt><dd>{escape(dutch_date(issued_on))}</dd>
</dl>"""
    return page("Certificaat controleren", body)


def unknown_code_page(code: str) -> str:
    body = f"""<h1>Certificaat controleren</h1>
<p class="gl-fout" role="alert">Deze code kennen we niet: {escape(code[:40])}.</p>
<p>Controleer of u de code goed hebt overgetypt. Er bestaat geen certificaat met deze code.</p>
<p><a href="/verifieer/">Een andere code controleren</a></p>"""
    return page("Certificaat onbekend", body)


def withdrawn_page() -> str:
    body = """<h1>Certificaat controleren</h1>
<p class="gl-fout" role="alert">Dit certificaat is ingetrokken.</p>
<p>Het certificaat is niet meer geldig. Bijvoorbeeld omdat de gegevens van de medewerker zijn
verwijderd. Meer weten? Neem contact op met de gemeente die het certificaat gaf.</p>"""
    return page("Certificaat ingetrokken", body)


def hr_login_page(message: str | None = None, enabled: bool = True) -> str:
    if not enabled:
        body = """<h1>HR: voortgang</h1>
<p class="gl-fout" role="alert">Deze pagina staat uit. De beheerder heeft geen HR-token ingesteld
(GELETTERDHEID_HR_TOKEN) en geen HR-groep voor eenmalige aanmelding.</p>"""
        return page("HR: voortgang", body)
    alert = f'<p class="gl-fout" role="alert">{escape(message)}</p>\n' if message else ""
    body = f"""<h1>HR: voortgang</h1>
{alert}<p>Log in met het HR-token. Dat krijgt u van de beheerder van deze server.</p>
<form method="post" action="/hr/aanmelden" class="gl-formulier">
<label for="token">HR-token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Inloggen</button>
</form>"""
    return page("HR: inloggen", body)


def hr_dashboard(lines: list[tuple[str, int, int]], total: tuple[int, int], via_sso: bool) -> str:
    """Finished / total employees per department, and the export downloads."""
    rows = "\n".join(
        f'<tr><th scope="row">{escape(department)}</th><td>{_share(finished, employees)}</td></tr>'
        for department, finished, employees in lines
    )
    logout = (
        ""
        if via_sso
        else """<form method="post" action="/hr/afmelden" class="gl-afmelden">
<button type="submit">Afmelden</button>
</form>"""
    )
    body = f"""<h1>Voortgang per afdeling</h1>
<p>Klaar betekent: alle verplichte modules van het leerpad gehaald.</p>
<table>
<caption>Medewerkers die klaar zijn, per afdeling</caption>
<thead><tr><th scope="col">Afdeling</th><th scope="col">Klaar</th></tr></thead>
<tbody>
{rows}
</tbody>
<tfoot><tr><th scope="row">Totaal</th><td>{_share(*total)}</td></tr></tfoot>
</table>
<h2>Export downloaden</h2>
<p>De export is het bewijs van de gemeente voor de AI-verordening (artikel 4). Het bestand opent in Excel.</p>
<ul class="gl-downloads">
<li><a href="/hr/export.csv?layout=long" download>Export als CSV: een regel per medewerker en module</a></li>
<li><a href="/hr/export.csv?layout=wide" download>Export als CSV: een regel per medewerker</a></li>
<li><a href="/hr/export.xlsx?layout=long" download>Export als Excel-bestand: een regel per medewerker en module</a></li>
</ul>
{logout}"""
    return page("HR: voortgang", body)


def _share(part: int, whole: int) -> str:
    """'3 van 4 (75%)': counts and share in one cell, so the table fits a phone."""
    return f"{part} van {whole}" + (f" ({100 * part / whole:.0f}%)" if whole else "")
