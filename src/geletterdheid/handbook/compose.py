"""The HTML documents a handbook is made of. Pure: Catalog, prepared modules and facts in, HTML out.

A handbook is assembled from pages of four documents (see ``pdf.py``):

- the *modules* document of an edition: every module once, laid out once for all roles;
- the *front* of a handbook: cover, contents (with page numbers the caller computed) and an
  introduction;
- the *back* of a trainer handbook: the answer key;
- the *frame*: one empty page per handbook page, carrying only its running header and footer
  (edition and role, module title, "Pagina 3 van 52", the gemeente).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from ..content import Catalog, Question
from ..content.model import dutch_date
from ..curriculum import LearningPath, duration_text
from .source import ModuleHtml


@dataclass(frozen=True)
class Edition:
    key: str            # first part of the file name: handboek-<rol>.pdf, trainer-<rol>.pdf
    with_answers: bool
    name: str           # as on the cover, in the running header and in the document title


EMPLOYEE = Edition("handboek", False, "Handboek")
TRAINER = Edition("trainer", True, "Trainershandboek")
EDITIONS = (EMPLOYEE, TRAINER)


@dataclass(frozen=True)
class CoverFacts:
    gemeente: str
    version: str
    date: dt.date


@dataclass(frozen=True)
class FramePage:
    """What the margins of one handbook page show."""

    header: str
    section: str
    footer: str
    page: str


def pdf_name(edition: Edition, role_id: str) -> str:
    return f"{edition.key}-{role_id}.pdf"


def document_title(catalog: Catalog, role_id: str, edition: Edition) -> str:
    return f"{edition.name} AI-geletterdheid: leerpad {catalog.roles[role_id].title}"


def _count(number: int) -> str:
    return f"{number} {'module' if number == 1 else 'modules'}"


def _document(title: str, body: str, body_class: str, head: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<title>{escape(title)}</title>\n'
            f'{head}</head>\n<body class="{body_class}">\n{body}\n</body>\n</html>\n')


def modules_document(module_ids: list[str], modules: dict[str, ModuleHtml], edition: Edition) -> str:
    """Every module of ``module_ids``, each from a new page: laid out once, shared by all handbooks."""
    body = "\n".join(modules[m].trainer if edition.with_answers else modules[m].employee for m in module_ids)
    return _document("Modules", body, f"gl-inhoudsdeel gl-editie-{edition.key}")


def front_document(catalog: Catalog, role_id: str, edition: Edition, path: LearningPath, facts: CoverFacts,
                   start_pages: dict[str, int], key_page: int | None) -> str:
    """Cover, contents and introduction; ``start_pages`` are the handbook page numbers of the modules."""
    title = document_title(catalog, role_id, edition)
    extra = " Met antwoorden en uitleg voor de trainer." if edition.with_answers else ""
    description = (f"Leerpad AI-geletterdheid voor de rol {catalog.roles[role_id].title}: "
                   f"{_count(len(path.modules))}, {duration_text(path.minutes)} studietijd.{extra}")
    head = (
        f'<meta name="author" content="{escape(facts.gemeente)}">\n'
        f'<meta name="description" content="{escape(description)}">\n'
        f'<meta name="keywords" content="AI-geletterdheid, AI-verordening, {escape(catalog.roles[role_id].title)}">\n'
        f'<meta name="generator" content="geletterdheid {escape(facts.version)}">\n'
        f'<meta name="dcterms.created" content="{facts.date.isoformat()}">\n'
    )
    body = "\n".join([
        _cover(catalog, role_id, edition, path, facts),
        _contents(path, start_pages, key_page),
        _how_to_use(catalog, role_id, edition, path, facts),
    ])
    return _document(title, body, f"gl-voorwerk gl-editie-{edition.key}", head)


def _cover(catalog: Catalog, role_id: str, edition: Edition, path: LearningPath, facts: CoverFacts) -> str:
    role = catalog.roles[role_id]
    trainer = (
        '<p class="gl-omslag-trainer"><strong>Trainerseditie</strong>: met de antwoorden en de uitleg bij elke '
        "toetsvraag. Niet uitdelen aan deelnemers.</p>\n" if edition.with_answers else ""
    )
    return (
        '<section class="gl-omslag">\n'
        f'<p class="gl-omslag-gemeente">{escape(facts.gemeente)}</p>\n'
        '<h1 class="gl-omslag-titel">AI-geletterdheid</h1>\n'
        f'<p class="gl-omslag-ondertitel">{escape(edition.name)} voor de rol '
        f'<span class="gl-omslag-rol">{escape(role.title)}</span></p>\n'
        f"{trainer}"
        f'<p class="gl-omslag-samenvatting">{_count(len(path.modules))} · {escape(duration_text(path.minutes))} studietijd</p>\n'
        f'<p class="gl-omslag-voor-wie">{escape(role.description)}</p>\n'
        '<div class="gl-omslag-voet">\n'
        f'<p>Versie van de inhoud: {escape(facts.version)}<br>Gemaakt op {escape(dutch_date(facts.date))}</p>\n'
        "<p>Gebaseerd op de Europese AI-verordening (Verordening (EU) 2024/1689). Dit handboek is geen juridisch advies.</p>\n"
        "</div>\n</section>"
    )


def _contents(path: LearningPath, start_pages: dict[str, int], key_page: int | None) -> str:
    items = []
    for number, module in enumerate(path.modules, start=1):
        items.append(
            f'<li><a href="#{module.id}"><span class="gl-inhoud-nummer">{number}.</span> {escape(module.title)}'
            f'<span class="gl-inhoud-pagina">{start_pages.get(module.id, "")}</span></a>'
            f'<span class="gl-inhoud-meta">{escape(duration_text(module.duration_minutes))} · niveau '
            f"{module.level.capitalize()}</span></li>"
        )
    if key_page is not None:
        items.append('<li class="gl-inhoud-bijlage"><a href="#gl-antwoordsleutel">Antwoordsleutel'
                     f'<span class="gl-inhoud-pagina">{key_page}</span></a></li>')
    return ('<nav class="gl-inhoud" aria-labelledby="gl-inhoud-kop">\n<h1 id="gl-inhoud-kop">Inhoud</h1>\n'
            '<ol class="gl-inhoud-lijst">\n' + "\n".join(items) + "\n</ol>\n</nav>")


def _how_to_use(catalog: Catalog, role_id: str, edition: Edition, path: LearningPath, facts: CoverFacts) -> str:
    role = catalog.roles[role_id]
    forum = ("Bij elke module staat het adres van het forum waar je met collega's over het onderwerp praat, "
             "ook als QR-code: scan die met de camera van je telefoon.")
    quiz = ("Na elke module staat een toets. Zet een kruisje bij het antwoord dat volgens jou klopt. "
            "Je trainer bespreekt de antwoorden met je.")
    if edition.with_answers:
        quiz = ("Na elke module staat een toets. In deze trainerseditie staan onder elke vraag het juiste antwoord "
                "en de uitleg; achterin staat een antwoordsleutel om snel na te kijken.")
    return (
        '<section class="gl-gebruik">\n<h1 id="gl-gebruik">Zo gebruik je dit handboek</h1>\n'
        f"<p>Dit handboek hoort bij het leerpad voor de rol {escape(role.title)}. Je volgt "
        f"{_count(len(path.modules))}, samen ongeveer {escape(duration_text(path.minutes))}. Volg de modules in "
        "deze volgorde: dan ken je de basis voordat je verder gaat.</p>\n"
        f"<p>{quiz}</p>\n<p>{forum}</p>\n"
        f"<p>Dit handboek is gemaakt voor {escape(facts.gemeente)}. Dezelfde inhoud staat ook op de website "
        "met de handleiding; daar kun je de toetsen ook online maken.</p>\n</section>"
    )


def _answer_text(question: Question) -> str:
    return ", ".join(key.upper() if len(key) == 1 else question.options[key].lower() for key in question.correct)


def back_document(catalog: Catalog, path: LearningPath) -> str:
    """The answer key of a trainer handbook: per module the correct answers, in question order."""
    rows = []
    for number, module in enumerate(path.modules, start=1):
        answers = " · ".join(f"{index}: {escape(_answer_text(question))}"
                             for index, question in enumerate(catalog.quizzes[module.id].questions, start=1))
        rows.append(f'<tr><th scope="row">{number}. {escape(module.title)}</th><td>{answers}</td></tr>')
    body = (
        '<section class="gl-sleutel" id="gl-antwoordsleutel">\n<h1>Antwoordsleutel</h1>\n'
        "<p>Per module de juiste antwoorden, op volgorde van de vragen. De uitleg staat bij elke vraag in de module.</p>\n"
        '<table class="gl-sleutel-tabel">\n<thead><tr><th scope="col">Module</th>'
        '<th scope="col">Vraag: juiste antwoord</th></tr></thead>\n'
        "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</section>"
    )
    return _document("Antwoordsleutel", body, "gl-nawerk")


def frame_document(pages: list[FramePage]) -> str:
    """One empty page per entry; only the margins (running header and footer) are used."""
    body = "\n".join(
        f'<div class="gl-kader" data-kop="{escape(page.header)}" data-sectie="{escape(page.section)}" '
        f'data-voet="{escape(page.footer)}" data-pagina="{escape(page.page)}"></div>'
        for page in pages
    )
    return _document("Kader", body, "gl-kaders")


def frame_pages(catalog: Catalog, role_id: str, edition: Edition, path: LearningPath, facts: CoverFacts,
                front_count: int, module_counts: dict[str, int], back_count: int) -> list[FramePage]:
    """The margins of handbook pages 2..N (the cover has none)."""
    total = front_count + sum(module_counts[m.id] for m in path.modules) + back_count
    header = f"{edition.name} · Leerpad {catalog.roles[role_id].title}"
    sections = ["Inhoud"] * (front_count - 1)
    for number, module in enumerate(path.modules, start=1):
        sections += [f"Module {number} van {len(path.modules)} · {module.title}"] * module_counts[module.id]
    sections += ["Antwoordsleutel"] * back_count
    return [FramePage(header, section, facts.gemeente, f"Pagina {index} van {total}")
            for index, section in enumerate(sections, start=2)]
