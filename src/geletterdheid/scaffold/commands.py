"""``geletterdheid new module --id ID --titel TITEL --rol ROL [--rol ROL] --onderwerp ONDERWERP``."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..content import catalog_or_exit


def cmd_new_module(args: argparse.Namespace) -> int:
    from .module import NewModule, write_module

    catalog = catalog_or_exit(args.root)  # the ids, roles and topics a new module must fit in
    target: Path = args.project or args.root  # a gemeente project's own modules/ and quizzes/
    new = NewModule(args.id.strip(), args.titel, tuple(args.rol), args.onderwerp.strip())
    written = write_module(new, catalog, target)
    shown = [
        path.relative_to(target) if path.is_relative_to(target) else path for path in (written.module, written.quiz)
    ]
    print(
        f"Geschreven: {shown[0]} en {shown[1]}.\n"
        "Vervang nu elke tekst die met INVULLEN begint ('geletterdheid check' noemt ze), en bekijk de module "
        "met 'geletterdheid preview'."
    )
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = subparsers.add_parser("new", help="maak een nieuwe module met toets om in te vullen")
    kinds = new.add_subparsers(dest="kind", metavar="SOORT", required=True)
    module = kinds.add_parser(
        "module",
        help="een module (modules/ID-titel.md) en zijn toets (quizzes/ID.yaml)",
        description="Schrijf een nieuwe module en zijn toets als opzet: alles wat je moet invullen begint met "
        "INVULLEN, en 'geletterdheid check' noemt die plekken tot ze vervangen zijn. In een gemeente-project "
        "komen de bestanden in de modules/ en quizzes/ van het project. Een bestaand bestand wordt nooit "
        "overschreven.",
    )
    module.add_argument("--id", required=True, help="de vaste id van de module, bijvoorbeeld m17 (of t01)")
    module.add_argument("--titel", required=True, help='de titel, bijvoorbeeld "Chatbots in de dienstverlening"')
    module.add_argument(
        "--rol", required=True, action="append", metavar="ROL", help="rol-id van wie de module volgt (mag vaker)"
    )
    module.add_argument("--onderwerp", required=True, metavar="ONDERWERP", help="onderwerp-id uit onderwerpen.yaml")
    module.set_defaults(func=cmd_new_module)
