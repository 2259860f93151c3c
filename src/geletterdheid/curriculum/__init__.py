"""Learning paths: which modules a role (or set of roles) requires, in prerequisite order. Pure.

The package also holds the views of a path for the command line (``formats``) and the
``geletterdheid curriculum`` command (``commands``); this module is the logic both rest on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..content.model import ALL_STAFF_ROLE, Catalog, Module
from ..dutch import count
from ..errors import UserError


class UnknownRole(UserError, ValueError):
    """Roles asked for that the content does not have; the message lists the valid ones."""

    def __init__(self, unknown: list[str], valid: list[str]):
        self.unknown = unknown
        self.valid = valid
        word = "onbekende rol" if len(unknown) == 1 else "onbekende rollen"
        names = ", ".join(f"'{role}'" for role in unknown)
        super().__init__(f"{word} {names}. Geldige rollen zijn: {', '.join(valid)}.")


def prerequisite_closure(catalog: Catalog, module_id: str) -> set[str]:
    """Ids of every module ``module_id`` requires, directly or through others (not itself)."""
    found: set[str] = set()
    stack = list(catalog.modules[module_id].requires)
    while stack:
        current = stack.pop()
        if current not in found:
            found.add(current)
            stack.extend(catalog.modules[current].requires)
    return found


def required_module_ids(catalog: Catalog, roles: Iterable[str]) -> list[str]:
    """Ids of the modules tagged with any of ``roles`` (plus all-staff) and their prerequisites.

    Order: every module after its prerequisites; among modules whose prerequisites are met, the
    lowest id first, so the path is stable and follows the numbering editors chose.
    """
    roles = set(roles) | {ALL_STAFF_ROLE}
    unknown = sorted(roles - set(catalog.roles))
    if unknown:
        raise UnknownRole(unknown, list(catalog.roles))
    wanted: set[str] = set()
    for module in catalog.modules.values():
        if roles & set(module.roles):
            wanted |= {module.id} | prerequisite_closure(catalog, module.id)
    ordered: list[str] = []
    done: set[str] = set()
    remaining = sorted(wanted)
    while remaining:
        # The loader rejects cycles, so each pass places at least one module.
        ready = next(m for m in remaining if set(catalog.modules[m].requires) <= done)
        ordered.append(ready)
        done.add(ready)
        remaining.remove(ready)
    return ordered


def required_modules(catalog: Catalog, roles: Iterable[str]) -> list[Module]:
    return [catalog.modules[module_id] for module_id in required_module_ids(catalog, roles)]


def study_minutes(modules: Iterable[Module]) -> int:
    return sum(module.duration_minutes for module in modules)


@dataclass(frozen=True)
class LearningPath:
    """The route through the material for one or more roles: what every view of a path shows."""

    roles: tuple[str, ...]
    modules: tuple[Module, ...]

    @property
    def minutes(self) -> int:
        return study_minutes(self.modules)

    @property
    def module_ids(self) -> list[str]:
        return [module.id for module in self.modules]


def learning_path(catalog: Catalog, roles: Iterable[str]) -> LearningPath:
    """The learning path for ``roles`` (their union, without duplicates); raises UnknownRole."""
    roles = tuple(dict.fromkeys(roles))
    return LearningPath(roles=roles, modules=tuple(required_modules(catalog, roles)))


def duration_text(minutes: int) -> str:
    """A study time in plain Dutch: '45 minuten', '1 uur', '2 uur en 5 minuten'."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return count(rest, "minuut", "minuten")
    text = f"{hours} uur"  # 'uur' has no plural here: '2 uur'
    return f"{text} en {count(rest, 'minuut', 'minuten')}" if rest else text


def roles_to_build(catalog: Catalog, wanted: list[str] | None) -> list[str]:
    """All roles, or the ones asked for (validated: raises UnknownRole)."""
    if not wanted:
        return list(catalog.roles)
    learning_path(catalog, wanted)
    return list(dict.fromkeys(wanted))
