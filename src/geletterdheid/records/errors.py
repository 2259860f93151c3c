"""Errors a user can fix. ``str()`` is a Dutch message that names the file, row or store."""

from __future__ import annotations

from ..errors import UserError
from ..problems import Problem


class RecordsError(UserError):
    """Bad input or an unusable store: the command prints the message and exits 1."""


class StoreUnavailable(RecordsError):
    """The database cannot be opened or upgraded."""


#: More invalid rows than this and the file is not what the command expects (another format, the
#: wrong quiz, a hostile file): listing them all would fill memory and the screen.
MAX_PROBLEMS = 1_000


class TooManyProblems(RecordsError):
    """An import found more than MAX_PROBLEMS problems and stopped."""


class ProblemList(list[Problem]):
    """The problems of an import; appending one more than MAX_PROBLEMS raises TooManyProblems."""

    def append(self, problem: Problem) -> None:
        if len(self) >= MAX_PROBLEMS:
            raise TooManyProblems(
                f"{problem.path.name}: meer dan {MAX_PROBLEMS} ongeldige rijen (de laatste: rij {problem.line}: "
                f"{problem.message}); de import is gestopt en er is niets opgeslagen. "
                "Klopt de indeling van het bestand, en is het de goede toets?"
            )
        super().append(problem)
