"""Benchmark: a clean `geletterdheid build --only html` (the site; bench_pdf.py measures the handbooks) against a plain `sphinx-build` of the same Markdown.

The baseline uses the same conf.py minus the geletterdheid extension (its roles and directives are
then unknown and left as plain text), so the ratio is the extension's cost. Both run as separate
processes, alternately, several times; the medians are compared. Target: ratio at most 1.15.

    .venv/bin/python bench/bench_build.py [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _baseline_confdir(work: Path) -> Path:
    confdir = work / "conf-plain"
    confdir.mkdir()
    conf = (REPO / "conf.py").read_text(encoding="utf-8")
    conf = conf.replace(', "geletterdheid.sphinxext"', "")
    assert "geletterdheid.sphinxext" not in conf, "could not remove the extension from conf.py"
    (confdir / "conf.py").write_text(conf, encoding="utf-8")
    return confdir


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"command failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        confdir = _baseline_confdir(work)
        ours, plain = [], []
        for run in range(args.runs):
            for name in ("ours", "plain"):
                out = work / f"{name}-{run}"
                if name == "ours":
                    ours.append(_timed([str(BIN / "geletterdheid"), "--root", str(REPO), "build", "--only", "html", "--out", str(out)]))
                else:
                    plain.append(_timed([str(BIN / "sphinx-build"), "-q", "-E", "-b", "html", "-c", str(confdir),
                                         str(REPO), str(out / "html"), "-d", str(out / "doctrees")]))
                shutil.rmtree(out, ignore_errors=True)
        ours_median, plain_median = statistics.median(ours), statistics.median(plain)
        ratio = ours_median / plain_median
        print(f"geletterdheid build : median {ours_median:.2f} s  runs {', '.join(f'{t:.2f}' for t in ours)}")
        print(f"plain sphinx-build  : median {plain_median:.2f} s  runs {', '.join(f'{t:.2f}' for t in plain)}")
        print(f"ratio               : {ratio:.3f} (target <= 1.15: {'gehaald' if ratio <= 1.15 else 'NIET gehaald'})")


if __name__ == "__main__":
    main()
