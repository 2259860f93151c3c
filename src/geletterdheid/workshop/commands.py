"""``geletterdheid workshop``: write a trainer's complete kit for one session into a folder."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from ..content import catalog_or_exit
from ..content.model import Catalog, Module
from ..curriculum import required_modules
from ..dutch import count, iso_date_argument
from ..errors import UserError
from .kit import Kit, Participant
from .plan import plan_workshop
from .write import write_kit


class WorkshopError(UserError, ValueError):
    """A wrong option or participants file (a Dutch message naming the file and row)."""


def cmd_workshop(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    catalog = catalog_or_exit(args.root)
    role_id: str | None = args.rol
    modules = required_modules(catalog, [role_id]) if role_id else _chosen_modules(catalog, args.modules)
    plan = plan_workshop(catalog, modules, args.duur, args.datum, args.begintijd)
    gemeente, logo = _gemeente(args.project)
    if args.titel:
        title = args.titel
    elif role_id:
        title = f"Workshop AI-geletterdheid: leerpad {catalog.roles[role_id].title}"
    else:
        title = "Workshop AI-geletterdheid: " + ", ".join(m.title for m in modules)
    participants = read_participants(args.deelnemers) if args.deelnemers else ()
    kit = Kit(catalog, plan, gemeente, title, participants, logo, role_id)
    written = write_kit(kit, args.out)
    seconds = time.perf_counter() - started
    print(f"Workshopmap {args.out}: {count(len(written), 'bestand', 'bestanden')} in {seconds:.1f} s.")
    for path in written:
        print(f"  {path.name}")
    if plan.homework:
        print("Past niet in de tijd, en is huiswerk (zie draaiboek.pdf):")
        for item in plan.homework:
            what = "de toets" if item.part == "toets" else "de module lezen en de toets"
            print(f"  {item.module_id} {catalog.modules[item.module_id].title}: {what}")
    if plan.without_notes:
        which = ", ".join(plan.without_notes)
        verb = "heeft" if len(plan.without_notes) == 1 else "hebben"
        print(
            f"Let op: {which} {verb} geen trainersaantekeningen (het blok trainer: bovenaan de module); "
            "het draaiboek gebruikt de studietijd.",
            file=sys.stderr,
        )
    if logo is not None and logo.suffix.lower() == ".svg":
        print(
            "Let op: een svg-logo staat in de pdf's, maar niet op de dia's (PowerPoint wil png of jpg).",
            file=sys.stderr,
        )
    return 0


def _chosen_modules(catalog: Catalog, text: str) -> list[Module]:
    ids = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [module_id for module_id in ids if module_id not in catalog.modules]
    if unknown:
        raise WorkshopError(f"onbekende module {', '.join(unknown)}; bekende modules: {', '.join(catalog.modules)}")
    repeated = sorted({module_id for module_id in ids if ids.count(module_id) > 1})
    if repeated:
        raise WorkshopError(f"module {', '.join(repeated)} staat twee keer in --modules")
    return [catalog.modules[module_id] for module_id in ids]


def _gemeente(project: Path | None) -> tuple[str, Path | None]:
    if project is None:  # the repository itself: the example name its own site and handbooks carry
        from ..project.placeholders import EXAMPLE_NAME

        return EXAMPLE_NAME, None
    from ..project.config import load_config

    config = load_config(project)
    return config.name, config.logo


def read_participants(path: Path) -> tuple[Participant, ...]:
    """``medewerker_id`` (required), ``naam`` and ``afdeling`` from a CSV or XLSX file."""
    from ..records.errors import RecordsError
    from ..records.sheets import as_text, read_table

    try:
        table = read_table(path)
        positions = table.column_positions()
    except RecordsError as exc:
        raise WorkshopError(str(exc)) from None
    if "medewerker_id" not in positions:
        raise WorkshopError(
            f"{table.name}: de kolom medewerker_id ontbreekt (kolommen: medewerker_id, en eventueel naam, afdeling)"
        )
    people: list[Participant] = []
    seen: dict[str, int] = {}
    problems: list[str] = []

    def cell(cells: object, column: str) -> str:
        position = positions.get(column)
        values = cells if isinstance(cells, (list, tuple)) else ()
        return as_text(values[position]).strip() if position is not None and position < len(values) else ""

    try:
        for row, cells in table.rows():
            employee_id = cell(cells, "medewerker_id")
            if not employee_id:
                problems.append(f"{table.name}, rij {row}: medewerker_id is leeg")
            elif employee_id in seen:
                problems.append(f"{table.name}, rij {row}: {employee_id} staat ook in rij {seen[employee_id]}")
            else:
                seen[employee_id] = row
                people.append(Participant(employee_id, cell(cells, "naam"), cell(cells, "afdeling")))
    except RecordsError as exc:
        raise WorkshopError(str(exc)) from None
    if problems:
        raise WorkshopError("\n".join(problems))
    if not people:
        raise WorkshopError(f"{table.name}: geen deelnemers (alleen een kopregel)")
    return tuple(people)


def _minutes(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"ongeldige duur '{text}'; geef een aantal minuten, bijvoorbeeld 120"
        ) from None
    if not 30 <= value <= 480:
        raise argparse.ArgumentTypeError(f"duur {value} minuten: kies 30 tot 480 minuten")
    return value


def _clock(text: str) -> dt.time:
    try:
        return dt.time.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"ongeldige begintijd '{text}'; gebruik UU:MM, bijvoorbeeld 09:30") from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "workshop",
        help="schrijf een workshopmap voor de trainer: draaiboek, dia's, toetsformulieren, scoreblad",
        description="Schrijf alles voor één workshop in een map: draaiboek.pdf (programma met tijden die "
        "optellen tot --duur), dia's.pptx, toets-<module>.pdf per toets, antwoordblad.pdf, scoreblad.xlsx "
        "(dat geletterdheid responses import zo inleest) en presentielijst.pdf. Past niet alles in de tijd, "
        "dan zegt het draaiboek wat huiswerk wordt.",
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--rol", metavar="ROL", help="het leerpad van deze rol, bijvoorbeeld alle-medewerkers")
    which.add_argument("--modules", metavar="M01,M03", help="deze modules, in deze volgorde, gescheiden door komma's")
    parser.add_argument("--duur", type=_minutes, required=True, metavar="MINUTEN", help="lengte van de workshop")
    parser.add_argument(
        "--datum", type=iso_date_argument, default=None, metavar="JJJJ-MM-DD", help="datum van de workshop"
    )
    parser.add_argument(
        "--begintijd", type=_clock, default=dt.time(9, 0), metavar="UU:MM", help="begintijd (standaard 09:00)"
    )
    parser.add_argument(
        "--deelnemers",
        type=Path,
        default=None,
        metavar="LIJST",
        help="CSV of XLSX met medewerker_id en eventueel naam, afdeling: staat al op scoreblad en presentielijst",
    )
    parser.add_argument("--titel", default=None, help="titel van de workshop (standaard: naar het leerpad)")
    parser.add_argument("--out", type=Path, required=True, metavar="MAP", help="map voor de bestanden")
    parser.set_defaults(func=cmd_workshop)
