"""Benchmark: building all PDF handbooks against the HTML build, in the same run.

Each run does what `geletterdheid build` does, in one process: the HTML site (fresh Sphinx
environment), then the handbooks (the typst builder on the environment the HTML build left:
each module translated once per edition, Typst compiling two handbooks at once while the next
edition is translated). The PDF time is everything after the HTML build. Target: PDF time at
most 2x the HTML time.

    .venv/bin/python bench/bench_pdf.py [--runs 3] [--modules 16] [--workers N]

``--modules N`` benchmarks a synthetic content tree of N modules (copies of m01, spread over the
roles like a full curriculum: four for all staff, the rest for one or two roles each), so the
figure holds for the full curriculum while the real modules are still being written. The copies
take the file names of the repository's modules (m01-wat-is-ai.md ...), because the copied docs
(stappen.md, begrippen.md) link those pages; so N is at least the number of real modules.
Without it, the repository's own content is used.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from geletterdheid.content import Catalog, load_catalog  # noqa: E402
from geletterdheid.handbook.build import build_handbooks  # noqa: E402
from geletterdheid.handbook.render import default_workers  # noqa: E402
from geletterdheid.sphinx_run import run_sphinx  # noqa: E402

#: Processor time (all threads of this process) per run: less sensitive to other work on the machine.
CPU: dict[str, list[float]] = {"html": [], "pdf": []}


def synthetic_tree(target: Path, count: int) -> Path:
    """A content tree with ``count`` modules made from m01, with realistic role spread and prerequisites."""
    for name in ("conf.py", "index.md"):
        shutil.copy2(REPO / name, target / name)
    shutil.copytree(REPO / "docs", target / "docs", ignore=shutil.ignore_patterns("leerpaden"))
    (target / "modules").mkdir()
    (target / "quizzes").mkdir()
    module = (REPO / "modules" / "m01-wat-is-ai.md").read_text(encoding="utf-8")
    quiz = (REPO / "quizzes" / "m01.yaml").read_text(encoding="utf-8")
    roles = sorted(p.stem for p in (REPO / "docs" / "rollen").glob("*.md") if p.stem != "alle-medewerkers")
    names = real_module_names()
    for number in range(1, count + 1):
        mid = f"m{number:02d}"
        if number <= 4:
            role_list, requires = ["alle-medewerkers"], ([f"m{number - 1:02d}"] if number > 1 else [])
        else:
            role_list = sorted({roles[number % len(roles)], roles[(number + 2) % len(roles)]})
            requires = ["m04"]
        text = module.replace("id: m01", f"id: {mid}", 1)
        text = re.sub(r"^titel: (.*)$", rf"titel: \1 (deel {number})", text, count=1, flags=re.M)
        text = re.sub(r"^rollen: .*$", f"rollen: [{', '.join(role_list)}]", text, count=1, flags=re.M)
        text = re.sub(r"^vereist: .*$", f"vereist: [{', '.join(requires)}]", text, count=1, flags=re.M)
        text = text.replace("# Wat is AI?", f"# Wat is AI? (deel {number})", 1)
        (target / "modules" / names.get(mid, f"{mid}-wat-is-ai.md")).write_text(text, encoding="utf-8")
        (target / "quizzes" / f"{mid}.yaml").write_text(
            quiz.replace("module: m01", f"module: {mid}").replace("id: m01-q", f"id: {mid}-q"), encoding="utf-8"
        )
    return target


def real_module_names() -> dict[str, str]:
    """Module id -> file name of the repository's modules (``m05`` -> ``m05-ai-geletterdheid-artikel-4.md``)."""
    return {path.name.split("-")[0]: path.name for path in (REPO / "modules").glob("m*.md")}


def valid_catalog(root: Path) -> Catalog:
    catalog, problems = load_catalog(root)
    if catalog is None:
        sys.exit("content problems:\n" + "\n".join(problem.format(root) for problem in problems))
    return catalog


def one_run(root: Path, out: Path, workers: int) -> tuple[float, float, dict[str, float], int]:
    catalog = valid_catalog(root)
    start, cpu = time.perf_counter(), time.process_time()
    code, warnings = run_sphinx(root, out / "html", doctrees=out / ".doctrees")
    html = time.perf_counter() - start
    CPU["html"].append(time.process_time() - cpu)
    if code != 0:
        sys.exit(f"HTML build failed:\n{warnings}")
    start, cpu = time.perf_counter(), time.process_time()
    report = build_handbooks(root, out, catalog, list(catalog.roles), fresh_env=False, workers=workers)
    pdf = time.perf_counter() - start
    CPU["pdf"].append(time.process_time() - cpu)
    if not report.ok or report.warnings:
        sys.exit("PDF build failed:\n" + "\n".join(report.errors + report.warnings))
    return html, pdf, report.seconds, sum(result.pages for result in report.pdfs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--modules", type=int, default=0, help="synthetic tree with this many modules (0: the repository)"
    )
    parser.add_argument("--workers", type=int, default=default_workers())
    args = parser.parse_args()
    if args.modules and args.modules < len(real_module_names()):
        parser.error(f"--modules: at least {len(real_module_names())}, the modules the copied docs link to")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.modules:
            (work / "inhoud").mkdir()
            root = synthetic_tree(work / "inhoud", args.modules)
        else:
            root = REPO
        catalog = valid_catalog(root)
        htmls, pdfs, ratios = [], [], []
        for run in range(args.runs):
            out = work / f"out-{run}"
            html, pdf, steps, pages = one_run(root, out, args.workers)
            htmls.append(html)
            pdfs.append(pdf)
            ratios.append(pdf / html)
            detail = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in steps.items())
            print(
                f"run {run + 1}: html {html:.2f} s, pdf {pdf:.2f} s ({detail}); {pages} pages, ratio {pdf / html:.2f}"
            )
            shutil.rmtree(out, ignore_errors=True)
        ratio = statistics.median(ratios)
        source = f"synthetic tree, {args.modules} modules" if args.modules else "repository content"
        print(
            f"content        : {source}: {len(catalog.modules)} modules, {len(catalog.roles)} roles, "
            f"{2 * len(catalog.roles)} PDFs, {args.workers} worker(s)"
        )
        print(f"HTML build     : median {statistics.median(htmls):.2f} s")
        print(f"all PDFs       : median {statistics.median(pdfs):.2f} s")
        print(f"ratio PDF/HTML : {ratio:.2f} (target <= 2: {'gehaald' if ratio <= 2 else 'NIET gehaald'})")
        cpu_ratio = statistics.median(p / h for p, h in zip(CPU["pdf"], CPU["html"], strict=True))
        print(
            f"processor time : HTML median {statistics.median(CPU['html']):.2f} s, PDFs median "
            f"{statistics.median(CPU['pdf']):.2f} s, ratio {cpu_ratio:.2f} (all threads; for a busy machine)"
        )


if __name__ == "__main__":
    main()
