"""Dutch wording for pydantic validation errors."""

from __future__ import annotations

import re

from pydantic_core import ErrorDetails


def _field_name(loc: tuple[int | str, ...]) -> str:
    names = [str(part) for part in loc if not isinstance(part, int)]
    return names[-1] if names else "waarde"


def _choices(expected: str) -> str:
    """Pydantic's "'bewust', 'bekwaam' or 'expert'" as Dutch: "bewust, bekwaam of expert"."""
    values = re.findall(r"'([^']*)'", expected)
    if len(values) < 2:
        return ", ".join(values) or expected
    return f"{', '.join(values[:-1])} of {values[-1]}"


def dutch_message(error: ErrorDetails) -> str:
    loc = tuple(error.get("loc", ()))
    name = _field_name(loc)
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return f"verplicht veld '{name}' ontbreekt"
    if kind == "extra_forbidden":
        return f"onbekend veld '{name}' (tikfout?)"
    if kind in ("string_type", "string_sub_type"):
        return f"'{name}' moet tekst zijn"
    if kind == "string_too_short":
        return f"'{name}' mag niet leeg zijn"
    if kind == "string_pattern_mismatch":
        return f"'{name}' is geen geldige id: gebruik kleine letters, cijfers en '-'"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"'{name}' moet een geheel getal zijn"
    if kind in ("greater_than", "greater_than_equal"):
        return (
            f"'{name}' moet groter zijn dan {ctx.get('gt', ctx.get('ge'))}"
            if "gt" in ctx
            else f"'{name}' moet minstens {ctx.get('ge')} zijn"
        )
    if kind in ("less_than", "less_than_equal"):
        return f"'{name}' mag hoogstens {ctx.get('le', ctx.get('lt'))} zijn"
    if kind == "list_type":
        return f"'{name}' moet een lijst zijn"
    if kind == "dict_type":
        return f"'{name}' moet een lijst van sleutel: tekst zijn"
    if kind == "too_short":
        return f"'{name}' heeft te weinig items (minstens {ctx.get('min_length')})"
    if kind == "too_long":
        return f"'{name}' heeft te veel items (hoogstens {ctx.get('max_length')}, nu {ctx.get('actual_length')})"
    if kind == "literal_error":
        return f"'{name}' moet een van deze waarden zijn: {_choices(str(ctx.get('expected', '')))}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"'{name}' moet een datum zijn in de vorm JJJJ-MM-DD"
    if kind.startswith("url"):
        return f"'{name}' is geen geldige webadres (https://...)"
    if kind == "model_type" or kind == "model_attributes_type":
        return f"'{name}' moet een lijst van velden zijn (sleutel: waarde)"
    if kind == "value_error" and "error" in ctx:  # our own validators raise ValueError with a Dutch message
        return str(ctx["error"])
    return f"ongeldige waarde voor '{name}': {error.get('msg', '')}"
