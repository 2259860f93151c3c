"""The shared base of every content model: frozen, no unknown keys, Dutch YAML keys as aliases.

A module of its own so that the models of the decision tree, the duties table and the AI
inventory can use it without importing ``model.py`` (which imports them for the Catalog).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

ContentId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, str_strip_whitespace=True)
