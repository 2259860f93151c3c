"""Benchmark: `geletterdheid preview`, from saving one module to its rebuilt HTML file being fresh,
against a from-scratch build of the same tree (`geletterdheid build --only html`) in the same run.

The tree is a copy of the repository's content (16 modules). The preview runs as its own process,
as an author starts it; the bench saves a module (a new sentence at its end), then polls the module's
HTML file until the sentence is in it. That is the whole wait an author has: the watcher noticing the
save, the worker process, reading the one page again, writing what changed. The from-scratch build
is what `geletterdheid build` always does (a fresh environment), also as its own process.
Goal: fresh within 2 s. Measured before this command: plain sphinx-build, incremental 2.3 s,
from scratch 6.0 s.

    .venv/bin/python bench/bench_preview.py [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONTENT = ("index.md", "conf.py", "docs", "modules", "quizzes")
GOAL_SECONDS = 2.0


def _copy_content(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in CONTENT:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("leerpaden", "__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "geletterdheid.cli", *args]


def from_scratch(tree: Path, out: Path) -> float:
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(
        _command("--root", str(tree), "build", "--only", "html", "--out", str(out)),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def _wait_for(path: Path, text: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if text in path.read_text(encoding="utf-8"):
                return
        except OSError:
            pass
        time.sleep(0.01)
    raise SystemExit(f"{path} had {text!r} not after {seconds} s")


def preview_saves(tree: Path, runs: int, log: Path) -> list[float]:
    module = sorted((tree / "modules").glob("*.md"))[0]
    page = tree / "_build" / "voorbeeld" / "html" / "modules" / module.with_suffix(".html").name
    with log.open("w") as output:
        process = subprocess.Popen(
            _command("--root", str(tree), "preview", "--port", str(_free_port())), stdout=output, stderr=output
        )
        try:
            _wait_for(log, "Voorvertoning op", 300)
            time.sleep(1.0)  # the watcher starts with the server
            times = []
            original = module.read_text(encoding="utf-8")
            for run in range(runs):
                marker = f"Meting {run} van de voorvertoning."
                module.write_text(f"{original}\n{marker}\n", encoding="utf-8")
                saved = time.perf_counter()
                _wait_for(page, marker, 60)
                times.append(time.perf_counter() - saved)
                time.sleep(1.0)  # let the rebuild finish its other pages before the next save
            return times
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as folder:
        work = Path(folder)
        scratch = [from_scratch(_copy_content(work / f"scratch-{run}"), work / f"out-{run}") for run in range(3)]
        saves = preview_saves(_copy_content(work / "preview"), args.runs, work / "preview.log")
        log_text = (work / "preview.log").read_text(encoding="utf-8")
    save, build = statistics.median(saves), statistics.median(scratch)
    print(f"preview, save -> fresh HTML: median {save:.2f} s (runs: {', '.join(f'{t:.2f}' for t in saves)})")
    print(
        f"from scratch (geletterdheid build --only html): median {build:.2f} s "
        f"(runs: {', '.join(f'{t:.2f}' for t in scratch)})"
    )
    print(f"ratio preview / from scratch: {save / build:.2f}")
    print("preview's own log (rebuild times):")
    print("".join(f"  {line}\n" for line in log_text.splitlines() if line.startswith(("Bijgewerkt", "Niet"))), end="")
    print(f"goal fresh within {GOAL_SECONDS:.0f} s: {'met' if save <= GOAL_SECONDS else 'NOT met'}")


if __name__ == "__main__":
    main()
