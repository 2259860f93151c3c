"""The decision tree as a page shows it: JSON for the browser's walk (``beslisboom.js``) and the
printable flow (numbered questions, each answer saying where to go). Pure: tree, duties and legal
dates in, plain data out.

The browser walks the same data with the same rules as :func:`geletterdheid.classification.walk.walk`
and :func:`geletterdheid.classification.duties.applies`; ``tests/test_browser_beslishulp.py`` runs
every test case of ``tests/classification`` and random kenmerken through both and compares them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..content.duties import DutyTable
from ..content.inventory import EXCEPTION_PROVISIONS, PRACTICE_PROVISIONS, Features
from ..content.model import LegalFacts
from ..content.tree import DecisionTree, Source, TreeQuestion, sources
from .formats import RISK_CLASS_NL, start_text

#: Short Dutch labels of the choices behind a "ja" (what the kenmerk in ai-systemen.yaml then holds).
PRACTICE_LABELS: dict[str, str] = {
    "manipulatie": "Mensen manipuleren of misleiden, met grote schade",
    "kwetsbaarheden": "De kwetsbaarheid van mensen uitbuiten (leeftijd, handicap, sociale of economische situatie)",
    "sociale-scoring": "Sociale scoring die mensen nadelig of onevenredig behandelt",
    "criminaliteitsvoorspelling": "Voorspellen of iemand een strafbaar feit pleegt, alleen op basis van profilering",
    "gezichtsdatabank-scraping": "Ongericht gezichtsbeelden verzamelen voor een databank",
    "emotieherkenning-werk-onderwijs": "Emoties herkennen op het werk of in het onderwijs",
    "biometrische-categorisering": "Mensen biometrisch indelen naar gevoelige kenmerken",
    "realtime-biometrie-rechtshandhaving": (
        "Realtime biometrische identificatie op afstand in openbare ruimten, voor de rechtshandhaving"
    ),
    "seksuele-deepfakes": "Seksuele deepfakes zonder toestemming",
    "kindermisbruikmateriaal": "Beelden van seksueel kindermisbruik",
}
ANNEX_III_LABELS: dict[str, str] = {
    "1(a)": "Biometrische identificatie op afstand",
    "1(b)": "Biometrisch indelen naar gevoelige kenmerken",
    "1(c)": "Emotieherkenning",
    "2": "Veiligheidsonderdeel van kritieke infrastructuur: wegverkeer, digitale infrastructuur, water, gas, "
    "verwarming of elektriciteit",
    "3(a)": "Onderwijs: toegang of toelating",
    "3(b)": "Onderwijs: leerresultaten beoordelen",
    "3(c)": "Onderwijs: het passende niveau beoordelen",
    "3(d)": "Onderwijs: toezicht op fraude bij toetsen",
    "4(a)": "Werk: werving en selectie, zoals sollicitaties filteren",
    "4(b)": "Werk: besluiten over arbeidsvoorwaarden, promotie of ontslag, taken verdelen, prestaties volgen",
    "5(a)": "Recht op uitkeringen en diensten van de overheid (ook zorg) beoordelen, toekennen, verlagen, "
    "intrekken of terugvorderen",
    "5(b)": "Kredietwaardigheid beoordelen (niet: fraude opsporen)",
    "5(c)": "Risico en prijs bij levens- en ziektekostenverzekeringen",
    "5(d)": "Noodoproepen beoordelen, hulpdiensten inzetten, triage",
    "6(a)": "Rechtshandhaving: het risico dat iemand slachtoffer wordt",
    "6(b)": "Rechtshandhaving: leugendetectors en vergelijkbare middelen",
    "6(c)": "Rechtshandhaving: de betrouwbaarheid van bewijs beoordelen",
    "6(d)": "Rechtshandhaving: het risico op strafbaar gedrag beoordelen",
    "6(e)": "Rechtshandhaving: profilering bij opsporing en vervolging",
    "7(a)": "Migratie: leugendetectors en vergelijkbare middelen",
    "7(b)": "Migratie: risico's van personen die het land binnenkomen",
    "7(c)": "Migratie: aanvragen voor asiel, visum of verblijf behandelen",
    "7(d)": "Migratie: personen opsporen, herkennen of identificeren",
    "8(a)": "Rechtspraak: rechters helpen feiten en recht te onderzoeken",
    "8(b)": "Verkiezingen: de uitslag of het stemgedrag beïnvloeden",
}
EXCEPTION_LABELS: dict[str, str] = {
    "beperkte-procedurele-taak": "(a) Een beperkte procedurele taak",
    "verbetering-menselijke-activiteit": "(b) Het resultaat van menselijk werk verbeteren",
    "patroondetectie": "(c) Patronen in besluiten opsporen, zonder de beoordeling door mensen te vervangen",
    "voorbereidende-taak": "(d) Een voorbereidende taak voor een beoordeling",
}

#: How a ``ja`` is said for each kind of kenmerk, and what ``nee`` stores.
BOOLEAN, LIST, CHOICE = "ja-nee", "lijst", "keuze"


def feature_kinds() -> dict[str, str]:
    """Every kenmerk (ai-systemen.yaml key) in the order of the inventory, with its kind."""
    kinds = {}
    for name, field in Features.model_fields.items():
        key = field.alias or name
        kinds[key] = LIST if key == "verboden" else CHOICE if key in ("bijlage_iii", "uitzondering_6_3") else BOOLEAN
    return kinds


def _choices() -> dict[str, list[dict[str, str]]]:
    return {
        "verboden": [
            {"waarde": practice, "bepaling": point, "label": PRACTICE_LABELS[practice]}
            for practice, point in PRACTICE_PROVISIONS.items()
        ],
        "bijlage_iii": [
            {"waarde": point, "bepaling": f"bijlage III, punt {point}", "label": label}
            for point, label in ANNEX_III_LABELS.items()
        ],
        "uitzondering_6_3": [
            {"waarde": name, "bepaling": point, "label": EXCEPTION_LABELS[name]}
            for name, point in EXCEPTION_PROVISIONS.items()
        ],
    }


def _sources(found: tuple[Source, ...]) -> list[dict[str, str]]:
    return [{"label": source.label, "url": source.url} for source in found]


def tree_data(tree: DecisionTree, duties: DutyTable, legal: LegalFacts) -> dict[str, Any]:
    """Everything the browser's walk needs, as JSON-ready data (Dutch keys, as in the YAML files)."""
    numbers = flow_numbers(tree)
    return {
        "start": tree.start,
        "kenmerken": feature_kinds(),
        "keuzes": _choices(),
        "risicoklassen": RISK_CLASS_NL,
        "vragen": {
            question.id: {
                "nummer": numbers[question.id],
                "vraag": question.question,
                "uitleg": question.help,
                "kenmerk": question.feature,
                "bronnen": _sources(question.sources),
                "antwoorden": {
                    answer.value: {"antwoord": answer.text, "volgende": answer.next, "rol": answer.role}
                    for answer in question.answers
                },
            }
            for question in tree.questions
        },
        "conclusies": {
            conclusion.id: {
                "risicoklasse": conclusion.risk_class,
                "titel": conclusion.title,
                "uitleg": conclusion.explanation,
                "bronnen": _sources(conclusion.sources),
                "transparantie": conclusion.transparency,
            }
            for conclusion in tree.conclusions
        },
        "transparantie": [
            {
                "id": step.id,
                "nummer": numbers[step.id],
                "vraag": step.question,
                "uitleg": step.help,
                "kenmerk": step.feature,
                "bronnen": _sources(step.sources),
                "plicht": step.duty,
                "plicht_bron": _sources(sources([step.duty])),
            }
            for step in tree.transparency
        ],
        "plichten": [
            {
                "id": duty.id,
                "artikel": duty.article,
                "bron": _sources(sources([duty.article])),
                "omschrijving": duty.description,
                "vanaf": legal.dates[duty.starts].date.isoformat() if duty.starts is not None else None,
                "vanaf_tekst": start_text(legal.dates[duty.starts].date if duty.starts is not None else None),
                "onzeker": duty.start_unsettled,
                "als": {
                    "conclusies": duty.when.conclusions,
                    "rollen": duty.when.roles,
                    "transparantie": duty.when.transparency,
                    "verboden": duty.when.prohibited,
                    "bijlage_iii_gebieden": duty.when.annex_iii_areas,
                    "behalve_bijlage_iii_gebieden": duty.when.except_annex_iii_areas,
                },
            }
            for duty in duties.duties
        ],
    }


# -- the printable flow ------------------------------------------------------------------------------


def flow_numbers(tree: DecisionTree) -> dict[str, int]:
    """Questions numbered in the order of the file, then the transparency steps."""
    ids = [question.id for question in tree.questions] + [step.id for step in tree.transparency]
    return {node_id: number for number, node_id in enumerate(ids, start=1)}


@dataclass(frozen=True)
class FlowAnswer:
    label: str  # "Ja" / "Nee"
    text: str  # the answer as the reader sees it, or "" for a transparency step
    goes_to: str  # "ga naar vraag 4", "conclusie: Geen AI-systeem."
    target: str | None = None  # the id of the next question or step, if the answer leads to one


@dataclass(frozen=True)
class FlowItem:
    node_id: str
    number: int
    question: str
    help: str
    sources: tuple[Source, ...]
    answers: tuple[FlowAnswer, ...]
    transparency: bool


def _target(tree: DecisionTree, numbers: dict[str, int], node_id: str) -> str:
    if node_id in numbers and tree.question(node_id) is not None:
        return f"ga naar vraag {numbers[node_id]}"
    conclusion = tree.conclusion(node_id)
    assert conclusion is not None  # a checked tree
    text = f"conclusie: {conclusion.title}"
    if conclusion.transparency and tree.transparency:
        text += f". Ga daarna naar vraag {numbers[tree.transparency[0].id]} (transparantie)"
    return text + "."


def _question_item(tree: DecisionTree, numbers: dict[str, int], question: TreeQuestion) -> FlowItem:
    answers = tuple(
        FlowAnswer(
            answer.value.capitalize(),
            answer.text if answer.text.lower() != answer.value else "",  # "Ja" says nothing more than ja
            _target(tree, numbers, answer.next),
            answer.next if tree.question(answer.next) is not None else None,
        )
        for answer in sorted(question.answers, key=lambda a: a.value != "ja")
    )
    return FlowItem(
        question.id, numbers[question.id], question.question, question.help, question.sources, answers, False
    )


def flow(tree: DecisionTree) -> list[FlowItem]:
    """The whole tree as numbered questions; every answer says where to go next."""
    numbers = flow_numbers(tree)
    items = [_question_item(tree, numbers, question) for question in tree.questions]
    for index, step in enumerate(tree.transparency):
        after = tree.transparency[index + 1] if index + 1 < len(tree.transparency) else None
        then = f"ga naar vraag {numbers[after.id]}." if after is not None else "klaar: je hebt de uitkomst."
        duty = sources([step.duty])
        label = duty[0].label if duty else step.duty
        target = after.id if after is not None else None
        answers = (
            FlowAnswer("Ja", "", f"{label} geldt; {then}", target),
            FlowAnswer("Nee", "", then, target),
        )
        items.append(FlowItem(step.id, numbers[step.id], step.question, step.help, step.sources, answers, True))
    return items


FLOW_INTRO = (
    "Begin bij vraag 1. Elk antwoord zegt waar je verder gaat. Na een conclusie voor een AI-systeem dat "
    "niet verboden is, loop je ook de vragen over transparantie langs (artikel 50)."
)
