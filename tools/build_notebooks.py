"""Write the practice notebooks of docs/notebooks/ and run them, so the files carry their outputs.

    .venv/bin/python tools/build_notebooks.py           # write and execute all three
    .venv/bin/python tools/build_notebooks.py --check   # exit 1 if a committed notebook differs

The notebooks are small and self-contained (standard library only, data generated with a fixed
seed), so a run gives the same outputs every time. The site shows the stored outputs (the Sphinx
extension renders the .ipynb files itself, nothing is executed during a build); the tests execute
every notebook again in a fresh kernel. Needs the ``notebooks`` extra (nbformat, nbclient, ipykernel).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from notebook_cells import NOTEBOOKS

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = "docs/notebooks"


def build_notebook(name: str) -> nbformat.NotebookNode:
    """The notebook ``name`` without outputs: its cells from notebook_cells.py."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    for kind, source in NOTEBOOKS[name]:
        text = source.strip("\n")
        cell = nbformat.v4.new_markdown_cell(text) if kind == "md" else nbformat.v4.new_code_cell(text)
        cell.pop("id", None)
        notebook.cells.append(cell)
    for number, cell in enumerate(notebook.cells, start=1):  # stable ids: the same file every run
        cell["id"] = f"{name[:3]}-{number:02d}"
    return notebook


def executed(name: str) -> nbformat.NotebookNode:
    notebook = build_notebook(name)
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(REPO)}}).execute()
    for cell in notebook.cells:  # no timings or run ids in the stored file: the same file every run
        cell.get("metadata", {}).pop("execution", None)
        if cell.cell_type == "code":  # how the kernel splits printed text depends on timing: join it
            merged: list[nbformat.NotebookNode] = []
            for output in cell.outputs:
                if merged and output.output_type == "stream" and merged[-1].get("name") == output.get("name"):
                    merged[-1]["text"] += output["text"]
                else:
                    merged.append(output)
            cell.outputs = merged
    return notebook


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    status = 0
    for name in NOTEBOOKS:
        path = REPO / NOTEBOOK_DIR / f"{name}.ipynb"
        text = nbformat.writes(executed(name)) + "\n"
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                print(f"{path.relative_to(REPO)} is not up to date: run tools/build_notebooks.py")
                status = 1
        else:
            path.write_text(text, encoding="utf-8")
            print(f"written: {path.relative_to(REPO)}")
    return status


if __name__ == "__main__":
    sys.exit(main())
