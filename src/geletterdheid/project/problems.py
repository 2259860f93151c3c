"""The error for a gemeente.toml that cannot be used: every problem of the file, one per line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..dutch import count
from ..errors import UserError
from ..problems import Problem


class ProjectConfigError(UserError):
    """gemeente.toml has problems; ``problems`` holds each as a ``Problem`` (file, line, Dutch message).

    The message lists them as ``gemeente.toml:12: melding``, sorted by line, and ends with the full
    path of the file, so with several projects it is clear which one is meant.
    """

    def __init__(self, path: Path, problems: Sequence[Problem]):
        self.path = path
        self.problems = tuple(sorted(problems))
        lines = [problem.format(path.parent) for problem in self.problems]
        lines.append(f"{count(len(self.problems), 'fout', 'fouten')} in {path}.")
        super().__init__("\n".join(lines))


class MissingProjectFile(ProjectConfigError):
    """The folder has no gemeente.toml at all: there is no line to point at."""

    def __init__(self, path: Path):
        self.path = path
        self.problems = ()
        UserError.__init__(
            self,
            f"{path.parent} is geen gemeente-project: er staat geen {path.name} in. "
            f'Maak een project met: geletterdheid init MAP --gemeente "Gemeente ..."',
        )
