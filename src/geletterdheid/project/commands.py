"""``geletterdheid init MAP --gemeente NAAM``: start a gemeente project."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..base_content import base_root
from ..errors import UserError
from .base_version import base_modules as read_base_modules
from .base_version import changes, describe, record, recorded
from .config import find_project
from .init import create_project


class NotAProject(UserError):
    def __init__(self, start: Path) -> None:
        super().__init__(
            f"{start} hoort bij geen gemeente-project (geen gemeente.toml gevonden); maak er een met "
            "'geletterdheid init'"
        )


def cmd_init(args: argparse.Namespace) -> int:
    folder = Path(args.map)
    written = create_project(folder, args.gemeente)  # ProjectExists etc. are UserErrors: exit 1, nothing written
    record(folder, base_root())  # what 'geletterdheid wijzigingen' compares with later
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
    parser.set_defaults(func=cmd_init, reads_content=False)

    changed = subparsers.add_parser(
        "wijzigingen",
        help="toon welke modules van de basisinhoud er sinds de vorige bouw bij kwamen, veranderden of verdwenen",
        description="Vergelijk de basisinhoud van het geïnstalleerde pakket met die van de vorige bouw van dit "
        "gemeente-project (basisversie.json): nieuwe modules, modules met een hogere versie (met wat er "
        "veranderde) en verdwenen modules.",
    )
    changed.set_defaults(func=cmd_changes, reads_content=False)


def cmd_changes(args: argparse.Namespace) -> int:
    project = args.project or find_project(Path.cwd())
    if project is None:
        raise NotAProject(Path.cwd())
    before = recorded(project)
    if before is None:
        print("Nog geen vorige bouw vastgelegd; na de eerste 'geletterdheid build' kan dit wel.")
        return 0
    print(describe(before, changes(before, read_base_modules(base_root()))), end="")
    return 0
