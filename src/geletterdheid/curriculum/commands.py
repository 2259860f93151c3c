"""``geletterdheid curriculum``: the learning path of one or more roles, in one of the formats."""

from __future__ import annotations

import argparse
import sys

from ..content import catalog_or_exit
from . import learning_path
from .formats import FORMATS, render


def cmd_curriculum(args: argparse.Namespace) -> int:
    catalog = catalog_or_exit(args.root)
    path = learning_path(catalog, args.rollen)  # UnknownRole is a UserError: the CLI says which roles exist
    sys.stdout.write(render(catalog, path, args.format))
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "curriculum",
        help="toon het leerpad van een of meer rollen: modules in volgorde, met studietijd",
        description="Toon het leerpad van een of meer rollen: de modules in de volgorde waarin je ze volgt "
        "(voorkennis eerst), met titel, studietijd, niveau en leerdoelen, en de totale studietijd. "
        "Bij meer rollen krijg je alle modules van die rollen samen, zonder dubbele.",
    )
    parser.add_argument(
        "rollen", nargs="+", metavar="ROL", help="rol-id uit docs/rollen/, bijvoorbeeld beleidsadviseur"
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="uitvoer als tekst (standaard), Markdown, JSON of CSV"
    )
    parser.set_defaults(func=cmd_curriculum)
