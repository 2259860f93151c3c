"""CLI sub-commands to correct the records: ``attempts list`` and ``attempts void``.

Thin, like ``records.commands``: parse arguments, call the store, print Dutch messages. Who made
a correction is ``--door NAAM`` or else the operating system's user name (see :func:`operator_name`):
HR runs these commands under their own account, and the name goes into the audit trail.
"""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Sequence

from .command_support import database_errors_handled, database_option
from .errors import RecordsError
from .model import StoredAttempt
from .times import LOCAL_ZONE

#: Attempt ids are 32-bit integers in both databases: a larger number is no id (and would overflow PostgreSQL's).
_LARGEST_ID = 2**31 - 1


def operator_name(explicit: str | None) -> str:
    """Who is correcting: ``--door``, else the user name the system gives (LOGNAME, USER, the account)."""
    if explicit and explicit.strip():
        return explicit.strip()
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name at all (a bare container): the trail says so
        return "onbekend"


def local_time(moment) -> str:
    return moment.astimezone(LOCAL_ZONE).strftime("%d-%m-%Y %H:%M")


def local_day(day) -> str:
    return day.strftime("%d-%m-%Y")


def percent(value: float) -> str:
    """75.0 -> '75%', 66.666667 -> '66,7%'."""
    text = f"{value:.1f}".replace(".", ",")
    return (text[:-2] if text.endswith(",0") else text) + "%"


def _attempt_line(attempt: StoredAttempt) -> list[str]:
    return [
        str(attempt.id),
        attempt.quiz_id,
        local_time(attempt.taken_at),
        percent(attempt.score_percent),
        "ja" if attempt.passed else "nee",
        attempt.source,
        "" if attempt.voided_at is None else f"ongeldig sinds {local_time(attempt.voided_at)}",
    ]


def _table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    )


@database_errors_handled
def cmd_attempts_list(args: argparse.Namespace) -> int:
    from .store import Store

    with Store.open(args.db) as store:
        employee = store.employee(args.medewerker_id)
        if employee is None:
            raise RecordsError(f"onbekende medewerker '{args.medewerker_id}'")
        found = store.attempts_of(employee.id, include_voided=args.alles)
        changes = store.changes_of(employee.id) if args.alles else []
    print(f"Pogingen van {employee.id} ({employee.name}, {employee.department}):")
    if not found:
        print("Geen pogingen" + ("." if args.alles else " die meetellen (--alles toont ook ongeldig verklaarde)."))
    else:
        header = ["id", "toets", "tijdstip", "score", "geslaagd", "bron", ""]
        print(_table([header, *map(_attempt_line, found)]))
    if changes:
        print()
        print("Geschiedenis (wie, wanneer, waarom):")
        for change in changes:
            print(
                f"- poging {change.attempt_id} {change.action} op {local_time(change.done_at)} door {change.done_by}: "
                f"{change.reason} (daarvoor: {percent(change.old_score)}, "
                f"{'geslaagd' if change.old_passed else 'niet geslaagd'}, bron {change.old_source})"
            )
    return 0


@database_errors_handled
def cmd_attempts_void(args: argparse.Namespace) -> int:
    from .store import Store

    reason = (args.reden or "").strip()
    if not reason:
        raise RecordsError("geef met --reden op waarom de poging niet meer telt; dat komt in de geschiedenis")
    text = args.id.strip()
    if not (text.isascii() and text.isdigit() and int(text) <= _LARGEST_ID):
        raise RecordsError(
            f"'{args.id}' is geen id van een poging (een getal); "
            "zoek het op met: geletterdheid attempts list MEDEWERKER"
        )
    attempt_id = int(text)
    with Store.open(args.db) as store:
        before = store.void_attempt(attempt_id, reason, operator_name(args.door))
    if before is None:
        raise RecordsError(
            f"er is geen poging met id {args.id}; zoek het id op met: geletterdheid attempts list MEDEWERKER"
        )
    if before.voided_at is not None:
        raise RecordsError(
            f"poging {args.id} is al ongeldig verklaard op {local_time(before.voided_at)}; er is niets gewijzigd"
        )
    print(
        f"Poging {before.id} ({before.employee_id}, toets {before.quiz_id}, {local_time(before.taken_at)}, "
        f"{percent(before.score_percent)}) telt niet meer mee. Vastgelegd in de geschiedenis "
        "(geletterdheid attempts list MEDEWERKER --alles)."
    )
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = database_option()
    attempts = subparsers.add_parser("attempts", help="pogingen bekijken en corrigeren")
    attempts_sub = attempts.add_subparsers(dest="attempts_command", metavar="OPDRACHT", required=True)

    listing = attempts_sub.add_parser(
        "list",
        parents=[db],
        help="de pogingen van een medewerker, met hun id",
        description="Toont id, toets, "
        "tijdstip, score en bron van elke poging die meetelt. Met --alles ook ongeldig verklaarde pogingen "
        "en de geschiedenis: wie wat wanneer en waarom veranderde.",
    )
    listing.add_argument("medewerker_id", metavar="MEDEWERKER")
    listing.add_argument("--alles", action="store_true", help="ook ongeldig verklaarde pogingen en de geschiedenis")
    listing.set_defaults(func=cmd_attempts_list)

    void = attempts_sub.add_parser(
        "void",
        parents=[db],
        help="verklaar een poging ongeldig: ze telt nergens meer mee, maar blijft in de geschiedenis",
    )
    void.add_argument("id", metavar="ID", help="het id uit 'geletterdheid attempts list'")
    void.add_argument("--reden", metavar="TEKST", required=True, help="waarom de poging niet meer telt")
    void.add_argument("--door", metavar="NAAM", help="wie dit doet (standaard: je gebruikersnaam op deze computer)")
    void.set_defaults(func=cmd_attempts_void)
