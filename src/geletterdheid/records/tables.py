"""Read a spreadsheet-like file (CSV or XLSX) as a header and numbered rows.

CSV files come from many hands: UTF-8 with or without BOM, Windows-1252 from Dutch Excel, UTF-16
from Excel's "Unicode text"; ``,``, ``;`` or tab as delimiter. The delimiter is the one that
occurs most in the header line. Row numbers are the ones a spreadsheet shows (the header is
row 1), so a user can find the row that a message names; blank rows are skipped.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import RecordsError

CSV_SUFFIXES = (".csv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
DELIMITERS = (";", ",", "\t")

Cell = str | dt.datetime


@dataclass
class Table:
    path: Path
    columns: list[str]  # header cells, stripped
    rows: Iterator[tuple[int, list[Cell]]]  # (row number, cells); XLSX dates stay datetimes

    @property
    def name(self) -> str:
        return self.path.name

    def column_positions(self) -> dict[str, int]:
        """Lower-case column name -> position. Header problems raise RecordsError."""
        positions: dict[str, int] = {}
        for position, column in enumerate(self.columns):
            key = column.lower()
            if not key:
                continue
            if key in positions:
                raise RecordsError(f"{self.name}: kolom '{column}' staat twee keer in de kopregel")
            positions[key] = position
        return positions


def column_letter(position: int) -> str:
    """Spreadsheet column name of a 0-based position: 0 -> A, 27 -> AB."""
    letters = ""
    position += 1
    while position:
        position, remainder = divmod(position - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def read_table(path: Path) -> Table:
    path = Path(path)
    if not path.is_file():
        raise RecordsError(f"{path}: bestand niet gevonden")
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(path)
    if suffix in CSV_SUFFIXES:
        return _read_csv(path)
    if suffix == ".xls":
        raise RecordsError(f"{path.name}: oude Excel-bestanden (.xls) worden niet gelezen; sla het op als .xlsx of .csv")
    raise RecordsError(f"{path.name}: onbekend bestandstype '{suffix}'; gebruik .csv of .xlsx")


def decode(data: bytes, name: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        # Valid UTF-8 is almost never accidental; anything else from a Dutch office is Windows-1252.
        encodings = ("utf-8", "cp1252")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RecordsError(f"{name}: de tekens in het bestand zijn niet te lezen; sla het op als CSV UTF-8")


def _read_csv(path: Path) -> Table:
    try:
        text = decode(path.read_bytes(), path.name)
    except OSError as exc:
        raise RecordsError(f"{path.name}: bestand kan niet gelezen worden ({exc.strerror})") from None
    first_line = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise RecordsError(f"{path.name}, rij 1: ongeldige CSV ({exc})") from None
    if header is None:
        raise RecordsError(f"{path.name}: het bestand is leeg")
    return Table(path, [cell.strip() for cell in header], _csv_rows(reader, path.name))


def _csv_rows(reader, name: str) -> Iterator[tuple[int, list[Cell]]]:
    row_number = 1
    try:
        for row_number, cells in enumerate(reader, start=2):
            if any(cells):
                yield row_number, cells
    except csv.Error as exc:
        raise RecordsError(f"{name}, rij {row_number + 1}: ongeldige CSV ({exc})") from None


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


def _read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook  # only XLSX imports pay for openpyxl

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise RecordsError(f"{path.name}: geen geldig Excel-bestand (.xlsx)") from None
    try:
        sheet = workbook.worksheets[0]
        rows = [[cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    if not rows:
        raise RecordsError(f"{path.name}: het eerste werkblad is leeg")
    header = [str(cell).strip() for cell in rows[0]]
    numbered = ((number, cells) for number, cells in enumerate(rows[1:], start=2)
                if any(cell != "" for cell in cells))
    return Table(path, header, numbered)
