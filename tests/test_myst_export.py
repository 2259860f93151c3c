"""`geletterdheid export-myst`: a mystmd / Jupyter Book 2 project that mystmd can read without our extension."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from geletterdheid.cli import main
from geletterdheid.content import catalog_or_exit
from geletterdheid.content.articles import parse_provision
from geletterdheid.myst_export.convert import OUR_DIRECTIVES, SPHINX_ROLES, ExportProblem, PageConverter
from repo_paths import REPO

LEFT_ROLE = re.compile(r"\{(" + "|".join(SPHINX_ROLES) + r")\}`")
LEFT_DIRECTIVE = re.compile(r"^(`{3,}|:{3,})\s*\{(" + "|".join([*OUR_DIRECTIVES, "toctree"]) + r")\}", re.MULTILINE)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("myst") / "project"
    assert main(["--root", str(REPO), "export-myst", "--out", str(out)]) == 0
    return out


def _toc_files(entries: list[dict[str, Any]]) -> list[str]:
    files = []
    for entry in entries:
        files.append(entry["file"])
        files += _toc_files(entry.get("children", []))
    return files


def _pages(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in sorted(out.rglob("*.md"))}


@pytest.mark.content
def test_myst_yml_is_valid_and_every_toc_entry_is_a_file(exported: Path) -> None:
    config = yaml.safe_load((exported / "myst.yml").read_text(encoding="utf-8"))
    assert config["version"] == 1
    assert config["project"]["title"] == "AI-geletterdheid voor gemeenten"
    files = _toc_files(config["project"]["toc"])
    assert len(files) == len(set(files)), "a page is listed once"
    assert [f for f in files if not (exported / f).is_file()] == []
    assert files[0] == "index.md"
    modules = sorted(f"modules/{p.name}" for p in (REPO / "modules").glob("*.md"))
    notebooks = sorted(f"docs/notebooks/{p.name}" for p in (REPO / "docs" / "notebooks").glob("*.ipynb"))
    reference = sorted(f"docs/{p.name}" for p in (REPO / "docs").glob("*.md"))
    assert set(modules) | set(notebooks) | set(reference) <= set(files)
    assert len(notebooks) == 3


@pytest.mark.content
def test_no_sphinx_only_role_or_directive_is_left(exported: Path) -> None:
    pages = _pages(exported)
    assert len(pages) > 30
    left = {page: LEFT_ROLE.findall(text) + LEFT_DIRECTIVE.findall(text) for page, text in pages.items()}
    assert {page: found for page, found in left.items() if found} == {}


@pytest.mark.content
def test_quizzes_are_exercises_with_unique_labels_and_a_solution_each(exported: Path) -> None:
    catalog = catalog_or_exit(REPO)
    text = "\n".join(_pages(exported).values())
    labels = re.findall(r"^:::\{exercise\}\n:label: (\S+)$", text, flags=re.MULTILINE)
    solutions = re.findall(r"^:::\{solution\} (\S+)$", text, flags=re.MULTILINE)
    assert len(labels) == sum(len(q.questions) for q in catalog.quizzes.values())
    assert len(labels) == len(set(labels)), "exercise labels are unique"
    assert solutions == labels, "every exercise has its solution, right after it"


@pytest.mark.content
def test_articles_link_to_eur_lex_and_legal_facts_are_text(exported: Path) -> None:
    module = (exported / "modules" / "m16-bias-toetsen.md").read_text(encoding="utf-8")
    provision = parse_provision("26(5)")
    assert f"[{provision.label}]({provision.url})" in module
    assert provision.url.startswith("https://eur-lex.europa.eu/")
    assert module.startswith("---\ntitle: Bias toetsen in de praktijk\n")
    index = (exported / "index.md").read_text(encoding="utf-8")
    assert "Sinds 2 februari 2025 ([artikel 113](https://eur-lex.europa.eu/" in index
    assert "- [Technisch specialist](docs/rollen/technisch-specialist.md): " in index  # {rolkeuze} as a list
    assert "Oefen zelf: [notebook bias toetsen](../docs/notebooks/m16-bias-toetsen.ipynb)" in module
    for notebook in (REPO / "docs" / "notebooks").glob("*.ipynb"):
        assert (exported / "docs" / "notebooks" / notebook.name).read_bytes() == notebook.read_bytes()


def test_code_blocks_stay_as_written_and_links_find_their_page() -> None:
    catalog = catalog_or_exit(REPO)
    converter = PageConverter(catalog, {"modules/m14-monitoren": "Monitoren", "docs/over": "Over"})
    page = "```python\nprint('{artikel}`26`')\n```\nZie {doc}`/modules/m14-monitoren` en {doc}`dit <over>`.\n"
    converted = converter.page(page, "docs/begrippen.md")
    assert converted.startswith("```python\nprint('{artikel}`26`')\n```\n")
    assert "Zie [Monitoren](../modules/m14-monitoren.md) en [dit](over.md)." in converted
    assert converter.inline("{term}`drift <drift>` en {term}`DPIA`", "index.md") == "drift en DPIA"
    with pytest.raises(ExportProblem, match="artikel"):
        converter.inline("{artikel}`999`", "index.md")


def test_a_directive_that_cannot_be_exported_stops_the_export_in_dutch(tmp_path: Path, capsys) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(REPO, tree, ignore=shutil.ignore_patterns(".git", ".venv", "_build", "tests", "bench", "src"))
    page = tree / "docs" / "over.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n```{forum} regels\n```\n", encoding="utf-8")
    assert main(["--root", str(tree), "export-myst", "--out", str(tmp_path / "out")]) == 1
    assert "export naar mystmd mislukt: de opdracht {forum}" in capsys.readouterr().err
