"""What a handbook edition is, the facts on every cover, and the names of the files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..content import Catalog


@dataclass(frozen=True)
class Edition:
    key: str  # first part of the file name: handboek-<rol>.pdf, trainer-<rol>.pdf
    with_answers: bool
    name: str  # as on the cover, in the running header and in the document title


EMPLOYEE = Edition("handboek", False, "Handboek")
TRAINER = Edition("trainer", True, "Trainershandboek")
EDITIONS = (EMPLOYEE, TRAINER)


@dataclass(frozen=True)
class CoverFacts:
    gemeente: str
    version: str
    date: dt.date


#: Folder in the built site (``html/``) with the handbooks, so the learning paths can link them.
SITE_FOLDER = "handboeken"


def pdf_name(edition: Edition, role_id: str) -> str:
    return f"{edition.key}-{role_id}.pdf"


def document_title(catalog: Catalog, role_id: str, edition: Edition) -> str:
    return f"{edition.name} AI-geletterdheid: leerpad {catalog.roles[role_id].title}"
