"""Benchmark: a clean `geletterdheid build --only html` against a plain `sphinx-build` of the same Markdown.

(bench_pdf.py measures the handbooks.)

The baseline uses the same settings minus the geletterdheid extension (its roles and directives are
then unknown and left as plain text), so the ratio is the extension's cost. Both run as separate
processes, alternately, several times; the medians are compared. Target: ratio at most 1.10.

Both baselines build the same pages as ours. The notebooks (docs/notebooks/*.ipynb) are pages that
plain Sphinx cannot read without a notebook extension; had the site used myst-nb, that extension would
be in the baseline too. Ours (sphinxext/notebooks.py) turns a notebook into MyST Markdown and parses
that, so the baseline's copy of the sources holds that same Markdown as a .md page per notebook.

That baseline lacks the quizzes, which the extension adds to every module page (some 190
questions with options, answers and explanations). A second baseline, "plain + quiz text", also has
each module's quiz appended as plain Markdown, so the same text is parsed, written and indexed: the
ratio against it is the cost of the extension's machinery.

    .venv/bin/python bench/bench_build.py [--runs 3] [--instructions]

Wall-clock times on a small shared machine vary from run to run, by up to 25% on the 2-core
machine this was last measured on: more than the target's margin. ``--instructions`` also counts the
instructions of one run of each under valgrind's callgrind (PYTHONHASHSEED=0): the same count every
time, so a change of a percent shows, and the target is checked on it too. It takes some 15 minutes.
"""

from __future__ import annotations

import argparse
import os
import re
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
    # The shared settings, less the extension (its roles and directives stay as plain text).
    conf += '\nextensions = [name for name in extensions if name != "geletterdheid.sphinxext"]  # noqa: F405\n'
    # The extension brings the template of this footer item (the "Naar boven" link): without it, no item.
    conf += (
        "\nhtml_theme_options = {**html_theme_options, "
        '"article_footer_items": [i for i in html_theme_options.get("article_footer_items", []) '
        'if i != "naar-boven.html"]}\n'
    )
    (confdir / "conf.py").write_text(conf, encoding="utf-8")
    return confdir


def _plain_sources(work: Path, name: str) -> Path:
    """A copy of the sources with each notebook also as the Markdown page our reader makes of it."""
    sys.path.insert(0, str(REPO / "src"))
    from geletterdheid.sphinxext.notebooks import SUFFIX, notebook_markdown

    target = work / name
    shutil.copytree(
        REPO, target, ignore=shutil.ignore_patterns(".git", ".venv", "_build", "tests", "bench", "*.egg-info")
    )
    for notebook in (target / "docs").rglob(f"*{SUFFIX}"):
        page = notebook.with_suffix(".md")
        page.write_text(notebook_markdown(notebook.read_text(encoding="utf-8"), notebook.name), encoding="utf-8")
    return target


def _sources_with_quiz_text(work: Path) -> Path:
    """A copy of the plain sources where each module ends with its quiz as plain Markdown."""
    from geletterdheid.content import catalog_or_exit

    catalog = catalog_or_exit(REPO)
    target = _plain_sources(work, "src-quiz-text")
    for module_id, path in catalog.module_paths.items():
        lines = ["", "## Toets jezelf", ""]
        for number, question in enumerate(catalog.quizzes[module_id].questions, start=1):
            if question.case:
                lines += [f"Casus: {question.case}", ""]
            lines += [f"**Vraag {number}. {question.text}**", ""]
            lines += [f"- {key.upper()}. {text}" for key, text in question.options.items()] + [""]
            lines += [f"Juist: {', '.join(question.correct)}. {question.explanation}", ""]
        copy = target / path.relative_to(REPO)
        copy.write_text(copy.read_text(encoding="utf-8") + "\n".join(lines), encoding="utf-8")
    return target


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"command failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    return elapsed


def _instructions(command: list[str]) -> int:
    """Instructions executed by ``command``, counted by callgrind."""
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    found = re.search(r"Collected\s*:\s*(\d+)", result.stderr)
    if result.returncode != 0 or not found:
        sys.exit(f"callgrind failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--instructions", action="store_true", help="also count instructions with callgrind")
    args = parser.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        sys.exit("--instructions needs valgrind")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        confdir = _baseline_confdir(work)

        def command(name: str, out: Path) -> list[str]:
            if name == "ours":
                return [str(BIN / "geletterdheid"), "--root", str(REPO), "build", "--only", "html", "--out", str(out)]
            sources = plain_sources if name == "plain" else quiz_sources
            return [
                str(BIN / "sphinx-build"),
                "-q",
                "-E",
                "-b",
                "html",
                "-c",
                str(confdir),
                str(sources),
                str(out / "html"),
                "-d",
                str(out / "doctrees"),
            ]

        # An untimed first build writes the generated learning-path pages into docs/leerpaden/ (so all
        # three builds read the same pages) and warms the file cache.
        _timed(command("ours", work / "warm-up"))
        plain_sources = _plain_sources(work, "src-plain")
        quiz_sources = _sources_with_quiz_text(work)

        times: dict[str, list[float]] = {"ours": [], "plain": [], "plain-quiz": []}
        for run in range(args.runs):
            for name, measured in times.items():
                out = work / f"{name}-{run}"
                measured.append(_timed(command(name, out)))
                shutil.rmtree(out, ignore_errors=True)
        ours, plain, plain_quiz = times["ours"], times["plain"], times["plain-quiz"]
        ours_median, plain_median = statistics.median(ours), statistics.median(plain)
        quiz_median = statistics.median(plain_quiz)
        ratio = ours_median / plain_median
        print(f"geletterdheid build      : median {ours_median:.2f} s  runs {', '.join(f'{t:.2f}' for t in ours)}")
        print(f"plain sphinx-build       : median {plain_median:.2f} s  runs {', '.join(f'{t:.2f}' for t in plain)}")
        print(
            f"plain + quiz text        : median {quiz_median:.2f} s  runs {', '.join(f'{t:.2f}' for t in plain_quiz)}"
        )
        print(
            f"ratio vs plain           : {ratio:.3f} (target <= 1.10: {'gehaald' if ratio <= 1.10 else 'NIET gehaald'})"
        )
        print(f"ratio vs plain+quiz text : {ours_median / quiz_median:.3f} (the extension's own cost)")
        print(f"quiz text alone          : {quiz_median / plain_median:.3f} (plain + quiz text vs plain: content)")
        if args.instructions:
            counts = {}
            for name in times:
                out = work / f"{name}-callgrind"
                counts[name] = _instructions(command(name, out))
                shutil.rmtree(out, ignore_errors=True)
            print(
                f"instructions             : ours {counts['ours'] / 1e9:.2f} G, plain {counts['plain'] / 1e9:.2f} G, "
                f"plain + quiz text {counts['plain-quiz'] / 1e9:.2f} G"
            )
            instruction_ratio = counts["ours"] / counts["plain"]
            print(
                f"instruction ratio        : {instruction_ratio:.3f} vs plain "
                f"(target <= 1.10: {'gehaald' if instruction_ratio <= 1.10 else 'NIET gehaald'}), "
                f"{counts['ours'] / counts['plain-quiz']:.3f} vs plain + quiz text, "
                f"quiz text alone {counts['plain-quiz'] / counts['plain']:.3f}"
            )


if __name__ == "__main__":
    main()
