"""What ``geletterdheid init`` writes: a commented gemeente.toml and a short README per folder (Dutch).

Kept as text here (not package data files) so the wheel needs no extra data rules and a test can
load the very template a gemeente gets.
"""

from __future__ import annotations

import json

#: The forum address of a new project: clearly not real (.example is reserved, RFC 2606), so
#: ``check`` can warn and a gemeente build can refuse it until the gemeente fills in its own.
PLACEHOLDER_FORUM_URL = "https://forum.gemeente.example/c/"

_GEMEENTE_TOML = """\
# Instellingen van dit gemeente-project voor de AI-geletterdheidstraining.
# De basisinhoud (modules, toetsen, rollen) komt uit het pakket geletterdheid; hier staat alleen
# wat van jullie gemeente is. Een regel met # ervoor doet niets: haal de # weg om hem te gebruiken
# (ook bij de [kop] van een tabel). Controleer je wijzigingen met: geletterdheid check
# Alle sleutels staan uitgelegd in de README van geletterdheid, "Een eigen gemeente-project".

# Geen forum? Zet dan de volgende regel aan en haal de hele [forum]-tabel hieronder weg.
# Deze regel moet bovenaan staan, vóór de eerste [tabel].
# forum = false

[gemeente]
# De naam zoals hij in de kop van elke pagina en op de pdf-handboeken staat (verplicht).
naam = {name}
# Het logo in de kop van de website en op de handboeken: .svg, .png of .jpg, in deze map.
# logo = "logo.svg"
# De website van de gemeente (begint met https://).
# website = "https://www.gemeente.nl"

[forum]
# Waar collega's over een onderwerp praten. De onderwerp-id komt achter dit adres,
# bijvoorbeeld .../c/generatieve-ai. Vervang dit voorbeeldadres door dat van jullie forum:
# zolang het er staat, waarschuwt geletterdheid check.
basis_url = "{forum}"

# Een eigen adres voor één onderwerp, bijvoorbeeld een Teams-kanaal (onderwerp-id = adres).
# [forum.onderwerpen]
# generatieve-ai = "https://forum.gemeente.nl/t/chatgpt"

# Bij wie medewerkers terechtkunnen; staat onderaan elke pagina.
# [contact]
# ai_loket = {{ naam = "AI-loket", email = "ai-loket@gemeente.nl" }}
# fg = {{ naam = "Functionaris gegevensbescherming", email = "fg@gemeente.nl" }}

# Links onderaan elke pagina: de privacyverklaring en de toegankelijkheidsverklaring.
# [voettekst]
# privacy = "https://www.gemeente.nl/privacy"
# toegankelijkheid = "https://www.gemeente.nl/toegankelijkheid"

# De huisstijl van de website.
# [huisstijl]
# Hoofdkleur als #rrggbb. Tekst in deze kleur moet goed leesbaar zijn op wit
# (contrast minstens 4,5:1, WCAG 1.4.3); anders stopt de bouw met een melding.
# kleur = "#00589c"
# NL Design System design tokens (CSS custom properties), als bestand in deze map: kleuren en
# lettertypen van de site. huisstijl/voorbeeld-tokens.css laat zien hoe; kleur hierboven gaat voor.
# tokens = "huisstijl/voorbeeld-tokens.css"

# Welke modules van de basisinhoud jullie gemeente weglaat (module-ids).
# [inhoud]
# weglaten = ["m16"]

# Wanneer medewerkers hun leerpad af moeten hebben en hoe lang een gehaalde toets geldt.
# De HR-export, geletterdheid progress en geletterdheid herinneringen gebruiken dit.
# [opleiding]
# deadline = 2027-03-31     # een datum, zonder aanhalingstekens
# geldig_maanden = 24       # daarna is de toets 'verlopen' en moet hij opnieuw
# Een rol kan een eigen deadline of geldigheid krijgen (de rol-id uit de rollen):
# [opleiding.rollen.inkoper]
# deadline = 2026-12-31

# Een toetssite voor de resultatenserver (geletterdheid serve): de antwoorden en de uitleg staan
# dan niet in de website; de server geeft de vragen per poging en de uitleg na het inleveren.
# Zonder deze tabel is de site een oefensite: antwoorden in de pagina, er gaat niets naar een server.
# [resultaten]
# url = "/api/pogingen"

# Wie namens het bestuur eigenaar is van AI-geletterdheid, het budget en wanneer jullie evalueren
# (de Autoriteit Persoonsgegevens raadt aan: het bestuur is eigenaar). geletterdheid rapport zet dit
# in het dossier voor het bestuur, de ondernemingsraad en een toezichthouder.
# [governance]
# eigenaar = "Gemeentesecretaris"
# budget = "€ 40.000 per jaar (2026 en 2027)"
# evaluatie_datum = 2027-06-30   # een datum, zonder aanhalingstekens
"""

FOLDER_READMES: dict[str, str] = {
    "modules": """\
# Eigen modules

Zet hier de modules van jullie gemeente, één Markdown-bestand per module, bijvoorbeeld
`modules/g01-ai-beleid.md`. Een module schrijf je net als een module van de basisinhoud (zie de
README van geletterdheid, "Een module schrijven"). Kies een id die niet in de basisinhoud voorkomt.
Elke module heeft een toets in `quizzes/`.
""",
    "quizzes": """\
# Toetsen bij eigen modules

Zet hier de toets van elke eigen module: `quizzes/<module-id>.yaml`, bijvoorbeeld
`quizzes/g01.yaml` bij de module `g01`. Hoe een toets eruitziet staat in de README van
geletterdheid, "Een toets schrijven".
""",
    "rollen": """\
# Eigen rollen

Zet hier een pagina voor elke rol die alleen jullie gemeente heeft, bijvoorbeeld
`rollen/wijkcoach.md`. De bestandsnaam is de rol-id; die gebruik je in `rollen:` van een module.
De rollen van de basisinhoud hoef je hier niet te zetten.
""",
    "aanvullingen": """\
# Aanvullingen op modules van de basisinhoud

Wil je bij een module van de basisinhoud iets van jullie gemeente vertellen? Zet het in
`aanvullingen/<module-id>.md`, bijvoorbeeld `aanvullingen/m05.md`. Die tekst komt als onderdeel
"In onze gemeente" onderaan de module, vóór de toets. Denk aan: jullie beleid, bij wie je
terechtkunt en welke AI-hulpmiddelen zijn toegestaan.
""",
}

_PROJECT_README = """\
# AI-geletterdheid: {name}

Dit is het project van {name} voor de training AI-geletterdheid. De basisinhoud (modules, toetsen
en rollen) komt uit het Python-pakket `geletterdheid`; deze map bevat alleen wat van de gemeente
zelf is.

| map of bestand | wat staat erin |
|---|---|
| `gemeente.toml` | de naam, het forum, de contactpersonen, de voettekst en de huisstijl |
| `modules/` | eigen modules |
| `quizzes/` | de toetsen bij de eigen modules |
| `rollen/` | eigen rollen |
| `aanvullingen/` | een stuk "In onze gemeente" bij een module van de basisinhoud |
| `ai-systemen.yaml` | (zelf maken, niet verplicht) het AI-register: de AI-systemen van de gemeente en hun kenmerken |

Het AI-register: maak `ai-systemen.yaml` in deze map. Begin met een kopie van het voorbeeld: na
`geletterdheid check` staat dat in `_build/bron/docs/ai-systemen.voorbeeld.yaml` (zie de README van
geletterdheid, "Het AI-register en de beslisboom").
`geletterdheid classificeer` toont dan per systeem de risicoklasse, de rol van de gemeente en de plichten.
Wie met een systeem werkt (de afdelingen en rollen bij het systeem), krijgt de modules die het systeem vraagt
bij zijn leerpad, in de export, de herinneringen en mijn voortgang. Welke dat zijn, laat
`geletterdheid curriculum alle-medewerkers --afdeling NAAM` zien (zie de README van geletterdheid,
"Leerpaden en AI-systemen").

## Bouwen

Voer deze opdrachten uit in deze map:

```bash
geletterdheid check   # controleert gemeente.toml en de inhoud; elke fout staat als bestand:regel: melding
geletterdheid build   # bouwt de website en de pdf-handboeken
```

De website staat daarna in `_build/html` (open `_build/html/index.html`) en de pdf-handboeken per
rol in `_build/pdf`. Met `geletterdheid build --out MAP` kies je een andere uitvoermap.

Nieuwe basisinhoud (bijvoorbeeld na een wijziging van de wet) krijg je met
`pip install -U geletterdheid`; bouw daarna opnieuw.
"""


def _toml_string(text: str) -> str:
    """A TOML basic string: JSON's string escapes are valid TOML, and non-ASCII stays readable."""
    return json.dumps(text, ensure_ascii=False)


def gemeente_toml(name: str) -> str:
    return _GEMEENTE_TOML.format(name=_toml_string(name), forum=PLACEHOLDER_FORUM_URL)


def project_readme(name: str) -> str:
    return _PROJECT_README.format(name=name)
