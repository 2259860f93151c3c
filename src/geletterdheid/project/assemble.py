"""One source tree for Sphinx and the loader: the base content with a gemeente project laid over it.

Sphinx reads one folder, so a gemeente project is assembled into ``<project>/_build/bron/``:
the base content (from the package), the project's own modules, quizzes and roles, each
``aanvullingen/<module-id>.md`` appended to its base module (before the quiz the build adds),
the project's ``gemeente.toml``, its ``ai-systemen.yaml`` (if any) and a generated ``conf.py``.
Only files whose bytes changed are written, so Sphinx's incremental build still sees what changed.
``herkomst.json`` says where each file came from, so a problem in the assembled tree is reported at
the gemeente's own file and line.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..base_content import GENERATED, base_root
from ..errors import UserError
from . import branding
from .base_version import base_modules as read_base_modules
from .config import PROJECT_FILE, GemeenteConfig, load_config

SOURCE_DIR = Path("_build") / "bron"
#: The gemeente's AI inventory, at the project root (optional).
INVENTORY_FILE = "ai-systemen.yaml"
ORIGINS_FILE = "herkomst.json"
LOCAL_HEADING = "In onze gemeente"


class OverlayError(UserError):
    """A part of the project that cannot be laid over the base (Dutch, with file and line)."""


@dataclass(frozen=True)
class Origin:
    """Where a line range of an assembled file comes from: ``path``, with ``offset`` lines before it."""

    path: str
    first_line: int  # first line (1-based) of the assembled file that comes from ``path``
    offset: int  # assembled line - offset = line in ``path``


def _conf(config: GemeenteConfig) -> str:
    title = f"AI-geletterdheid – {config.name}"
    return "\n".join(
        [
            '"""Made by geletterdheid from gemeente.toml on every build: do not edit (edit gemeente.toml)."""',
            "",
            "from geletterdheid.site_conf import *  # noqa: F403",
            "",
            f"geletterdheid_gemeente = {config.name!r}",
            # Not ``project``: Sphinx reads every page again when it changes, and ``build --project``
            # builds many gemeenten from one environment. The pages show html_title.
            f"html_title = {title!r}",
            *branding.conf_lines(config),
            # Toets mode (answers stay on the server); build --resultaten-url still overrides it.
            *([f"geletterdheid_resultaten_url = {config.results_url!r}"] if config.results_url else []),
            "",
        ]
    )


def assemble(project: Path, into: Path | None = None) -> Path:
    """Lay ``project`` over the base content in ``project/_build/bron`` (or ``into``); return that folder.

    ``build --project`` assembles every gemeente into one shared folder in turn: only the files that
    differ from the previous gemeente's are written, so Sphinx reads only those again.
    """
    project = project.resolve()
    config = load_config(project)
    base = base_root()
    target = into.resolve() if into is not None else project / SOURCE_DIR
    files: dict[str, bytes] = {}
    origins: dict[str, list[Origin]] = {}

    def add(relative: str, data: bytes, origin: Path) -> None:
        files[relative] = data
        origins[relative] = [Origin(str(origin), 1, 0)]

    for name in ("index.md", "docs", "modules", "quizzes"):
        source = base / name
        paths = [source] if source.is_file() else sorted(p for p in source.rglob("*") if p.is_file())
        for path in paths:
            relative = path.relative_to(base).as_posix()
            if any(relative.startswith(generated + "/") for generated in GENERATED) or "__pycache__" in relative:
                continue
            add(relative, path.read_bytes(), path)
    for folder, destination, pattern in (
        ("modules", "modules", "*.md"),
        ("quizzes", "quizzes", "*.yaml"),
        ("rollen", "docs/rollen", "*.md"),
    ):
        for path in sorted((project / folder).glob(pattern)):
            if path.name.lower() == "readme.md":
                continue
            relative = f"{destination}/{path.name}"
            if relative in files:
                raise OverlayError(
                    f"{path}:1: het basispakket heeft al een bestand {relative}; geef je eigen bestand een andere naam"
                )
            add(relative, path.read_bytes(), path)
    base_modules = {m.id: m.path for m in read_base_modules(base).values() if m.path is not None}
    for path in sorted((project / "aanvullingen").glob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        module_path = base_modules.get(path.stem)
        if module_path is None:
            raise OverlayError(
                f"{path}:1: er is geen basismodule '{path.stem}'; noem het bestand naar de module-id, "
                f"bijvoorbeeld aanvullingen/m03.md (bekend: {', '.join(sorted(base_modules))})"
            )
        relative = module_path.relative_to(base).as_posix()
        page = files[relative].decode("utf-8").rstrip("\n")
        head = f"{page}\n\n## {LOCAL_HEADING}\n\n"
        files[relative] = (head + path.read_text(encoding="utf-8").strip("\n") + "\n").encode("utf-8")
        first = head.count("\n") + 1
        origins[relative].append(Origin(str(path), first, first - 1))
    add(PROJECT_FILE, (project / PROJECT_FILE).read_bytes(), project / PROJECT_FILE)
    inventory = project / INVENTORY_FILE
    if inventory.is_file():  # optional; content/load.py reads it from the tree (and reports at this file)
        add(INVENTORY_FILE, inventory.read_bytes(), inventory)
    for relative, data in branding.assets(config).items():
        add(relative, data, project / PROJECT_FILE)
    add("conf.py", _conf(config).encode("utf-8"), project / PROJECT_FILE)
    manifest = {
        "project": str(project),
        "files": {name: [[o.path, o.first_line, o.offset] for o in parts] for name, parts in origins.items()},
    }
    files[ORIGINS_FILE] = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    _write_tree(target, files)
    return target


def _write_tree(target: Path, files: dict[str, bytes]) -> None:
    """Make ``target`` hold exactly ``files``; unchanged files keep their modification time."""
    target.mkdir(parents=True, exist_ok=True)
    for relative, data in files.items():
        path = target / relative
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".deel")
        partial.write_bytes(data)
        os.replace(partial, path)
    wanted = {target / relative for relative in files}
    for path in sorted(target.rglob("*"), reverse=True):
        inside = path.relative_to(target).as_posix()
        if any(inside == g or inside.startswith(g + "/") for g in GENERATED) or inside.startswith("_build"):
            continue  # made by the build itself
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            shutil.rmtree(path)


class Origins:
    """The manifest of an assembled tree (``herkomst.json``), read once: where each file came from."""

    def __init__(self, root: Path, manifest: dict[str, Any]) -> None:
        self.root = root.resolve()
        self.project = Path(manifest["project"])
        self._files: dict[str, list[list[Any]]] = manifest["files"]

    @classmethod
    def of(cls, root: Path) -> Origins | None:
        """The origins of ``root``, or None when it was not assembled (the repository, or the base)."""
        path = root / ORIGINS_FILE
        if not path.is_file():
            return None
        return cls(root, json.loads(path.read_text(encoding="utf-8")))

    def locate(self, path: Path, line: int) -> tuple[Path, int]:
        """The gemeente's (or the base's) own file and line for ``line`` of ``path`` in the tree."""
        try:
            relative = Path(path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path, line
        parts = self._files.get(relative)
        if not parts:
            return path, line
        source, _, offset = max((p for p in parts if p[1] <= max(line, 1)), key=lambda p: p[1])
        return Path(source), max(1, line - offset)


def project_of(root: Path) -> Path | None:
    """The gemeente project an assembled tree was made from, or None (the repository, or the base)."""
    origins = Origins.of(root)
    return origins.project if origins is not None else None


def with_origins(root: Path, messages: str) -> str:
    """Sphinx's messages with every ``<assembled file>:<line>:`` replaced by the gemeente's own file and line."""
    origins = Origins.of(root)
    if origins is None:
        return messages
    located = re.compile(rf"^({re.escape(str(origins.root))}/[^:\n]+):(\d+):", re.MULTILINE)

    def replace(match: re.Match[str]) -> str:
        path, line = origins.locate(Path(match.group(1)), int(match.group(2)))
        return f"{path}:{line}:"

    return located.sub(replace, messages)
