"""Benchmark: many gemeente projects built in one `geletterdheid build --project ... --out OUT` against one build.

Issue 11 asks: 20 gemeenten (different names, colours, forum addresses, one local module each) in
at most 6x the time of one gemeente's build. Both are measured in this run, as a user runs them
(a fresh `geletterdheid` process each), on projects made with `geletterdheid init`.

    .venv/bin/python bench/bench_gemeenten.py [--gemeenten 20] [--only html|pdf]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: The local module (with its quiz) the tests use too.
LOCAL = Path(__file__).resolve().parents[1] / "tests" / "roots" / "gemeente-lokaal"

#: Primary colours with a contrast of at least 4.5:1 against white.
COLOURS = ("#00589c", "#8b0000", "#2e5e1e", "#5b2a86", "#7a3e00", "#1f4e5f", "#6b2146", "#264653")


def make_projects(work: Path, count: int) -> list[Path]:
    projects = []
    for number in range(1, count + 1):
        folder = work / f"gemeente{number:02d}"
        name = f"Gemeente Proefdorp {number}"
        subprocess.run(
            [sys.executable, "-m", "geletterdheid.cli", "init", str(folder), "--gemeente", name],
            check=True,
            capture_output=True,
        )
        settings = folder / "gemeente.toml"
        text = settings.read_text(encoding="utf-8").replace(
            "https://forum.gemeente.example/c/", f"https://forum.proefdorp{number}.nl/c/"
        )
        settings.write_text(text + f'\n[huisstijl]\nkleur = "{COLOURS[number % len(COLOURS)]}"\n', encoding="utf-8")
        local = (LOCAL / "modules" / "t01-ai-in-testdorp.md").read_text(encoding="utf-8")
        (folder / "modules" / "t01-lokaal.md").write_text(local.replace("onderwerp: basis", "onderwerp: basiskennis"))
        (folder / "quizzes" / "t01.yaml").write_bytes((LOCAL / "quizzes" / "t01.yaml").read_bytes())
        projects.append(folder)
    return projects


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"mislukt: {' '.join(command)}\n{result.stderr[-2000:]}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gemeenten", type=int, default=20)
    parser.add_argument("--only", choices=["html", "pdf"], default=None)
    args = parser.parse_args()
    only = ["--only", args.only] if args.only else []
    build = [sys.executable, "-m", "geletterdheid.cli", "build", *only]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        projects = make_projects(work, args.gemeenten)
        one = timed(build, projects[0])
        many = timed([*build, *(f"--project={p}" for p in projects), "--out", str(work / "alle")], work)
    ratio = many / one
    print(f"one gemeente    : {one:.2f} s")
    print(f"{args.gemeenten} gemeenten    : {many:.2f} s ({many / args.gemeenten:.2f} s each)")
    verdict = "gehaald" if ratio <= 6 else "NIET gehaald"
    print(f"ratio           : {ratio:.2f} (target <= 6 for 20: {verdict})")


if __name__ == "__main__":
    main()
