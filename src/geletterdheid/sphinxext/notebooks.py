"""Jupyter notebooks (``docs/notebooks/*.ipynb``) as pages: their cells and stored outputs, through MyST.

Nothing is executed during a build: the files carry their outputs (``tools/build_notebooks.py``
writes them, the tests run them again). Each notebook becomes MyST Markdown (markdown cells as they
are, code cells as ``python`` blocks, text outputs as ``text`` blocks) and the MyST parser reads that,
so a notebook page has the same settings as every other page. The page links the .ipynb for download.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from myst_parser.parsers.sphinx_ import MystParser
from sphinx.application import Sphinx

FILETYPE = "jupyter_notebook"
SUFFIX = ".ipynb"


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _fence(language: str, text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`{3,}", text)), default=2)
    ticks = "`" * (longest + 1)
    return f"{ticks}{language}\n{text.rstrip()}\n{ticks}"


def _outputs(cell: dict[str, Any]) -> list[str]:
    shown = []
    for output in cell.get("outputs", []):
        kind = output.get("output_type")
        if kind == "stream":
            shown.append(_fence("text", _text(output.get("text", ""))))
        elif kind in ("execute_result", "display_data") and "text/plain" in output.get("data", {}):
            shown.append(_fence("text", _text(output["data"]["text/plain"])))
        elif kind == "error":
            shown.append(_fence("text", f"{output.get('ename', 'Fout')}: {output.get('evalue', '')}"))
    return shown


#: A Markdown link to a local page (``[m16](../../modules/m16-bias-toetsen.md)``), as a notebook must write it.
_PAGE_LINK = re.compile(r"\[([^\]]+)\]\((?![a-z]+:)([^)\s]+)\.md\)")


def _doc_links(text: str) -> str:
    """Links to local .md pages as ``{doc}`` roles: Sphinx's own reference, as every page of the site uses."""
    return _PAGE_LINK.sub(lambda m: f"{{doc}}`{m.group(1).replace(chr(10), ' ')} <{m.group(2)}>`", text)


def notebook_markdown(source: str, filename: str) -> str:
    """The MyST Markdown of a notebook: its cells and stored outputs, with a download link after the first cell."""
    notebook = json.loads(source)
    parts: list[str] = []
    for number, cell in enumerate(notebook.get("cells", [])):
        text = _text(cell.get("source", ""))
        if cell.get("cell_type") == "markdown":
            parts.append(_doc_links(text))
        elif cell.get("cell_type") == "code":
            parts.append(_fence("python", text))
            parts.extend(_outputs(cell))
        if number == 0:
            parts.append(f"Download dit notebook: {{download}}`{filename}` (Jupyter, met de uitvoer).")
    return "\n\n".join(parts) + "\n"


class NotebookParser(MystParser):
    """Reads a .ipynb file as the MyST Markdown of its cells."""

    supported = (FILETYPE,)  # type: ignore[misc]  # docutils: a ClassVar, myst-parser: an instance variable

    def parse(self, inputstring: str, document: nodes.document) -> None:
        filename = Path(document["source"]).name
        super().parse(notebook_markdown(inputstring, filename), document)


def setup_notebooks(app: Sphinx) -> None:
    app.add_source_suffix(SUFFIX, FILETYPE)
    app.add_source_parser(NotebookParser)
