"""References to provisions of the AI Act and their links to the Dutch consolidated text.

A reference is written as editors cite it: ``"26"``, ``"5(1)(f)"``, ``"4a"``, ``"bijlage III"``.
Only articles and annexes that exist in Regulation (EU) 2024/1689 as amended by
Regulation (EU) 2026/1744 are accepted; anything else is a content error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import UserError

#: Consolidated Dutch text of 27 July 2026 (the version after the Digital Omnibus on AI).
EURLEX_BASE = "https://eur-lex.europa.eu/eli/reg/2024/1689/2026-07-27/nld"

#: Articles 1-113 of the original act, plus those inserted by Regulation (EU) 2026/1744.
INSERTED_ARTICLES = frozenset({"4a", "60a", "75a", "75b", "75c", "75d"})
ARTICLES = frozenset({str(n) for n in range(1, 114)}) | INSERTED_ARTICLES
ANNEXES = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
)  # XIV inserted by 2026/1744

_ARTICLE_RE = re.compile(r"^(?:art(?:ikel)?\.?\s*)?(?P<num>\d{1,3}[a-z]?)(?P<rest>(?:\(\w{1,4}\))*)$", re.IGNORECASE)
_ANNEX_RE = re.compile(r"^bijlage\s+(?P<num>[IVX]+)(?P<rest>(?:,?\s*(?:punt\s*)?[\w().]+)*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Provision:
    kind: str  # "artikel" or "bijlage"
    number: str
    detail: str  # paragraph/point part, e.g. "(1)(f)"; or annex point

    @property
    def url(self) -> str:
        anchor = f"art_{self.number}" if self.kind == "artikel" else f"anx_{self.number}"
        return f"{EURLEX_BASE}#{anchor}"

    @property
    def label(self) -> str:
        if self.kind == "artikel":
            return f"artikel {self.number}{self.detail}"
        return f"bijlage {self.number}{self.detail}"


class UnknownProvision(UserError, ValueError):
    """A reference to an article or annex the AI Act does not have; ``str()`` says which."""


@lru_cache(maxsize=4096)  # a build resolves the same few hundred references over a thousand times
def parse_provision(reference: str) -> Provision:
    """Parse an editor's reference; raise :class:`UnknownProvision` with a Dutch message."""
    text = " ".join(str(reference).split())
    match = _ARTICLE_RE.match(text)
    if match:
        number = match.group("num").lower()
        if number not in ARTICLES:
            raise UnknownProvision(f"artikel {number} bestaat niet in de AI-verordening")
        return Provision("artikel", number, match.group("rest") or "")
    match = _ANNEX_RE.match(text)
    if match:
        number = match.group("num").upper()
        if number not in ANNEXES:
            raise UnknownProvision(f"bijlage {number} bestaat niet in de AI-verordening")
        rest = match.group("rest") or ""
        return Provision("bijlage", number, rest if not rest or rest.startswith(",") else f" {rest.strip()}")
    raise UnknownProvision(
        f"'{reference}' is geen verwijzing naar een artikel of bijlage (voorbeelden: 26, 5(1)(f), bijlage III)"
    )
