"""Sub-commands of this area: ``geletterdheid curriculum``."""

from __future__ import annotations

import argparse
import sys

from ..content import load_catalog
from ..curriculum import UnknownRole, learning_path
from .path_formats import FORMATS, render


def cmd_curriculum(args: argparse.Namespace) -> int:
    catalog, problems = load_catalog(args.root)
    if catalog is None:
        for problem in problems:
            print(problem.format(args.root), file=sys.stderr)
        print(f"{len(problems)} fout(en) in de inhoud; los die eerst op (geletterdheid check).", file=sys.stderr)
        return 1
    try:
        path = learning_path(catalog, args.rollen)
    except UnknownRole as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(render(catalog, path, args.format))
    return 0


def register(subparsers) -> None:
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
