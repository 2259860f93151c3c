"""CLI sub-commands for records and reports: roster import, responses import, export, progress, stats, forget.

Thin: parse arguments, call one function, print Dutch messages. Bad input and unusable stores
end with a message and exit code 1, never a traceback.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.problems import Problem
from ..reports import hr_export
from ..reports.progress import BY_CHOICES
from ..reports.spreadsheet import DIALECTS
from .errors import RecordsError
from .location import ENV_VAR, default_database_path

if TYPE_CHECKING:
    from ..content.model import Catalog

# The commands import SQLAlchemy, Alembic and openpyxl when they run, not when the parser is
# built: `geletterdheid check` and `build` should not pay a third of a second for them.

Command = Callable[[argparse.Namespace], int]


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _say(message: str = "") -> None:
    print(message)


def _complain(message: str) -> None:
    print(message, file=sys.stderr)


def _row_message(problem: Problem) -> str:
    return f"{problem.path.name}, rij {problem.line}: {problem.message}"


def _handled(command: Command) -> Command:
    @functools.wraps(command)
    def run(args: argparse.Namespace) -> int:
        from sqlalchemy.exc import DBAPIError

        from .store import describe_failure

        try:
            return command(args)
        except RecordsError as exc:
            _complain(f"Fout: {exc}")
        except DBAPIError as exc:
            _complain(f"Fout in de database: {describe_failure(exc)}. Er is niets gewijzigd.")
        return 1

    return run


def _catalog(args: argparse.Namespace) -> Catalog:
    from ..content import load_catalog

    catalog, problems = load_catalog(args.root)
    if catalog is None:
        for problem in problems:
            _complain(problem.format(args.root))
        raise RecordsError(
            f"de inhoud in {args.root} heeft {_plural(len(problems), 'fout', 'fouten')}; "
            "los die eerst op (geletterdheid check) of geef de juiste map met --root"
        )
    return catalog


def _report_problems(problems: list[Problem], skip_invalid: bool, what: str) -> None:
    for problem in problems:
        _complain(_row_message(problem))
    if problems and not skip_invalid:
        _complain(
            f"Niets geïmporteerd: {_plural(len(problems), 'probleem', 'problemen')} in {problems[0].path.name}. "
            f"Herstel het bestand, of gebruik --skip-invalid om alleen de geldige {what} te importeren."
        )


@_handled
def cmd_roster_import(args: argparse.Namespace) -> int:
    from .roster import import_roster
    from .store import Store

    catalog = _catalog(args)
    with Store.open(args.db) as store:
        result = import_roster(store, catalog, args.file, args.skip_invalid)
    _report_problems(result.parsed.problems, args.skip_invalid, "medewerkers")
    if result.counts is None:
        return 1
    counts = result.counts
    _say(f"{args.file.name}: {counts.added} toegevoegd, {counts.changed} gewijzigd, {counts.unchanged} ongewijzigd.")
    if result.parsed.problems:
        _say(f"{_plural(len(result.parsed.problems), 'ongeldige rij', 'ongeldige rijen')} overgeslagen.")
    if result.not_in_file:
        _say(
            f"{_plural(result.not_in_file, 'medewerker staat', 'medewerkers staan')} in de database maar niet in dit "
            "bestand; zij blijven bewaard (wissen kan met: geletterdheid forget MEDEWERKER_ID)."
        )
    return 0


@_handled
def cmd_responses_import(args: argparse.Namespace) -> int:
    from .responses import import_responses
    from .store import Store

    catalog = _catalog(args)
    with Store.open(args.db) as store:
        result = import_responses(store, catalog, args.file, args.quiz, args.skip_invalid)
    parsed = result.parsed
    for note in parsed.notes:
        _complain(f"Let op: {note}")
    _report_problems(parsed.problems, args.skip_invalid, "pogingen")
    if result.stored is None:
        return 1
    _say(
        f"{args.file.name} ({parsed.format_name}): {_plural(len(parsed.attempts), 'poging', 'pogingen')} gelezen, "
        f"{result.stored.added} nieuw opgeslagen, {result.stored.already_present} al eerder opgeslagen."
    )
    if parsed.problems:
        _say(f"{_plural(len(parsed.problems), 'probleem', 'problemen')} overgeslagen (zie hierboven).")
    if parsed.ignored_columns:
        _say(f"Niet gelezen kolommen: {', '.join(parsed.ignored_columns)}.")
    if parsed.dropped_attempts:
        _say(
            f"{_plural(parsed.dropped_attempts, 'poging', 'pogingen')} niet geïmporteerd omdat een rij ervan ongeldig is."
        )
    return 0


@_handled
def cmd_export(args: argparse.Namespace) -> int:
    from ..reports.pseudonym import key_from_environment
    from .store import Store

    catalog = _catalog(args)
    key = key_from_environment() if args.pseudonimiseer else None
    with Store.open(args.db) as store:
        count = hr_export.export(store, catalog, args.out, DIALECTS[args.dialect], args.layout, args.afdeling, key)
    if args.out is not None:
        _say(f"Export geschreven naar {args.out}: {_plural(count, 'medewerker', 'medewerkers')}.")
    if count == 0:
        _complain(
            "Let op: de export bevat geen medewerkers"
            + (f" van afdeling '{args.afdeling}'." if args.afdeling else "; importeer eerst de personeelslijst.")
        )
    return 0


@_handled
def cmd_progress(args: argparse.Namespace) -> int:
    from ..reports import progress
    from ..reports.completion import completions
    from .store import Store

    catalog = _catalog(args)
    with Store.open(args.db) as store:
        employees = store.employees()
        items = completions(catalog, employees, store.module_progress())
        lines = progress.progress_by(items, args.by)
    if not employees:
        _say("Nog geen medewerkers; importeer eerst de personeelslijst (geletterdheid roster import).")
        return 0
    _say(progress.format_table(lines, args.by))
    return 0


@_handled
def cmd_stats(args: argparse.Namespace) -> int:
    from ..quiz.stats import analyse_quiz
    from ..reports import item_stats
    from ..reports.spreadsheet import open_output, write_rows
    from .store import Store

    catalog = _catalog(args)
    quiz = catalog.quizzes.get(args.quiz)
    if quiz is None:
        raise RecordsError(f"onbekende toets '{args.quiz}'; bekende toetsen: {', '.join(catalog.quizzes)}")
    with Store.open(args.db) as store:
        stats = analyse_quiz(quiz, store.first_attempt_scores(quiz.module))
    _say(item_stats.format_report(quiz, stats))
    if args.csv is not None:
        dialect = DIALECTS[args.dialect]
        with open_output(args.csv, dialect) as stream:
            write_rows(stream, dialect, item_stats.CSV_HEADER, item_stats.csv_rows(quiz, stats, dialect))
        _say(f"Itemanalyse geschreven naar {args.csv}.")
    return 0


@_handled
def cmd_forget(args: argparse.Namespace) -> int:
    from .store import Store

    with Store.open(args.db) as store:
        erased = store.forget(args.medewerker_id)
    if erased is None:
        raise RecordsError(f"onbekende medewerker '{args.medewerker_id}'; er is niets verwijderd")
    _say(
        f"Verwijderd: medewerker {erased.employee.id} ({erased.employee.name}, {erased.employee.department}), "
        f"{_plural(erased.attempts, 'poging', 'pogingen')} en {_plural(erased.answers, 'antwoord', 'antwoorden')}."
    )
    return 0


def register(subparsers) -> None:
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help=f"database: sqlite:///pad/bestand.db, postgresql+psycopg://... of een bestandspad "
        f"(standaard: ${ENV_VAR}, anders {default_database_path()})",
    )
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
        description="Kolommen: medewerker_id, naam, afdeling, rollen (gescheiden door |) en eventueel email. "
        "Nieuwe medewerkers worden toegevoegd, gewijzigde bijgewerkt.",
    )
    roster_import.add_argument("file", type=Path, metavar="BESTAND")
    roster_import.set_defaults(func=cmd_roster_import)

    responses = subparsers.add_parser("responses", help="antwoorden op toetsen")
    responses_sub = responses.add_subparsers(dest="responses_command", metavar="OPDRACHT", required=True)
    responses_import = responses_sub.add_parser(
        "import",
        parents=[db, skip],
        help="scoor en bewaar antwoorden (lange CSV, scoreblad, Microsoft Forms)",
        description="Herkent zelf de indeling: lange CSV (medewerker_id,quiz,vraag,antwoord,tijdstip), "
        "een breed scoreblad (CSV/XLSX: medewerker_id, tijdstip, een kolom per vraag-id) of een "
        "export uit Microsoft Forms (XLSX). Opnieuw importeren voegt niets dubbel toe.",
    )
    responses_import.add_argument("file", type=Path, metavar="BESTAND")
    responses_import.add_argument("--quiz", metavar="ID", help="de toets (module-id) waar het bestand bij hoort")
    responses_import.set_defaults(func=cmd_responses_import)

    export = subparsers.add_parser(
        "export", parents=[db], help="HR-overzicht: wie welke verplichte modules heeft gehaald"
    )
    export.add_argument("--out", type=Path, metavar="BESTAND", help="schrijf naar dit bestand (standaard: scherm)")
    export.add_argument(
        "--dialect",
        choices=list(DIALECTS),
        default="excel-nl",
        help="excel-nl: ; met BOM voor Nederlandse Excel (standaard); rfc4180: , zonder BOM",
    )
    export.add_argument(
        "--layout",
        choices=list(hr_export.LAYOUTS),
        default="long",
        help="long: een rij per medewerker en module (standaard); wide: een rij per medewerker",
    )
    export.add_argument("--afdeling", metavar="NAAM", help="alleen deze afdeling")
    export.add_argument(
        "--pseudonimiseer",
        action="store_true",
        help="vervang medewerker_id en naam door een pseudoniem (sleutel in $GELETTERDHEID_PSEUDONIEM_SLEUTEL)",
    )
    export.set_defaults(func=cmd_export)

    progress_parser = subparsers.add_parser(
        "progress", parents=[db], help="aandeel gehaalde verplichte modules per afdeling of rol"
    )
    progress_parser.add_argument(
        "--by", choices=BY_CHOICES, default="afdeling", help="groepeer per afdeling (standaard) of per rol"
    )
    progress_parser.set_defaults(func=cmd_progress)

    stats = subparsers.add_parser("stats", parents=[db], help="itemanalyse van een toets (eerste pogingen)")
    stats.add_argument("quiz", metavar="QUIZ", help="module-id van de toets, bijvoorbeeld m01")
    stats.add_argument("--csv", type=Path, metavar="BESTAND", help="schrijf de itemanalyse ook als CSV")
    stats.add_argument(
        "--dialect", choices=list(DIALECTS), default="excel-nl", help="CSV-dialect (standaard: excel-nl)"
    )
    stats.set_defaults(func=cmd_stats)

    forget = subparsers.add_parser(
        "forget", parents=[db], help="wis een medewerker met alle pogingen (AVG, recht op vergetelheid)"
    )
    forget.add_argument("medewerker_id", metavar="MEDEWERKER_ID")
    forget.set_defaults(func=cmd_forget)
