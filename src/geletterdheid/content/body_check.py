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

from pydantic import ValidationError

from ..problems import Problem
from ..project.assemble import Origins
from .load import LEGAL_FILE, MODULES_DIR, QUIZZES_DIR
from .markdown_scan import PageExists, scan
from .model import LegalFacts
from .yamlsource import YamlSyntaxError, parse_yaml

SOURCE_SUFFIX = ".md"
#: Pages a ``{doc}`` name can also reach: the practice notebooks (docs/notebooks/*.ipynb).
DOC_SUFFIXES = (SOURCE_SUFFIX, ".ipynb")


def _front_matter_end(lines: Sequence[str]) -> int:
    """The index of the first body line (after the closing ``---``), or 0 without front matter."""
    if not lines or lines[0].strip() != "---":
        return 0
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return index + 1
    return len(lines)


def _page_exists(root: Path, page: Path) -> PageExists:
    """Whether a link from ``page`` reaches a page in the tree: a ``{doc}`` name (of a .md page or a
    notebook) or a ``.md`` path, relative to the page, or from the root with a leading ``/``."""
    folder = page.parent.relative_to(root).as_posix()

    def exists(target: str, kind: str) -> bool:
        relative = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        relative = posixpath.normpath(relative)
        if relative.startswith("../"):
            return False
        if kind == "doc":
            return any((root / (relative + suffix)).is_file() for suffix in DOC_SUFFIXES)
        return (root / relative).is_file()

    return exists


def _read_lines(path: Path) -> list[str] | None:
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None  # the loader reports an unreadable file


def _module_problems(root: Path, legal: LegalFacts, path: Path) -> list[Problem]:
    lines = _read_lines(path)
    if lines is None:
        return []
    findings = scan(lines, legal, _page_exists(root, path), start=_front_matter_end(lines))
    return [Problem(path, finding.line + 1, finding.message) for finding in findings]


def _line_of(lines: Sequence[str], first: int, raw: str) -> int:
    """The line (1-based) at or after ``first`` that holds ``raw``; ``first`` if none does (folded text)."""
    for index in range(max(first - 1, 0), len(lines)):
        if raw in lines[index]:
            return index + 1
    return first


def _quiz_problems(root: Path, legal: LegalFacts, path: Path) -> list[Problem]:
    """Problems in the casus and uitleg of a quiz file, read as it is (valid or not: the loader says the rest)."""
    lines = _read_lines(path)
    if lines is None:
        return []
    try:
        data, line_map, _ = parse_yaml("\n".join(lines), path)
    except YamlSyntaxError:
        return []
    questions = data.get("vragen") if isinstance(data, dict) else None
    # The quiz is written on its module's page, so a link in it is relative to modules/.
    exists = _page_exists(root, root / MODULES_DIR / path.name)
    problems = []
    for index, question in enumerate(questions if isinstance(questions, list) else []):
        if not isinstance(question, dict):
            continue
        for key in ("casus", "uitleg"):
            value = question.get(key)
            if not isinstance(value, str):
                continue
            first = line_map.line(("vragen", index, key))
            for finding in scan(value.splitlines(), legal, exists):
                problems.append(Problem(path, _line_of(lines, first, finding.raw), finding.message))
    return problems


def _legal_facts(root: Path) -> LegalFacts | None:
    lines = _read_lines(root / LEGAL_FILE)
    if lines is None:
        return None
    try:
        data, _, problems = parse_yaml("\n".join(lines), root / LEGAL_FILE)
        return None if problems else LegalFacts.model_validate(data)
    except (YamlSyntaxError, ValidationError):
        return None  # the loader reports it


def body_problems(root: Path) -> list[Problem]:
    """What the build would stop on in module bodies and quiz texts under ``root``, at the author's file and line.

    Reads the files as they are, so it works beside the loader's problems: ``check`` shows both at once.
    Without valid legal facts (docs/wetgeving.yaml, reported by the loader) there is nothing to check against.
    """
    root = Path(root).resolve()
    legal = _legal_facts(root)
    if legal is None:
        return []
    problems: list[Problem] = []
    for path in sorted((root / MODULES_DIR).glob("*.md")):
        problems.extend(_module_problems(root, legal, path))
    for path in sorted((root / QUIZZES_DIR).glob("*.yaml")):
        problems.extend(_quiz_problems(root, legal, path))
    return located(root, problems)


def located(root: Path, problems: list[Problem]) -> list[Problem]:
    """``problems`` at the gemeente's own files and lines when ``root`` was assembled from a project."""
    origins = Origins.of(root)
    if origins is not None:
        problems = [Problem(*origins.locate(problem.path, problem.line), problem.message) for problem in problems]
    return sorted(set(problems), key=lambda p: (str(p.path), p.line, p.message))
