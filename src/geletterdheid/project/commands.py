"""``geletterdheid init MAP --gemeente NAAM``: start a gemeente project."""

from __future__ import annotations

import argparse
from pathlib import Path

from .init import create_project


def cmd_init(args: argparse.Namespace) -> int:
    folder = Path(args.map)
    written = create_project(folder, args.gemeente)  # ProjectExists etc. are UserErrors: exit 1, nothing written
    print(
        f"Gemeente-project voor {args.gemeente.strip()} gemaakt in {folder} ({len(written)} bestanden).\n"
        f"Vul nu {folder / 'gemeente.toml'} aan (forum, contact, voettekst, huisstijl) en bouw in die map met:\n"
        "  geletterdheid check\n"
        "  geletterdheid build"
    )
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "init",
        help="maak een gemeente-project: gemeente.toml en mappen voor eigen modules, toetsen, rollen en aanvullingen",
        description="Maak een gemeente-project in MAP (een nieuwe of lege map): gemeente.toml met uitleg bij elke "
        "sleutel, en de mappen modules/, quizzes/, rollen/ en aanvullingen/, elk met een korte README. "
        "Een map waarin al iets staat, laat init ongemoeid.",
    )
    parser.add_argument("map", metavar="MAP", help="de map van het nieuwe project, bijvoorbeeld testdorp")
    parser.add_argument(
        "--gemeente", required=True, metavar="NAAM", help='de naam van de gemeente, bijvoorbeeld "Gemeente Testdorp"'
    )
    parser.set_defaults(func=cmd_init)
