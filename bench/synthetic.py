"""Synthetic content and records for the benchmarks: a content tree, a roster and answer files.

Deterministic (seeded), so runs are comparable. Nothing here is timed.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import random
import resource
import time
import uuid
from pathlib import Path

ROLES = [
    "alle-medewerkers",
    "beleidsadviseur",
    "bestuurder-manager",
    "uitvoerend-professional",
    "inkoper",
    "jurist-privacy",
    "technisch-specialist",
]
# The shape of the real curriculum (issue 3): module id -> (roles, prerequisites).
_B, _M, _U, _I, _J, _T = ROLES[1:]
MODULES = {
    "m01": (["alle-medewerkers"], []),
    "m02": (["alle-medewerkers"], ["m01"]),
    "m03": (["alle-medewerkers"], ["m02"]),
    "m04": (["alle-medewerkers"], ["m01"]),
    "m05": ([_M], ["m02"]),
    "m06": ([_B, _M, _I, _J, _T], ["m02"]),
    "m07": ([_B, _M, _J, _T, _U], ["m06"]),
    "m08": ([_B, _J, _T], ["m02"]),
    "m09": ([_M, _B], ["m05"]),
    "m10": ([_J, _B], ["m07"]),
    "m11": ([_I, _B], ["m06"]),
    "m12": ([_T], ["m06"]),
    "m13": ([_T, _U, _B], ["m07"]),
    "m14": ([_T], ["m07"]),
    "m15": ([_T], ["m12"]),
    "m16": ([_T], ["m12"]),
}
QUESTIONS_PER_QUIZ = 10
DEPARTMENTS = ["Burgerzaken", "Sociaal Domein", "Financiën", "ICT", "Inkoop", "Ruimte", "Bestuur", "HR"]


def question_spec(module_id: str, number: int) -> tuple[str, list[str], list[str]]:
    """(type, option keys, correct keys) of question ``number`` of a quiz."""
    kind = ("enkelvoudig", "juist-onwaar", "meervoudig")[number % 3]
    if kind == "juist-onwaar":
        return kind, ["juist", "onjuist"], ["juist" if number % 2 else "onjuist"]
    if kind == "meervoudig":
        return kind, ["a", "b", "c", "d"], ["a", "c", "d"]
    return kind, ["a", "b", "c", "d"], ["b"]


def write_content(root: Path) -> Path:
    (root / "docs" / "rollen").mkdir(parents=True, exist_ok=True)
    (root / "modules").mkdir(exist_ok=True)
    (root / "quizzes").mkdir(exist_ok=True)
    (root / "conf.py").write_text('project = "bench"\n')
    (root / "docs" / "onderwerpen.yaml").write_text(
        "onderwerpen:\n  - id: basis\n    titel: Basis\n    forum_url: https://forum.example/c/basis\n"
    )
    (root / "docs" / "wetgeving.yaml").write_text(
        'datums:\n  geletterdheid:\n    datum: 2025-02-02\n    wat: Plicht.\n    artikelen: ["4"]\n'
    )
    for role in ROLES:
        (root / "docs" / "rollen" / f"{role}.md").write_text(
            f"---\nid: {role}\ntitel: {role}\nbeschrijving: Rol {role}.\nniveau: bewust\n---\n# {role}\n"
        )
    for module_id, (roles, requires) in MODULES.items():
        (root / "modules" / f"{module_id}.md").write_text(
            f"---\nid: {module_id}\ntitel: Module {module_id}\nsamenvatting: Over {module_id}.\n"
            f"rollen: [{', '.join(roles)}]\nonderwerp: basis\nduur_minuten: 20\nniveau: bewust\n"
            f"leerdoelen:\n  - Doel.\nvereist: [{', '.join(requires)}]\nlaatst_gecontroleerd: 2026-11-28\n"
            f"---\n# {module_id}\n"
        )
        lines = [f"module: {module_id}", "drempel: 70", "vragen:"]
        for number in range(1, QUESTIONS_PER_QUIZ + 1):
            kind, keys, correct = question_spec(module_id, number)
            lines += [
                f"  - id: {module_id}-q{number:02d}",
                f"    type: {kind}",
                f"    vraag: Vraag {number} van {module_id}?",
                "    opties:",
            ]
            lines += [f"      {key}: Optie {key} van vraag {number}." for key in keys]
            lines += [f"    juist: [{', '.join(correct)}]", "    uitleg: Zie artikel 4."]
        (root / "quizzes" / f"{module_id}.yaml").write_text("\n".join(lines) + "\n")
    return root


def employee_roles(index: int) -> list[str]:
    """Most staff only have the all-staff role; a quarter one more role, some two."""
    specific = ROLES[1:]
    bucket = index % 20
    if bucket < 14:
        return []
    if bucket < 19:
        return [specific[index % len(specific)]]
    return [specific[index % len(specific)], specific[(index // 7) % len(specific)]]


def write_roster(path: Path, employees: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["medewerker_id", "naam", "afdeling", "rollen", "email"])
        for i in range(employees):
            writer.writerow(
                [
                    f"E{i:06d}",
                    f"Medewerker {i}",
                    DEPARTMENTS[i % len(DEPARTMENTS)],
                    "|".join(employee_roles(i)),
                    f"m{i}@gemeente.example",
                ]
            )
    return path


def random_answer(rng: random.Random, module_id: str, number: int) -> str:
    kind, keys, correct = question_spec(module_id, number)
    if rng.random() < 0.7:
        return "|".join(correct)  # most people know the answer
    if kind == "meervoudig":
        return "|".join(sorted(rng.sample(keys, rng.randint(0, 3))))
    return rng.choice(keys)


def write_long_csv(path: Path, employees: int, quizzes: list[str], seed: int = 4) -> int:
    """One attempt per employee and quiz, every question answered: employees * quizzes * 10 rows."""
    rng = random.Random(seed)
    start = dt.datetime(2025, 3, 1, 8, 0)
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["medewerker_id", "quiz", "vraag", "antwoord", "tijdstip"])
        for i in range(employees):
            for q, module_id in enumerate(quizzes):
                when = (start + dt.timedelta(days=q, minutes=i % 600)).isoformat(timespec="minutes")
                for number in range(1, QUESTIONS_PER_QUIZ + 1):
                    writer.writerow(
                        [
                            f"E{i:06d}",
                            module_id,
                            f"{module_id}-q{number:02d}",
                            random_answer(rng, module_id, number),
                            when,
                        ]
                    )
                    rows += 1
    return rows


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Timer:
    """Wall-clock seconds, and the CPU seconds of this process (less disturbed by other load)."""

    def __enter__(self) -> Timer:
        self.start = time.perf_counter()
        self.cpu_start = time.process_time()
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = time.perf_counter() - self.start
        self.cpu = time.process_time() - self.cpu_start


def in_child(function, *args):
    """Run ``function(*args)`` in a fresh process; returns what it returns. Keeps peak memory per phase honest."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        return pool.apply(function, args)


def backends(postgresql: str | None) -> list[tuple[str, str | None]]:
    """What to measure: SQLite always, PostgreSQL when a URL was given."""
    return [("sqlite", None)] + ([("postgresql", postgresql)] if postgresql else [])


@contextlib.contextmanager
def fresh_store_url(folder: Path, postgresql: str | None = None):
    """A URL for an empty store: a new SQLite file, or a new schema in ``postgresql`` (dropped afterwards)."""
    if postgresql is None:
        path = folder / f"bench-{uuid.uuid4().hex[:8]}.db"
        yield f"sqlite:///{path}"
        for leftover in folder.glob(path.name + "*"):
            leftover.unlink()
        return
    import sqlalchemy

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = sqlalchemy.create_engine(postgresql, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        yield f"{postgresql}{'&' if '?' in postgresql else '?'}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


#: Six departments, three of them those of the first three systems of docs/ai-systemen.voorbeeld.yaml.
MUNICIPAL_DEPARTMENTS = ["Werk en Inkomen", "Dienstverlening", "HR", "Sociaal Domein", "Financiën", "Ruimte"]


def fill_municipality(
    store, catalog, employees: int = 1000, departments: int = 6, end: dt.date | None = None, seed: int = 15
):
    """A realistic gemeente in ``store`` for the real content in ``catalog``: ``employees`` staff over
    ``departments`` departments (roles as employee_roles), a year of attempts up to ``end`` at the
    modules of their learning paths (more in the first months, a fifth fail and most of those try
    again later), a few leavers and four workshops. Returns the number of attempts recorded."""
    from geletterdheid.curriculum import required_module_ids
    from geletterdheid.records import Employee, NewAttempt
    from geletterdheid.records.model import Workshop, module_versions
    from geletterdheid.records.workshops import record_attendance

    rng = random.Random(seed)
    end = end or dt.date(2026, 11, 30)
    first = end - dt.timedelta(days=364)
    names = MUNICIPAL_DEPARTMENTS[:departments]
    people = [
        Employee(
            f"E{i:05d}",
            f"Medewerker {i}",
            names[i % len(names)],
            tuple(sorted(role for role in employee_roles(i) if role in catalog.roles)),
            f"m{i}@gemeente.example",
            # one in fifty left during the year: their records stay, the reports leave them out
            first + dt.timedelta(days=rng.randrange(365)) if i % 50 == 49 else None,
        )
        for i in range(employees)
    ]
    store.upsert_employees(people)
    attempts = []
    for person in people:
        modules = required_module_ids(catalog, person.roles)
        for module_id in modules:
            if rng.random() < 0.15:  # not started yet
                continue
            quiz = catalog.quizzes[module_id]
            day = first + dt.timedelta(days=int(364 * rng.random() ** 1.6))
            for _ in range(3):
                if day > end:
                    break
                knows = 0.9 if rng.random() < 0.8 else 0.4
                answers = {
                    q.id: q.correct if rng.random() < knows else [k for k in q.options if k not in q.correct][:1]
                    for q in quiz.questions
                }
                taken = dt.datetime.combine(day, dt.time(9 + rng.randrange(8), rng.randrange(60)), dt.UTC)
                attempt = NewAttempt.scored(person.id, quiz, taken, "bench", answers)
                attempts.append(attempt)
                day = day + dt.timedelta(days=7 + rng.randrange(40))
                if attempt.passed or rng.random() < 0.3:
                    break
    store.record_attempts(attempts, module_versions(catalog))
    module_ids = list(catalog.modules)
    for number in range(4):
        held = first + dt.timedelta(days=40 + 80 * number)
        workshop = Workshop(f"AI in de praktijk {number + 1}", held, tuple(module_ids[:2]), 120, "Petra Smit")
        present = [p.id for p in people if rng.random() < 0.05 and (p.left_on is None or p.left_on > held)]
        record_attendance(store, workshop, present, "presentielijst.xlsx", "bench")
    return len(attempts)
