"""Benchmark: writing the workshop kit for the largest learning path, against the smallest, in the same run.

The target (issue 14): the kit for the largest learning path is written in under 10 s. The
baseline is the kit of a one-module workshop (m01) measured in the same run, so the ratio says
how the kit scales with the path; the absolute figure is what a trainer waits.

    .venv/bin/python bench/bench_workshop.py [--runs 3] [--duur 120]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from geletterdheid.content import catalog_or_exit  # noqa: E402
from geletterdheid.curriculum import required_modules  # noqa: E402
from geletterdheid.workshop.kit import Kit  # noqa: E402
from geletterdheid.workshop.plan import plan_workshop  # noqa: E402
from geletterdheid.workshop.write import write_kit  # noqa: E402

TARGET_SECONDS = 10.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duur", type=int, default=120)
    args = parser.parse_args()
    catalog = catalog_or_exit(REPO)
    largest = max(catalog.roles, key=lambda role: len(required_modules(catalog, [role])))
    cases = {
        "m01": [catalog.modules["m01"]],
        largest: required_modules(catalog, [largest]),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    files: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as temp:
        for run in range(args.runs):
            for name, modules in cases.items():
                started = time.perf_counter()
                plan = plan_workshop(catalog, modules, args.duur)
                written = write_kit(Kit(catalog, plan, "Gemeente Voorbeeld", "Workshop"), Path(temp) / f"{name}-{run}")
                times[name].append(time.perf_counter() - started)
                files[name] = len(written)
    base, big = statistics.median(times["m01"]), statistics.median(times[largest])
    print(f"kit m01 (1 module, {files['m01']} bestanden): mediaan {base:.2f} s over {args.runs} runs")
    print(
        f"kit {largest} ({len(cases[largest])} modules, {files[largest]} bestanden): mediaan {big:.2f} s "
        f"= {big / base:.1f}x de kit van m01"
    )
    verdict = "gehaald" if big < TARGET_SECONDS else "NIET gehaald"
    print(f"doel: grootste leerpad onder {TARGET_SECONDS:.0f} s: {verdict}")
    return 0 if big < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
