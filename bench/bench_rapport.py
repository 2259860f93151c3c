"""Benchmark: `geletterdheid rapport` on a realistic gemeente, against `geletterdheid progress` on the same store.

Issue 15 asks: on 1,000 employees in 6 departments, 3 AI systems and a year of attempts, the dossier
(rapport.html, rapport.pdf and rapport.json) in under 10 s. The fixture is bench/synthetic.py's
fill_municipality with the shipped content and the first three systems of the example inventory.

Measured, best of --repeat runs, each in a fresh process:

* in process: what ``cmd_rapport`` does once the content is read (the dossier's figures from the
  store, the three views, writing the files), against what ``cmd_progress`` does (the same
  store read through completions and progress_by, the table formatted): the ratio says what the
  dossier costs on top of the progress report it is built on;
* the command as a user runs it (a new ``geletterdheid`` process, reading the content, with the
  example inventory of the repository), against ``geletterdheid progress`` the same way.

    python bench/bench_rapport.py [--employees 1000] [--repeat 3] [--postgresql URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import Timer, backends, fill_municipality, fresh_store_url, in_child

REPO = Path(__file__).resolve().parents[1]
END = dt.date(2026, 11, 30)
PERIOD = "2025-12-01..2026-11-30"
TARGET_SECONDS = 10.0


def _catalog():
    import dataclasses

    from geletterdheid.content import catalog_or_exit

    catalog = catalog_or_exit(REPO)
    assert catalog.inventory is not None
    three = catalog.inventory.model_copy(update={"systems": catalog.inventory.systems[:3]})
    return dataclasses.replace(catalog, inventory=three)


def fill(url: str, employees: int) -> tuple[int, int, int]:
    from geletterdheid.records.store import Store

    catalog = _catalog()
    with Store.open(url) as store:
        attempts = fill_municipality(store, catalog, employees=employees, end=END)
        people = store.employees(as_of=END)
    return attempts, len(people), len({person.department for person in people})


def rapport(url: str, out: str) -> tuple[float, float, int]:
    from geletterdheid.records.store import Store
    from geletterdheid.reports.dossier import Period, dossier_of
    from geletterdheid.reports.dossier_commands import write_files
    from geletterdheid.reports.dossier_html import render_html
    from geletterdheid.reports.dossier_json import as_json
    from geletterdheid.reports.dossier_pdf import compile_pdf

    catalog = _catalog()
    with Store.open(url) as store, Timer() as timer:
        dossier = dossier_of(
            store, catalog, Period(dt.date(2025, 12, 1), END), "Gemeente Bench", today=END + dt.timedelta(days=1)
        )
        files = {
            "rapport.html": render_html(dossier).encode(),
            "rapport.pdf": compile_pdf(dossier),
            "rapport.json": as_json(dossier).encode(),
        }
        write_files(Path(out), files)
    return timer.seconds, timer.cpu, len(dossier.systems)


def progress(url: str) -> tuple[float, float]:
    from geletterdheid.records.store import Store
    from geletterdheid.records.workshops import attended_modules
    from geletterdheid.reports.completion import completions
    from geletterdheid.reports.progress import format_table, progress_by

    catalog = _catalog()
    titles = {role_id: role.title for role_id, role in catalog.roles.items()}
    with Store.open(url) as store, Timer() as timer:
        items = completions(catalog, store.employees(), store.module_progress(), attended=attended_modules(store))
        format_table(progress_by(items, "afdeling", titles), "afdeling")
    return timer.seconds, timer.cpu


def command(*args: str) -> float:
    """Wall seconds of one ``geletterdheid`` process (content read from the repository)."""
    executable = Path(sys.executable).with_name("geletterdheid")
    start = time.perf_counter()
    subprocess.run([str(executable), "--root", str(REPO), *args], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgresql", metavar="URL", help="also measure against this PostgreSQL database")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as temp:
        temp_path = Path(temp)
        for backend, base in backends(args.postgresql):
            with fresh_store_url(temp_path, base) as url:
                attempts, people, departments = in_child(fill, url, args.employees)
                out = temp_path / f"dossier-{backend}"
                out.mkdir()
                runs = [in_child(rapport, url, str(out)) for _ in range(args.repeat)]
                baselines = [in_child(progress, url) for _ in range(args.repeat)]
                wall, cpu, systems = min(r[0] for r in runs), min(r[1] for r in runs), runs[0][2]
                base_wall, base_cpu = min(b[0] for b in baselines), min(b[1] for b in baselines)
                print(
                    f"{backend}: {people} employees in service, {departments} departments, {systems} systems, "
                    f"{attempts:,} attempts over a year"
                )
                print(
                    f"  in process: rapport {wall:.2f} s (cpu {cpu:.2f} s), progress {base_wall:.2f} s "
                    f"(cpu {base_cpu:.2f} s): ratio {wall / base_wall:.1f}, best of {args.repeat}"
                )
                cli = min(command("rapport", "--db", url, "--periode", PERIOD, "--out", str(out)) for _ in range(2))
                cli_base = min(command("progress", "--db", url) for _ in range(2))
                print(
                    f"  as a command: geletterdheid rapport {cli:.2f} s, geletterdheid progress {cli_base:.2f} s: "
                    f"ratio {cli / cli_base:.1f} (target: rapport < {TARGET_SECONDS:.0f} s)"
                )
                written = sorted(path.name for path in out.iterdir())
                ok = ok and cli < TARGET_SECONDS and written == ["rapport.html", "rapport.json", "rapport.pdf"]
    print("OK" if ok else "NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
