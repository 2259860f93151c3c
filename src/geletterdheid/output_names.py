"""Names of what a build makes, shared by the site build, the handbooks and the site's links to them.

A neutral module: the site build and the handbook build both need these names, and neither
should import the other for them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Edition:
    key: str  # first part of the file name: handboek-<rol>.pdf, trainer-<rol>.pdf
    with_answers: bool
    name: str  # as on the cover, in the running header and in the document title


EMPLOYEE = Edition("handboek", False, "Handboek")
TRAINER = Edition("trainer", True, "Trainershandboek")
EDITIONS = (EMPLOYEE, TRAINER)

HTML_FOLDER = "html"  # under --out: the site
PDF_FOLDER = "pdf"  # under --out: the handbooks
#: Folder in the built site (``html/``) with the handbooks, so the learning paths can link them.
SITE_FOLDER = "handboeken"


def pdf_name(edition: Edition, role_id: str) -> str:
    return f"{edition.key}-{role_id}.pdf"
