"""``geletterdheid check`` over what the loader does not read: module bodies and quiz casus/uitleg.

The build finds an unknown ``{artikel}`` or ``{wet}``, a link to a page that does not exist and an
image without alternative text only while Sphinx reads and writes the pages; this scan finds them
in the Markdown text (markdown_scan.py) with ``path:line``, in milliseconds. In a tree assembled from
a gemeente project every problem is reported at the gemeente's own file and line.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from pathlib import Path

from ..problems import Problem
from ..project.assemble import Origins
from .markdown_scan import PageExists, scan
from .model import Catalog
from .yamlsource import LineMap, YamlSyntaxError, parse_yaml

SOURCE_SUFFIX = ".md"


def _front_matter_end(lines: Sequence[str]) -> int:
    """The index of the first body line (after the closing ``---``), or 0 without front matter."""
    if not lines or lines[0].strip() != "---":
        return 0
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return index + 1
    return len(lines)


def _page_exists(root: Path, page: Path) -> PageExists:
    """Whether a link from ``page`` reaches a page in the tree: a ``{doc}`` name or a ``.md`` path,
    relative to the page, or from the root with a leading ``/``."""
    folder = page.parent.relative_to(root).as_posix()

    def exists(target: str, kind: str) -> bool:
        relative = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        relative = posixpath.normpath(relative)
        if relative.startswith("../"):
            return False
        path = root / (relative + SOURCE_SUFFIX if kind == "doc" else relative)
        return path.is_file()

    return exists


def _module_problems(catalog: Catalog, path: Path) -> list[Problem]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return []  # the loader reports an unreadable file
    findings = scan(lines, catalog.legal, _page_exists(catalog.root, path), start=_front_matter_end(lines))
    return [Problem(path, finding.line + 1, finding.message) for finding in findings]


def _line_of(lines: Sequence[str], first: int, raw: str) -> int:
    """The line (1-based) at or after ``first`` that holds ``raw``; ``first`` if none does (folded text)."""
    for index in range(max(first - 1, 0), len(lines)):
        if raw in lines[index]:
            return index + 1
    return first


def _quiz_problems(catalog: Catalog, module_id: str, path: Path) -> list[Problem]:
    quiz = catalog.quizzes[module_id]
    page = catalog.module_paths.get(module_id)
    if page is None:
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
        _, line_map, _ = parse_yaml(text, path)
    except (OSError, UnicodeDecodeError, YamlSyntaxError):
        line_map = LineMap(1)
        text = ""
    file_lines = text.splitlines()
    exists = _page_exists(catalog.root, page)  # the quiz is written on the module's page
    problems = []
    for index, question in enumerate(quiz.questions):
        for key, value in (("casus", question.case), ("uitleg", question.explanation)):
            if not value:
                continue
            first = line_map.line(("vragen", index, key))
            for finding in scan(value.splitlines(), catalog.legal, exists):
                problems.append(Problem(path, _line_of(file_lines, first, finding.raw), finding.message))
    return problems


def body_problems(catalog: Catalog) -> list[Problem]:
    """What the build would stop on in module bodies and quiz texts, at the author's file and line."""
    problems: list[Problem] = []
    for path in [*catalog.module_paths.values(), *catalog.left_out.values()]:
        problems.extend(_module_problems(catalog, path))
    for module_id, path in catalog.quiz_paths.items():
        problems.extend(_quiz_problems(catalog, module_id, path))
    return located(catalog.root, problems)


def located(root: Path, problems: list[Problem]) -> list[Problem]:
    """``problems`` at the gemeente's own files and lines when ``root`` was assembled from a project."""
    origins = Origins.of(root)
    if origins is not None:
        problems = [Problem(*origins.locate(problem.path, problem.line), problem.message) for problem in problems]
    return sorted(set(problems), key=lambda p: (str(p.path), p.line, p.message))
