"""The facts on every handbook cover and the document title (editions and file names: ``output_names``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..content import Catalog
from ..output_names import Edition


@dataclass(frozen=True)
class CoverFacts:
    gemeente: str
    version: str
    date: dt.date
    logo: str | None = None  # the gemeente's logo: a path under the Typst root, or None
    toets: bool = False  # a toets site: the employee edition leaves the quizzes to the site or the trainer


def document_title(catalog: Catalog, role_id: str, edition: Edition) -> str:
    return f"{edition.name} AI-geletterdheid: leerpad {catalog.roles[role_id].title}"
