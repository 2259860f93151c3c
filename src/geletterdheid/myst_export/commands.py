"""``geletterdheid export-myst --out MAP``: the content as a mystmd / Jupyter Book 2 project."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..content import catalog_or_exit
from ..errors import UserError


def cmd_export_myst(args: argparse.Namespace) -> int:
    from .convert import ExportProblem
    from .project import write_project

    catalog = catalog_or_exit(args.root)
    out: Path = args.out
    try:
        exported = write_project(catalog, out)
    except ExportProblem as exc:
        raise UserError(f"export naar mystmd mislukt: {exc}") from exc
    print(
        f"mystmd-project geschreven in {out}: {len(exported.pages)} pagina's en notebooks, "
        f"{exported.exercises} toetsvragen als oefening. Bouw het met 'myst build --html' in die map "
        "(mystmd, Jupyter Book 2)."
    )
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = subparsers.add_parser(
        "export-myst",
        help="schrijf de inhoud als mystmd-project (Jupyter Book 2)",
        description="Schrijf de modules, de naslagpagina's, de toetsen (als oefeningen met uitwerking) en de "
        "oefennotebooks als een mystmd-project (Jupyter Book 2) met myst.yml. Artikelen worden links naar "
        "EUR-Lex, datums en bedragen gewone tekst.",
    )
    export.add_argument("--out", type=Path, required=True, metavar="MAP", help="de map voor het project")
    export.set_defaults(func=cmd_export_myst)
