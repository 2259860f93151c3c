"""The deployment files in deploy/: the systemd unit passes systemd-analyze, and the command lines
of the unit and the Containerfile are ones ``geletterdheid`` accepts."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from geletterdheid.cli import build_parser
from repo_paths import REPO

DEPLOY = REPO / "deploy"


def _unit_exec_start() -> list[str]:
    line = next(
        line for line in (DEPLOY / "geletterdheid.service").read_text().splitlines() if line.startswith("ExecStart=")
    )
    return shlex.split(line.removeprefix("ExecStart="))


def test_the_systemd_unit_passes_systemd_analyze_verify(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed here; the unit is checked where it is")
    # The unit names the installed program; here that is the one of this virtual environment.
    unit = tmp_path / "geletterdheid.service"
    program = Path(sys.executable).with_name("geletterdheid")
    unit.write_text((DEPLOY / "geletterdheid.service").read_text().replace(_unit_exec_start()[0], str(program)))
    result = subprocess.run([analyze, "verify", str(unit)], capture_output=True, text=True, timeout=60)
    # systemd-analyze exits 0 even for settings it ignores; any line about our unit is a problem.
    complaints = [line for line in (result.stdout + result.stderr).splitlines() if "geletterdheid" in line]
    assert result.returncode == 0 and complaints == []


def test_the_unit_stops_with_sigterm_and_keeps_secrets_out_of_the_file():
    text = (DEPLOY / "geletterdheid.service").read_text()
    assert "KillSignal=SIGTERM" in text and "EnvironmentFile=/etc/geletterdheid/omgeving" in text
    assert not re.search(r"^Environment=GELETTERDHEID_(GEHEIM|HR_TOKEN)", text, re.M)


@pytest.mark.parametrize("source", ["unit", "Containerfile"])
def test_the_shipped_command_lines_are_accepted_by_geletterdheid(source):
    if source == "unit":
        arguments = _unit_exec_start()[1:]
    else:
        cmd = next(line for line in (DEPLOY / "Containerfile").read_text().splitlines() if line.startswith("CMD "))
        arguments = json.loads(cmd.removeprefix("CMD "))[1:]
    parsed = build_parser().parse_args(arguments)
    assert parsed.func.__name__ == "cmd_serve" and parsed.site == Path("/srv/geletterdheid/_build/html")


def test_the_proxy_examples_set_hsts_and_pass_the_real_client_address():
    nginx = (DEPLOY / "nginx.conf").read_text()
    assert 'Strict-Transport-Security "max-age=31536000; includeSubDomains" always' in nginx
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in nginx  # set, not appended
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in nginx
    caddy = (DEPLOY / "Caddyfile").read_text()
    assert "Strict-Transport-Security" in caddy and "reverse_proxy 127.0.0.1:8000" in caddy
