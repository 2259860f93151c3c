"""Hostile and odd spreadsheet files, made the way they reach HR: small on disk, harmful when read naively."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from .conftest import write_xlsx

SHEET = "xl/worksheets/sheet1.xml"
#: A complete, valid score sheet of quiz t01 for employee E1 (75 %).
WIDE_ROWS: list[list[object]] = [
    ["medewerker_id", "tijdstip", "t01-q1", "t01-q2", "t01-q3", "t01-q4"],
    ["E1", "2025-01-10T09:00", "b", "onjuist", "a|c|d", ""],
]


def rewrite_sheet(source: Path, target: Path, change) -> Path:
    """A copy of the XLSX file ``source`` whose first sheet's XML is ``change(xml bytes)``."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            data = original.read(item.filename)
            copy.writestr(item.filename, change(data) if item.filename == SHEET else data)
    return target


def declared_huge(folder: Path) -> Path:
    """A valid sheet of 5 KB that declares the whole Excel grid, A1:XFD1048576, as its size, and has
    a (formatted, empty) last row 1048576, as Excel writes when a whole column was formatted. A
    naive reader pads the million rows in between to 16,384 cells each: 5.8 GB."""
    plain = write_xlsx(folder / "plain.xlsx", WIDE_ROWS)

    def declare(xml: bytes) -> bytes:
        changed, count = re.subn(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576"/>', xml)
        assert count == 1
        return changed.replace(b"</sheetData>", b'<row r="1048576" customFormat="1" s="1"/></sheetData>')

    return rewrite_sheet(plain, folder / "grid.xlsx", declare)


def zip_bomb(folder: Path, unpacked_mib: int = 300) -> Path:
    """A sheet whose XML unpacks to ``unpacked_mib`` MiB of rows (six million) from under a megabyte."""
    plain = write_xlsx(folder / "plain.xlsx", WIDE_ROWS)
    target = folder / "bom.xlsx"
    row = b'<row><c t="inlineStr"><is><t>E1</t></is></c></row>'
    with zipfile.ZipFile(plain) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            if item.filename != SHEET:
                copy.writestr(item.filename, original.read(item.filename))
                continue
            head, tail = original.read(SHEET).split(b"<sheetData>")
            # No declared size, as many tools write it: a reader then reads every row there is.
            head = re.sub(rb'<dimension ref="[^"]*"\s*/>', b"", head)
            with copy.open(SHEET, "w", force_zip64=True) as sheet:
                sheet.write(head + b"<sheetData>")
                block = row * (1024 * 1024 // len(row))
                for _ in range(unpacked_mib):
                    sheet.write(block)
                sheet.write(b"</sheetData>" + tail.split(b"</sheetData>", 1)[1])
    return target


def broken_sheet_xml(folder: Path) -> Path:
    """The second row's XML cut off half-way, as a failed download or a crashed tool leaves it."""
    plain = write_xlsx(folder / "plain.xlsx", WIDE_ROWS)
    return rewrite_sheet(plain, folder / "kapot.xlsx", lambda xml: xml[: xml.index(b'<row r="2"') + 20])


def wide_cell(folder: Path) -> Path:
    """A row with a cell in the last column Excel has (XFD): a naive reader pads every row to it."""
    plain = write_xlsx(folder / "plain.xlsx", WIDE_ROWS)
    return rewrite_sheet(
        plain,
        folder / "breed.xlsx",
        lambda xml: xml.replace(
            b"</row></sheetData>", b'<c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
        ),
    )


def far_row(folder: Path) -> Path:
    """A row numbered past Excel's last row: a naive reader fills in a million empty rows before it."""
    plain = write_xlsx(folder / "plain.xlsx", WIDE_ROWS)
    return rewrite_sheet(
        plain,
        folder / "ver.xlsx",
        lambda xml: xml.replace(b"</sheetData>", b'<row r="2000000"><c r="A2000000"><v>1</v></c></row></sheetData>'),
    )


def many_invalid_rows(folder: Path, rows: int = 300_000) -> Path:
    """Rows that each name an unknown employee, no time and one answer: a wrong file, not a score sheet."""
    plain = write_xlsx(folder / "plain.xlsx", WIDE_ROWS)
    extra = b"".join(
        b'<row r="%d"><c r="A%d"><v>1</v></c><c r="C%d" t="inlineStr"><is><t>b</t></is></c></row>' % (i, i, i)
        for i in range(3, rows + 3)
    )
    return rewrite_sheet(plain, folder / "veel.xlsx", lambda xml: xml.replace(b"</sheetData>", extra + b"</sheetData>"))


def many_empty_rows(folder: Path, rows: int = 300_000) -> Path:
    """Rows with only an id and no answers: absentees on a long list. Not attempts, and no problems either."""
    plain = write_xlsx(folder / "plain.xlsx", WIDE_ROWS)
    extra = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i) for i in range(3, rows + 3))
    return rewrite_sheet(plain, folder / "leeg.xlsx", lambda xml: xml.replace(b"</sheetData>", extra + b"</sheetData>"))


def lying_zip_bomb(folder: Path, unpacked_mib: int = 20) -> Path:
    """A zip bomb whose directory claims the sheet unpacks to 1 KB: only unpacking tells the truth."""
    import struct

    plain = write_xlsx(folder / "plain.xlsx", WIDE_ROWS)
    head, tail = zipfile.ZipFile(plain).read(SHEET).split(b"<sheetData>")
    row = b'<row><c t="inlineStr"><is><t>E1</t></is></c></row>'
    sheet = head + b"<sheetData>" + row * (unpacked_mib * 1024 * 1024 // len(row)) + b"</sheetData>"
    sheet += tail.split(b"</sheetData>", 1)[1]
    honest = rewrite_sheet(plain, folder / "eerlijk.xlsx", lambda _xml: sheet)
    data = bytearray(honest.read_bytes())
    name = SHEET.encode()
    local, central = data.find(name) - 30, data.rfind(name) - 46
    assert data[local : local + 4] == b"PK\x03\x04" and data[central : central + 4] == b"PK\x01\x02"
    struct.pack_into("<L", data, local + 22, 1024)  # uncompressed size in the local header
    struct.pack_into("<L", data, central + 24, 1024)  # and in the central directory
    target = folder / "leugen.xlsx"
    target.write_bytes(bytes(data))
    return target


def broken_workbook_xml(folder: Path) -> Path:
    """The workbook part (which lists the sheets) cut off: the file cannot even be opened."""
    plain = write_xlsx(folder / "plain.xlsx", WIDE_ROWS)
    target = folder / "werkmap.xlsx"
    with zipfile.ZipFile(plain) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            data = original.read(item.filename)
            copy.writestr(item.filename, data[: len(data) // 2] if item.filename == "xl/workbook.xml" else data)
    return target
