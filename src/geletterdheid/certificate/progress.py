"""A learner's own view of their learning path: each module's status in Dutch words, and whether
the path is complete (then a certificate can be made). Pure: completion data in, values out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..content.model import ALL_STAFF_ROLE, Catalog
from ..dutch import join_names
from ..records.model import ModuleProgress, StoredAttempt
from ..records.times import local_day
from ..reports.completion import EmployeeCompletion
from ..reports.status import EXPIRED, FAILED, IN_PROGRESS, LATE, NOT_STARTED, PASSED, RETRAIN
from .model import Certificate, CertifiedModule, new_code, path_key

#: What a learner reads for each status of reports/status.py (B1 Dutch).
STATUS_WORDS = {
    NOT_STARTED: "Nog niet gedaan",
    FAILED: "Gemaakt, nog niet gehaald",
    PASSED: "Gehaald",
    IN_PROGRESS: "Opnieuw bezig, nog niet gehaald",
    EXPIRED: "Verlopen: maak de toets opnieuw",
    RETRAIN: "Opnieuw nodig: de module is veranderd",
    LATE: "Te laat: nog niet gehaald",
}


@dataclass(frozen=True)
class ModuleLine:
    module_id: str
    title: str
    status: str  # one of reports.completion's statuses
    passed_on: dt.date | None  # Dutch local date of the latest pass (the one that counts)
    version: int | None
    #: Why it is on the path: "leerpad", or the AI system that adds it (ModuleStatus.reason)
    reason: str = ""

    @property
    def words(self) -> str:
        # A status added to reports.completion later still reads as words, not as an identifier.
        return STATUS_WORDS.get(self.status, self.status.capitalize())

    @property
    def passed(self) -> bool:
        return self.status == PASSED


@dataclass(frozen=True)
class LearnerProgress:
    employee_id: str
    name: str
    path_title: str
    path_key: str
    modules: tuple[ModuleLine, ...]

    @property
    def passed_count(self) -> int:
        return sum(1 for line in self.modules if line.passed)

    @property
    def complete(self) -> bool:
        return bool(self.modules) and all(line.passed for line in self.modules)


def path_title(catalog: Catalog, roles: tuple[str, ...]) -> str:
    """'Leerpad Beleidsadviseur', 'Leerpad Beleidsadviseur en Inkoper', or the all-staff path."""
    shown = [role for role in roles if role != ALL_STAFF_ROLE] or [ALL_STAFF_ROLE]
    titles = [catalog.roles[role].title if role in catalog.roles else role for role in shown]
    return f"Leerpad {join_names(titles)}"


def learner_progress(catalog: Catalog, completion: EmployeeCompletion) -> LearnerProgress:
    """The required modules of ``completion`` in path order (modules tried outside the path left out):
    the employee's required path (curriculum.required_path, via reports.completion), so the
    certificate's "path complete" is the export's and the reminders' rule too."""
    lines = tuple(
        ModuleLine(
            module.module_id,
            catalog.modules[module.module_id].title if module.module_id in catalog.modules else module.module_id,
            module.status,
            local_day(module.passed_at),
            # the version it was passed on; attempts from before versions were recorded count as 1
            (module.passed_version or 1) if module.passed_at else None,
            module.reason,
        )
        for module in completion.modules
        if module.required
    )
    employee = completion.employee
    return LearnerProgress(
        employee.id,
        employee.name,
        path_title(catalog, employee.roles),
        path_key(employee.roles, [line.module_id for line in lines]),
        lines,
    )


def certificate_for(progress: LearnerProgress, now: dt.datetime) -> Certificate:
    """A new certificate for a complete path (the store keeps the first one made)."""
    if not progress.complete:
        raise ValueError("a certificate needs a complete learning path")
    modules = tuple(
        CertifiedModule(line.module_id, line.title, line.passed_on, line.version)
        for line in progress.modules
        if line.passed_on is not None
    )
    return Certificate(new_code(), progress.employee_id, progress.path_key, progress.path_title, now, modules)


def summarise(employee_id: str, attempts: Sequence[StoredAttempt]) -> list[ModuleProgress]:
    """One employee's attempts as ModuleProgress per quiz, as the store's module_progress() makes them:
    best score, latest pass, count, the highest version passed on, the latest attempt."""
    best: dict[str, float] = {}
    latest_pass: dict[str, dt.datetime | None] = {}
    version: dict[str, int | None] = {}
    last: dict[str, dt.datetime] = {}
    counts: dict[str, int] = {}
    for attempt in attempts:
        quiz = attempt.quiz_id
        best[quiz] = max(best.get(quiz, attempt.score_percent), attempt.score_percent)
        counts[quiz] = counts.get(quiz, 0) + 1
        last[quiz] = max(last.get(quiz, attempt.taken_at), attempt.taken_at)
        latest_pass.setdefault(quiz, None)
        version.setdefault(quiz, None)
        if attempt.passed:
            earlier = latest_pass[quiz]
            if earlier is None or attempt.taken_at > earlier:
                latest_pass[quiz] = attempt.taken_at
            if attempt.module_version is not None:
                version[quiz] = max(version[quiz] or 0, attempt.module_version)
    return [
        ModuleProgress(employee_id, quiz, best[quiz], latest_pass[quiz], counts[quiz], version[quiz], last[quiz])
        for quiz in best
    ]
