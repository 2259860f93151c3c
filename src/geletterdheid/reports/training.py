"""The deadlines and validity a report uses: ``[opleiding]`` of the gemeente project, or none.

The repository itself (no gemeente.toml) has no deadline and passes that stay valid; a gemeente
sets both in its gemeente.toml (README, "Een eigen gemeente-project").
"""

from __future__ import annotations

from pathlib import Path

from ..content.model import Catalog
from ..problems import Problem
from ..project.model import TrainingSettings


def training_settings(project: Path | None, catalog: Catalog) -> TrainingSettings:
    """The ``[opleiding]`` settings of ``project`` (None: outside a project), its roles checked
    against the content; raises ProjectConfigError (a UserError) with gemeente.toml:line."""
    if project is None:
        return TrainingSettings()
    from ..project.config import ProjectConfigError, load_config

    config = load_config(project)
    unknown = [role_id for role_id in config.training.per_role if role_id not in catalog.roles]
    if unknown:
        known = ", ".join(catalog.roles)
        raise ProjectConfigError(
            config.file,
            [
                Problem(
                    config.file,
                    config.line_of("opleiding", "rollen", role_id),
                    f"[opleiding.rollen.{role_id}]: onbekende rol '{role_id}'; bekende rollen: {known}",
                )
                for role_id in unknown
            ],
        )
    return config.training
