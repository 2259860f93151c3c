"""The practice notebooks of docs/notebooks/: valid, linked from their module, and they still compute what they say.

Each notebook runs in a fresh kernel (nbclient + ipykernel, the ``notebooks`` extra that make installs);
a broken cell, a changed number or a stored output that no longer matches the code fails here.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from geletterdheid.sphinxext.notebooks import notebook_markdown
from repo_paths import REPO

pytestmark = pytest.mark.content

NOTEBOOK_DIR = REPO / "docs" / "notebooks"
MODULES = {
    "m12-datakwaliteit": "m12-datakwaliteit.md",
    "m15-nauwkeurigheid-robuustheid": "m15-nauwkeurigheid-robuustheid.md",
    "m16-bias-toetsen": "m16-bias-toetsen.md",
}
#: Lines each notebook must print: the figures its text and its module speak of.
KEY_OUTPUTS = {
    "m12-datakwaliteit": [
        "inkomen ontbreekt bij 60+   :  70 / 465  = 15.1%",
        "onderzocht: 394 / 3000 = 13.1%",
        "60+    populatie 15.5%  trainingsdata 15.2%  positieve labels  15  <- te weinig",
        "AUC van adreswijzigingen voor statushouder: 0.90",
    ],
    "m15-nauwkeurigheid-robuustheid": [
        "accuratesse 'nooit markeren' = 0.957",
        "recall                         58 / 87   =  66.7%   95%-interval [ 56.2%,  75.7%]",
        "bootstrap recall   95%-interval [0.568, 0.772]",
        "ontbrekend inkomen           41        253     0.229   0.667",
    ],
    "m16-bias-toetsen": [
        "selectie       A =  10.0%   B =  20.0%   B/A = 2.00",
        "fout-positief  A =   7.4%   B =  17.0%   B/A = 2.31",
        "fout-positief groep B          32 / 188  =  17.0%   95%-interval [ 12.3%,  23.0%]",
        "verhouding fout-positief  B/A = 2.31   95%-bootstrapinterval [1.51, 3.36]",
    ],
}


def _printed(notebook: nbformat.NotebookNode) -> str:
    return "".join(
        output.get("text", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "stream"
    )


def _code_outputs(notebook: nbformat.NotebookNode) -> list[str]:
    return ["".join(o.get("text", "") for o in cell.outputs) for cell in notebook.cells if cell.cell_type == "code"]


def test_every_notebook_is_listed() -> None:
    assert sorted(p.stem for p in NOTEBOOK_DIR.glob("*.ipynb")) == sorted(MODULES)
    index = (NOTEBOOK_DIR / "index.md").read_text(encoding="utf-8")
    assert all(f"{{doc}}`{name}`" in index for name in MODULES), "the notebooks page links every notebook"
    # In the side menu they stand under Naslag (a third level would get a fold-out button without text).
    naslag = (REPO / "docs" / "naslag.md").read_text(encoding="utf-8")
    assert all(f"\nnotebooks/{name}\n" in naslag for name in MODULES)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_notebook_is_valid_and_linked_both_ways(name: str) -> None:
    notebook = nbformat.read(NOTEBOOK_DIR / f"{name}.ipynb", as_version=4)
    nbformat.validate(notebook)
    module = (REPO / "modules" / MODULES[name]).read_text(encoding="utf-8")
    assert f" </docs/notebooks/{name}>`" in module, "the module links its notebook"
    assert f"](../../modules/{MODULES[name]})" in notebook.cells[0].source, "the notebook names its module"
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code), "stored as run, in order"
    assert sum(bool(cell.outputs) for cell in code) >= len(code) - 1, "stored with its outputs"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_notebook_runs_in_a_fresh_kernel_and_prints_its_figures(name: str) -> None:
    stored = nbformat.read(NOTEBOOK_DIR / f"{name}.ipynb", as_version=4)
    fresh = copy.deepcopy(stored)
    for cell in fresh.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    NotebookClient(fresh, timeout=120, kernel_name="python3", allow_errors=False).execute()
    printed = _printed(fresh)
    missing = [line for line in KEY_OUTPUTS[name] if line not in printed]
    assert not missing, f"{name} no longer prints: {missing}"
    assert _code_outputs(fresh) == _code_outputs(stored), "stored outputs are stale: run tools/build_notebooks.py"


def test_the_site_shows_code_outputs_and_a_download_link() -> None:
    source = (NOTEBOOK_DIR / "m16-bias-toetsen.ipynb").read_text(encoding="utf-8")
    page = notebook_markdown(source, "m16-bias-toetsen.ipynb")
    assert page.startswith("# Oefennotebook: bias toetsen")
    assert "{download}`m16-bias-toetsen.ipynb`" in page
    assert "{doc}`m16 Bias toetsen in de praktijk <../../modules/m16-bias-toetsen>`" in page
    assert "```python\nimport random" in page
    assert "```text\nverhouding selectie       B/A = 2.00" in page


def test_check_accepts_a_doc_link_to_a_notebook_and_names_a_missing_one(tmp_path: Path) -> None:
    from geletterdheid.content.body_check import body_problems

    assert [p for p in body_problems(REPO) if "notebooks" in p.message] == []
    tree = tmp_path / "tree"
    shutil.copytree(REPO, tree, ignore=shutil.ignore_patterns(".git", ".venv", "_build", "tests", "bench", "src"))
    module = tree / "modules" / "m16-bias-toetsen.md"
    module.write_text(module.read_text(encoding="utf-8").replace("/m16-bias-toetsen>`", "/m99-weg>`"), encoding="utf-8")
    assert any("docs/notebooks/m99-weg" in p.message for p in body_problems(tree))
