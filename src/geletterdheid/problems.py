"""A problem in a file a user wrote (content, a spreadsheet, gemeente.toml): a Dutch message tied to a file and line."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int
    message: str

    def format(self, relative_to: Path | None = None) -> str:
        path = self.path
        if relative_to is not None:
            # outside the root: keep the path as it is. A symbolic link that leads back to itself
            # cannot be resolved (RuntimeError before Python 3.13, OSError after): its folder can.
            with contextlib.suppress(ValueError, RuntimeError, OSError):
                path = (path.parent.resolve() / path.name).relative_to(relative_to.resolve())
        return f"{path}:{self.line}: {self.message}"
