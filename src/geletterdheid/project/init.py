"""``geletterdheid init``: a new gemeente project in an empty (or new) folder, never over an existing one.

Each file is written under a temporary name in its folder and then renamed, so no file is ever
half written; gemeente.toml comes last, because it is what makes a folder a project. When writing
fails (or is interrupted with Ctrl-C), everything written so far is removed again.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import unicodedata
from importlib import resources
from pathlib import Path

from ..errors import UserError
from .model import PROJECT_FILE
from .template import FOLDER_READMES, gemeente_toml, project_readme


class ProjectExists(UserError):
    """The target folder holds a project or other files; init writes nothing there."""


class ProjectNotWritten(UserError):
    """The folder could not be written (permissions, a full disk); what was written is removed."""


class InvalidProjectName(UserError):
    """The name given with --gemeente cannot stand in the header of every page."""


def _check_name(name: str) -> str:
    clean = name.strip()
    if not clean:
        raise InvalidProjectName('De naam van de gemeente is leeg; geef hem met --gemeente "Gemeente ...".')
    if any(unicodedata.category(char) == "Cc" for char in clean):
        raise InvalidProjectName("De naam van de gemeente moet op één regel passen, zonder tabs of stuurtekens.")
    return clean


def _check_target(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise ProjectExists(f"{folder} is een bestand, geen map. Kies een nieuwe of lege map.")
    if not folder.is_dir():
        return
    if (folder / PROJECT_FILE).exists():
        raise ProjectExists(
            f"In {folder} staat al een gemeente-project ({PROJECT_FILE}). geletterdheid init overschrijft niets; "
            "pas dat project aan, of kies een nieuwe of lege map."
        )
    present = sorted(entry.name for entry in folder.iterdir())
    if present:
        shown = ", ".join(present[:3]) + (", ..." if len(present) > 3 else "")
        raise ProjectExists(
            f"De map {folder} is niet leeg (er staat al in: {shown}). geletterdheid init schrijft alleen in een "
            "nieuwe of lege map, zodat er niets van je bestanden verloren gaat."
        )


def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` under a temporary name next to ``path``, then rename it into place."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


#: What a gemeente keeps out of version control: the build (including the assembled sources).
#: basisversie.json is kept: it says which base content the project last built with.
GITIGNORE = "# Gemaakt door geletterdheid build: niet in versiebeheer\n_build/\n"


#: An example NL Design System tokens file, for ``[huisstijl] tokens`` (shipped in the package).
EXAMPLE_TOKENS = "huisstijl/voorbeeld-tokens.css"


def example_tokens() -> str:
    return resources.files(__package__).joinpath("voorbeeld-tokens.css").read_text(encoding="utf-8")


def project_files(name: str) -> list[tuple[str, str]]:
    """(relative path, text) of every file of a new project, gemeente.toml last."""
    files = [("README.md", project_readme(name)), (".gitignore", GITIGNORE)]
    files += [(f"{folder}/README.md", text) for folder, text in FOLDER_READMES.items()]
    files.append((EXAMPLE_TOKENS, example_tokens()))
    files.append((PROJECT_FILE, gemeente_toml(name)))
    return files


def create_project(folder: Path, name: str) -> list[Path]:
    """Make a gemeente project in ``folder`` (new, or empty) for ``name``; returns the files written.

    Raises ProjectExists when ``folder`` holds anything, InvalidProjectName for an unusable name;
    in both cases nothing is written.
    """
    name = _check_name(name)
    folder = Path(folder).absolute()
    try:
        _check_target(folder)
    except OSError as exc:  # a folder we may not even list
        raise ProjectNotWritten(f"Kan de map {folder} niet lezen: {exc.strerror or exc}.") from exc
    created: list[Path] = []  # what to remove again, deepest first, if writing fails
    try:
        if not folder.exists():
            missing = [folder, *(parent for parent in folder.parents if not parent.exists())]
            folder.mkdir(parents=True)
            created.extend(reversed(missing))
        for relative, text in project_files(name):
            path = folder / relative
            if not path.parent.exists():
                path.parent.mkdir()
                created.append(path.parent)
            _write_atomically(path, text)
            created.append(path)
    except BaseException as exc:
        for path in reversed(created):
            with contextlib.suppress(OSError):
                path.rmdir() if path.is_dir() else path.unlink()
        if isinstance(exc, OSError):  # no permission, disk full: the user can fix that
            raise ProjectNotWritten(f"Kan het project niet maken in {folder}: {exc.strerror or exc}.") from exc
        raise
    return [path for path in created if path.is_file()]
