"""CLI sub-commands for the reports on the records: export (HR), progress, stats.

Thin: parse arguments, call one function, print Dutch messages. Reports read the store and
never write to it; the commands that change it are in ``records.commands``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content import catalog_or_exit
from ..dutch import count
from ..errors import UserError
from ..records.command_support import database_errors_handled, database_option
from . import hr_export
from .privacy import DEFAULT_K
from .progress import BY_CHOICES
from .spreadsheet import DIALECTS


class UnknownQuiz(UserError):
    """``geletterdheid stats`` for a quiz the content does not have."""


def _say(message: str = "") -> None:
    print(message)


def _complain(message: str) -> None:
    print(message, file=sys.stderr)


class ExportFormatError(UserError):
    """``--format xlsx`` without a file, or a file name that does not fit the format."""


def export_format(args: argparse.Namespace) -> str:
    """csv or xlsx: ``--format``, else the suffix of ``--out``, else csv."""
    chosen = args.format or ("xlsx" if args.out is not None and args.out.suffix.lower() == ".xlsx" else "csv")
    if chosen == "xlsx" and args.out is None:
        raise ExportFormatError("een Excel-export is een bestand: geef --out BESTAND.xlsx")
    if chosen == "csv" and args.out is not None and args.out.suffix.lower() == ".xlsx":
        raise ExportFormatError(
            f"{args.out}: een CSV-export met de naam .xlsx opent niet in Excel; gebruik --format xlsx"
        )
    return chosen


@database_errors_handled
def cmd_export(args: argparse.Namespace) -> int:
    from ..records.store import Store
    from .pseudonym import key_from_environment
    from .training import training_settings

    if any(getattr(args, name, None) for name in ("xapi", "lrs", "xapi_mbox", "basis_url")):
        return _export_xapi(args)
    catalog = catalog_or_exit(args.root)
    chosen = export_format(args)
    if args.k < 1:
        raise ExportFormatError(f"--k moet minstens 1 zijn, niet {args.k}")
    options = hr_export.ExportOptions(
        layout=args.layout,
        department=args.afdeling,
        pseudonym_key=key_from_environment() if args.pseudonimiseer else None,
        k=args.k,
        without_department=args.zonder_afdeling,
        training=training_settings(getattr(args, "project", None), catalog),
        include_left=args.ook_uit_dienst,
    )
    with Store.open(args.db) as store:
        if chosen == "xlsx":
            from .xlsx_export import export_xlsx

            written = export_xlsx(store, catalog, args.out, options)
        else:
            written = hr_export.export(store, catalog, args.out, DIALECTS[args.dialect], options=options)
    if args.out is not None:
        _say(f"Export geschreven naar {args.out}: {count(written, 'medewerker', 'medewerkers')}.")
    if written == 0:
        _complain(
            "Let op: de export bevat geen medewerkers"
            + (f" van afdeling '{args.afdeling}'." if args.afdeling else "; importeer eerst de personeelslijst.")
        )
    return 0


def _export_xapi(args: argparse.Namespace) -> int:
    """``export --xapi``: every stored attempt as xAPI statements, to a file, the screen or an LRS."""
    from ..records.store import Store
    from .lrs import credentials_from_environment, send_statements
    from .xapi import XapiSettings, is_voiding, json_line, statements

    if not args.xapi:
        raise ExportFormatError("--lrs, --basis-url en --xapi-mbox horen bij een xAPI-export: geef ook --xapi")
    if args.format or args.pseudonimiseer or args.afdeling:
        raise ExportFormatError("--xapi gaat niet samen met --format, --afdeling of --pseudonimiseer")
    website = None
    if getattr(args, "project", None) is not None:
        from ..project.config import load_config

        website = load_config(args.project).website
    settings = XapiSettings.from_options(args.basis_url, website, with_mbox=args.xapi_mbox)
    authorization = credentials_from_environment() if args.lrs else None
    catalog = catalog_or_exit(args.root)
    with Store.open(args.db) as store:
        employees = {employee.id: employee for employee in store.employees(include_left=True)}
        pairs = [(a, employees[a.employee_id]) for a in store.all_attempts() if a.employee_id in employees]
        changes = store.all_changes()
    found = list(statements(catalog, pairs, settings, changes))
    voiding = sum(1 for statement in found if is_voiding(statement))
    made = count(len(found), "statement", "statements") + (f", waarvan {voiding} intrekkingen" if voiding else "")
    if args.out is not None or args.lrs is None:
        from .spreadsheet import open_output

        # a private file, replaced atomically, as the HR export; no BOM: JSON Lines is plain UTF-8
        with open_output(args.out, DIALECTS["rfc4180"]) as stream:
            for statement in found:
                stream.write(json_line(statement) + "\n")
    if args.out is not None:
        _say(f"xAPI-export geschreven naar {args.out}: {made}.")
    if args.lrs is not None and authorization is not None:
        sent = send_statements(args.lrs, found, authorization)
        _say(
            f"Naar het LRS verstuurd: {count(sent.sent, 'statement', 'statements')}"
            + (f"; {sent.already_there} stonden er al." if sent.already_there else ".")
        )
    if not found:
        _complain("Let op: er zijn nog geen pogingen opgeslagen, dus ook geen statements.")
    return 0


@database_errors_handled
def cmd_progress(args: argparse.Namespace) -> int:
    from ..records.store import Store
    from ..records.workshops import attended_modules
    from . import progress
    from .completion import completions
    from .training import training_settings

    catalog = catalog_or_exit(args.root)
    training = training_settings(getattr(args, "project", None), catalog)
    with Store.open(args.db) as store:
        employees = store.employees(include_left=args.ook_uit_dienst)
        summaries = store.module_progress(include_left=args.ook_uit_dienst)
        items = completions(catalog, employees, summaries, training, attended=attended_modules(store))
        if args.per_medewerker:
            text = progress.format_employees(items)
        else:
            titles = {role_id: role.title for role_id, role in catalog.roles.items()}
            text = progress.format_table(progress.progress_by(items, args.by, titles), args.by)
    if not employees:
        _say("Nog geen medewerkers; importeer eerst de personeelslijst (geletterdheid roster import).")
        return 0
    _say(text)
    return 0


@database_errors_handled
def cmd_stats(args: argparse.Namespace) -> int:
    from ..quiz.stats import analyse_quiz
    from ..records.store import Store
    from . import item_stats
    from .spreadsheet import open_output, write_rows

    catalog = catalog_or_exit(args.root)
    quiz = catalog.quizzes.get(args.quiz)
    if quiz is None:
        raise UnknownQuiz(f"onbekende toets '{args.quiz}'; bekende toetsen: {', '.join(catalog.quizzes)}")
    with Store.open(args.db) as store:
        stats = analyse_quiz(quiz, store.first_attempt_scores(quiz.module))
    _say(item_stats.format_report(quiz, stats))
    if args.csv is not None:
        dialect = DIALECTS[args.dialect]
        with open_output(args.csv, dialect) as stream:
            write_rows(stream, dialect, item_stats.CSV_HEADER, item_stats.csv_rows(quiz, stats, dialect))
        _say(f"Itemanalyse geschreven naar {args.csv}.")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = database_option()
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
    export.add_argument(
        "--format",
        choices=["csv", "xlsx"],
        help="csv of xlsx (Excel, met echte datums en getallen); standaard: xlsx bij --out *.xlsx, anders csv",
    )
    export.add_argument("--afdeling", metavar="NAAM", help="alleen deze afdeling")
    export.add_argument(
        "--pseudonimiseer",
        action="store_true",
        help="vervang medewerker_id en naam door een pseudoniem (sleutel in $GELETTERDHEID_PSEUDONIEM_SLEUTEL); "
        "de rijen staan dan op pseudoniem en kleine afdelingen worden samengevoegd (zie --k)",
    )
    export.add_argument(
        "--k",
        type=int,
        default=DEFAULT_K,
        metavar="AANTAL",
        help=f"met --pseudonimiseer: afdelingen met minder medewerkers heten 'overige afdelingen' "
        f"(standaard: {DEFAULT_K})",
    )
    export.add_argument("--zonder-afdeling", action="store_true", help="laat de afdeling leeg")
    export.add_argument(
        "--ook-uit-dienst",
        action="store_true",
        help="ook medewerkers die uit dienst zijn, met de kolom uit_dienst (standaard: alleen wie in dienst is)",
    )
    export.add_argument(
        "--xapi",
        action="store_true",
        help="schrijf elke opgeslagen poging als xAPI-statements (JSON Lines), voor een LRS, in plaats van de CSV",
    )
    export.add_argument(
        "--basis-url",
        metavar="URL",
        help="met --xapi: het adres van de trainingssite, waarmee de modules genoemd worden "
        "(standaard: 'website' in gemeente.toml)",
    )
    export.add_argument(
        "--xapi-mbox",
        action="store_true",
        help="met --xapi: noem medewerkers bij hun e-mailadres in plaats van hun medewerker-id",
    )
    export.add_argument(
        "--lrs",
        metavar="URL",
        help="met --xapi: verstuur de statements naar dit LRS (inloggegevens in $GELETTERDHEID_LRS_INLOG, "
        "als sleutel:geheim)",
    )
    export.set_defaults(func=cmd_export)

    progress_parser = subparsers.add_parser(
        "progress",
        parents=[db],
        help="wie het hele leerpad af heeft, en de status van de verplichte modules, per afdeling of rol",
    )
    progress_parser.add_argument(
        "--by", choices=BY_CHOICES, default="afdeling", help="groepeer per afdeling (standaard) of per rol"
    )
    progress_parser.add_argument(
        "--per-medewerker", action="store_true", help="toon per medewerker de status van elke verplichte module"
    )
    progress_parser.add_argument(
        "--ook-uit-dienst",
        action="store_true",
        help="tel ook medewerkers mee die uit dienst zijn (standaard: alleen wie in dienst is)",
    )
    progress_parser.set_defaults(func=cmd_progress)

    stats = subparsers.add_parser("stats", parents=[db], help="itemanalyse van een toets (eerste pogingen)")
    stats.add_argument("quiz", metavar="QUIZ", help="module-id van de toets, bijvoorbeeld m01")
    stats.add_argument("--csv", type=Path, metavar="BESTAND", help="schrijf de itemanalyse ook als CSV")
    stats.add_argument(
        "--dialect", choices=list(DIALECTS), default="excel-nl", help="CSV-dialect (standaard: excel-nl)"
    )
    stats.set_defaults(func=cmd_stats)
