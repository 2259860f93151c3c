"""Reading PDFs in tests with pypdf: the structure tree (tags), the text, and the checks every
document of the project must pass (tagged, Dutch, titled, PDF/UA-1)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject


def reader_of(pdf: bytes | Path) -> PdfReader:
    return PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)


def struct_elements(reader: PdfReader) -> Iterator[DictionaryObject]:
    """Every element of the structure tree (the tags), depth first."""
    stack = [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop()
        kids = node.get("/K")
        kids = kids if isinstance(kids, ArrayObject) else [kids] if kids is not None else []
        for kid in kids:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, DictionaryObject) and kid.get("/Type") == "/StructElem":
                yield kid
                stack.append(kid)


def flat(text: str) -> str:
    """Text without line breaks; a word hyphenated at a line end is joined again."""
    return re.sub(r"\s+", " ", re.sub(r"(\w)-\n(\w)", r"\1\2", text))


def page_texts(pdf: bytes | Path) -> list[str]:
    return [page.extract_text() or "" for page in reader_of(pdf).pages]


def assert_tagged_dutch_pdf_ua(pdf: bytes | Path, title: str | None = None) -> PdfReader:
    """Tagged (structure tree, marked), Dutch, PDF/UA-1, with a document title shown by viewers."""
    reader = reader_of(pdf)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert root["/Lang"] in ("nl", "nl-NL")  # Dutch; Typst adds the region
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    assert reader.metadata.title, "a PDF/UA document needs a title"
    if title is not None:
        assert reader.metadata.title == title
    xmp = root["/Metadata"].get_object().get_data()  # PDF/UA-1 identification in the XMP metadata
    assert re.search(rb"pdfuaid:part(>|=\")1\b", xmp)
    return reader
