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
    if out is None:
        sys.stdout.flush()
        stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8-sig" if dialect.bom else "utf-8",
                                  newline="", write_through=True) if hasattr(sys.stdout, "buffer") else sys.stdout
        try:
            yield stream
            stream.flush()
        finally:
            if stream is not sys.stdout:
                stream.detach()
        return
    out = Path(out)
    if not out.parent.is_dir():
        raise RecordsError(f"{out}: de map {out.parent} bestaat niet")
    fd, temp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    temp = Path(temp_name)
    try:
        # The BOM by hand: Python's utf-8-sig codec encodes in Python code, utf-8 in C.
        with open(fd, "w", encoding="utf-8", newline="") as stream:
            if dialect.bom:
                stream.write("\ufeff")
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.replace(temp, out)
        except PermissionError:
            raise RecordsError(f"{out}: kan het bestand niet vervangen; is het nog geopend in Excel?") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
