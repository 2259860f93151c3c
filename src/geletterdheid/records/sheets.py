"""Read a spreadsheet-like file (CSV or XLSX) as a header and numbered rows.

CSV files come from many hands: UTF-8 with or without BOM, Windows-1252 from Dutch Excel, UTF-16
from Excel's "Unicode text"; ``,``, ``;`` or tab as delimiter. The delimiter is the one that
occurs most in the header line. Row numbers are the ones a spreadsheet shows (the header is
row 1), so a user can find the row that a message names; blank rows are skipped.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import RecordsError
from .xlsx import MAX_COLUMNS, MIB, Cell, read_xlsx, sheet_titles

CSV_SUFFIXES = (".csv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
DELIMITERS = (";", ",", "\t")
#: A CSV file is read into memory whole; five million answer rows fit.
MAX_CSV_BYTES = 256 * MIB
#: The csv module makes a list of every cell of a line at once: a line of a million delimiters
#: would be a million cells. A wide sheet of 1,024 columns of 100 characters is a tenth of this.
MAX_LINE_BYTES = 1 * MIB


@dataclass
class Table:
    path: Path
    columns: list[str]  # header cells, stripped
    #: A fresh iterator over the rows after the header, each time it is called; XLSX dates stay datetimes.
    raw_rows: Callable[[], Iterator[Sequence[Cell]]]
    #: The sheet's title when the table is one sheet of a workbook with several (a workshop score sheet).
    sheet: str | None = None

    @property
    def name(self) -> str:
        """The file, and the sheet when there are several, as messages name them."""
        return self.path.name if self.sheet is None else f"{self.path.name}, blad '{self.sheet}'"

    @property
    def location(self) -> Path:
        """The path a Problem names: the file, or for a sheet of a workbook the file with the sheet
        in its name, so "scoreblad.xlsx, blad 'Toets m01', rij 4: ..." says where to look."""
        return self.path if self.sheet is None else self.path.with_name(self.name)

    def rows(self) -> Iterator[tuple[int, Sequence[Cell]]]:
        """(row number, cells) for every row that is not blank; a broken CSV row raises RecordsError."""
        number = 1
        try:
            for number, cells in enumerate(self.raw_rows(), start=2):
                if any(cell != "" for cell in cells):
                    yield number, cells
        except csv.Error as exc:
            raise RecordsError(f"{self.name}, rij {number + 1}: ongeldige CSV ({exc})") from None

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
        raise RecordsError(
            f"{path.name}: oude Excel-bestanden (.xls) worden niet gelezen; sla het op als .xlsx of .csv"
        )
    raise RecordsError(f"{path.name}: onbekend bestandstype '{suffix}'; gebruik .csv of .xlsx")


def detect_encoding(data: bytes, name: str) -> str:
    """The encoding the bytes are in: a BOM decides, else UTF-8 if valid, else Windows-1252.

    UTF-32, and UTF-16 without a BOM, are refused with a message: read as one of the others they
    would give text full of NUL characters, and messages that show it."""
    candidates: tuple[str, ...]
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE starts both
        raise RecordsError(f"{name}: het bestand is opgeslagen als UTF-32; sla het op als CSV UTF-8")
    if data.startswith(codecs.BOM_UTF8):
        candidates = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    else:
        _refuse_wide_encodings(data[:4096], name)
        # Valid UTF-8 is almost never accidental; anything else from a Dutch office is Windows-1252.
        candidates = ("utf-8", "cp1252")
    if candidates[0] == "utf-8" and data.isascii():
        return "utf-8"  # a quick check that spares decoding a large file twice
    for encoding in candidates:
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return encoding
    raise RecordsError(f"{name}: de tekens in het bestand zijn niet te lezen; sla het op als CSV UTF-8")


def _refuse_wide_encodings(sample: bytes, name: str) -> None:
    """Text in UTF-16 or UTF-32 without a BOM: every (other) byte of Latin text is NUL."""
    if not sample or sample.count(0) < len(sample) // 4:
        return  # a stray NUL in a text file is named with its row by _check_no_nul
    if sample.count(0) >= len(sample) * 5 // 8:
        raise RecordsError(f"{name}: het bestand is opgeslagen als UTF-32; sla het op als CSV UTF-8")
    raise RecordsError(
        f"{name}: het bestand lijkt opgeslagen als UTF-16 zonder BOM (bytevolgordeteken); sla het op als CSV UTF-8"
    )


def _check_no_nul(rows: Iterator[list[str]], name: str) -> None:
    """Raise RecordsError naming the first row and column with a NUL character.

    A NUL is never part of a name or an answer; PostgreSQL refuses to store one, SQLite would
    store a name that prints cut off. Only called for a file that has one."""
    for number, cells in enumerate(rows, start=1):
        for position, cell in enumerate(cells):
            if "\x00" in cell:
                raise RecordsError(
                    f"{name}, rij {number}: kolom {column_letter(position)} bevat een onzichtbaar NUL-teken; "
                    "het bestand is beschadigd of geen tekstbestand. Verwijder het teken of sla het bestand "
                    "opnieuw op als CSV UTF-8"
                )


def first_long_line(data: bytes, limit: int = MAX_LINE_BYTES) -> int | None:
    """The 1-based number of the first line longer than ``limit`` bytes, or None.

    Jumps from the last line end in each window of ``limit`` bytes to the next window, so a
    file is checked in len(data) / limit steps of C code, not one per line."""
    position = 0
    while len(data) - position > limit:
        end = data.rfind(b"\n", position, position + limit + 1)
        if end < 0:
            return data.count(b"\n", 0, position) + 1
        position = end + 1
    return None


def _read_csv(path: Path) -> Table:
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise RecordsError(
                f"{path.name}: het bestand is {size // MIB} MB; de grens is {MAX_CSV_BYTES // MIB} MB. "
                "Splits het bestand"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise RecordsError(f"{path.name}: bestand kan niet gelezen worden ({exc.strerror})") from None
    encoding = detect_encoding(data, path.name)
    # In UTF-16 every other byte of Latin text is 0, so there only the decoded text tells.
    has_nul = "\x00" in data.decode(encoding) if encoding == "utf-16" else b"\x00" in data
    long_line = first_long_line(data)
    if long_line is not None:
        raise RecordsError(
            f"{path.name}, regel {long_line}: de regel is langer dan {MAX_LINE_BYTES // MIB} MB; "
            "is dit wel een CSV-bestand met een rij per regel?"
        )

    def text() -> io.TextIOWrapper:
        # Decoded while read, like a file, rather than as one big string: half the memory.
        return io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")

    first_line = text().readline()
    delimiter = max(DELIMITERS, key=first_line.count)

    def reader() -> Iterator[list[str]]:
        # The csv module's own iterator, so the hot path of a large import runs at C speed.
        return csv.reader(text(), delimiter=delimiter)

    try:
        if has_nul:
            _check_no_nul(reader(), path.name)
        header = next(reader(), None)
    except csv.Error as exc:
        raise RecordsError(f"{path.name}, rij 1: ongeldige CSV ({exc})") from None
    if header is None:
        raise RecordsError(f"{path.name}: het bestand is leeg")
    if len(header) > MAX_COLUMNS:
        raise RecordsError(f"{path.name}, rij 1: {len(header)} kolommen; er mogen hoogstens {MAX_COLUMNS} zijn")

    def after_header() -> Iterator[list[str]]:
        rows = reader()
        next(rows)
        return rows

    return Table(path, [cell.strip() for cell in header], after_header)


def as_text(cell: Cell) -> str:
    """A cell where text is expected. A date there (Excel turns some typed values into dates) is
    kept as it prints, '2025-01-31 00:00:00', so the row's checks can name it."""
    return cell if isinstance(cell, str) else str(cell)


def _read_xlsx(path: Path) -> Table:
    header, after_header = read_xlsx(path)
    return Table(path, header, after_header)


def workbook_sheets(path: Path) -> list[str]:
    """The titles of an XLSX file's worksheets, in order; [] for a CSV."""
    path = Path(path)
    if path.suffix.lower() not in XLSX_SUFFIXES or not path.is_file():
        return []
    return sheet_titles(path)


def read_sheet(path: Path, index: int, title: str) -> Table:
    """One sheet (by position) of a workbook with several, named in messages by its ``title``."""
    header, after_header = read_xlsx(path, index)
    return Table(path, header, after_header, title)
