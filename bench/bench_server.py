"""Load benchmark of ``geletterdheid serve``: quiz submissions per second, p99 latency, nothing lost.

Starts the real server (``geletterdheid serve --port 0``) on loopback with a store holding
1,000 employees, then a load generator in this process sends ``POST /api/pogingen`` with a
personal-link token and random answers to the m01 quiz, for a fixed time (default 30 s), over a
bounded number of keep-alive connections (closed loop: each connection waits for its answer before
sending the next). Afterwards the server is stopped and the stored attempts are counted: every
accepted (201) submission must be in the store.

    .venv/bin/python bench/bench_server.py                      # SQLite in a temporary folder
    .venv/bin/python bench/bench_server.py --db postgresql+psycopg://postgres@127.0.0.1:5432/test
    .venv/bin/python bench/bench_server.py --duration 10 --connections 32

With a PostgreSQL URL the benchmark works in a schema of its own and drops it afterwards.
Target (issue 6): at least 500 accepted submissions/s with p99 under 100 ms on 2 cores.

Toets mode (issue 13, ``--mode toets``; ``--mode beide``, the default, runs both, practice first, so
the two figures come from the same machine at the same time): the site is a toets site and each
connection takes toetsen as a browser does, ``POST /api/pogingen/start`` then
``POST /api/pogingen/<id>`` with random answers, one pair after the other. Counted: pairs per second
and the latency of a whole pair (p50/p99) and of each request; afterwards every accepted submission
must be in the store, once. Target: at least 1,000 pairs/s with p99 of a pair under 50 ms, and the
practice figure not lower than without toets mode (1,296/s, p99 25 ms measured before).

Baseline (the machine is shared, so figures from another time say little): every run also measures
the server of another git revision (``--baseline``, default ``main``) on the same load, its runs
interleaved with this tree's, and prints the ratio of the medians (``--repeat`` runs each). The
baseline runs its own code (``git archive`` of its ``src/``) in this environment, without the
accelerators its constraints.txt does not pin (httptools, uvloop: uvicorn would otherwise pick
them up by itself). Also counted: the server's processor time per accepted submission or pair
(from /proc), which the other work on the machine disturbs much less than the rate.

    .venv/bin/python bench/bench_server.py --repeat 3 --baseline main
    .venv/bin/python bench/bench_server.py --db postgresql+psycopg://postgres@127.0.0.1:5432/test --processes 2

``--processes 2`` (PostgreSQL only) runs two server processes on one database, the connections
shared between them; nothing lost is then counted over both.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).parent))

from geletterdheid.content import catalog_or_exit  # noqa: E402
from geletterdheid.records import Employee  # noqa: E402
from geletterdheid.records.store import Store  # noqa: E402
from geletterdheid.server.identity import make_token  # noqa: E402
from geletterdheid.site_mode import MODE_FILE, mode_file_text  # noqa: E402
from synthetic import fresh_store_url  # noqa: E402

SECRET = "bench-geheim-0123456789abcdef"
EMPLOYEES = 1000
QUIZ_ID = "m01"
_ADDRESS = re.compile(r"Server draait op http://([\d.]+):(\d+)/")


def _answers(quiz, rng: random.Random) -> dict[str, list[str]]:
    answers = {}
    for question in quiz.questions:
        keys = list(question.options)
        if question.type == "meervoudig":
            answers[question.id] = sorted(rng.sample(keys, rng.randint(0, len(keys))))
        elif rng.random() < 0.95:
            answers[question.id] = [rng.choice(keys)]
    return answers


def build_requests(host: str, port: int, count: int = 2000) -> list[bytes]:
    """Ready-to-send HTTP/1.1 requests: different employees, different answers."""
    quiz = catalog_or_exit(REPO).quizzes[QUIZ_ID]
    rng = random.Random(6)
    expires = int(time.time()) + 3600
    tokens = [make_token(SECRET.encode(), f"B{n:05d}", expires) for n in range(EMPLOYEES)]
    requests = []
    for n in range(count):
        body = json.dumps({"quiz": QUIZ_ID, "antwoorden": _answers(quiz, rng)}).encode()
        head = (
            f"POST /api/pogingen HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
            f"Authorization: Bearer {tokens[n % EMPLOYEES]}\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        requests.append(head.encode() + body)
    return requests


async def _connection(
    host: str,
    port: int,
    requests: list[bytes],
    deadline: float,
    offset: int,
    latencies: list[float],
    statuses: dict[int, int],
    errors: list[str],
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    index = offset
    try:
        while time.perf_counter() < deadline:
            request = requests[index % len(requests)]
            index += 1
            start = time.perf_counter()
            writer.write(request)
            status_line = await reader.readline()
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - start)
            status = int(status_line.split()[1])
            statuses[status] = statuses.get(status, 0) + 1
    except (OSError, asyncio.IncompleteReadError, ValueError, IndexError) as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        writer.close()


async def generate_load(servers: list[tuple[str, int]], requests: list[bytes], connections: int, duration: float):
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    errors: list[str] = []
    start = time.perf_counter()
    deadline = start + duration
    await asyncio.gather(
        *(
            _connection(*servers[n % len(servers)], requests, deadline, n * 97, latencies, statuses, errors)
            for n in range(connections)
        )
    )
    return time.perf_counter() - start, latencies, statuses, errors


def start_server(
    site: Path, db_url: str, extra: list[str], src: Path | None = None
) -> tuple[subprocess.Popen, str, int, list[str]]:
    """``src``: a baseline's code (and its hidden packages: baseline_tree) instead of this tree's."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GELETTERDHEID_")}
    env.update({"GELETTERDHEID_GEHEIM": SECRET, "PYTHONUNBUFFERED": "1"})
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(src / "hidden"), str(src / "src")])
    command = [
        sys.executable,
        "-m",
        "geletterdheid.cli",
        "--root",
        str(REPO),
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--site",
        str(site),
        "--db",
        db_url,
        *extra,
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=src or REPO
    )
    output: list[str] = []
    found = threading.Event()
    address: list[tuple[str, int]] = []

    def read() -> None:
        for line in process.stdout:
            output.append(line.rstrip())
            match = _ADDRESS.search(line)
            if match and not address:
                address.append((match.group(1), int(match.group(2))))
                found.set()
        found.set()

    threading.Thread(target=read, daemon=True).start()
    found.wait(60)
    if not address:
        process.kill()
        sys.exit("server did not start:\n" + "\n".join(output))
    return process, *address[0], output


def prepare_store(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.upsert_employees(
            [Employee(f"B{n:05d}", f"Medewerker {n}", f"Afdeling {n % 12}", ()) for n in range(EMPLOYEES)]
        )


def _percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    status_line = await reader.readline()
    length = 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
    return int(status_line.split()[1]), await reader.readexactly(length)


def build_toets_requests(host: str, port: int, count: int = 2000) -> tuple[list[bytes], list[tuple[bytes, bytes]]]:
    """Start requests (one per employee) and, per pair, the head and body of its submission."""
    quiz = catalog_or_exit(REPO).quizzes[QUIZ_ID]
    rng = random.Random(13)
    expires = int(time.time()) + 3600
    starts, submits = [], []
    body = json.dumps({"quiz": QUIZ_ID}).encode()
    for n in range(EMPLOYEES):
        token = make_token(SECRET.encode(), f"B{n:05d}", expires)
        head = (
            f"POST /api/pogingen/start HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
            f"Authorization: Bearer {token}\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        starts.append(head.encode() + body)
        answers = json.dumps({"antwoorden": _answers(quiz, rng)}).encode()
        submit_head = (
            f"HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
            f"Authorization: Bearer {token}\r\nContent-Length: {len(answers)}\r\n\r\n"
        )
        submits.append((submit_head.encode(), answers))
    return starts, submits


async def _toets_connection(host, port, starts, submits, deadline, offset, pairs, requests, statuses, errors) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    index = offset
    try:
        while time.perf_counter() < deadline:
            employee = index % len(starts)
            index += 1
            begin = time.perf_counter()
            writer.write(starts[employee])
            status, body = await _read_response(reader)
            started = time.perf_counter()
            requests.append(started - begin)
            statuses[f"start {status}"] = statuses.get(f"start {status}", 0) + 1
            if status != 201:
                continue
            attempt = json.loads(body)["poging"]
            head, answers = submits[employee]
            writer.write(f"POST /api/pogingen/{attempt} ".encode() + head + answers)
            status, _ = await _read_response(reader)
            done = time.perf_counter()
            requests.append(done - started)
            pairs.append(done - begin)
            statuses[f"inleveren {status}"] = statuses.get(f"inleveren {status}", 0) + 1
    except (OSError, asyncio.IncompleteReadError, ValueError, IndexError, KeyError) as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        writer.close()


async def generate_toets_load(servers, starts, submits, connections: int, duration: float):
    pairs: list[float] = []
    requests: list[float] = []
    statuses: dict[str, int] = {}
    errors: list[str] = []
    start = time.perf_counter()
    deadline = start + duration
    await asyncio.gather(
        *(
            _toets_connection(
                *servers[n % len(servers)], starts, submits, deadline, n * 61, pairs, requests, statuses, errors
            )
            for n in range(connections)
        )
    )
    return time.perf_counter() - start, pairs, requests, statuses, errors


def _stored_toets(db_url: str) -> tuple[int, int]:
    with Store.open(db_url) as store, store.engine.connect() as connection:
        sessions = connection.exec_driver_sql("SELECT count(*) FROM attempt_sessions").scalar_one()
        return store.counts()["attempts"], sessions


def _cpu_seconds(pid: int) -> float | None:
    """User and system time of a process so far (Linux /proc), or None where there is no /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def running_servers(site: Path, db_url: str, extra: list[str], count: int, src: Path | None):
    """``count`` server processes on one database; yields their addresses and pids."""
    started = []
    try:
        for _ in range(count):
            process, host, port, _output = start_server(site, db_url, extra, src)
            started.append((process, host, port))
        yield [(host, port) for _, host, port in started], [process.pid for process, _, _ in started]
    finally:
        for process, _, _ in started:
            process.send_signal(signal.SIGINT)
        for process, _, _ in started:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def _site(work: str, toets: bool) -> Path:
    site = Path(work) / "site"
    site.mkdir()
    (site / "index.html").write_text("<!DOCTYPE html><html lang='nl'><title>bench</title></html>", encoding="utf-8")
    if toets:
        (site / MODE_FILE).write_text(mode_file_text("/api/pogingen"), encoding="utf-8")
    return site


def _measured(pids: list[int], load):
    """Run ``load()`` and count the servers' processor time meanwhile: (its result, CPU seconds or None)."""
    before = [_cpu_seconds(pid) for pid in pids]
    result = load()
    after = [_cpu_seconds(pid) for pid in pids]
    if None in before or None in after:
        return result, None
    return result, sum(a - b for a, b in zip(after, before, strict=True))  # type: ignore[operator]


def run_toets(db_url: str, label: str, args: argparse.Namespace, src: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-toets-") as work:
        site = _site(work, toets=True)
        if db_url == "sqlite":
            db_url = f"sqlite:///{Path(work, 'bench-toets.db').as_posix()}"
        prepare_store(db_url)
        extra = ["--toets-per-dag", "0", "--toets-wachttijd", "0", *args.server_args]  # load, not limits
        with running_servers(site, db_url, extra, args.processes, src) as (servers, pids):
            starts, submits = build_toets_requests(*servers[0])
            if args.warmup:
                asyncio.run(generate_toets_load(servers, starts, submits, args.connections, args.warmup))
            before = _stored_toets(db_url)
            (elapsed, pairs, requests, statuses, errors), cpu = _measured(
                pids,
                lambda: asyncio.run(generate_toets_load(servers, starts, submits, args.connections, args.duration)),
            )
        after = _stored_toets(db_url)
    pairs.sort()
    requests.sort()
    accepted = statuses.get("inleveren 201", 0)
    stored = (after[0] - before[0], after[1] - before[1])
    return {
        "database": label,
        "mode": "toets",
        "processes": args.processes,
        "seconds": round(elapsed, 2),
        "connections": args.connections,
        "pairs": len(pairs),
        "statuses": statuses,
        "errors": errors[:5],
        "pairs_per_second": round(accepted / elapsed, 1),
        "pair_p50_ms": round(1000 * _percentile(pairs, 0.50), 2),
        "pair_p99_ms": round(1000 * _percentile(pairs, 0.99), 2),
        "request_p99_ms": round(1000 * _percentile(requests, 0.99), 2),
        "max_ms": round(1000 * pairs[-1], 2) if pairs else None,
        "server_cpu_ms_per_pair": round(1000 * cpu / accepted, 3) if cpu is not None and accepted else None,
        "stored_attempts": stored[0],
        "stored_sessions": stored[1],
        "nothing_lost": stored == (accepted, accepted),
    }


def run(db_url: str, label: str, args: argparse.Namespace, src: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-server-") as work:
        site = _site(work, toets=False)
        if db_url == "sqlite":
            db_url = f"sqlite:///{Path(work, 'bench.db').as_posix()}"
        prepare_store(db_url)
        with running_servers(site, db_url, args.server_args, args.processes, src) as (servers, pids):
            requests = build_requests(*servers[0])
            if args.warmup:
                asyncio.run(generate_load(servers, requests, args.connections, args.warmup))
            with Store.open(db_url) as store:
                stored_before = store.counts()["attempts"]
            (elapsed, latencies, statuses, errors), cpu = _measured(
                pids, lambda: asyncio.run(generate_load(servers, requests, args.connections, args.duration))
            )
        with Store.open(db_url) as store:
            stored = store.counts()["attempts"] - stored_before
    latencies.sort()
    accepted = statuses.get(201, 0)
    return {
        "database": label,
        "mode": "oefenen",
        "processes": args.processes,
        "seconds": round(elapsed, 2),
        "connections": args.connections,
        "requests": len(latencies),
        "accepted": accepted,
        "other_statuses": {k: v for k, v in statuses.items() if k != 201},
        "errors": errors[:5],
        "accepted_per_second": round(accepted / elapsed, 1),
        "p50_ms": round(1000 * _percentile(latencies, 0.50), 2),
        "p90_ms": round(1000 * _percentile(latencies, 0.90), 2),
        "p99_ms": round(1000 * _percentile(latencies, 0.99), 2),
        "max_ms": round(1000 * latencies[-1], 2) if latencies else None,
        "server_cpu_ms_per_pair": round(1000 * cpu / accepted, 3) if cpu is not None and accepted else None,
        "stored": stored,
        "nothing_lost": stored == accepted,
    }


#: Per mode: the rate, its p99 and the target.
_FIGURES = {
    "oefenen": ("accepted_per_second", "p99_ms", "accepted/s", 500, 100),
    "toets": ("pairs_per_second", "pair_p99_ms", "start+inleveren pairs/s", 1000, 50),
}


def _median(results: list[dict], key: str) -> float | None:
    values = [result[key] for result in results if result.get(key) is not None]
    return round(statistics.median(values), 3) if values else None


def summary_line(mode: str, label: str, results: list[dict], baseline: list[dict], baseline_name: str) -> str:
    rate, p99, unit, target_rate, target_p99 = _FIGURES[mode]
    kept = all(result["nothing_lost"] for result in results)
    median_rate, median_p99 = _median(results, rate), _median(results, p99)
    cpu = _median(results, "server_cpu_ms_per_pair")
    ok = kept and median_rate is not None and median_rate >= target_rate and median_p99 < target_p99
    processes = results[0]["processes"]
    line = (
        f"{label}{f' x{processes} processes' if processes > 1 else ''} {mode}: median of {len(results)}: "
        f"{median_rate} {unit}, p99 {median_p99} ms, server CPU {cpu} ms per submission"
        f"{'' if mode == 'oefenen' else ' pair'}, {'nothing lost' if kept else 'LOST SUBMISSIONS'} -> "
        f"{'meets' if ok else 'MISSES'} the target (>= {target_rate:,}/s, p99 < {target_p99} ms, nothing lost)"
    )
    if baseline:
        base_rate, base_p99 = _median(baseline, rate), _median(baseline, p99)
        base_cpu = _median(baseline, "server_cpu_ms_per_pair")
        line += (
            f"\n  baseline {baseline_name}: {base_rate} {unit}, p99 {base_p99} ms, server CPU {base_cpu} ms; "
            f"ratio {median_rate / base_rate:.2f}x rate, {median_p99 / base_p99:.2f}x p99"
            + (f", {cpu / base_cpu:.2f}x CPU" if cpu and base_cpu else "")
            + ("" if all(result["nothing_lost"] for result in baseline) else " (baseline LOST SUBMISSIONS)")
        )
    return line


#: Packages that make the server faster by being installed (uvicorn picks them up by itself): a
#: baseline whose constraints.txt does not pin one runs without it, as it was installed.
_ACCELERATORS = ("httptools", "uvloop")


@contextlib.contextmanager
def baseline_tree(revision: str):
    """The ``src/`` of ``revision`` in a temporary folder, with stand-ins that hide the accelerators
    its constraints do not pin; yields the folder, or None for ``--baseline none``."""
    if revision == "none":
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="bench-baseline-") as work:
        folder = Path(work)
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", "--format=tar", revision, "src", "constraints.txt"],
            check=True,
            capture_output=True,
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        pinned = (folder / "constraints.txt").read_text(encoding="utf-8").lower()
        for name in _ACCELERATORS:
            if f"\n{name}==" not in pinned:
                stand_in = folder / "hidden" / name
                stand_in.mkdir(parents=True)
                (stand_in / "__init__.py").write_text(f"raise ImportError('{name}: not installed at the baseline')\n")
        yield folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="sqlite", help="'sqlite' (temporary file, default) or a PostgreSQL URL")
    parser.add_argument("--mode", choices=["oefenen", "toets", "beide"], default="beide", help="which run(s)")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of load (default 30)")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of load before measuring (default 2)")
    parser.add_argument("--connections", type=int, default=16, help="concurrent keep-alive connections (default 16)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each, medians reported (default 1)")
    parser.add_argument(
        "--baseline", default="main", metavar="REV", help="git revision measured alongside ('none': no baseline)"
    )
    parser.add_argument(
        "--processes", type=int, default=1, help="server processes on the one database (PostgreSQL only for > 1)"
    )
    parser.add_argument("--server-args", nargs=argparse.REMAINDER, default=[], help="extra options for serve")
    args = parser.parse_args()
    if args.processes > 1 and args.db == "sqlite":
        parser.error("--processes > 1 needs PostgreSQL (--db): SQLite is for one server")
    modes = {"oefenen": ["oefenen"], "toets": ["toets"], "beide": ["oefenen", "toets"]}[args.mode]
    function = {"oefenen": run, "toets": run_toets}
    label = "SQLite" if args.db == "sqlite" else "PostgreSQL"
    lines, all_kept = [], True
    with baseline_tree(args.baseline) as base:
        for mode in modes:
            results: list[dict] = []
            baseline: list[dict] = []
            for _ in range(args.repeat):
                for src, collected in ((None, results), *(((base, baseline),) if base else ())):
                    if args.db == "sqlite":
                        result = function[mode]("sqlite", label, args, src)
                    else:
                        with fresh_store_url(Path(tempfile.gettempdir()), args.db) as url:
                            result = function[mode](url, label, args, src)
                    result["server"] = "this tree" if src is None else f"baseline {args.baseline}"
                    print(json.dumps(result, ensure_ascii=False), flush=True)
                    collected.append(result)
            lines.append(summary_line(mode, label, results, baseline, args.baseline))
            all_kept = all_kept and all(result["nothing_lost"] for result in results + baseline)
    print("\n".join(lines))
    return 0 if all_kept else 1


if __name__ == "__main__":
    sys.exit(main())
