"""``geletterdheid classificeer [ID ...] [--json]``: every system of the AI inventory through the decision tree."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content import Catalog, catalog_or_exit
from ..content.load import EXAMPLE_INVENTORY
from ..errors import UserError
from ..project.assemble import INVENTORY_FILE, SOURCE_DIR, project_of
from . import classify
from .formats import Classified, as_json, as_text


class NoInventory(UserError):
    def __init__(self, project: Path | None) -> None:
        if project is not None:
            example = project / SOURCE_DIR / EXAMPLE_INVENTORY
            where = (
                f"er is geen AI-register in {project}: maak {INVENTORY_FILE} in de projectmap (begin met een kopie "
                f"van het voorbeeld {example})"
            )
        else:
            where = f"er is geen AI-register: {EXAMPLE_INVENTORY.as_posix()} ontbreekt"
        super().__init__(where)


class NoDecisionTree(UserError):
    def __init__(self) -> None:
        super().__init__("de beslisboom (docs/beslisboom.yaml) of de plichten (docs/plichten.yaml) ontbreken")


class UnknownSystem(UserError, ValueError):
    def __init__(self, unknown: list[str], known: list[str]) -> None:
        word = "onbekend systeem" if len(unknown) == 1 else "onbekende systemen"
        names = ", ".join(f"'{system}'" for system in unknown)
        super().__init__(f"{word} {names}. Bekende systemen zijn: {', '.join(known)}.")


def source_name(catalog: Catalog) -> str:
    """The inventory file as the user knows it: the gemeente's own file, or the repository's example."""
    project = project_of(catalog.root)
    if project is not None:
        return str(project / INVENTORY_FILE)
    return EXAMPLE_INVENTORY.as_posix()


def classified(catalog: Catalog, ids: list[str]) -> Classified:
    """The outcome of each system asked for (all when ``ids`` is empty), in the order asked or of the file."""
    if catalog.inventory is None:
        raise NoInventory(project_of(catalog.root))
    if catalog.decision_tree is None or catalog.duties is None:
        raise NoDecisionTree()
    systems = catalog.inventory.by_id()
    unknown = [system_id for system_id in ids if system_id not in systems]
    if unknown:
        raise UnknownSystem(unknown, list(systems))
    chosen = [systems[system_id] for system_id in dict.fromkeys(ids)] if ids else catalog.inventory.systems
    return [
        (system.id, system.name, classify(system.features, catalog.decision_tree, catalog.duties, catalog.legal))
        for system in chosen
    ]


def cmd_classify(args: argparse.Namespace) -> int:
    catalog = catalog_or_exit(args.root)
    result = classified(catalog, args.ids)
    if args.json:
        print(f"AI-register: {source_name(catalog)}", file=sys.stderr)
        sys.stdout.write(as_json(result))
    else:
        sys.stdout.write(as_text(result, source_name(catalog)))
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "classificeer",
        help="loop de AI-systemen uit het AI-register door de beslisboom: risicoklasse, rol en plichten",
        description="Loop elk AI-systeem uit het AI-register door de beslisboom (docs/beslisboom.yaml) en toon de "
        "risicoklasse, de rol van de gemeente, de transparantieplichten (artikel 50) en de plichten met hun "
        f"artikel en datum. In een gemeente-project leest dit {INVENTORY_FILE} in de projectmap; in de "
        f"repository het voorbeeld {EXAMPLE_INVENTORY.as_posix()}. Geen juridisch advies.",
    )
    parser.add_argument("ids", nargs="*", metavar="ID", help="alleen deze systemen (id uit het AI-register)")
    parser.add_argument("--json", action="store_true", help="uitvoer als JSON: een lijst met één object per systeem")
    parser.set_defaults(func=cmd_classify)
