"""One Typst document per handbook. Pure: catalog, path, facts and module markup in, Typst source out.

The document imports ``handboek.typ`` (shared styling) and holds, in this order: the cover, the
contents with an introduction, the role's modules in path order (each from a new page, preceded
by a marker that the running header reads), and for trainers the answer key.
"""

from __future__ import annotations

from ..content import Catalog, Question
from ..content.model import dutch_date
from ..curriculum import LearningPath, duration_text
from ..dutch import LEVEL_LABELS, count
from ..output_names import Edition
from ..typst_syntax import escape, string
from .edition import CoverFacts, document_title

TEMPLATE = "handboek.typ"
KEY_LABEL = "gl-antwoordsleutel"
#: The key of the beslishulp appendix in the module markup (see typst_builder.APPENDIX).
APPENDIX = "bijlage-beslishulp"
#: A handbook gets the appendix "Bijlage: beslishulp" when its learning path has this module: the
#: module on risk classification, which teaches the decision tree (and has exercises with it).
APPENDIX_AFTER_MODULE = "m06"
APPENDIX_TITLE = "Bijlage: beslishulp"
APPENDIX_INTRO = (
    "Met deze beslishulp zoek je uit wat de AI-verordening vraagt bij één systeem. Het is dezelfde beslisboom "
    "als op de website en in 'geletterdheid classificeer'. Op de website vind je hem met de uitkomst, de "
    "plichten en hun datums. Dit is een hulpmiddel, geen juridisch advies."
)


def _c(text: str) -> str:
    """Plain text as a Typst content block."""
    return f"[{escape(text)}]"


def _count(number: int) -> str:
    return count(number, "module", "modules")


def handbook_document(
    catalog: Catalog,
    role_id: str,
    edition: Edition,
    path: LearningPath,
    facts: CoverFacts,
    module_markup: dict[str, str],
) -> str:
    """The Typst source of one handbook; ``module_markup`` holds the converted modules of this edition."""
    role = catalog.roles[role_id]
    title = document_title(catalog, role_id, edition)
    extra = " Met antwoorden en uitleg voor de trainer." if edition.with_answers else ""
    description = (
        f"Leerpad AI-geletterdheid voor de rol {role.title}: {_count(len(path.modules))}, "
        f"{duration_text(path.minutes)} studietijd.{extra}"
    )
    parts = [
        f'#import "{TEMPLATE}": *',
        "#show: handboek.with("
        f"titel: {string(title)}, auteur: {string(facts.gemeente)}, "
        f"kop: {_c(f'{edition.name} · Leerpad {role.title}')}, gemeente: {_c(facts.gemeente)}, "
        f"beschrijving: {string(description)}, "
        f"trefwoorden: ({string('AI-geletterdheid')}, {string('AI-verordening')}, {string(role.title)}))",
        _cover(catalog, role_id, edition, path, facts),
        _contents(path, edition),
        _how_to_use(catalog, role_id, edition, path, facts),
    ]
    total = len(path.modules)
    for number, module in enumerate(path.modules, start=1):
        parts.append("#pagebreak(weak: true)")
        parts.append(f"#gl-sectie({_c(f'Module {number} van {total} · {module.title}')})")
        parts.append(module_markup[module.id])
    if has_appendix(path, module_markup):
        parts.append(appendix(module_markup[APPENDIX]))
    if edition.with_answers:
        parts.append(answer_key(catalog, path))
    return "\n\n".join(parts) + "\n"


def has_appendix(path: LearningPath, module_markup: dict[str, str]) -> bool:
    return APPENDIX in module_markup and any(module.id == APPENDIX_AFTER_MODULE for module in path.modules)


def appendix(markup: str) -> str:
    """The beslishulp appendix: a section of its own, in the PDF's bookmarks, with the printable flow."""
    return (
        f"#pagebreak(weak: true)\n\n#gl-sectie({_c(APPENDIX_TITLE)})\n\n"
        f"#heading(level: 1, outlined: false, bookmarked: true)[{escape(APPENDIX_TITLE)}]\n\n"
        f"{escape(APPENDIX_INTRO)}\n\n{markup}"
    )


def _logo(facts: CoverFacts) -> str:
    if facts.logo is None:
        return "none"
    return f"image({string(facts.logo)}, alt: {string(f'Logo van {facts.gemeente}')}, height: 16mm)"


def _cover(catalog: Catalog, role_id: str, edition: Edition, path: LearningPath, facts: CoverFacts) -> str:
    role = catalog.roles[role_id]
    foot = (
        f"Versie van de inhoud: {escape(facts.version)} #linebreak() "
        f"Gemaakt op {escape(dutch_date(facts.date))} #parbreak() "
        + escape(
            "Gebaseerd op de Europese AI-verordening (Verordening (EU) 2024/1689, "
            "gewijzigd bij Verordening (EU) 2026/1744). "
            "Dit handboek is geen juridisch advies."
        )
    )
    return (
        "#gl-omslag("
        f"gemeente: {_c(facts.gemeente)}, editie: {_c(edition.name)}, rol: {_c(role.title)}, "
        f"trainer: {'true' if edition.with_answers else 'false'}, "
        f"samenvatting: {_c(f'{_count(len(path.modules))} · {duration_text(path.minutes)} studietijd')}, "
        f"voor-wie: {_c(role.description)}, voet: [{foot}], logo: {_logo(facts)})"
    )


def _contents(path: LearningPath, edition: Edition) -> str:
    lines = ["#gl-sectie([Inhoud])", "#heading(level: 1, outlined: false, bookmarked: true)[Inhoud] <gl-inhoud>"]
    for number, module in enumerate(path.modules, start=1):
        meta = f"{duration_text(module.duration_minutes)} · niveau {LEVEL_LABELS[module.level]}"
        lines.append(f"#gl-inhoud-regel(<{module.id}>, [{number}.], {_c(module.title)}, {_c(meta)})")
    if edition.with_answers:
        lines.append(f"#gl-inhoud-regel(<{KEY_LABEL}>, [], [Antwoordsleutel], none)")
    return "\n\n".join(lines)


#: How a trainer makes the workshop kit of a role; ``{rol}`` is the role id.
KIT_COMMAND = "geletterdheid workshop --rol {rol} --duur 120 --out kit"


def _for_the_trainer(catalog: Catalog, role_id: str, path: LearningPath, facts: CoverFacts) -> list[str]:
    """The opening of the trainer edition: what it is for, what is in it, and the workshop kit."""
    role = catalog.roles[role_id]
    return [
        escape(
            f"Dit is de trainerseditie van het handboek voor de rol {role.title}. Je gebruikt hem om een workshop "
            f"voor te bereiden en te geven. Het leerpad heeft {_count(len(path.modules))}; een deelnemer doet er "
            f"samen ongeveer {duration_text(path.minutes)} over."
        ),
        escape(
            "De modules staan hier zoals de deelnemers ze lezen. Onder elke toetsvraag staan het juiste antwoord "
            "en de uitleg, en achterin staat een antwoordsleutel om snel na te kijken. Deel deze editie daarom niet "
            "uit: deelnemers krijgen het handboek zonder antwoorden."
        ),
        escape("Alles voor de workshop zelf maak je met één opdracht:"),
        f"#block(inset: (left: 1em), raw({string(KIT_COMMAND.format(rol=role_id))}))",
        escape(
            "Met --duur kies je de lengte in minuten. In de map kit staan dan het draaiboek (het programma met "
            "tijden en per module wat je vertelt en vraagt), de dia's, de toetsformulieren om op papier te maken, "
            "het antwoordblad voor jou, het scoreblad om de antwoorden in te zetten en in te lezen, en de "
            "presentielijst."
        ),
        escape(
            "Bij elke module staat het adres van het forum waar collega's over het onderwerp praten, ook als "
            "QR-code. Wijs de deelnemers erop: daar kunnen ze na de workshop verder met hun vragen."
        ),
        escape(
            f"Dit handboek is gemaakt voor {facts.gemeente}. Dezelfde inhoud staat ook op de website met de "
            "handleiding; daar maken de deelnemers de toetsen ook online."
        ),
    ]


def _how_to_use(catalog: Catalog, role_id: str, edition: Edition, path: LearningPath, facts: CoverFacts) -> str:
    heading = "#heading(level: 1, outlined: false, bookmarked: true)[Zo gebruik je dit handboek] <gl-gebruik>\n\n"
    if edition.with_answers:
        return "#v(1.5em)\n\n" + heading + "\n\n".join(_for_the_trainer(catalog, role_id, path, facts))
    role = catalog.roles[role_id]
    quiz = (
        "Na elke module staat een toets. Zet een kruisje bij het antwoord dat volgens jou klopt. "
        "Je trainer bespreekt de antwoorden met je."
    )
    if facts.toets:
        quiz = (
            "De toets bij elke module maak je op de website van de training, of op papier bij je trainer. "
            "Daarna krijg je de antwoorden en de uitleg."
        )
    paragraphs = [
        f"Dit handboek hoort bij het leerpad voor de rol {role.title}. Je volgt {_count(len(path.modules))}, "
        f"samen ongeveer {duration_text(path.minutes)}. Volg de modules in deze volgorde: dan ken je de basis "
        "voordat je verder gaat.",
        quiz,
        "Bij elke module staat het adres van het forum waar je met collega's over het onderwerp praat, "
        "ook als QR-code: scan die met de camera van je telefoon.",
        f"Dit handboek is gemaakt voor {facts.gemeente}. Dezelfde inhoud staat ook op de website met de "
        "handleiding; daar kun je de toetsen ook online maken.",
    ]
    return "#v(1.5em)\n\n" + heading + "\n\n".join(escape(text) for text in paragraphs)


def _answer_text(question: Question) -> str:
    """'B', 'A, C' or 'Onjuist': the letters, or the word of a juist-onwaar option as the question shows it."""
    return ", ".join(key.upper() if len(key) == 1 else question.options[key] for key in question.correct)


def answer_key(catalog: Catalog, path: LearningPath) -> str:
    """The answer key of a trainer handbook: per module the correct answers, in question order."""
    cells = []
    for number, module in enumerate(path.modules, start=1):
        answers = " · ".join(
            f"#box{_c(f'{index}: {_answer_text(question)}')}"  # an answer is not split
            for index, question in enumerate(catalog.quizzes[module.id].questions, start=1)
        )
        cells.append(f"[{escape(f'{number}. {module.title}')}], [{answers}]")
    return (
        "#pagebreak(weak: true)\n\n#gl-sectie([Antwoordsleutel])\n\n"
        f"#heading(level: 1, outlined: false, bookmarked: true)[Antwoordsleutel] <{KEY_LABEL}>\n\n"
        + escape(
            "Per module de juiste antwoorden, op volgorde van de vragen. De uitleg staat bij elke vraag in de module."
        )
        + "\n\n"
        "#gl-tabel(table(columns: (2fr, 3fr),\n  table.header([*Module*], [*Vraag: juiste antwoord*]),\n  "
        + ",\n  ".join(cells)
        + "))"
    )
