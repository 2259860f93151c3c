"""Check that mystmd (Jupyter Book 2) reads the export of `geletterdheid export-myst` without a warning.

Not a test: CI has no mystmd (an npm package), and its HTML build downloads the book theme from
api.mystmd.org, which this machine cannot reach. Run it where mystmd is installed:

    npm install mystmd            # or: npm install -g mystmd
    .venv/bin/geletterdheid export-myst --out /tmp/jb
    .venv/bin/python tools/check_myst_build.py /tmp/jb [--myst PATH]

It runs ``myst build --site`` and checks that every page of the toc was built, that the log has no
warning or error sign, and that a module's quiz came through as exercises with solutions. Exit 0 when
all of that holds (offline, a missing theme download is allowed), 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml


def toc_files(entries: list[dict]) -> list[str]:
    found: list[str] = []
    for entry in entries:
        if "file" in entry:
            found.append(entry["file"])
        found += toc_files(entry.get("children", []))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path, help="the folder export-myst wrote")
    parser.add_argument("--myst", default=shutil.which("myst"), help="the myst command (default: on the PATH)")
    args = parser.parse_args()
    if not args.myst:
        print("mystmd is niet geïnstalleerd (npm install mystmd), of geef --myst PAD", file=sys.stderr)
        return 1
    result = subprocess.run(
        [args.myst, "build", "--site"], cwd=args.project, capture_output=True, text=True, timeout=600
    )
    log = result.stdout + result.stderr
    pages = len(toc_files(yaml.safe_load((args.project / "myst.yml").read_text(encoding="utf-8"))["project"]["toc"]))
    problems = []
    if f"Built {pages} pages for project" not in log:
        problems.append(f"niet alle {pages} pagina's gebouwd")
    if re.search("\u26a0|\u274c|\u26d4", log):
        problems.append("waarschuwingen of fouten in het log")
    if result.returncode != 0 and "api.mystmd.org" not in log:
        problems.append(f"myst build eindigde met {result.returncode}")
    content = args.project / "_build" / "site" / "content" / "m16-bias-toetsen.json"
    if content.exists():
        text = json.dumps(json.loads(content.read_text(encoding="utf-8")))
        if not text.count('"type": "exercise"') == text.count('"type": "solution"') > 0:
            problems.append("de toets van m16 staat er niet als oefeningen met oplossingen in")
    else:
        problems.append(f"{content} ontbreekt")
    for problem in problems:
        print(problem, file=sys.stderr)
    print(log[-3000:] if problems else f"In orde: {pages} pagina's gelezen door mystmd.")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
