"""Roles as HR types them: by id (``inkoper``) or by the title the site shows ("Uitvoerend professional").

Any case and spacing; ``-`` and ``_`` count as spaces, so the id and the title of a role meet. A
near miss gets a suggestion (difflib), so "Beleidsadvisuer" says what was meant. Pure: the
catalog's roles in, role ids or a Dutch reason out.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping

from ..content.model import Role

_SPACING = re.compile(r"[\s_\-]+")
#: Between roles in one cell: '|' as the export writes it; ';' and ',' as people type lists.
_ROLE_SPLIT = re.compile(r"[|;,]")
#: How alike a typo must be to be suggested (difflib's ratio); 0.75 catches a swapped or missing letter.
SUGGESTION_CUTOFF = 0.75


def _key(text: str) -> str:
    return _SPACING.sub(" ", text.casefold()).strip()


class RoleMatcher:
    def __init__(self, roles: Mapping[str, Role]):
        self._ids: dict[str, str] = {}  # key -> role id
        self._shown: dict[str, str] = {}  # key -> how to show that key in a suggestion
        for role_id, role in roles.items():
            for form in (role.title, role_id):  # suggest the title, as the site shows it
                self._ids.setdefault(_key(form), role_id)
                self._shown.setdefault(_key(form), form)
        self._valid = ", ".join(f"{role.title} ({role_id})" for role_id, role in roles.items())

    def match(self, text: str) -> tuple[list[str], list[str]]:
        """The role ids in a cell, and a Dutch reason for each part that is no role."""
        found: list[str] = []
        reasons: list[str] = []
        for part in (part.strip() for part in _ROLE_SPLIT.split(text)):
            if not part:
                continue
            role_id = self._ids.get(_key(part))
            if role_id is not None:
                found.append(role_id)
                continue
            near = difflib.get_close_matches(_key(part), list(self._ids), n=1, cutoff=SUGGESTION_CUTOFF)
            if near:
                reasons.append(f"onbekende rol '{part}'; bedoelde je '{self._shown[near[0]]}'?")
            else:
                reasons.append(f"onbekende rol '{part}'; geldige rollen: {self._valid}")
        return found, reasons
