"""TEMPORARY minimal reader of gemeente.toml (the full model with validation lands from branch 'init')."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError

PROJECT_FILE = "gemeente.toml"


class ProjectConfigError(UserError):
    pass


@dataclass(frozen=True)
class ForumSettings:
    base_url: str
    per_topic: Mapping[str, str] = field(default_factory=dict)

    def url_for(self, topic_id: str) -> str:
        return self.per_topic.get(topic_id, self.base_url + topic_id)


@dataclass(frozen=True)
class GemeenteConfig:
    root: Path
    name: str
    forum: ForumSettings | None
    leave_out: tuple[str, ...] = ()


def load_config(project_root: Path) -> GemeenteConfig:
    data = tomllib.loads((project_root / PROJECT_FILE).read_text(encoding="utf-8"))
    forum_data = data.get("forum", {})
    forum = None if forum_data is False else ForumSettings(forum_data["basis_url"], forum_data.get("onderwerpen", {}))
    return GemeenteConfig(
        project_root, data["gemeente"]["naam"], forum, tuple(data.get("inhoud", {}).get("weglaten", []))
    )


def find_project(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        if (folder / PROJECT_FILE).is_file():
            return folder
    return None
