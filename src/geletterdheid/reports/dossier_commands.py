"""``geletterdheid rapport [--periode VAN..TOT] --out MAP``: the dossier for the board, the works council
and a supervisor, as rapport.html, rapport.pdf and rapport.json (private files, written atomically).

Thin: parse the period, compute the dossier once, render the three views in memory (so a failure
leaves no half dossier), then write them.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..content.model import dutch_date
from ..errors import UserError
from ..records.command_support import database_errors_handled, database_option
from .dossier import Period
from .status import add_months

#: The gemeente's name outside a gemeente project (the repository's example, as conf.py says).
EXAMPLE_GEMEENTE = "Gemeente Voorbeeld"
FILES = ("rapport.html", "rapport.pdf", "rapport.json")
EXAMPLE_PERIOD = "2026-01-01..2026-12-31"


class PeriodError(UserError):
    """``--periode`` that is not VAN..TOT with two dates in order, up to today."""


def _date(text: str, which: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise PeriodError(
            f"--periode: de {which} '{text.strip()}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld {EXAMPLE_PERIOD}"
        ) from None


def default_period(today: dt.date) -> Period:
    """The twelve months up to and including today."""
    return Period(add_months(today, -12) + dt.timedelta(days=1), today)


def parse_period(text: str | None, today: dt.date) -> Period:
    """``VAN..TOT`` (both JJJJ-MM-DD, inclusive); None: the last twelve months. Raises PeriodError (Dutch)."""
    if text is None:
        return default_period(today)
    if text.count("..") != 1:
        raise PeriodError(
            f"--periode moet VAN..TOT zijn, twee datums met twee punten ertussen, bijvoorbeeld {EXAMPLE_PERIOD}; "
            f"niet '{text}'"
        )
    start_text, end_text = text.split("..")
    if not start_text.strip() or not end_text.strip():
        raise PeriodError(f"--periode: geef een begin- en een einddatum, bijvoorbeeld {EXAMPLE_PERIOD}")
    start, end = _date(start_text, "begindatum"), _date(end_text, "einddatum")
    if start > end:
        raise PeriodError(
            f"--periode: de begindatum {dutch_date(start)} ligt na de einddatum {dutch_date(end)}; "
            "zet de vroegste datum eerst"
        )
    if end > today:
        raise PeriodError(
            f"--periode: de einddatum {dutch_date(end)} ligt na vandaag ({dutch_date(today)}); een dossier gaat "
            "over wat er gebeurd is: kies vandaag of een eerdere dag"
        )
    return Period(start, end)


class OutputFolderError(UserError):
    """``--out`` that is a file, or a folder that cannot be made."""


def _folder(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise OutputFolderError(f"--out {out}: dat is een bestand, geen map")
    try:
        out.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputFolderError(f"--out {out}: kan de map niet maken ({exc.strerror})") from None
    return out


def write_files(out: Path, files: dict[str, bytes]) -> None:
    """Each file written to a private temporary file beside it, then renamed (0600, never half-written)."""
    import os

    from .spreadsheet import replaced_atomically

    for name, data in files.items():
        with replaced_atomically(out / name) as temp, open(temp, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())


@database_errors_handled
def cmd_rapport(args: argparse.Namespace) -> int:
    from importlib.metadata import PackageNotFoundError, version

    from ..content import catalog_or_exit
    from ..project.model import Governance
    from ..records.store import Store
    from .completion import today_here
    from .dossier import dossier_of
    from .dossier_html import render_html
    from .dossier_json import as_json
    from .dossier_pdf import DossierPdfError, compile_pdf
    from .training import training_settings

    today = today_here()
    period = parse_period(args.periode, today)  # before anything is read: a typo costs nothing
    catalog = catalog_or_exit(args.root)
    project = getattr(args, "project", None)
    training = training_settings(project, catalog)
    gemeente, governance = EXAMPLE_GEMEENTE, Governance()
    if project is not None:
        from ..project.config import load_config

        config = load_config(project)
        gemeente, governance = config.name, config.governance
    try:
        package_version = version("geletterdheid")
    except PackageNotFoundError:  # pragma: no cover - the package is installed to run
        package_version = ""
    with Store.open(args.db) as store:
        dossier = dossier_of(
            store, catalog, period, gemeente, training, governance, today, package_version=package_version
        )
    try:
        pdf = compile_pdf(dossier)
    except DossierPdfError as exc:
        raise OutputFolderError(str(exc)) from exc
    out = _folder(args.out)
    write_files(
        out,
        {
            "rapport.html": render_html(dossier).encode("utf-8"),
            "rapport.pdf": pdf,
            "rapport.json": as_json(dossier).encode(),
        },
    )
    total = dossier.total
    print(
        f"Dossier over {dutch_date(period.start)} tot en met {dutch_date(period.end)} geschreven naar {out}: "
        f"{', '.join(FILES)}. Leerpad afgerond: {total.finished} van {total.employees} medewerkers."
    )
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "rapport",
        parents=[database_option()],
        help="dossier AI-geletterdheid voor bestuur, ondernemingsraad en toezichthouder (html, pdf en json)",
    )
    parser.add_argument(
        "--periode",
        metavar="VAN..TOT",
        help=f"de periode, bijvoorbeeld {EXAMPLE_PERIOD} (standaard: de twaalf maanden tot en met vandaag); "
        "de cijfers gelden op de einddatum",
    )
    parser.add_argument("--out", type=Path, required=True, metavar="MAP", help="de map voor de drie bestanden")
    parser.set_defaults(func=cmd_rapport)
