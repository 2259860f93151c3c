"""``geletterdheid export-lms``: modules with their quiz as packages for a learning management system.

Formats are one table (:data:`FORMATS`): each has a writer ``(catalog, module_ids, out, stem) ->
written paths``. A format that makes one text file (Moodle XML, GIFT) plugs in with
:func:`text_format`, one line each.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..content import Catalog, catalog_or_exit
from ..dutch import count
from ..errors import UserError
from .gift import gift_text
from .moodle_xml import moodle_xml_text
from .selection import module_ids_for

Writer = Callable[[Catalog, list[str], Path, str], list[Path]]


@dataclass(frozen=True)
class Format:
    write: Writer
    #: Dutch, for --help and the closing message.
    description: str


def text_format(render: Callable[[Catalog, list[str]], str], suffix: str, description: str) -> Format:
    """A format whose whole export is one text file ``<stem><suffix>``, from ``render(catalog, module_ids)``."""

    def write(catalog: Catalog, module_ids: list[str], out: Path, stem: str) -> list[Path]:
        out.mkdir(parents=True, exist_ok=True)
        path = out / f"{stem}{suffix}"
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=out)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
                file.write(render(catalog, module_ids))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return [path]

    return Format(write, description)


def _scorm12(catalog: Catalog, module_ids: list[str], out: Path, stem: str) -> list[Path]:
    from .scorm12 import write_scorm12

    return write_scorm12(catalog, module_ids, out, stem)


def _cmi5(catalog: Catalog, module_ids: list[str], out: Path, stem: str) -> list[Path]:
    from .cmi5 import write_cmi5

    return write_cmi5(catalog, module_ids, out, stem)


FORMATS: dict[str, Format] = {
    "scorm12": Format(_scorm12, "SCORM 1.2: één zip per module (één SCO met de tekst en de toets)"),
    "cmi5": Format(_cmi5, "cmi5: één zip met een AU per module"),
    "moodle-xml": text_format(moodle_xml_text, ".moodle.xml", "Moodle XML: de vragen voor de vragenbank"),
    "gift": text_format(gift_text, ".gift.txt", "GIFT: de vragen als tekst voor Moodle"),
}


def cmd_export_lms(args: argparse.Namespace) -> int:
    catalog = catalog_or_exit(args.root)
    module_ids = module_ids_for(catalog, args.module, args.rol)  # UserError: unknown module or role
    stem = args.module or args.rol or "alle-modules"
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UserError(f"{out} is een bestand; geef bij --out een map op (die maakt de opdracht zo nodig aan)")
    written = FORMATS[args.formaat].write(catalog, module_ids, out, stem)
    for path in written:
        print(path)
    print(
        f"{count(len(module_ids), 'module', 'modules')} geëxporteerd als {args.formaat} "
        f"in {count(len(written), 'bestand', 'bestanden')} in {args.out}."
    )
    if args.formaat == "scorm12" and len(module_ids) > 1:
        print("SCORM 1.2 kent één score per pakket: importeer elk zipbestand als eigen activiteit in de cursus.")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export-lms",
        help="exporteer modules met hun toets voor een leeromgeving (SCORM 1.2, cmi5)",
        description="Exporteer modules met hun toets als pakket voor een leeromgeving (LMS), zoals Moodle of "
        "Totara. " + " ".join(f"{name}: {fmt.description}." for name, fmt in FORMATS.items()),
    )
    parser.add_argument("--formaat", choices=list(FORMATS), required=True, help="het formaat van de export")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--module", metavar="ID", help="één module, bijvoorbeeld m01")
    which.add_argument("--rol", metavar="ROL", help="alle modules van het leerpad van deze rol")
    which.add_argument("--alles", action="store_true", help="alle modules")
    parser.add_argument("--out", metavar="PAD", required=True, help="de map waarin de bestanden komen")
    parser.set_defaults(func=cmd_export_lms)
