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
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import signal
import subprocess
import sys
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


async def generate_load(host: str, port: int, requests: list[bytes], connections: int, duration: float):
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    errors: list[str] = []
    start = time.perf_counter()
    deadline = start + duration
    await asyncio.gather(
        *(_connection(host, port, requests, deadline, n * 97, latencies, statuses, errors) for n in range(connections))
    )
    return time.perf_counter() - start, latencies, statuses, errors


def start_server(site: Path, db_url: str, extra: list[str]) -> tuple[subprocess.Popen, str, int, list[str]]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GELETTERDHEID_")}
    env.update({"GELETTERDHEID_GEHEIM": SECRET, "PYTHONUNBUFFERED": "1"})
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
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
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


async def generate_toets_load(host, port, starts, submits, connections: int, duration: float):
    pairs: list[float] = []
    requests: list[float] = []
    statuses: dict[str, int] = {}
    errors: list[str] = []
    start = time.perf_counter()
    deadline = start + duration
    await asyncio.gather(
        *(
            _toets_connection(host, port, starts, submits, deadline, n * 61, pairs, requests, statuses, errors)
            for n in range(connections)
        )
    )
    return time.perf_counter() - start, pairs, requests, statuses, errors


def _stored_toets(db_url: str) -> tuple[int, int]:
    with Store.open(db_url) as store, store.engine.connect() as connection:
        sessions = connection.exec_driver_sql("SELECT count(*) FROM attempt_sessions").scalar_one()
        return store.counts()["attempts"], sessions


def run_toets(db_url: str, label: str, args: argparse.Namespace) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-toets-") as work:
        site = Path(work) / "site"
        site.mkdir()
        (site / "index.html").write_text("<!DOCTYPE html><html lang='nl'><title>bench</title></html>", encoding="utf-8")
        (site / MODE_FILE).write_text(mode_file_text("/api/pogingen"), encoding="utf-8")
        if db_url == "sqlite":
            db_url = f"sqlite:///{Path(work, 'bench-toets.db').as_posix()}"
        prepare_store(db_url)
        extra = ["--toets-per-dag", "0", "--toets-wachttijd", "0", *args.server_args]  # load, not limits
        process, host, port, output = start_server(site, db_url, extra)
        try:
            starts, submits = build_toets_requests(host, port)
            if args.warmup:
                asyncio.run(generate_toets_load(host, port, starts, submits, args.connections, args.warmup))
            before = _stored_toets(db_url)
            elapsed, pairs, requests, statuses, errors = asyncio.run(
                generate_toets_load(host, port, starts, submits, args.connections, args.duration)
            )
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        after = _stored_toets(db_url)
    pairs.sort()
    requests.sort()
    accepted = statuses.get("inleveren 201", 0)
    stored = (after[0] - before[0], after[1] - before[1])
    return {
        "database": label,
        "mode": "toets",
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
        "stored_attempts": stored[0],
        "stored_sessions": stored[1],
        "nothing_lost": stored == (accepted, accepted),
    }


def run(db_url: str, label: str, args: argparse.Namespace) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-server-") as work:
        site = Path(work) / "site"
        site.mkdir()
        (site / "index.html").write_text("<!DOCTYPE html><html lang='nl'><title>bench</title></html>", encoding="utf-8")
        if db_url == "sqlite":
            db_url = f"sqlite:///{Path(work, 'bench.db').as_posix()}"
        prepare_store(db_url)
        with Store.open(db_url) as store:
            stored_before = store.counts()["attempts"]
        process, host, port, output = start_server(site, db_url, args.server_args)
        try:
            requests = build_requests(host, port)
            if args.warmup:
                asyncio.run(generate_load(host, port, requests, args.connections, args.warmup))
                with Store.open(db_url) as store:
                    stored_before = store.counts()["attempts"]
            elapsed, latencies, statuses, errors = asyncio.run(
                generate_load(host, port, requests, args.connections, args.duration)
            )
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        with Store.open(db_url) as store:
            stored = store.counts()["attempts"] - stored_before
    latencies.sort()
    accepted = statuses.get(201, 0)
    return {
        "database": label,
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
        "stored": stored,
        "nothing_lost": stored == accepted,
    }


def _practice_line(result: dict) -> tuple[bool, str]:
    ok = result["accepted_per_second"] >= 500 and result["p99_ms"] < 100 and result["nothing_lost"]
    return ok, (
        f"{result['database']} oefenen: {result['accepted_per_second']} accepted/s, p99 {result['p99_ms']} ms, "
        f"stored {result['stored']} of {result['accepted']} accepted -> "
        f"{'meets' if ok else 'MISSES'} the target (>= 500/s, p99 < 100 ms, nothing lost)"
    )


def _toets_line(result: dict) -> tuple[bool, str]:
    ok = result["pairs_per_second"] >= 1000 and result["pair_p99_ms"] < 50 and result["nothing_lost"]
    return ok, (
        f"{result['database']} toets: {result['pairs_per_second']} start+inleveren pairs/s, pair p99 "
        f"{result['pair_p99_ms']} ms (request p99 {result['request_p99_ms']} ms), stored "
        f"{result['stored_attempts']} attempts of {result['statuses'].get('inleveren 201', 0)} accepted -> "
        f"{'meets' if ok else 'MISSES'} the target (>= 1,000 pairs/s, p99 < 50 ms, nothing lost)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="sqlite", help="'sqlite' (temporary file, default) or a PostgreSQL URL")
    parser.add_argument("--mode", choices=["oefenen", "toets", "beide"], default="beide", help="which run(s)")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of load (default 30)")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of load before measuring (default 2)")
    parser.add_argument("--connections", type=int, default=16, help="concurrent keep-alive connections (default 16)")
    parser.add_argument("--server-args", nargs=argparse.REMAINDER, default=[], help="extra options for serve")
    args = parser.parse_args()
    runs = []
    if args.mode in ("oefenen", "beide"):
        runs.append((run, _practice_line))
    if args.mode in ("toets", "beide"):
        runs.append((run_toets, _toets_line))
    lines, all_kept = [], True
    for function, line in runs:
        if args.db == "sqlite":
            result = function("sqlite", "SQLite", args)
        else:
            with fresh_store_url(Path(tempfile.gettempdir()), args.db) as url:
                result = function(url, "PostgreSQL", args)
        print(json.dumps(result, indent=2, ensure_ascii=False))
        lines.append(line(result)[1])
        all_kept = all_kept and result["nothing_lost"]
    print("\n".join(lines))
    return 0 if all_kept else 1


if __name__ == "__main__":
    sys.exit(main())
