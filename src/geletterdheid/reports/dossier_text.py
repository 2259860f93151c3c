"""The words of the dossier, shared by the page and the PDF (one text, two views). Pure."""

from __future__ import annotations

from ..classification.formats import RISK_CLASS_NL
from ..content.model import dutch_date
from ..curriculum import duration_text
from .dossier import REVIEW_MONTHS, CoverageLine, Dossier
from .dossier_charts import Chart, bars, columns, percent_text

TITLE = "Dossier AI-geletterdheid"
STATUS_NL = {"pilot": "pilot", "in-gebruik": "in gebruik", "gestopt": "gestopt"}
GEMEENTE_ROLE_NL = {"aanbieder": "aanbieder", "gebruiksverantwoordelijke": "gebruiksverantwoordelijke"}
#: Month names for the trend's labels: "jan 2026".
SHORT_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def period_text(dossier: Dossier) -> str:
    return f"{dutch_date(dossier.period.start)} tot en met {dutch_date(dossier.period.end)}"


def month_label(month: str) -> str:
    year, number = month.split("-")
    return f"{SHORT_MONTHS[int(number) - 1]} {year}"


def risk_text(risk_class: str) -> str:
    return RISK_CLASS_NL.get(risk_class, risk_class)


def minutes_text(minutes: int) -> str:
    return duration_text(minutes)


def count_or_hidden(line: CoverageLine) -> str:
    return "-" if line.finished is None else str(line.finished)


def percent_or_hidden(line: CoverageLine, k: int) -> str:
    return f"niet getoond (minder dan {k})" if line.finished is None else percent_text(line.percent)


#: The intro's first sentence, around the link to the legal basis ("artikel 4 van de AI-verordening").
INTRO_BEFORE = (
    "Dit dossier laat zien welke maatregelen de gemeente neemt om de AI-geletterdheid van haar medewerkers "
    "te bevorderen, zoals "
)
INTRO_LINK = "{label} van de AI-verordening (Verordening (EU) 2024/1689)"
INTRO_AFTER = " vraagt."
OWN_RECORD = (
    "Het is het eigen verslag van de gemeente, geen certificaat. De AI-verordening vraagt geen certificaat: "
    "de gemeente legt zelf vast wat zij doet, en dit dossier is die vastlegging."
)
FOUR_STEPS = (
    "Het volgt de vier stappen die de Autoriteit Persoonsgegevens aanraadt: AI-systemen en risico's in kaart "
    "brengen (1), doelen stellen (2), maatregelen uitvoeren (3) en evalueren (4). Het bestuur is eigenaar."
)
PRIVACY = (
    "Er staan geen namen of personeelsnummers in dit dossier, alleen aantallen. Van een afdeling of rol met "
    "minder dan {k} medewerkers staat alleen het aantal medewerkers, niet hoeveel hun leerpad af hebben."
)
FIGURES = (
    "De cijfers zijn die van de HR-export en van geletterdheid progress op {end}: de status van elke verplichte "
    "module op die dag, met de toetsen tot en met die dag en de workshops tot en met die dag. 'Leerpad "
    "afgerond' betekent: alle verplichte modules gehaald en nog geldig."
)
VERSIONS = (
    "Bij elke module staat de versie van de inhoud, wanneer die voor het laatst aan de wet is getoetst, en op "
    "welke versie de medewerkers slaagden. Na {months} maanden moet de inhoud opnieuw aan de wet worden getoetst."
)
ITEMS = (
    "De itemanalyse kijkt naar de eerste poging van elke medewerker, zoals geletterdheid stats. Vragen krijgen "
    "pas een signaal vanaf 30 eerste pogingen."
)
PASS_RATES = (
    "Slagingspercentage: van de medewerkers die in de periode de toets maakten, het deel dat hem in de periode haalde."
)


def versions_text(passes: tuple[tuple[int | None, int], ...]) -> str:
    if not passes:
        return "nog niemand geslaagd"
    return ", ".join(f"versie {'onbekend' if v is None else v}: {n}" for v, n in passes)


def review_months() -> int:
    return REVIEW_MONTHS


def charts(dossier: Dossier) -> tuple[Chart, Chart, Chart]:
    trend = columns(
        "grafiek-trend",
        "Leerpad afgerond per maand (percentage van de medewerkers, aan het eind van de maand)",
        [(month_label(point.month), point.percent) for point in dossier.trend],
    )
    departments = bars(
        "grafiek-afdelingen",
        "Leerpad afgerond per afdeling (percentage van de medewerkers)",
        [(line.group, line.percent) for line in dossier.departments if line.finished is not None],
    )
    roles = bars(
        "grafiek-rollen",
        "Leerpad afgerond per rol (percentage van de medewerkers met die rol)",
        [(line.group, line.percent) for line in dossier.roles if line.finished is not None],
    )
    return trend, departments, roles
