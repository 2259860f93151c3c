"""CLI sub-commands for the records: roster import, responses import, forget.

Thin: parse arguments, call one function, print Dutch messages. Bad input and unusable stores
raise a UserError (``geletterdheid`` prints it and exits 1) or end with a message and exit code 1,
never a traceback. The reports on the records (export, progress, stats) are in ``reports.commands``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content import catalog_or_exit
from ..dutch import count
from ..problems import Problem
from .command_support import database_errors_handled, database_option
from .errors import RecordsError

# The commands import SQLAlchemy, Alembic and openpyxl when they run, not when the parser is
# built: `geletterdheid check` and `build` should not pay a third of a second for them.


#: How many ids a summary lists before it says "en meer".
_LISTED = 10


def _say(message: str = "") -> None:
    print(message)


def _complain(message: str) -> None:
    print(message, file=sys.stderr)


def _row_message(problem: Problem) -> str:
    return f"{problem.path.name}, rij {problem.line}: {problem.message}"


def _report_problems(problems: list[Problem], skip_invalid: bool, what: str, file: Path | None = None) -> None:
    for problem in problems:
        _complain(_row_message(problem))
    if problems and not skip_invalid:
        name = file.name if file is not None else problems[0].path.name
        _complain(
            f"Niets geïmporteerd: {count(len(problems), 'probleem', 'problemen')} in {name}. "
            f"Herstel het bestand, of gebruik --skip-invalid om alleen de geldige {what} te importeren."
        )


@database_errors_handled
def cmd_roster_import(args: argparse.Namespace) -> int:
    from .attempt_commands import local_day
    from .roster import import_roster
    from .store import Store, today

    catalog = catalog_or_exit(args.root)
    day = today()
    with Store.open(args.db) as store:
        result = import_roster(store, catalog, args.file, args.skip_invalid, args.volledig, day)
    _report_problems(result.parsed.problems, args.skip_invalid, "medewerkers")
    if result.counts is None:
        return 1
    counts = result.counts
    if result.parsed.aliases:
        _say(
            "Kolommen herkend: " + ", ".join(f"'{written}' als {name}" for written, name in result.parsed.aliases) + "."
        )
    _say(f"{args.file.name}: {counts.added} toegevoegd, {counts.changed} gewijzigd, {counts.unchanged} ongewijzigd.")
    if result.parsed.problems:
        _say(f"{count(len(result.parsed.problems), 'ongeldige rij', 'ongeldige rijen')} overgeslagen.")
    if args.volledig:
        shown = ", ".join(result.left[:_LISTED]) + (" en meer" if len(result.left) > _LISTED else "")
        _say(
            f"Volledige lijst: {count(len(result.left), 'medewerker', 'medewerkers')} uit dienst per "
            f"{local_day(day)} (niet in de lijst)"
            + (f": {shown}." if result.left else ".")
            + (" Hun gegevens blijven bewaard; ze tellen niet meer mee in export en voortgang." if result.left else "")
        )
    elif result.not_in_file:
        _say(
            f"{count(result.not_in_file, 'medewerker staat', 'medewerkers staan')} in de database maar niet in dit "
            "bestand; zij blijven bewaard. Is dit de volledige lijst, importeer dan met --volledig: wie ontbreekt, "
            "is dan uit dienst (wissen kan met: geletterdheid forget MEDEWERKER_ID)."
        )
    return 0


@database_errors_handled
def cmd_responses_import(args: argparse.Namespace) -> int:
    from .attempt_commands import local_time, operator_name, percent
    from .responses import import_responses
    from .store import Store

    catalog = catalog_or_exit(args.root)
    with Store.open(args.db) as store:
        result = import_responses(
            store, catalog, args.file, args.quiz, args.skip_invalid, args.vervang, operator_name(args.door)
        )
    parsed = result.parsed
    for note in parsed.notes:
        _complain(f"Let op: {note}")
    if parsed.incomplete:
        _complain(
            f"Let op: {args.file.name}: {count(parsed.incomplete, 'poging mist', 'pogingen missen')} antwoorden, "
            f"samen {count(parsed.unanswered, 'vraag', 'vragen')} zonder antwoord; "
            "die vragen tellen als fout (0 punten)."
        )
    _report_problems(parsed.problems, args.skip_invalid, "pogingen", args.file)
    for conflict, where in result.conflicts:
        before, new = conflict.stored, parsed.attempts[conflict.index]
        _complain(
            f"{where}: de poging van {before.employee_id} voor toets {before.quiz_id} op {local_time(before.taken_at)} "
            f"is al opgeslagen met andere antwoorden (score {percent(before.score_percent)}, nu "
            f"{percent(new.score_percent)})" + ("; ze is ongeldig verklaard en blijft dat" if before.voided_at else "")
        )
    if result.conflicts and not args.vervang:
        _complain(
            f"Niets geïmporteerd: {count(len(result.conflicts), 'poging is', 'pogingen zijn')} al opgeslagen met "
            "andere antwoorden. Is het bestand een correctie, gebruik dan --vervang (elke vervanging komt in de "
            "geschiedenis: geletterdheid attempts list MEDEWERKER --alles); anders herstel het bestand."
        )
        return 1
    if result.stored is None:
        return 1
    stored = result.stored
    changed = f", {stored.changed} gewijzigd" if args.vervang else ""
    # An attempt without a single answer (someone absent) is no attempt: counted as "leeg", not stored.
    empty = (
        f", {parsed.empty} leeg (geen enkel antwoord, bijvoorbeeld afwezig; niet opgeslagen)" if parsed.empty else ""
    )
    _say(
        f"{args.file.name} ({parsed.format_name}): {count(len(parsed.attempts), 'poging', 'pogingen')} gelezen, "
        f"{stored.added} nieuw opgeslagen{changed}, {stored.already_present} al eerder opgeslagen{empty}."
    )
    if parsed.problems:
        _say(f"{count(len(parsed.problems), 'probleem', 'problemen')} overgeslagen (zie hierboven).")
    if parsed.ignored_columns:
        _say(f"Niet gelezen kolommen: {', '.join(parsed.ignored_columns)}.")
    if parsed.dropped_attempts:
        _say(
            f"{count(parsed.dropped_attempts, 'poging', 'pogingen')} niet geïmporteerd omdat een rij ervan ongeldig is."
        )
    return 0


@database_errors_handled
def cmd_forget(args: argparse.Namespace) -> int:
    from .store import Store

    with Store.open(args.db) as store:
        erased = store.forget(args.medewerker_id)
        if erased is None:
            # Run again after the warning below: the log may be free now; empty it all the same.
            store.empty_write_ahead_log()
        database_file = store.engine.url.database
    if erased is None:
        raise RecordsError(f"onbekende medewerker '{args.medewerker_id}'; er is niets verwijderd")
    _say(
        f"Verwijderd: medewerker {erased.employee.id} ({erased.employee.name}, {erased.employee.department}), "
        + (
            f"{count(erased.attempts, 'poging', 'pogingen')}, {count(erased.answers, 'antwoord', 'antwoorden')} "
            f"en de aanwezigheid bij {count(erased.workshops, 'workshop', 'workshops')}."
            if erased.workshops
            else f"{count(erased.attempts, 'poging', 'pogingen')} en {count(erased.answers, 'antwoord', 'antwoorden')}."
        )
    )
    if erased.copies_left:
        _complain(
            f"Let op: kopieën van deze gegevens staan mogelijk nog op schijf, in het werkbestand {database_file}-wal: "
            "een ander programma leest de database op dit moment (bijvoorbeeld geletterdheid serve of een export). "
            "Stop dat programma of wacht tot het klaar is, en voer daarna dezelfde opdracht nogmaals uit; "
            "die maakt het werkbestand leeg."
        )
        return 1
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = database_option()
    skip = argparse.ArgumentParser(add_help=False)
    skip.add_argument(
        "--skip-invalid",
        action="store_true",
        help="importeer wat geldig is en meld de rest (standaard: bij één fout niets importeren)",
    )

    roster = subparsers.add_parser("roster", help="personeelslijst van HR")
    roster_sub = roster.add_subparsers(dest="roster_command", metavar="OPDRACHT", required=True)
    roster_import = roster_sub.add_parser(
        "import",
        parents=[db, skip],
        help="lees de personeelslijst (CSV of XLSX) in",
        description="Kolommen: medewerker_id (of personeelsnummer), naam, afdeling (of team), rollen (id of "
        "titel, gescheiden door |) en eventueel email (of e-mail, mail) en uit_dienst (een datum). "
        "Nieuwe medewerkers worden toegevoegd, gewijzigde bijgewerkt.",
    )
    roster_import.add_argument("file", type=Path, metavar="BESTAND")
    roster_import.add_argument(
        "--volledig",
        action="store_true",
        help="dit is de volledige lijst: wie er niet in staat, is vanaf vandaag uit dienst (gegevens blijven bewaard)",
    )
    roster_import.set_defaults(func=cmd_roster_import)

    responses = subparsers.add_parser("responses", help="antwoorden op toetsen")
    responses_sub = responses.add_subparsers(dest="responses_command", metavar="OPDRACHT", required=True)
    responses_import = responses_sub.add_parser(
        "import",
        parents=[db, skip],
        help="scoor en bewaar antwoorden (lange CSV, scoreblad, Microsoft Forms)",
        description="Herkent zelf de indeling: lange CSV (medewerker_id,quiz,vraag,antwoord,tijdstip), "
        "een breed scoreblad (CSV/XLSX: medewerker_id, tijdstip, een kolom per vraag-id) of een "
        "export uit Microsoft Forms (XLSX). Opnieuw importeren voegt niets dubbel toe; een poging die al met "
        "andere antwoorden is opgeslagen, wordt alleen met --vervang vervangen. Een rij zonder antwoorden is "
        "geen poging (leeg).",
    )
    responses_import.add_argument("file", type=Path, metavar="BESTAND")
    responses_import.add_argument("--quiz", metavar="ID", help="de toets (module-id) waar het bestand bij hoort")
    responses_import.add_argument(
        "--vervang",
        action="store_true",
        help="vervang pogingen die al met andere antwoorden zijn opgeslagen (een correctie); "
        "standaard wordt dan niets geïmporteerd",
    )
    responses_import.add_argument(
        "--door", metavar="NAAM", help="wie de correctie doet, voor de geschiedenis (standaard: je gebruikersnaam)"
    )
    responses_import.set_defaults(func=cmd_responses_import)

    forget = subparsers.add_parser(
        "forget", parents=[db], help="wis een medewerker met alle pogingen (AVG, recht op vergetelheid)"
    )
    forget.add_argument("medewerker_id", metavar="MEDEWERKER_ID")
    forget.set_defaults(func=cmd_forget)
