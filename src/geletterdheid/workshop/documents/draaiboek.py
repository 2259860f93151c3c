"""``draaiboek.pdf``: the session plan for the trainer.

Title block (gemeente, logo, workshop, date, length), the learning goals, the programme (every
block with its clock times, minutes and what happens; the minutes add up to the session), the
homework (what does not fit), per taught module what the trainer needs (from its trainer notes),
the preparation checklist and the kit's files. Everything legal comes from the content.
"""

from __future__ import annotations

from ...content.articles import parse_provision
from ...content.model import Module, TrainerNotes, dutch_date
from ...curriculum import duration_text
from ...dutch import count, join_names
from ...typst_syntax import escape, join_blocks, string
from ..kit import Kit
from ..plan import Block
from .common import (
    ANTWOORDBLAD,
    DRAAIBOEK,
    PRESENTIELIJST,
    SCORESHEET,
    SLIDES,
    bullets,
    checklist,
    command,
    gemeente_line,
    preamble,
    text,
    toets_file,
)

TITLE = "Draaiboek"


def _module(kit: Kit, module_id: str) -> Module:
    return next(m for m in kit.modules if m.id == module_id)


def _notes(kit: Kit, module: Module) -> TrainerNotes | None:
    """The module's trainer notes; None for the modules the plan made from their length instead."""
    return None if module.id in kit.plan.without_notes else module.trainer


def length_text(minutes: int) -> str:
    """'2 uur (120 minuten)', '45 minuten'."""
    words = duration_text(minutes)
    return words if minutes < 60 else f"{words} ({minutes} minuten)"


def _title_block(kit: Kit) -> str:
    plan = kit.plan
    facts = [f"#strong[Duur:] {escape(length_text(plan.minutes))}"]
    if plan.date:
        facts.insert(0, f"#strong[Datum:] {escape(dutch_date(plan.date))}")
    facts.append(f"#strong[Begin:] {escape(plan.clock(0))} · #strong[Einde:] {escape(plan.clock(plan.minutes))}")
    facts.append(f"#strong[Modules:] {escape(join_names([m.title for m in kit.modules]))}")
    logo = ""
    if kit.logo is not None:
        alt = f"Logo van {kit.gemeente}"
        logo = f"#image({string('/' + kit.logo.name)}, alt: {string(alt)}, height: 16mm)\n\n"
    return join_blocks(
        [
            logo + gemeente_line(kit),
            f"= {TITLE}",
            f'#text(size: 14pt, weight: "bold")[{escape(kit.title)}]',
            " #linebreak()\n".join(facts),
        ]
    )


def _goals(kit: Kit) -> str:
    parts = ["== Doelen", escape("Dit leren de deelnemers in de workshop: de leerdoelen van de modules.")]
    for module in kit.plan.taught:
        parts.append(f"#strong{text(module.title)}")
        parts.append(bullets(module.learning_goals))
    return join_blocks(parts)


def _what_happens(kit: Kit, block: Block) -> str:
    """The markup of what happens in one block."""
    if block.module_id is None:
        if block.kind == "welkom":
            return escape("Welkom. Noem de doelen en het programma van vandaag. De deelnemers stellen zich kort voor.")
        if block.kind == "afsluiting":
            close = (
                "Vragen van de deelnemers, het forum en het leerpad op de site."
                if kit.catalog.forum
                else "Vragen van de deelnemers en het leerpad op de site."
            )
            if kit.plan.homework:
                close += " Noem het huiswerk (zie Huiswerk)."
            return escape(close)
        return escape("Pauze.")
    module = _module(kit, block.module_id)
    notes = _notes(kit, module)
    if block.kind == "kernpunten":
        if notes is None:
            return escape(f"Vertel de kern van de module (geen aantekeningen voor de trainer): {module.summary}")
        return bullets(notes.key_points)
    if block.kind == "casus":
        if notes is None:
            return escape("Werk een voorbeeld uit de module uit met de groep (geen casus in de aantekeningen).")
        case = notes.case
        return join_blocks(
            [
                f"#strong{text(case.work_form + ', ' + count(block.minutes, 'minuut', 'minuten'))}",
                escape(case.assignment),
            ]
        )
    if block.kind == "bespreking":
        if notes is None:
            return escape("Bespreek vragen en ervaringen van de deelnemers.")
        return bullets(notes.discussion_questions)
    if block.kind == "toets":
        questions = kit.plan.parts[module.id].questions
        return escape(f"Toets op papier, {count(questions, 'vraag', 'vragen')}, formulier {toets_file(module.id)}.")
    return ""


def _programme(kit: Kit) -> str:
    plan = kit.plan
    rows = [
        f"[{escape(f'{plan.clock(b.start)}–{plan.clock(b.end)}')}], [{b.minutes} min], "
        f"[#strong{text(b.title)}\n\n{_what_happens(kit, b)}]"
        for b in plan.blocks
    ]
    total = f"[#strong[Totaal]], [#strong[{plan.minutes} min]], [{escape(length_text(plan.minutes))}]"
    return join_blocks(
        [
            "== Programma",
            "#table(columns: (27mm, 19mm, 1fr),\n  table.header([*Tijd*], [*Minuten*], [*Wat er gebeurt*]),\n  "
            + ",\n  ".join([*rows, total])
            + ")",
        ]
    )


def _homework(kit: Kit) -> str:
    plan = kit.plan
    if not plan.homework:
        return ""
    quizzes = [_module(kit, h.module_id) for h in plan.homework if h.part == "toets"]
    modules = [_module(kit, h.module_id) for h in plan.homework if h.part == "module"]
    parts = ["== Huiswerk", escape("Past niet in de tijd: dit doen de deelnemers na de workshop.")]
    if quizzes:
        parts.append(
            escape(
                "De toets van deze modules. Ze maken hem online, in hun leerpad op de site, of op papier met het "
                "formulier:"
            )
        )
        parts.append(bullets(f"{m.title} ({toets_file(m.id)})" for m in quizzes))
    if modules:
        parts.append(
            escape(
                f"{'Deze module lezen' if len(modules) == 1 else 'Deze modules lezen'} ze thuis, in hun leerpad op "
                "de site of in het handboek, en daarna maken ze de toets online of op papier:"
            )
        )
        parts.append(bullets(f"{m.title} ({toets_file(m.id)})" for m in modules))
    return join_blocks(parts)


def _parts_line(kit: Kit, module: Module) -> str:
    parts = kit.plan.parts[module.id]
    quiz_in_session = any(m.id == module.id for m in kit.plan.quizzed)
    pieces = [f"kernpunten {parts.explain}", f"casus {parts.case}", f"bespreking {parts.discussion}"]
    if quiz_in_session:
        pieces.append(f"toets {parts.quiz}")
    return f"Tijd in de workshop: {', '.join(pieces)} minuten."


def _trainer_section(kit: Kit, module: Module) -> str:
    parts = [f"=== {escape(module.title)}", escape(_parts_line(kit, module))]
    notes = _notes(kit, module)
    if notes is None:
        parts.append(
            escape(
                f"Deze module heeft geen aantekeningen voor de trainer. Het programma gebruikt de studietijd van de "
                f"module ({count(module.duration_minutes, 'minuut', 'minuten')}). Lees de module vooraf in het "
                f"handboek of op de site. Waar de module over gaat: {module.summary}"
            )
        )
    else:
        parts += ["==== Kernpunten", bullets(notes.key_points)]
        case = notes.case
        parts += [
            "==== Casus",
            escape(case.summary),
            f"#strong[Werkvorm:] {escape(case.work_form + ', ' + count(case.minutes, 'minuut', 'minuten') + '.')}",
            f"#strong[Opdracht:] {escape(case.assignment)}",
        ]
        parts += ["==== Discussievragen", bullets(notes.discussion_questions)]
        rows = [
            f"{text(m.claim)}, {text(m.correction)}, {text(', '.join(parse_provision(a).label for a in m.articles))}"
            for m in notes.misconceptions
        ]
        parts += [
            "==== Veelgehoorde misverstanden",
            "#table(columns: (1fr, 1.4fr, 24mm),\n  table.header([*Misverstand*], [*Wat wel klopt*], [*Artikel*]),\n  "
            + ",\n  ".join(rows)
            + ")",
        ]
    forum = kit.forum_url(module)
    if forum:
        parts.append(f"#strong[Verder praten:] op het forum, #link({string(forum)})[{escape(forum)}]")
    return join_blocks(parts)


def _for_the_trainer(kit: Kit) -> str:
    return join_blocks(["== Voor de trainer", *(_trainer_section(kit, m) for m in kit.plan.taught)])


def _attendance_command(kit: Kit) -> str:
    plan = kit.plan
    title = kit.title.replace('"', '\\"')
    day = plan.date.isoformat() if plan.date else "JJJJ-MM-DD"
    modules = ",".join(m.id for m in plan.taught)
    return (
        f'geletterdheid attendance import {SCORESHEET} --workshop "{title}" --datum {day} '
        f'--modules {modules} --duur {plan.minutes} --trainer "Jouw naam"'
    )


def _preparation(kit: Kit) -> str:
    in_session = [toets_file(m.id) for m in kit.plan.quizzed]
    later = [toets_file(q.module) for q in kit.quizzes() if toets_file(q.module) not in in_session]
    items = []
    if in_session:
        items.append(escape(f"Print per deelnemer de toetsformulieren: {join_names(in_session)}."))
    if later:
        items.append(escape(f"Wie het huiswerk op papier maakt, krijgt ook: {join_names(later)}."))
    items += [
        escape(f"Print de presentielijst ({PRESENTIELIJST}) en laat iedereen tekenen."),
        escape(f"Print het antwoordblad ({ANTWOORDBLAD}) alleen voor jezelf. Deel het niet uit."),
        escape(f"Zet de beamer klaar met {SLIDES}."),
        escape(f"Na de workshop: zet de antwoorden van de formulieren in {SCORESHEET} (een rij per deelnemer)."),
        escape("Importeer de antwoorden, zodat ze meetellen in het overzicht voor HR:")
        + f" #linebreak() {command(f'geletterdheid responses import {SCORESHEET}')}",
        escape("Leg vast wie er was (vul je eigen naam in):") + f" #linebreak() {command(_attendance_command(kit))}",
    ]
    return join_blocks(["== Voorbereiding", checklist(items)])


def _materials(kit: Kit) -> str:
    files = [
        f"{DRAAIBOEK}: dit draaiboek.",
        f"{SLIDES}: de dia's voor de beamer, met aantekeningen voor de trainer.",
        *(
            f"{toets_file(q.module)}: het toetsformulier van {kit.catalog.modules[q.module].title}."
            for q in kit.quizzes()
        ),
        f"{ANTWOORDBLAD}: de juiste antwoorden en de uitleg, alleen voor de trainer.",
        f"{PRESENTIELIJST}: de lijst om te tekenen.",
        f"{SCORESHEET}: het scoreblad om de antwoorden in te zetten en te importeren.",
    ]
    return join_blocks(["== Materialen", escape("In de map van de workshop staan deze bestanden:"), bullets(files)])


def draaiboek_source(kit: Kit) -> str:
    """The Typst markup of the session plan."""
    description = f"Draaiboek voor de trainer: {kit.title}, {length_text(kit.plan.minutes)}."
    blocks = [
        preamble(kit, f"{TITLE}: {kit.title}", description),
        _title_block(kit),
        _goals(kit),
        _programme(kit),
        _homework(kit),
        _for_the_trainer(kit),
        _preparation(kit),
        _materials(kit),
    ]
    return join_blocks(blocks) + "\n"
