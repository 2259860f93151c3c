"""The facts on every handbook cover and the document title; editions and file names live in
``output_names`` (re-exported here for ``sphinxext.learning_paths``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..content import Catalog
from ..output_names import EDITIONS, EMPLOYEE, SITE_FOLDER, TRAINER, Edition, pdf_name

__all__ = ["EDITIONS", "EMPLOYEE", "SITE_FOLDER", "TRAINER", "CoverFacts", "Edition", "document_title", "pdf_name"]


@dataclass(frozen=True)
class CoverFacts:
    gemeente: str
    version: str
    date: dt.date


def document_title(catalog: Catalog, role_id: str, edition: Edition) -> str:
    return f"{edition.name} AI-geletterdheid: leerpad {catalog.roles[role_id].title}"
