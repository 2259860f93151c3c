"""Dutch wording that several outputs share: counted nouns, lists of names, level labels.

One copy here, so the site, the handbooks and the command line say things the same way.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence

#: How the levels of the content model (``niveau``) are shown to readers.
LEVEL_LABELS: dict[str, str] = {"bewust": "Bewust", "bekwaam": "Bekwaam", "vloeiend": "Vloeiend", "expert": "Expert"}


#: The hint under a question, per question type: on the page, in the handbooks and in the toets.
QUESTION_HINTS: dict[str, str] = {
    "enkelvoudig": "Kies één antwoord.",
    "juist-onwaar": "Kies juist of onjuist.",
    "meervoudig": "Kies alle antwoorden die kloppen.",
}


def count(number: int, singular: str, plural: str) -> str:
    """``count(1, "module", "modules")`` is '1 module'; any other number takes the plural."""
    return f"{number} {singular if number == 1 else plural}"


def join_names(names: Sequence[str]) -> str:
    """'A', 'A en B', 'A, B en C' (no comma before 'en', as Dutch writes it)."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " en " + names[-1]


def iso_date_argument(text: str) -> dt.date:
    """An argparse type: a date as JJJJ-MM-DD, with the Dutch message argparse shows otherwise."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"ongeldige datum '{text}'; gebruik JJJJ-MM-DD, bijvoorbeeld 2027-03-31"
        ) from None
