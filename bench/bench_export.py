"""Benchmark: the long HR export for 20,000 employees, against writing the same rows with the csv module.

Issue 4 asks: the export (reading the store, working out every employee's required modules and
their status, neutralising and writing) within 2x the time of only writing the same rows with
the csv module, measured in the same run. Best of several runs; wall and CPU time.

Also reported, without a target: the export with a deadline and a validity set (issue 12), and
the same export as an XLSX workbook. With ``--systemen`` the content has a gemeente's own AI register
(issue 15: the repository's example systems, placed in the synthetic departments), so the required
modules follow the department and roles of each employee; the target is the same.

    python bench/bench_export.py [--employees 20000] [--repeat 5] [--postgresql URL] [--systemen]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import (
    DEPARTMENTS,
    MODULES,
    QUESTIONS_PER_QUIZ,
    Timer,
    backends,
    employee_roles,
    fresh_store_url,
    in_child,
    random_answer,
    write_content,
)


def load_catalog(root: str, systems: bool = False):  # type: ignore[no-untyped-def]
    """The synthetic content; with ``systems`` a gemeente's own register (issue 15): the repository's
    example systems, in the synthetic departments, with the decision tree and docs/systeemmodules.yaml."""
    import dataclasses

    from geletterdheid.content import catalog_or_exit

    catalog = catalog_or_exit(root)
    if not systems:
        return catalog
    repo = catalog_or_exit(Path(__file__).resolve().parents[1])
    assert repo.inventory is not None
    placed = [
        system.model_copy(update={"departments": [DEPARTMENTS[index % len(DEPARTMENTS)]]})
        for index, system in enumerate(repo.inventory.systems)
    ]
    return dataclasses.replace(
        catalog,
        inventory=repo.inventory.model_copy(update={"systems": placed}),
        inventory_is_example=False,
        decision_tree=repo.decision_tree,
        duties=repo.duties,
        system_modules=repo.system_modules,
    )


def fill_store(root: str, url: str, employees: int) -> int:
    """Every employee; three in four started each module they need, and tried until they passed
    (at most three times); one in ten also took a module they do not need."""
    from geletterdheid.content import catalog_or_exit
    from geletterdheid.curriculum import required_module_ids
    from geletterdheid.records import Employee, NewAttempt
    from geletterdheid.records.store import Store

    catalog = catalog_or_exit(root)
    rng = random.Random(7)
    people = [
        Employee(f"E{i:06d}", f"Medewerker {i}", DEPARTMENTS[i % len(DEPARTMENTS)], tuple(employee_roles(i)), None)
        for i in range(employees)
    ]
    start = dt.datetime(2025, 3, 1, 8, tzinfo=dt.UTC)
    attempts = []
    for person in people:
        required = required_module_ids(catalog, person.roles)
        others = [module_id for module_id in MODULES if module_id not in required]
        extra = [rng.choice(others)] if others and rng.random() < 0.1 else []
        for module_id in required + extra:
            if rng.random() < 0.25:
                continue  # not started
            quiz = catalog.quizzes[module_id]
            when = start + dt.timedelta(minutes=rng.randrange(200_000))
            for _ in range(3):
                answers = {
                    f"{module_id}-q{n:02d}": [key for key in random_answer(rng, module_id, n).split("|") if key]
                    for n in range(1, QUESTIONS_PER_QUIZ + 1)
                }
                attempt = NewAttempt.scored(person.id, quiz, when, "bench", answers)
                attempts.append(attempt)
                if attempt.passed:
                    break
                when += dt.timedelta(days=1)
    with Store.open(url) as store:
        store.upsert_employees(people)
        store.record_attempts(attempts)
    return len(attempts)


def csv_only(root: str, url: str, out: str, systems: bool = False) -> tuple[float, float, int]:
    """Write the very rows of the export with nothing but csv.writer (rows made beforehand, not timed)."""
    from geletterdheid.records.store import Store
    from geletterdheid.reports.completion import completions
    from geletterdheid.reports.hr_export import LONG_HEADER

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from geletterdheid.reports.spreadsheet import DIALECTS
    from records.export_reference import long_rows  # the plain rows the tests check the export against

    catalog = load_catalog(root, systems)
    dialect = DIALECTS["excel-nl"]
    with Store.open(url) as store:
        rows = list(long_rows(catalog, completions(catalog, store.employees(), store.module_progress()), dialect))
    with Timer() as timer, open(out, "w", encoding="utf-8", newline="") as stream:
        stream.write("\ufeff")  # the BOM as the export writes it (utf-8-sig would encode in Python)
        writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
        writer.writerow(LONG_HEADER)
        writer.writerows(rows)
    return timer.seconds, timer.cpu, len(rows)


def export(root: str, url: str, out: str, systems: bool = False) -> tuple[float, float]:
    from geletterdheid.records.store import Store
    from geletterdheid.reports.hr_export import export as write_export
    from geletterdheid.reports.spreadsheet import DIALECTS

    catalog = load_catalog(root, systems)
    with Store.open(url) as store, Timer() as timer:
        write_export(store, catalog, Path(out), DIALECTS["excel-nl"], "long")
    return timer.seconds, timer.cpu


def export_configured(root: str, url: str, out: str) -> tuple[float, float]:
    """The long CSV export with a deadline and a validity of 24 months, as a gemeente sets in
    [opleiding]: every pass's status is then worked out per role set (reported, not a target)."""
    from geletterdheid.content import catalog_or_exit
    from geletterdheid.project.model import TrainingSettings, TrainingTerms
    from geletterdheid.records.store import Store
    from geletterdheid.reports.hr_export import ExportOptions
    from geletterdheid.reports.hr_export import export as write_export
    from geletterdheid.reports.spreadsheet import DIALECTS

    catalog = catalog_or_exit(root)
    options = ExportOptions(
        training=TrainingSettings(TrainingTerms(dt.date(2025, 9, 1), 24)), today=dt.date(2027, 6, 1)
    )
    with Store.open(url) as store, Timer() as timer:
        write_export(store, catalog, Path(out), DIALECTS["excel-nl"], options=options)
    return timer.seconds, timer.cpu


def export_xlsx(root: str, url: str, out: str) -> tuple[float, float]:
    """The long export as a workbook (openpyxl write-only)."""
    from geletterdheid.content import catalog_or_exit
    from geletterdheid.records.store import Store
    from geletterdheid.reports.hr_export import ExportOptions
    from geletterdheid.reports.xlsx_export import export_xlsx as write_workbook

    catalog = catalog_or_exit(root)
    with Store.open(url) as store, Timer() as timer:
        write_workbook(store, catalog, Path(out), ExportOptions())
    return timer.seconds, timer.cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgresql", metavar="URL", help="also measure against this PostgreSQL database")
    parser.add_argument(
        "--systemen", action="store_true", help="also measure with a gemeente's own AI register (issue 15)"
    )
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as temp:
        temp_path = Path(temp)
        root = str(write_content(temp_path / "content"))
        for backend, base in backends(args.postgresql):
            with fresh_store_url(temp_path, base) as url:
                attempts = in_child(fill_store, root, url, args.employees)
                baseline = [in_child(csv_only, root, url, str(temp_path / "baseline.csv")) for _ in range(args.repeat)]
                runs = [in_child(export, root, url, str(temp_path / "export.csv")) for _ in range(args.repeat)]
                configured = [
                    in_child(export_configured, root, url, str(temp_path / "configured.csv"))
                    for _ in range(args.repeat)
                ]
                workbooks = [
                    in_child(export_xlsx, root, url, str(temp_path / "export.xlsx")) for _ in range(min(args.repeat, 2))
                ]
                with_systems = (
                    [
                        (
                            in_child(csv_only, root, url, str(temp_path / "baseline-systems.csv"), True),
                            in_child(export, root, url, str(temp_path / "export-systems.csv"), True),
                        )
                        for _ in range(args.repeat)
                    ]
                    if args.systemen
                    else []
                )
            rows = baseline[0][2]
            base_wall, base_cpu = min(b[0] for b in baseline), min(b[1] for b in baseline)
            wall, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
            same = (temp_path / "baseline.csv").read_bytes() == (temp_path / "export.csv").read_bytes()
            print(
                f"{backend}: {args.employees:,} employees, {attempts:,} attempts, {rows:,} export rows; "
                f"best of {args.repeat}"
            )
            print(f"  csv.writer only:  {base_wall:5.2f} s (cpu {base_cpu:5.2f} s)")
            print(f"  export (long):    {wall:5.2f} s (cpu {cpu:5.2f} s)   identical bytes: {same}")
            print(f"  ratio {wall / base_wall:.2f}x wall, {cpu / base_cpu:.2f}x cpu (target <= 2x)")
            c_wall, c_cpu = min(r[0] for r in configured), min(r[1] for r in configured)
            print(
                f"  export with deadline and geldig_maanden: {c_wall:5.2f} s (cpu {c_cpu:5.2f} s), "
                f"ratio {c_wall / base_wall:.2f}x wall (reported, no target)"
            )
            x_wall, x_cpu = min(r[0] for r in workbooks), min(r[1] for r in workbooks)
            size = (temp_path / "export.xlsx").stat().st_size
            print(
                f"  export as XLSX:   {x_wall:5.2f} s (cpu {x_cpu:5.2f} s), {size / 1e6:.1f} MB; "
                f"{x_wall / wall:.1f}x the CSV export (reported, no target)"
            )
            if backend == "sqlite":
                ok = ok and wall / base_wall <= 2 and same
            if with_systems:
                s_base = min(pair[0][0] for pair in with_systems), min(pair[0][1] for pair in with_systems)
                s_run = min(pair[1][0] for pair in with_systems), min(pair[1][1] for pair in with_systems)
                s_same = (temp_path / "baseline-systems.csv").read_bytes() == (
                    temp_path / "export-systems.csv"
                ).read_bytes()
                print(
                    f"  with an AI register ({with_systems[0][0][2]:,} rows): csv.writer {s_base[0]:5.2f} s "
                    f"(cpu {s_base[1]:5.2f} s), export {s_run[0]:5.2f} s (cpu {s_run[1]:5.2f} s), identical "
                    f"bytes: {s_same}; ratio {s_run[0] / s_base[0]:.2f}x wall, {s_run[1] / s_base[1]:.2f}x cpu"
                )
                if backend == "sqlite":
                    ok = ok and s_run[0] / s_base[0] <= 2 and s_same
    print("OK" if ok else "NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
