"""Write a mystmd / Jupyter Book 2 project: ``myst.yml``, the pages, the quizzes as exercises, the notebooks.

The layout follows the repository (``index.md``, ``docs/``, ``modules/``, ``docs/notebooks/``), so the
links between pages stay as they are. The table of contents follows the pages' own ``toctree``
directives (from ``index.md`` down), which mystmd does not read.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..base_content import GENERATED
from ..content.model import Catalog, Question
from .convert import PageConverter

TITLE = "AI-geletterdheid voor gemeenten"
NOTEBOOK_DIR = "docs/notebooks"
PAGE_SUFFIXES = (".md", ".ipynb")
_HEADING = re.compile(r"^# (.+)$", re.MULTILINE)


@dataclass(frozen=True)
class Exported:
    root: Path
    pages: tuple[str, ...]  # exported files, relative to root
    exercises: int


def _body(text: str) -> str:
    """The page without its YAML front matter."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5 :]
    return text


def _source_pages(root: Path) -> list[str]:
    pages = ["index.md"] if (root / "index.md").is_file() else []
    for folder in ("docs", "modules"):
        for path in sorted((root / folder).rglob("*")):
            relative = path.relative_to(root).as_posix()
            if path.suffix not in PAGE_SUFFIXES or any(relative.startswith(f"{g}/") for g in GENERATED):
                continue
            if ".ipynb_checkpoints" in relative:
                continue
            pages.append(relative)
    return pages


def _title(root: Path, page: str, catalog: Catalog) -> str:
    for module in catalog.modules.values():
        path = catalog.module_paths.get(module.id)
        if path is not None and path.name == posixpath.basename(page) and page.startswith("modules/"):
            return module.title
    if page.endswith(".ipynb"):
        import json

        cells = json.loads((root / page).read_text(encoding="utf-8")).get("cells", [])
        source = "".join(cells[0]["source"]) if cells else ""
    else:
        source = _body((root / page).read_text(encoding="utf-8"))
    found = _HEADING.search(source)
    return found.group(1).strip() if found else posixpath.basename(page)


def _toctree_entries(text: str, page: str, pages: set[str]) -> list[str]:
    """The pages a page's ``toctree`` directives list, as exported paths, in their order."""
    folder = posixpath.dirname(page)
    found: list[str] = []
    for block in re.findall(r"```\{toctree\}\n(.*?)```", text, flags=re.DOTALL):
        for line in block.splitlines():
            entry = line.strip()
            if not entry or entry.startswith(":"):
                continue
            name = entry.lstrip("/") if entry.startswith("/") else posixpath.normpath(posixpath.join(folder, entry))
            if "*" in name:
                pattern = re.compile(re.escape(name).replace(r"\*", "[^/]*") + r"\.(md|ipynb)$")
                found += sorted(p for p in pages if pattern.match(p) and p not in found)
            else:
                found += [p for p in (f"{name}.md", f"{name}.ipynb") if p in pages and p not in found]
    return found


def _toc(page: str, texts: dict[str, str], pages: set[str], seen: set[str]) -> dict[str, Any]:
    seen.add(page)
    entry: dict[str, Any] = {"file": page}
    children = [
        _toc(child, texts, pages, seen)
        for child in _toctree_entries(texts.get(page, ""), page, pages)
        if child not in seen
    ]
    if children:
        entry["children"] = children
    return entry


def exercise_label(module_id: str, question: Question) -> str:
    """A label unique in the project: the question's id, which starts with its module's (m16-q01), or prefixed."""
    own = question.id.lower()
    return own if own.startswith(f"{module_id.lower()}-") else f"{module_id}-{own}".lower()


def quiz_markdown(catalog: Catalog, module_id: str, page: str, converter: PageConverter) -> str:
    """The module's quiz as mystmd exercises, each with its solution (folded)."""
    quiz = catalog.quizzes.get(module_id)
    if quiz is None:
        return ""
    lines = ["", "## Toets jezelf", ""]
    for number, question in enumerate(quiz.questions, start=1):
        label = exercise_label(module_id, question)
        lines += [":::{exercise}", f":label: {label}", ""]
        if question.case:
            lines += [f"**Casus.** {converter.inline(question.case, page)}", ""]
        lines += [f"**Vraag {number}.** {converter.inline(question.text, page)}", ""]
        lines += [f"- **{key.upper()}.** {converter.inline(text, page)}" for key, text in question.options.items()]
        lines += [":::", "", f":::{{solution}} {label}", ":class: dropdown", ""]
        correct = ", ".join(key.upper() for key in question.correct)
        lines += [f"**Juist: {correct}.** {converter.inline(question.explanation, page)}", ":::", ""]
    return "\n".join(lines)


def _page_text(catalog: Catalog, root: Path, page: str, converter: PageConverter, titles: dict[str, str]) -> str:
    text = (root / page).read_text(encoding="utf-8")
    body = converter.page(_body(text), page)
    module_id = next(
        (
            m
            for m, p in catalog.module_paths.items()
            if page.startswith("modules/") and p.name == posixpath.basename(page)
        ),
        None,
    )
    front = {"title": titles[page.rsplit(".", 1)[0]]}
    if module_id is not None:
        front["description"] = catalog.modules[module_id].summary
        body += quiz_markdown(catalog, module_id, page, converter)
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + body.lstrip("\n")


def write_project(catalog: Catalog, out: Path, title: str = TITLE) -> Exported:
    """Write the mystmd project into ``out`` (created; existing files of the same name are replaced)."""
    root = catalog.root
    pages = _source_pages(root)
    titles = {page.rsplit(".", 1)[0]: _title(root, page, catalog) for page in pages}
    converter = PageConverter(catalog, titles, {page.rsplit(".", 1)[0]: page for page in pages})
    out.mkdir(parents=True, exist_ok=True)
    texts: dict[str, str] = {}
    for page in pages:
        target = out / page
        target.parent.mkdir(parents=True, exist_ok=True)
        if page.endswith(".ipynb"):
            shutil.copyfile(root / page, target)  # the notebooks as they are, with their outputs
            continue
        texts[page] = (root / page).read_text(encoding="utf-8")
        target.write_text(_page_text(catalog, root, page, converter, titles), encoding="utf-8")
    page_set = set(pages)
    seen: set[str] = set()
    toc: list[dict[str, Any]] = []
    if "index.md" in page_set:  # mystmd: the first entry (the root page) has no children, they follow it
        root_entry = _toc("index.md", texts, page_set, seen)
        toc = [{"file": "index.md"}, *root_entry.get("children", [])]
    toc += [{"file": page} for page in pages if page not in seen]  # pages no toctree lists: at the end
    config = {
        "version": 1,
        "project": {"title": title, "toc": toc},
        "site": {"template": "book-theme"},
    }
    (out / "myst.yml").write_text(
        "# Geschreven door 'geletterdheid export-myst': een mystmd / Jupyter Book 2-project.\n"
        + yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    exercises = sum(len(catalog.quizzes[m].questions) for m in catalog.module_paths if m in catalog.quizzes)
    return Exported(out, tuple(pages), exercises)
