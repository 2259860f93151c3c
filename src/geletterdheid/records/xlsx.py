"""A sheet of an XLSX file (the first, unless asked), read row by row within limits, so no file can take
the machine down.

An XLSX file is a zip archive of XML. Three things in one can make a naive reader use gigabytes:

* a declared size (``<dimension ref="A1:XFD1048576"/>``): openpyxl pads every row to it, so a
  1.5 KB file became a billion cells. We ignore the declaration (``reset_dimensions``) and read
  the cells that are really there, one row at a time, never the whole sheet at once;
* compression: deflate packs a gigabyte of repeated XML into a megabyte (a "zip bomb"). The
  archive's directory says how large each part is unpacked; we check those sizes before
  anything is unpacked, and the zip module stops at the declared size (a part that lies about
  it fails its checksum and is reported as a broken file);
* parts read whole: openpyxl keeps the shared strings (every distinct text) in memory, so that
  part has a limit of its own.

Broken XML, cells outside the sheet and the like are reported in Dutch with the row, never as
an internal error.
"""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
import zlib
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree.ElementTree import ParseError

from .errors import RecordsError

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

Cell = str | dt.datetime

MIB = 1024 * 1024
#: Excel's own limits: a sheet with more rows or columns did not come from Excel.
MAX_ROWS = 1_048_576
#: Far more than any score sheet or Forms export needs (two columns per question and a few more).
MAX_COLUMNS = 1_024
#: Unpacked size of all parts together: a quarter of a million score-sheet rows fit easily.
MAX_UNPACKED = 256 * MIB
#: openpyxl holds every distinct text of the workbook in memory at once.
MAX_SHARED_STRINGS = 32 * MIB
#: An XLSX file has a dozen parts; the zip module keeps an object per part in memory.
MAX_PARTS = 1_000
#: Size on disk; together with MAX_PARTS it bounds what reading the zip directory costs.
MAX_FILE_BYTES = 128 * MIB

_END_OF_DIRECTORY = b"PK\x05\x06"
_END_RECORD = struct.Struct("<4s4H2LH")


def _lxml_errors() -> tuple[type[Exception], ...]:
    """openpyxl parses with lxml when it is installed (python-pptx brings it): its errors are not
    xml.etree's ParseError, and a damaged sheet must still be a Dutch message, not an internal error."""
    try:
        from lxml import etree
    except ImportError:
        return ()
    error: type[Exception] = etree.LxmlError
    return (error,)


# What openpyxl and the zip and XML modules raise on a damaged file, while opening or reading it.
_BROKEN: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    AttributeError,
    ParseError,
    OSError,
    *_lxml_errors(),
)


def _mb(size: int) -> str:
    return f"{size / MIB:.0f} MB"


def _declared_parts(path: Path, name: str) -> int:
    """The number of parts the zip's end record declares, read before the directory itself is."""
    with path.open("rb") as stream:
        stream.seek(0, 2)
        size = stream.tell()
        tail_size = min(size, _END_RECORD.size + 65_535)  # the record ends with a comment of at most 64 KB
        stream.seek(size - tail_size)
        tail = stream.read(tail_size)
    position = tail.rfind(_END_OF_DIRECTORY)
    if position < 0 or position + _END_RECORD.size > len(tail):
        raise RecordsError(f"{name}: geen geldig Excel-bestand (.xlsx)")
    return int(_END_RECORD.unpack_from(tail, position)[4])


def check_archive(path: Path) -> None:
    """Refuse a file that is not a zip, or whose parts are too many or too large unpacked."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise RecordsError(
                f"{name}: het bestand is {_mb(size)}; de grens is {_mb(MAX_FILE_BYTES)}. "
                "Splits het bestand of sla het op als CSV"
            )
        parts = _declared_parts(path, name)
        # 0xFFFF means "see the zip64 record": more parts than an XLSX file ever has.
        if parts > MAX_PARTS:
            raise RecordsError(
                f"{name}: het bestand bestaat uit te veel onderdelen (meer dan {MAX_PARTS}); "
                "dit is geen gewoon Excel-bestand"
            )
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, struct.error):
        raise RecordsError(f"{name}: geen geldig Excel-bestand (.xlsx)") from None
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED:
        raise RecordsError(
            f"{name}: uitgepakt is het bestand {_mb(unpacked)}; de grens is {_mb(MAX_UNPACKED)}. "
            "Splits het bestand of sla het op als CSV"
        )
    for member in members:
        if member.filename.lower().endswith("sharedstrings.xml") and member.file_size > MAX_SHARED_STRINGS:
            raise RecordsError(
                f"{name}: het bestand bevat {_mb(member.file_size)} aan teksten; de grens is "
                f"{_mb(MAX_SHARED_STRINGS)}. Splits het bestand of sla het op als CSV"
            )


def cell_text(value: object) -> Cell:
    """An XLSX cell as text (numbers as a spreadsheet shows them), dates as datetime."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an id typed as 1001 comes back as 1001.0
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    return str(value)


def _open(path: Path) -> Workbook:
    from openpyxl import load_workbook  # only XLSX imports pay for openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    broken: tuple[type[Exception], ...] = (*_BROKEN, InvalidFileException)
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except broken:
        raise RecordsError(f"{path.name}: geen geldig Excel-bestand (.xlsx)") from None


def _column_name(count: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(count) if count <= 18_278 else str(count)  # openpyxl names up to ZZZ


def sheet_titles(path: Path) -> list[str]:
    """The titles of the workbook's worksheets, in order (chart sheets left out): a workshop score
    sheet has one per quiz."""
    check_archive(path)
    workbook = _open(path)
    try:
        return [sheet.title for sheet in workbook.worksheets]
    except _BROKEN:
        raise RecordsError(f"{path.name}: geen geldig Excel-bestand (.xlsx)") from None
    finally:
        workbook.close()


def _rows(path: Path, index: int = 0) -> Generator[list[Cell]]:
    """Every row of the sheet at ``index``, the header first; a damaged sheet or one too large raises
    RecordsError."""
    name = path.name
    workbook = _open(path)
    number = 0
    try:
        if len(workbook.worksheets) <= index:
            raise RecordsError(f"{name}: het bestand heeft geen werkblad")
        sheet = workbook.worksheets[index]
        if len(workbook.worksheets) > 1:  # as Table.name says it: which of the sheets
            name = f"{name}, blad '{sheet.title}'"
        reset = getattr(sheet, "reset_dimensions", None)  # a read-only sheet has it; a chart sheet not
        if reset is None:
            raise RecordsError(f"{name}: het eerste werkblad bevat geen cellen (is het een grafiekblad?)")
        reset()  # the cells that are there, not the size the file declares (see the module's docstring)
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS:
                raise RecordsError(f"{name}: meer dan {MAX_ROWS} rijen; splits het bestand")
            if len(row) > MAX_COLUMNS:
                raise RecordsError(
                    f"{name}, rij {number}: cellen tot en met kolom {_column_name(len(row))}; er mogen hoogstens "
                    f"{MAX_COLUMNS} kolommen zijn. Verwijder de kolommen rechts van de gegevens"
                )
            yield [cell_text(value) for value in row]
    except _BROKEN:
        raise RecordsError(
            f"{name}, rij {number + 1}: het werkblad is beschadigd en kan niet gelezen worden; "
            "open het in Excel en sla het opnieuw op, of sla het op als CSV"
        ) from None
    finally:
        workbook.close()


def read_xlsx(path: Path, index: int = 0) -> tuple[list[str], Callable[[], Iterator[list[Cell]]]]:
    """The header of the sheet at ``index`` (the first by default), and a function that gives a fresh
    iterator over the rows after it."""
    check_archive(path)
    rows = _rows(path, index)
    try:
        header = next(rows, None)
    finally:
        rows.close()
    if header is None:
        raise RecordsError(f"{path.name}: het {'eerste ' if not index else ''}werkblad is leeg")

    def after_header() -> Iterator[list[Cell]]:
        rows = _rows(path, index)
        next(rows, None)
        return rows

    return [str(cell).strip() for cell in header], after_header
