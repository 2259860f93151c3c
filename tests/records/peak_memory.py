"""Peak memory of one CLI command, measured in a process of its own (so nothing else the tests do counts).

The child reports its own peak resident memory: VmHWM from /proc/self/status on Linux, because
getrusage's ru_maxrss there includes the peak of the parent at the time of the fork; elsewhere
ru_maxrss.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

#: The child may not use more than this address space: a regression fails with MemoryError there
#: instead of taking the (shared) machine down.
ADDRESS_SPACE_LIMIT = 2 * 1024**3

_CHILD = """
import io, json, resource, sys, contextlib
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
from geletterdheid.cli import main
out, err = io.StringIO(), io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
    code = main(json.loads(sys.argv[1]))
def peak_bytes():
    # Linux: VmHWM, the peak of this program alone. ru_maxrss would do elsewhere, but on Linux it
    # keeps the peak of the process that started us (the whole test run) across fork and exec.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux, bytes on macOS


peak = peak_bytes()
print(json.dumps({{"code": code, "out": out.getvalue(), "err": err.getvalue(), "peak": peak}}))
"""


@dataclass(frozen=True)
class Measured:
    code: int
    out: str
    err: str
    peak_bytes: int

    @property
    def peak_mib(self) -> float:
        return self.peak_bytes / 1024**2


def run_measured(*args: str | Path, timeout: float = 120) -> Measured:
    """Run ``geletterdheid ARGS`` in a fresh Python process; its exit code, output and peak resident memory."""
    child = _CHILD.format(limit=ADDRESS_SPACE_LIMIT)
    completed = subprocess.run(
        [sys.executable, "-c", child, json.dumps([str(arg) for arg in args])],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if completed.returncode != 0:  # the child itself failed: show why
        raise AssertionError(f"measuring process failed ({completed.returncode}): {completed.stderr[-2000:]}")
    result = json.loads(completed.stdout.splitlines()[-1])
    return Measured(result["code"], result["out"], result["err"], result["peak"])
