"""``geletterdheid curriculum``: the learning path of one or more roles, in one of the formats."""

from __future__ import annotations

import argparse
import sys

from ..content import Catalog, catalog_or_exit
from . import department_learning_path, learning_path
from .formats import FORMATS, render


def register_note(catalog: Catalog) -> str | None:
    """Why --afdeling adds no modules here, if it cannot: no register of the gemeente's own."""
    if catalog.inventory is None:
        return "er is geen AI-register (ai-systemen.yaml), dus geen modules voor AI-systemen."
    if catalog.inventory_is_example:
        return (
            f"het AI-register is het voorbeeld ({catalog.inventory_path}); dat telt niet mee voor leerpaden. "
            "In een gemeente-project telt ai-systemen.yaml van de gemeente."
        )
    return None


def cmd_curriculum(args: argparse.Namespace) -> int:
    catalog = catalog_or_exit(args.root)
    # UnknownRole is a UserError: the CLI says which roles exist
    if args.afdeling is None:
        path = learning_path(catalog, args.rollen)
    else:
        path = department_learning_path(catalog, args.rollen, args.afdeling)
        note = register_note(catalog)
        if note is not None:
            print(f"Let op: {note}", file=sys.stderr)
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
    parser.add_argument(
        "--afdeling",
        metavar="NAAM",
        default=None,
        help="het leerpad van een medewerker van deze afdeling: met de modules voor de AI-systemen uit "
        "ai-systemen.yaml die de afdeling of de rollen gebruiken (in een gemeente-project)",
    )
    parser.set_defaults(func=cmd_curriculum)
