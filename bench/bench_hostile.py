"""Benchmark: time and peak memory of every hostile file the importers and `check` must survive.

Issue 12 asks: memory below 200 MB on every hostile file, a clear Dutch message (or a normal
import) and never a traceback. Each file is imported by a fresh process (the helper of the
tests, tests/records/peak_memory.py), so the figure is that command's own peak (VmHWM).

    python bench/bench_hostile.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from records import hostile_files  # noqa: E402
from records.peak_memory import run_measured  # noqa: E402

CONTENT = REPO / "tests" / "records" / "content"
BOUND_MIB = 200
ROSTER = "medewerker_id,naam,afdeling,rollen\r\nE1,Anna,IT,\r\n"


def alias_bomb_tree(folder: Path) -> Path:
    import shutil

    tree = folder / "inhoud"
    shutil.copytree(REPO / "tests" / "roots" / "test-minimal", tree)
    quiz = tree / "quizzes" / "m01.yaml"
    lines = ["a0: &a0 [lach, lach, lach, lach, lach, lach, lach, lach, lach]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    quiz.write_text("\n".join(lines) + "\n" + quiz.read_text(encoding="utf-8"), encoding="utf-8")
    return tree


def semicolon_line(folder: Path) -> Path:
    path = folder / "puntkomma.csv"
    path.write_bytes(ROSTER.encode() + b";" * (20 * 1024 * 1024) + b"\r\n")
    return path


def main() -> int:
    failed = []
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        db = folder / "bench.db"
        roster = folder / "personeel.csv"
        roster.write_text(ROSTER, encoding="utf-8")
        run_measured("--root", CONTENT, "roster", "import", roster, "--db", db)
        cases = [
            (make.__name__, ["responses", "import", make(folder)])
            for make in (
                hostile_files.declared_huge,
                hostile_files.zip_bomb,
                hostile_files.lying_zip_bomb,
                hostile_files.broken_sheet_xml,
                hostile_files.broken_workbook_xml,
                hostile_files.wide_cell,
                hostile_files.far_row,
                hostile_files.many_invalid_rows,
            )
        ]
        cases.append(("semicolon_line", ["roster", "import", semicolon_line(folder)]))
        for encoding in ("utf-16-le", "utf-32"):
            path = folder / f"{encoding}.csv"
            path.write_bytes(ROSTER.encode(encoding))
            cases.append((f"csv_{encoding}", ["roster", "import", path]))
        for name, args in cases:
            path = Path(args[-1])
            started = time.perf_counter()
            measured = run_measured("--root", CONTENT, *args, "--db", db)
            seconds = time.perf_counter() - started
            message = (measured.err or measured.out).strip().splitlines()[-1][:90]
            ok = measured.peak_mib < BOUND_MIB and "Interne fout" not in measured.err
            failed += [] if ok else [name]
            print(
                f"  {name:22} {path.stat().st_size / 1024:9.0f} KB  {seconds:5.1f} s  "
                f"peak {measured.peak_mib:4.0f} MB  exit {measured.code}  {message}"
            )
        started = time.perf_counter()
        measured = run_measured("--root", alias_bomb_tree(folder), "check")
        seconds = time.perf_counter() - started
        ok = measured.peak_mib < BOUND_MIB and measured.code == 1
        failed += [] if ok else ["alias_bomb"]
        name = "alias_bomb (check)"
        print(f"  {name:22} {'':9}     {seconds:5.1f} s  peak {measured.peak_mib:4.0f} MB  exit {measured.code}")
    print("OK" if not failed else f"NOT MET: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
