"""Issue 17: the findings run over a province of many kab/kota must not crash the interpreter.

Runs ``scripts/stress_findings.py`` (Provinsi Lampung with 10 copies of Kota Metro, seeded,
then passes of refresh-every-document's-findings + rollback) in a subprocess on the backend
``PELITA_TEST_DB`` selects, and asserts it exits 0: a segfault there shows as exit code -11
in the script's output instead of killing the test run. ``PELITA_STRESS_PASSES`` and
``PELITA_STRESS_REGIONS`` make it longer (the issue's run is 20 passes).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import BACKEND

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "stress_findings.py"


def test_findings_over_a_ten_region_province_do_not_crash():
    passes = os.environ.get("PELITA_STRESS_PASSES", "3")
    regions = os.environ.get("PELITA_STRESS_REGIONS", "10")
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--regions", regions, "--passes", passes, "--db", BACKEND,
         "--timeout", "300"],
        capture_output=True, text=True, timeout=600,
    )
    elapsed = time.monotonic() - started
    output = run.stdout + run.stderr
    print(f"stress_findings: {BACKEND}, {regions} regions, {passes} passes: {elapsed:.1f}s")
    assert run.returncode == 0, f"exit code {run.returncode} after {elapsed:.1f}s\n{output[-6000:]}"
    assert f"ok: {passes} passes" in output
