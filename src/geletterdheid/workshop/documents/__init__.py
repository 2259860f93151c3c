"""The kit's PDF documents, one module each: the session plan (``draaiboek``), the paper quiz forms
(``toets``), the trainer's answer sheet (``antwoordblad``) and the attendance list (``presentielijst``).

Each ``..._source`` is a pure function of a :class:`~geletterdheid.workshop.kit.Kit` giving Typst
markup; :func:`compile_document` turns markup into a tagged PDF/UA-1 in memory, and
:func:`kit_documents` makes all of a kit's documents.
"""

from __future__ import annotations

from ..kit import Kit
from .antwoordblad import antwoordblad_source
from .common import ANTWOORDBLAD, DRAAIBOEK, PRESENTIELIJST, DocumentError, compile_document, toets_file
from .draaiboek import draaiboek_source
from .presentielijst import presentielijst_source
from .toets import toets_source

__all__ = [
    "DocumentError",
    "antwoordblad_source",
    "compile_document",
    "document_sources",
    "draaiboek_source",
    "kit_documents",
    "presentielijst_source",
    "toets_source",
]


def document_sources(kit: Kit) -> dict[str, str]:
    """File name -> Typst markup of every document of the kit. Pure."""
    sources = {DRAAIBOEK: draaiboek_source(kit)}
    sources.update({toets_file(quiz.module): toets_source(kit, quiz) for quiz in kit.quizzes()})
    sources[ANTWOORDBLAD] = antwoordblad_source(kit)
    sources[PRESENTIELIJST] = presentielijst_source(kit)
    return sources


def kit_documents(kit: Kit) -> dict[str, bytes]:
    """File name -> PDF bytes of every document of the kit (the logo is read from its folder)."""
    root = kit.logo.parent if kit.logo is not None else None
    return {name: compile_document(source, root, name) for name, source in document_sources(kit).items()}
