"""Helpers for the gemeente-project tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from geletterdheid.project.config import ProjectConfigError, load_config


def problems_of(root: Path) -> list[str]:
    """The problem lines of the ProjectConfigError that loading ``root`` must raise."""
    with pytest.raises(ProjectConfigError) as caught:
        load_config(root)
    return [problem.format(root) for problem in caught.value.problems]
