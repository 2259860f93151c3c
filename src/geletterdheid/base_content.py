"""Where the base content is: in the installed package, or in the repository it is developed in.

A wheel carries the repository's modules, quizzes, roles, topics and reference pages as package
data under ``geletterdheid/basis/`` (copied there by ``setup.py`` when the wheel is built), so a
gemeente gets new content with ``pip install -U``. An editable install (or a checkout on
``PYTHONPATH``) has no copy and reads the repository itself.
"""

from __future__ import annotations

from pathlib import Path

from .errors import UserError

#: What a wheel carries of the repository, relative to its root (setup.py copies exactly this).
BASE_CONTENT = ("index.md", "docs", "modules", "quizzes")
#: Generated on every build; never part of the base content.
GENERATED = ("docs/leerpaden",)
PACKAGED = Path(__file__).with_name("basis")


class NoBaseContent(UserError):
    def __init__(self) -> None:
        super().__init__(
            "de basisinhoud (modules, toetsen, rollen) is niet gevonden: installeer het pakket opnieuw "
            "(pip install --force-reinstall geletterdheid)"
        )


def base_root() -> Path:
    """The folder that holds the base content (``modules/``, ``quizzes/``, ``docs/``, ``index.md``)."""
    if (PACKAGED / "modules").is_dir():
        return PACKAGED
    repository = Path(__file__).resolve().parents[2]
    if (repository / "modules").is_dir() and (repository / "conf.py").is_file():
        return repository
    raise NoBaseContent()
