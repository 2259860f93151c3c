"""CLI sub-commands for workshop attendance: ``attendance import``, ``list`` and ``remove``.

Thin, like ``records.commands``: parse arguments, call one function, print Dutch messages. Who
recorded or removed something is ``--door NAAM`` or else the operating system's user name, as
for ``attempts void``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content import catalog_or_exit
from ..dutch import count
from .attempt_commands import local_time, operator_name
from .command_support import database_errors_handled, database_option
from .errors import RecordsError


def _say(message: str = "") -> None:
    print(message)


def _complain(message: str) -> None:
    print(message, file=sys.stderr)


@database_errors_handled
def cmd_attendance_import(args: argparse.Namespace) -> int:
    from .attendance import import_attendance, listed, workshop_from_options
    from .store import Store
    from .workshops import describe

    catalog = catalog_or_exit(args.root)
    workshop = workshop_from_options(catalog, args.workshop, args.datum, args.modules, args.duur, args.trainer)
    with Store.open(args.db) as store:
        result = import_attendance(store, args.file, workshop, operator_name(args.door))
    parsed = result.parsed
    for problem in parsed.problems:
        _complain(f"{problem.path.name}, rij {problem.line}: {problem.message}")
    if result.recorded is None:
        _complain(
            f"Niets vastgelegd: {count(len(parsed.problems), 'probleem', 'problemen')} in {args.file.name}. "
            "Herstel de lijst (of de personeelslijst: geletterdheid roster import) en importeer opnieuw."
        )
        return 1
    recorded = result.recorded
    stored = recorded.workshop
    _say(
        f"{parsed.table_name}: workshop {describe(stored)} ({'nieuw' if recorded.new_workshop else 'bestond al'}; "
        f"modules {', '.join(stored.modules)}, {stored.minutes} minuten, trainer {stored.trainer}): "
        f"{count(len(recorded.added), 'deelnemer', 'deelnemers')} nieuw vastgelegd, "
        f"{len(recorded.already_present)} al eerder vastgelegd, {parsed.absent} afwezig."
    )
    if recorded.already_present:
        _say(f"Al eerder vastgelegd (niets dubbel): {listed(recorded.already_present)}.")
    if recorded.removed_before:
        _complain(
            "Let op: eerder van deze workshop verwijderd en niet opnieuw toegevoegd: "
            f"{listed(recorded.removed_before)} "
            f'(zie geletterdheid attendance list --workshop "{stored.name}").'
        )
    return 0


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    )


@database_errors_handled
def cmd_attendance_list(args: argparse.Namespace) -> int:
    from .store import Store
    from .workshops import attendance, changes, describe, workshops_named

    with Store.open(args.db) as store:
        held = workshops_named(store, args.workshop)
        lines = attendance(store, args.workshop)
        trail = changes(store, args.workshop)
    if not held and args.workshop:
        raise RecordsError(f"er is geen workshop '{args.workshop}'; geletterdheid attendance list toont ze allemaal")
    if not held:
        _say("Nog geen workshops vastgelegd (geletterdheid attendance import).")
        return 0
    header = ["datum", "workshop", "modules", "minuten", "trainer", "medewerker", "naam", "afdeling", ""]
    rows = [
        [
            line.workshop.held_on.isoformat(),
            line.workshop.name,
            ",".join(line.workshop.modules),
            str(line.workshop.minutes),
            line.workshop.trainer,
            line.employee_id,
            line.employee_name,
            line.department,
            "" if line.removed_at is None else f"verwijderd op {local_time(line.removed_at)}",
        ]
        for line in lines
    ]
    counted = sum(1 for line in lines if line.removed_at is None)
    _say(
        f"{count(len(held), 'workshop', 'workshops')}, {count(counted, 'deelname', 'deelnames')}"
        + (f" (en {len(lines) - counted} verwijderd)" if len(lines) > counted else "")
        + ":"
    )
    if rows:
        _say(_table([header, *rows]))
    empty = [workshop for workshop in held if not any(line.workshop == workshop for line in lines)]
    for workshop in empty:
        _say(f"Workshop {describe(workshop)}: niemand vastgelegd.")
    if trail:
        _say()
        _say("Geschiedenis (wie, wanneer, waarom):")
        for change in trail:
            _say(
                f"- {change.employee_id} {change.action} bij workshop {describe(change.workshop)} op "
                f"{local_time(change.done_at)} door {change.done_by}: {change.reason}"
            )
    return 0


@database_errors_handled
def cmd_attendance_remove(args: argparse.Namespace) -> int:
    from .attendance import workshop_day
    from .store import Store
    from .workshops import describe, remove_attendance

    reason = (args.reden or "").strip()
    if not reason:
        raise RecordsError("geef met --reden op waarom de deelname niet telt; dat komt in de geschiedenis")
    held_on = workshop_day(args.datum)
    employee_id = args.medewerker_id.strip()
    with Store.open(args.db) as store:
        workshop = remove_attendance(store, args.workshop, held_on, employee_id, reason, operator_name(args.door))
    _say(
        f"{employee_id} staat niet meer op de lijst van workshop {describe(workshop)}. Vastgelegd in de "
        f'geschiedenis (geletterdheid attendance list --workshop "{workshop.name}").'
    )
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = database_option()
    attendance = subparsers.add_parser("attendance", help="aanwezigheid bij workshops vastleggen en bekijken")
    attendance_sub = attendance.add_subparsers(dest="attendance_command", metavar="OPDRACHT", required=True)

    importing = attendance_sub.add_parser(
        "import",
        parents=[db],
        help="leg vast wie een workshop volgde (presentielijst, CSV of XLSX)",
        description="BESTAND is het scoreblad.xlsx van de workshopkit (blad Presentielijst) of een CSV/XLSX met "
        "medewerker_id en eventueel aanwezig: dan tellen alleen rijen met ja, x, aanwezig of 1; zonder die kolom "
        "telt elke rij met een medewerker_id. Opnieuw importeren voegt niets dubbel toe; een latere lijst van "
        "dezelfde workshop (naam en datum) voegt deelnemers toe. Bij een fout wordt niets vastgelegd.",
    )
    importing.add_argument("file", type=Path, metavar="BESTAND")
    importing.add_argument("--workshop", required=True, metavar="NAAM", help="de naam van de workshop")
    importing.add_argument("--datum", required=True, metavar="JJJJ-MM-DD", help="de dag van de workshop")
    importing.add_argument("--modules", required=True, metavar="m01,m02", help="de modules die de workshop behandelde")
    importing.add_argument("--duur", required=True, metavar="MINUTEN", help="de duur in minuten (1 tot en met 600)")
    importing.add_argument("--trainer", required=True, metavar="NAAM", help="wie de workshop gaf")
    importing.add_argument("--door", metavar="NAAM", help="wie dit vastlegt (standaard: je gebruikersnaam)")
    importing.set_defaults(func=cmd_attendance_import)

    listing = attendance_sub.add_parser(
        "list", parents=[db], help="de workshops en wie ze volgde, met de geschiedenis van correcties"
    )
    listing.add_argument("--workshop", metavar="NAAM", help="alleen de workshop(s) met deze naam")
    listing.set_defaults(func=cmd_attendance_list)

    remove = attendance_sub.add_parser(
        "remove",
        parents=[db],
        help="haal een medewerker van de lijst van een workshop (een vergissing); blijft in de geschiedenis",
    )
    remove.add_argument("medewerker_id", metavar="MEDEWERKER")
    remove.add_argument("--workshop", required=True, metavar="NAAM", help="de naam van de workshop")
    remove.add_argument("--datum", required=True, metavar="JJJJ-MM-DD", help="de dag van de workshop")
    remove.add_argument("--reden", required=True, metavar="TEKST", help="waarom de deelname niet telt")
    remove.add_argument("--door", metavar="NAAM", help="wie dit doet (standaard: je gebruikersnaam op deze computer)")
    remove.set_defaults(func=cmd_attendance_remove)
