"""A gemeente's NL Design System design tokens (``[huisstijl] tokens``): read, check, map onto the theme.

NL Design System themes are published as CSS custom properties. The variable names this module
knows are those of the EUPL-licensed ``@nl-design-system-unstable/basis-design-tokens`` package
(``--basis-color-action-1-color-default`` and so on); a gemeente's own theme package sets them for
its house style. The site does not load that package: the gemeente's file is copied into the site
as it is, and :data:`THEME_MAPPING` points the theme's own variables at the tokens the file sets.

The file must declare its tokens on ``:root`` (the ``root.css`` a theme package builds): tokens
scoped to a class such as ``.testdorp-theme`` would never reach the page. Nothing in it may load
another file (``@import``, ``url()``): the site loads nothing from another host, and only this one
file is copied. Colours the theme uses for text must keep WCAG contrast against the page background
(1.4.3; 1.4.11 for the focus ring), so they are checked here, before anything is built.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

import tinycss2
import tinycss2.ast

from ..problems import Problem
from .values import MINIMUM_CONTRAST, contrast_ratio, format_ratio

#: A tokens file is a few hundred lines; anything far bigger is not one.
MAX_BYTES = 512 * 1024
#: WCAG 1.4.11 (non-text contrast): the focus ring against the page.
MINIMUM_NON_TEXT_CONTRAST = 3.0
#: The background the theme draws when the file does not set one.
WHITE = "#ffffff"
BACKGROUND_TOKEN = "--basis-color-default-bg-document"


class Mapped(NamedTuple):
    """One theme variable fed by one token; ``contrast`` is the minimum against the background."""

    theme: str
    token: str
    contrast: float | None = None


#: The light theme's colours (the dark theme keeps its own: a house style is made for a light page).
COLOUR_MAPPING: tuple[Mapped, ...] = (
    Mapped("--pst-color-background", BACKGROUND_TOKEN),
    Mapped("--pst-color-surface", "--basis-color-default-bg-subtle"),
    Mapped("--pst-color-border", "--basis-color-default-border-default"),
    Mapped("--pst-color-text-base", "--basis-color-default-color-default", MINIMUM_CONTRAST),
    Mapped("--pst-color-text-muted", "--basis-color-default-color-subtle", MINIMUM_CONTRAST),
    Mapped("--pst-color-heading", "--basis-heading-color", MINIMUM_CONTRAST),
    Mapped("--pst-color-primary", "--basis-color-accent-1-color-default", MINIMUM_CONTRAST),
    Mapped("--pst-color-link", "--basis-color-action-1-color-default", MINIMUM_CONTRAST),
    Mapped("--pst-color-link-hover", "--basis-color-action-1-color-hover", MINIMUM_CONTRAST),
    Mapped("--gl-focus", "--basis-focus-outline-color", MINIMUM_NON_TEXT_CONTRAST),
)
#: Fonts apply to both themes. A font the reader's device does not have falls back to the theme's.
FONT_MAPPING: tuple[Mapped, ...] = (
    Mapped("--pst-font-family-base", "--basis-text-font-family-default"),
    Mapped("--pst-font-family-heading", "--basis-heading-font-family"),
    Mapped("--pst-font-family-monospace", "--basis-text-font-family-monospace"),
)
THEME_MAPPING = COLOUR_MAPPING + FONT_MAPPING
#: The ``[huisstijl] kleur`` of gemeente.toml wins over the tokens for these (it was set on purpose).
COLOUR_KEY_OVERRIDES = frozenset({"--pst-color-primary", "--pst-color-link", "--pst-color-link-hover"})

_ROOT_SELECTORS = frozenset({":root", "html"})
_HEX = re.compile(r"^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$")
_VAR = re.compile(r"^var\(\s*(--[A-Za-z0-9_-]+)\s*(?:,\s*(.+))?\)$", re.DOTALL)
_RGB = re.compile(r"^rgba?\(\s*(\d{1,3})[\s,]+(\d{1,3})[\s,]+(\d{1,3})\s*(?:[,/]\s*(1|1\.0+|100%)\s*)?\)$")
_NAMED = {"white": "#ffffff", "black": "#000000"}


@dataclass(frozen=True)
class DesignTokens:
    """The checked tokens file: where it is, its text (copied into the site) and what it sets."""

    path: Path
    text: str
    #: custom property -> its value as written, the last declaration winning as in CSS
    values: Mapping[str, str]
    #: custom property -> the line of that declaration
    lines: Mapping[str, int]

    def mapped(self, mapping: tuple[Mapped, ...] = THEME_MAPPING) -> list[Mapped]:
        """The entries of ``mapping`` whose token this file sets."""
        return [entry for entry in mapping if entry.token in self.values]


def read_tokens(path: Path) -> DesignTokens | list[Problem]:
    """The tokens of the file at ``path``, or every problem in it (each at its line)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [Problem(path, 1, f"het tokenbestand is niet te lezen ({exc.strerror or exc})")]
    if len(data) > MAX_BYTES:
        size = MAX_BYTES // 1024
        return [Problem(path, 1, f"het tokenbestand is groter dan {size} kB; is dit wel een tokenbestand?")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [Problem(path, line, "het tokenbestand is geen UTF-8-tekst; sla het op als UTF-8")]
    return parse_tokens(path, text)


def parse_tokens(path: Path, text: str) -> DesignTokens | list[Problem]:
    """Pure part of :func:`read_tokens`: the CSS text of the file at ``path``."""
    problems: list[Problem] = []
    values: dict[str, str] = {}
    lines: dict[str, int] = {}
    for rule in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
        if isinstance(rule, tinycss2.ast.ParseError):
            problems.append(Problem(path, rule.source_line, f"dit is geen geldige CSS ({rule.message})"))
        elif isinstance(rule, tinycss2.ast.AtRule):
            problems.append(
                Problem(
                    path,
                    rule.source_line,
                    f"@{rule.lower_at_keyword} wordt niet meegenomen: zet alleen :root {{ --naam: waarde; }} in dit "
                    "bestand (de site laadt geen andere bestanden)",
                )
            )
        elif isinstance(rule, tinycss2.ast.QualifiedRule):
            _read_rule(path, rule, values, lines, problems)
    if not problems and not any(entry.token in values for entry in THEME_MAPPING):
        known = "--basis-color-action-1-color-default, --basis-color-default-color-default"
        problems.append(
            Problem(
                path,
                1,
                f"dit bestand zet geen van de NL Design System-variabelen die de site gebruikt (zoals {known}); "
                "zie de README, 'Huisstijl met design tokens'",
            )
        )
    if problems:
        return problems
    tokens = DesignTokens(path, text, MappingProxyType(values), MappingProxyType(lines))
    return contrast_problems(tokens) or tokens


def _read_rule(
    path: Path,
    rule: tinycss2.ast.QualifiedRule,
    values: dict[str, str],
    lines: dict[str, int],
    problems: list[Problem],
) -> None:
    selectors = {part.strip() for part in tinycss2.serialize(rule.prelude).split(",")}
    if not selectors <= _ROOT_SELECTORS:
        problems.append(
            Problem(
                path,
                rule.source_line,
                f"'{tinycss2.serialize(rule.prelude).strip()}': zet de tokens in :root {{ ... }} (het root.css-bestand "
                "van een themapakket); variabelen op een class bereiken de pagina niet",
            )
        )
        return
    for item in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
        if isinstance(item, tinycss2.ast.ParseError):
            problems.append(Problem(path, item.source_line, f"dit is geen geldige CSS ({item.message})"))
        elif isinstance(item, tinycss2.ast.Declaration):
            if not item.name.startswith("--"):
                problems.append(
                    Problem(
                        path,
                        item.source_line,
                        f"'{item.name}' is geen design token: zet alleen variabelen (--naam: waarde) in dit bestand",
                    )
                )
                continue
            value = tinycss2.serialize(item.value).strip()
            if _loads_something(item.value):
                problems.append(
                    Problem(
                        path,
                        item.source_line,
                        f"{item.name} laadt een bestand (url(...)); de site laadt niets van buiten: "
                        "gebruik een waarde zonder url()",
                    )
                )
                continue
            values[item.name] = value
            lines[item.name] = item.source_line
        else:  # a nested rule
            problems.append(
                Problem(path, item.source_line, "geneste regels worden niet meegenomen: zet de tokens direct in :root")
            )


def _loads_something(tokens: list[tinycss2.ast.Node]) -> bool:
    for token in tokens:
        if isinstance(token, tinycss2.ast.URLToken):
            return True
        if isinstance(token, tinycss2.ast.FunctionBlock) and (
            token.lower_name in ("url", "image-set", "src") or _loads_something(token.arguments)
        ):
            return True
    return False


# -- contrast -------------------------------------------------------------------------------------


def resolve_colour(tokens: DesignTokens, value: str, seen: frozenset[str] = frozenset()) -> str | None:
    """``value`` as ``#rrggbb`` following ``var()`` through the file, or None when that is not possible
    (another kind of colour, a variable the file does not set, a loop, or transparency)."""
    text = value.strip().lower()
    if text in _NAMED:
        return _NAMED[text]
    if _HEX.match(text):
        digits = text[1:]
        if len(digits) == 3:
            digits = "".join(char * 2 for char in digits)
        if len(digits) == 8:
            if digits[6:] != "ff":
                return None  # a see-through colour: its contrast depends on what lies below
            digits = digits[:6]
        return "#" + digits
    rgb = _RGB.match(text)
    if rgb:
        channels = [int(rgb.group(index)) for index in (1, 2, 3)]
        if any(channel > 255 for channel in channels):
            return None
        return "#" + "".join(f"{channel:02x}" for channel in channels)
    reference = _VAR.match(value.strip())
    if reference:
        name, fallback = reference.group(1), reference.group(2)
        if name in tokens.values and name not in seen:
            return resolve_colour(tokens, tokens.values[name], seen | {name})
        if fallback is not None and name not in tokens.values:
            return resolve_colour(tokens, fallback, seen)
    return None


def background(tokens: DesignTokens) -> str | None:
    """The page background the file sets (white when it sets none), None when it cannot be read."""
    if BACKGROUND_TOKEN not in tokens.values:
        return WHITE
    return resolve_colour(tokens, tokens.values[BACKGROUND_TOKEN])


def contrast_problems(tokens: DesignTokens) -> list[Problem]:
    """Every mapped colour that misses its WCAG contrast against the page background (or cannot be checked)."""
    problems: list[Problem] = []
    page = background(tokens)
    if page is None:
        return [_unresolvable(tokens, BACKGROUND_TOKEN)]
    for entry in tokens.mapped(COLOUR_MAPPING):
        if entry.contrast is None:
            continue
        colour = resolve_colour(tokens, tokens.values[entry.token])
        if colour is None:
            problems.append(_unresolvable(tokens, entry.token))
            continue
        ratio = contrast_ratio(colour, page)
        if ratio < entry.contrast:
            criterion = "1.4.3" if entry.contrast == MINIMUM_CONTRAST else "1.4.11"
            problems.append(
                Problem(
                    tokens.path,
                    tokens.lines[entry.token],
                    f"{entry.token} ({colour}) heeft een contrast van {format_ratio(ratio)} met de achtergrond "
                    f"{page}; WCAG {criterion} vraagt minstens {format_ratio(entry.contrast)}",
                )
            )
    return problems


def _unresolvable(tokens: DesignTokens, token: str) -> Problem:
    return Problem(
        tokens.path,
        tokens.lines[token],
        f"het contrast van {token} ('{tokens.values[token]}') is niet te controleren: geef de kleur als #rrggbb, "
        "rgb(r, g, b) of var(--naam) van een kleur in dit bestand",
    )


# -- the theme ------------------------------------------------------------------------------------


def theme_css(tokens: DesignTokens, *, skip: frozenset[str] = frozenset()) -> str:
    """Rules that point the theme's variables at the tokens the file sets (``skip``: theme variables
    set otherwise, such as by ``[huisstijl] kleur``)."""
    colours = [entry for entry in tokens.mapped(COLOUR_MAPPING) if entry.theme not in skip]
    fonts = tokens.mapped(FONT_MAPPING)
    rules = []
    if colours:
        body = " ".join(f"{entry.theme}: var({entry.token});" for entry in colours)
        rules.append(f'html[data-theme="light"] {{ {body} }}')
    if fonts:
        body = " ".join(f"{entry.theme}: var({entry.token});" for entry in fonts)
        rules.append(f":root {{ {body} }}")
    return "\n".join(rules)
