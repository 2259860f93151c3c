"""Learning paths: which modules a role (or set of roles) requires, in prerequisite order. Pure.

An employee's path is their roles' path plus, for each AI system of the gemeente's own register that
their department or one of their roles uses, the modules its outcome calls for
(docs/systeemmodules.yaml): :func:`required_path` decides it, with the reason for each module;
:class:`RequiredPaths` is the same for a whole organisation, each distinct path worked out once.

The package also holds the views of a path for the command line (``formats``) and the
``geletterdheid curriculum`` command (``commands``); this module is the logic both rest on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..content.inventory import AiSystem, department_key
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


def _in_path_order(catalog: Catalog, wanted: set[str]) -> list[str]:
    """``wanted`` with every module after its prerequisites; among modules whose prerequisites are
    met, the lowest id first, so the path is stable and follows the numbering editors chose."""
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


def _role_modules(catalog: Catalog, roles: Iterable[str]) -> set[str]:
    roles = set(roles) | {ALL_STAFF_ROLE}
    unknown = sorted(roles - set(catalog.roles))
    if unknown:
        raise UnknownRole(unknown, list(catalog.roles))
    wanted: set[str] = set()
    for module in catalog.modules.values():
        if roles & set(module.roles):
            wanted |= {module.id} | prerequisite_closure(catalog, module.id)
    return wanted


#: The reason of a module on the roles' own learning path (the export's column ``reden``).
ROLE_PATH = "leerpad"
#: Statuses of a system in the register that count: a stopped system adds nothing.
ACTIVE_STATUSES = ("pilot", "in-gebruik")


@dataclass(frozen=True)
class SystemNeed:
    """What one system of the register asks of whoever uses it: its outcome and the modules for it."""

    system_id: str
    name: str
    risk_class: str
    transparency: tuple[str, ...]
    #: The modules docs/systeemmodules.yaml gives the outcome (those the gemeente kept), then their
    #: prerequisites: a set, the path puts them in order.
    modules: frozenset[str]
    departments: frozenset[str]  # department_key of each of its afdelingen
    roles: frozenset[str]

    @property
    def reason(self) -> str:
        """'AI-systeem: Risicosignalen bijstand (hoog-risico)'; with its Art. 50 duties if any."""
        duties = f"; artikel {', '.join(self.transparency)}" if self.transparency else ""
        return f"AI-systeem: {self.name} ({self.risk_class}{duties})"

    def used_by(self, roles: Iterable[str], department: str | None) -> bool:
        return (department is not None and department_key(department) in self.departments) or bool(
            self.roles & (set(roles) | {ALL_STAFF_ROLE})
        )


def system_needs(catalog: Catalog) -> tuple[SystemNeed, ...]:
    """The systems of the gemeente's own register that are in pilot or in use, each with its modules.

    Nothing for the repository's example register (``catalog.inventory_is_example``), without a
    register, decision tree or docs/systeemmodules.yaml. A module the gemeente left out is not added."""
    from ..classification.walk import walk

    inventory, tree, table = catalog.inventory, catalog.decision_tree, catalog.system_modules
    if inventory is None or catalog.inventory_is_example or tree is None or table is None:
        return ()
    needs = []
    for system in inventory.systems:
        if system.status not in ACTIVE_STATUSES:
            continue
        walked = walk(tree, system.features)
        chosen = [m for m in table.modules_for(walked.conclusion.risk_class, walked.transparency, walked.role)]
        kept = {module_id for module_id in chosen if module_id in catalog.modules}
        modules = set(kept)
        for module_id in kept:
            modules |= prerequisite_closure(catalog, module_id)
        needs.append(_need(system, walked.conclusion.risk_class, walked.transparency, frozenset(modules)))
    return tuple(needs)


def _need(system: AiSystem, risk_class: str, transparency: tuple[str, ...], modules: frozenset[str]) -> SystemNeed:
    return SystemNeed(
        system.id,
        system.name,
        risk_class,
        transparency,
        modules,
        frozenset(department_key(name) for name in system.departments),
        frozenset(system.roles),
    )


@dataclass(frozen=True)
class RequiredPath:
    """The modules an employee must take, in path order, and why each one is there."""

    module_ids: tuple[str, ...]
    #: module id -> the systems that added it (empty: it is on the roles' own learning path)
    systems: Mapping[str, tuple[SystemNeed, ...]] = field(default_factory=dict)

    def reason(self, module_id: str) -> str:
        """'leerpad', or the systems that made the module required ('AI-systeem: X (hoog-risico)')."""
        found = self.systems.get(module_id)
        return "; ".join(need.reason for need in found) if found else ROLE_PATH


class RequiredPaths:
    """:func:`required_path` for many employees: the register classified once, and each distinct
    path worked out once, per (role set, systems used): an organisation has few of those."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.needs = system_needs(catalog)
        self._systems: dict[tuple[tuple[str, ...], str | None], tuple[int, ...]] = {}
        self._paths: dict[tuple[tuple[str, ...], tuple[int, ...]], RequiredPath] = {}

    def systems_used(self, roles: tuple[str, ...], department: str | None) -> tuple[int, ...]:
        """The positions in ``needs`` of the systems used by someone with ``roles`` in ``department``."""
        key = (roles, department)
        found = self._systems.get(key)
        if found is None:
            found = self._systems[key] = tuple(
                index for index, need in enumerate(self.needs) if need.used_by(roles, department)
            )
        return found

    def path(self, roles: tuple[str, ...], department: str | None = None) -> RequiredPath:
        """The required path of someone with ``roles`` (canonical, as Employee.roles) in ``department``."""
        used = self.systems_used(roles, department) if self.needs else ()
        key = (roles, used)
        found = self._paths.get(key)
        if found is None:
            found = self._paths[key] = self._work_out(roles, used)
        return found

    def _work_out(self, roles: tuple[str, ...], used: tuple[int, ...]) -> RequiredPath:
        wanted = _role_modules(self.catalog, roles)
        by_system: dict[str, list[SystemNeed]] = {}
        for index in used:
            need = self.needs[index]
            for module_id in sorted(need.modules - wanted):
                by_system.setdefault(module_id, []).append(need)
        ordered = _in_path_order(self.catalog, wanted | set(by_system))
        return RequiredPath(tuple(ordered), {module_id: tuple(needs) for module_id, needs in by_system.items()})


def required_path(catalog: Catalog, roles: Iterable[str], department: str | None = None) -> RequiredPath:
    """The modules required of an employee with ``roles`` in ``department``: the one rule every report,
    page and certificate follows (reports.completion.completions applies it to each employee). The
    roles' learning path (:func:`required_module_ids`) plus, for each system of the gemeente's
    own register in pilot or in use whose ``afdelingen`` hold ``department`` (case-insensitive, as
    --afdeling compares) or whose ``rollen`` meet ``roles``, the modules its outcome calls for with
    their prerequisites; in path order (prerequisites first). Raises UnknownRole."""
    return RequiredPaths(catalog).path(tuple(dict.fromkeys(roles)), department)


def required_module_ids(catalog: Catalog, roles: Iterable[str]) -> list[str]:
    """Ids of the modules tagged with any of ``roles`` (plus all-staff) and their prerequisites: the
    roles' own learning path, as the site, the handbooks and workshops show it. What one employee must
    take also follows the AI systems they use: :func:`required_path`.

    Order: every module after its prerequisites; among modules whose prerequisites are met, the
    lowest id first, so the path is stable and follows the numbering editors chose.
    """
    return _in_path_order(catalog, _role_modules(catalog, roles))


def required_modules(catalog: Catalog, roles: Iterable[str]) -> list[Module]:
    return [catalog.modules[module_id] for module_id in required_module_ids(catalog, roles)]


def study_minutes(modules: Iterable[Module]) -> int:
    return sum(module.duration_minutes for module in modules)


@dataclass(frozen=True)
class LearningPath:
    """The route through the material for one or more roles: what every view of a path shows."""

    roles: tuple[str, ...]
    modules: tuple[Module, ...]
    #: The department the path is for (``curriculum --afdeling``), with the AI systems it uses; None: the roles alone.
    department: str | None = None
    #: Module id -> why it is on the path (RequiredPath.reason), with a department only.
    reasons: Mapping[str, str] = field(default_factory=dict)

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


def department_learning_path(catalog: Catalog, roles: Iterable[str], department: str) -> LearningPath:
    """The path of an employee with ``roles`` in ``department`` (:func:`required_path`), with the reasons."""
    roles = tuple(dict.fromkeys(roles))
    canonical = tuple(sorted({role for role in roles if role != ALL_STAFF_ROLE}))
    path = required_path(catalog, canonical, department)
    return LearningPath(
        roles=roles,
        modules=tuple(catalog.modules[module_id] for module_id in path.module_ids),
        department=department,
        reasons={module_id: path.reason(module_id) for module_id in path.module_ids},
    )


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
