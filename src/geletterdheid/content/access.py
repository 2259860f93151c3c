"""The one way a command reaches the content: the Catalog, or a Dutch list of what is wrong.

``catalog_or_exit(root)`` raises :class:`InvalidContent` (a :class:`~geletterdheid.errors.UserError`)
when the content has problems; ``geletterdheid`` prints its message and exits with 1. Code that is
not a command (the Sphinx extension) can catch it, or use :func:`format_problems` for its own
message.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..dutch import count
from ..errors import UserError
from ..problems import Problem
from ..project.assemble import project_of
from .load import load_catalog
from .model import Catalog


def format_problems(problems: Sequence[Problem], root: Path) -> str:
    """One ``path:line: melding`` per problem (paths relative to ``root``) and a count line."""
    shown_from = project_of(root) or root  # a gemeente project's problems are in its own files
    lines = [problem.format(shown_from) for problem in problems]
    lines.append(f"{count(len(problems), 'fout', 'fouten')} in de inhoud.")
    return "\n".join(lines)


class InvalidContent(UserError):
    """The content under ``root`` has problems; nothing else can be done with it."""

    def __init__(self, problems: Sequence[Problem], root: Path):
        self.problems = tuple(problems)
        self.root = root
        super().__init__(format_problems(self.problems, root))

    def user_message(self) -> str:
        return f"{self}\nLos die eerst op (geletterdheid check), of geef met --root de juiste map."


def catalog_or_exit(root: Path | str) -> Catalog:
    """The validated Catalog under ``root``; raises :class:`InvalidContent` when there are problems."""
    catalog, problems = load_catalog(root)
    if catalog is None:
        raise InvalidContent(problems, Path(root))
    return catalog
