"""`geletterdheid preview`: a save shows up in the served site within a bounded wait; stopping is clean."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from websockets.sync.client import connect

from repo_paths import ROOTS

START_WAIT = 90  # seconds: the first build of the small tree (a busy 2-core machine is slow)
SAVE_WAIT = 30  # seconds: one module saved, its page served anew


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _poll(url: str, seconds: float, until: str) -> str:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            response = httpx.get(url, timeout=5)
            last = response.text
            if response.status_code == 200 and until in last:
                return last
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} toonde {until!r} niet binnen {seconds} s; laatst: {last[:200]!r}")


def test_a_saved_module_is_served_anew_and_preview_stops_cleanly(tmp_path: Path):
    tree = tmp_path / "inhoud"
    shutil.copytree(ROOTS / "test-minimal", tree)
    port = _free_port()
    out, err = (tmp_path / "out.txt").open("w"), (tmp_path / "err.txt").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "geletterdheid.cli", "--root", str(tree), "preview", "--port", str(port)],
        stdout=out,
        stderr=err,
    )
    page = f"http://127.0.0.1:{port}/modules/m01-basis.html"
    try:
        first = _poll(page, START_WAIT, "Nog meer tekst.")
        assert "/websocket-reload" in first  # the page reloads itself when the site was rebuilt
        other = tree / "_build" / "voorbeeld" / "html" / "modules" / "m02-vervolg.html"
        written = other.stat().st_mtime_ns

        module = tree / "modules" / "m01-basis.md"
        with connect(f"ws://127.0.0.1:{port}/websocket-reload") as browser:  # what the page's script listens to
            module.write_text(
                module.read_text(encoding="utf-8").replace("Nog meer tekst.", "Tekst van na het opslaan."),
                encoding="utf-8",
            )
            assert browser.recv(timeout=SAVE_WAIT) == "refresh"  # the browser is told to reload
        _poll(page, SAVE_WAIT, "Tekst van na het opslaan.")
        assert other.stat().st_mtime_ns == written  # incremental: the other module's page was not written again
    finally:
        process.send_signal(signal.SIGINT)
        try:
            code = process.wait(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
            out.close()
            err.close()
    stdout, stderr = (tmp_path / "out.txt").read_text(), (tmp_path / "err.txt").read_text()
    assert code == 0, stderr
    assert "Gewijzigd: modules/m01-basis.md" in stdout and stdout.rstrip().endswith("Voorvertoning gestopt.")
    assert "Traceback" not in stderr


def test_a_port_in_use_is_a_dutch_message(tmp_path: Path):
    tree = tmp_path / "inhoud"
    shutil.copytree(ROOTS / "test-minimal", tree)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "geletterdheid.cli", "--root", str(tree), "preview"] + ["--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert f"poort {port} op 127.0.0.1 is al in gebruik" in result.stderr and "Traceback" not in result.stderr
    assert not (tree / "_build").exists()  # nothing built


def test_a_second_rebuild_in_one_process_writes_only_what_changed(tmp_path: Path):
    """conf.py as the repository's (the shared settings imported from a module): a theme or extension
    that appends to those settings must not make the next build in the process write every page."""
    from geletterdheid.preview.rebuild import Rebuild

    tree = tmp_path / "inhoud"
    shutil.copytree(ROOTS / "test-minimal", tree)
    (tree / "conf.py").write_text("from geletterdheid.site_conf import *  # noqa: F403\n", encoding="utf-8")
    rebuild = Rebuild(root=tree, out=tmp_path / "voorbeeld")
    for _ in range(2):  # the first makes the environment; the second must find nothing to do
        assert rebuild(in_worker=False)
    other = tmp_path / "voorbeeld" / "html" / "modules" / "m02-vervolg.html"
    written = other.stat().st_mtime_ns
    module = tree / "modules" / "m01-basis.md"
    module.write_text(module.read_text(encoding="utf-8").replace("Nog meer tekst.", "Opgeslagen."), encoding="utf-8")
    assert rebuild(changed_paths=[module], in_worker=False)
    assert "Opgeslagen." in (tmp_path / "voorbeeld" / "html" / "modules" / "m01-basis.html").read_text(encoding="utf-8")
    assert other.stat().st_mtime_ns == written
