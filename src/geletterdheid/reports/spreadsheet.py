"""Writing CSV that spreadsheets open correctly and safely.

* ``excel-nl`` (default): ``;``, UTF-8 with BOM, CRLF and a decimal comma, which is what Dutch
  Excel expects when you double-click a file;
* ``rfc4180``: ``,``, UTF-8 without BOM, CRLF and a decimal point.

Text that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or
carriage return) gets a leading apostrophe (OWASP "CSV injection"), so a name like
``=HYPERLINK(...)`` shows as text. Files are written to a temporary file first and then renamed,
so a reader never sees half a report and a failed write leaves the old file alone.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..records.errors import RecordsError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Dialect:
    name: str
    delimiter: str
    bom: bool
    decimal: str


DIALECTS = {
    "excel-nl": Dialect("excel-nl", ";", True, ","),
    "rfc4180": Dialect("rfc4180", ",", False, "."),
}


def neutralise(text: str) -> str:
    """Text that cannot start a formula in Excel, LibreOffice or Google Sheets."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def number(value: float | None, dialect: Dialect, decimals: int = 1) -> str:
    if value is None:
        return ""
    text = f"{value:.{decimals}f}"
    return text.replace(".", dialect.decimal) if dialect.decimal != "." else text


def write_rows(stream: TextIO, dialect: Dialect, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """Write rows of text; every cell has been neutralised or built by us."""
    writer = csv.writer(stream, delimiter=dialect.delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)


@contextlib.contextmanager
def open_output(out: Path | None, dialect: Dialect) -> Iterator[TextIO]:
    """A text stream to ``out`` (atomically replaced) or to standard output when ``out`` is None."""
    with _atomic_file(Path(out)) if out is not None else _standard_output() as stream:
        if dialect.bom:
            stream.write("\ufeff")  # by hand: the utf-8-sig codec encodes in Python code, utf-8 in C
        yield stream


@contextlib.contextmanager
def _standard_output() -> Iterator[TextIO]:
    sys.stdout.flush()
    if not hasattr(sys.stdout, "buffer"):
        yield sys.stdout
        return
    stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=True)
    try:
        yield stream
        stream.flush()
    finally:
        stream.detach()  # leave sys.stdout open


@contextlib.contextmanager
def replaced_atomically(out: Path) -> Iterator[Path]:
    """A private (0600) temporary file beside ``out`` to write; it replaces ``out`` when the block ends
    without an error, and is removed otherwise, so ``out`` is never half-written. Dutch RecordsError
    for what a user can fix (a missing folder, a file still open in Excel)."""
    if not out.parent.is_dir():
        raise RecordsError(f"{out}: de map {out.parent} bestaat niet")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    except OSError as exc:
        raise RecordsError(f"{out}: kan niet schrijven in {out.parent} ({exc.strerror})") from None
    os.close(fd)
    temp = Path(temp_name)
    try:
        yield temp
        os.replace(temp, out)
    except PermissionError:
        temp.unlink(missing_ok=True)
        raise RecordsError(f"{out}: kan het bestand niet vervangen; is het nog geopend in Excel?") from None
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise RecordsError(f"{out}: schrijven mislukt ({exc.strerror}); het oude bestand is ongewijzigd") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def _atomic_file(out: Path) -> Iterator[TextIO]:
    with replaced_atomically(out) as temp, open(temp, "w", encoding="utf-8", newline="") as stream:
        yield stream
        stream.flush()
        os.fsync(stream.fileno())
