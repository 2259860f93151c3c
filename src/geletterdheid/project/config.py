"""gemeente.toml: read, check and hand out one gemeente project's settings. Pure: no Sphinx, no database.

``load_config(root)`` gives a frozen :class:`GemeenteConfig` or raises :class:`ProjectConfigError`
listing every problem of the file as ``gemeente.toml:12: melding``. ``find_project(start)`` finds
the project folder from anywhere inside it, as git finds its repository.
"""

from __future__ import annotations

from pathlib import Path

from .model import PROJECT_FILE, Contact, ForumSettings, GemeenteConfig
from .problems import MissingProjectFile, ProjectConfigError
from .source import MAX_BYTES, read_project_file
from .validate import check_config
from .values import MINIMUM_CONTRAST, contrast_against_white

__all__ = [
    "MAX_BYTES",
    "MINIMUM_CONTRAST",
    "PROJECT_FILE",
    "Contact",
    "ForumSettings",
    "GemeenteConfig",
    "MissingProjectFile",
    "ProjectConfigError",
    "contrast_against_white",
    "find_project",
    "load_config",
]


def load_config(project_root: Path) -> GemeenteConfig:
    """The checked settings in ``project_root/gemeente.toml``; raises ProjectConfigError (a UserError)."""
    root = Path(project_root).resolve()
    file = root / PROJECT_FILE
    data, lines = read_project_file(file)
    checked = check_config(data, lines, root, file)
    if isinstance(checked, GemeenteConfig):
        return checked
    raise ProjectConfigError(file, checked)


def find_project(start: Path) -> Path | None:
    """The nearest folder from ``start`` upwards that holds gemeente.toml, or None outside a project."""
    here = Path(start).resolve()
    if here.is_file():
        here = here.parent
    for folder in [here, *here.parents]:
        if (folder / PROJECT_FILE).is_file():
            return folder
    return None
