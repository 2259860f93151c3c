"""What the preview watches, and what it must not.

In the repository: the content itself (``modules/``, ``quizzes/``, ``docs/``, ``index.md``,
``conf.py``), but not ``docs/leerpaden/``, which every build writes. In a gemeente project: the
project folder (its modules, quizzes, roles, aanvullingen, gemeente.toml, logo and tokens), but not
``_build/``: the assembled tree (``_build/bron``) and the output are written by the rebuild, and
watching them would rebuild for ever. A save in the project reassembles the tree (rebuild.py); the
base content comes from the installed package and changes only with ``pip install -U``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..base_content import GENERATED

#: What the repository's content is made of (the rest, src/, tests/, .venv/, is not content).
CONTENT = ("modules", "quizzes", "docs", "index.md", "conf.py")
#: Editors' temporary files: vim's swap files and its write test (4913), emacs' lock and backup
#: files, and the partial files of assemble (``*.deel``).
TEMPORARY = (r"\.sw[px]$", r"~$", r"/\.#", r"/4913$", r"\.deel$")
#: Folders no one edits content in.
NEVER = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".mypy_cache", ".ruff_cache")


@dataclass(frozen=True)
class WatchPlan:
    paths: list[Path]
    ignored: list[Path]
    patterns: tuple[str, ...] = TEMPORARY


def watch_plan(root: Path, project: Path | None, out: Path) -> WatchPlan:
    """The paths to watch and those to ignore, for the repository (``project`` None) or a gemeente project."""
    if project is not None:
        ignored = [project / "_build", out, *(project / name for name in NEVER)]
        return WatchPlan(paths=[project], ignored=ignored)
    paths = [root / name for name in CONTENT if (root / name).exists()]
    ignored = [out, *(root / generated for generated in GENERATED), *(root / name for name in NEVER)]
    return WatchPlan(paths=paths, ignored=ignored)
