"""Checks of single values in gemeente.toml: web addresses, e-mail addresses, colours, ids.

Each check returns ``None`` when the value is fine, else the Dutch reason; the caller adds the
file and line. The colour contrast follows WCAG 2.1 (success criterion 1.4.3).
"""

from __future__ import annotations

import math
import re
from urllib.parse import urlsplit

#: WCAG 1.4.3 (contrast, minimum) for normal text: the primary colour carries links and buttons.
MINIMUM_CONTRAST = 4.5

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# Loose on purpose: something@something.tld, no spaces. A stricter check only rejects real addresses.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_CONTENT_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # the content model's ContentId


def url_problem(value: str) -> str | None:
    if any(char.isspace() for char in value):
        return f"'{value}' is geen geldig webadres: er staat een spatie in"
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:  # a malformed [IPv6] part or port
        host, parts = None, None
    if parts is None or parts.scheme not in ("http", "https") or not host:
        return f"'{value}' is geen geldig webadres: gebruik een adres dat begint met https:// (of http://)"
    return None


def email_problem(value: str) -> str | None:
    if _EMAIL.match(value):
        return None
    return f"'{value}' is geen geldig e-mailadres: gebruik de vorm naam@gemeente.nl"


def colour_problem(value: str) -> str | None:
    if not _COLOUR.match(value):
        return (
            f"'{value}' is geen geldige kleur: gebruik de vorm #rrggbb met zes tekens 0-9 en a-f, bijvoorbeeld #00589c"
        )
    ratio = contrast_against_white(value)
    if ratio < MINIMUM_CONTRAST:
        return (
            f"kleur {value.lower()} heeft een contrast van {format_ratio(ratio)} met wit; WCAG 1.4.3 vraagt "
            f"minstens {format_ratio(MINIMUM_CONTRAST)}: kies een donkerdere tint"
        )
    return None


def content_id_problem(value: str, what: str) -> str | None:
    if _CONTENT_ID.match(value):
        return None
    return f"'{value}' is geen geldige {what}: gebruik kleine letters, cijfers en '-', zoals in de inhoud"


def _channel(value: int) -> float:
    """sRGB to linear light, as WCAG 2.1's relative luminance defines it."""
    c = value / 255
    # WCAG 2.1 writes 0.03928 (from an older sRGB draft), the sRGB standard 0.04045; no 8-bit value
    # lies between the two, so both give the same result.
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_against_white(colour: str) -> float:
    """The WCAG 2.1 contrast ratio of ``#rrggbb`` against white: 1.0 (white) to 21.0 (black)."""
    return contrast_ratio(colour, "#ffffff")


def contrast_ratio(first: str, second: str) -> float:
    """The WCAG 2.1 contrast ratio of two ``#rrggbb`` colours, in either order: 1.0 to 21.0."""
    for colour in (first, second):
        if not _COLOUR.match(colour):
            raise ValueError(f"not a #rrggbb colour: {colour!r}")
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def format_ratio(ratio: float) -> str:
    """'4,4:1' with a Dutch decimal comma, rounded down: 4.49 must not read as the 4,5 it misses."""
    return f"{math.floor(ratio * 10) / 10:.1f}".replace(".", ",") + ":1"
