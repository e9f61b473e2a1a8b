"""One run at a time: a second run is refused with the run that holds the warehouse named, or waits
for it with --wait; both are recorded; a lock file left by a dead process is taken over."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time

from roledata.run.journal import RunState
from tests.conftest import RAW
from tests.integration.helpers import clean_full_tables, current_tables, kill_group, roledata, run, start


def test_two_runs_at_once(baseline, tmp_path):
    warehouse = tmp_path / "warehouse"
    shutil.copytree(baseline, warehouse)
    first = start(RAW, warehouse, fault="after-discover:sleep=6")
    try:
        state = RunState(warehouse)
        deadline = time.monotonic() + 60
        while not (state.holder() or {}).get("pid") and time.monotonic() < deadline:
            time.sleep(0.1)
        holder = state.holder()
        assert holder["pid"] == first.pid

        second = run(RAW, warehouse)
        assert second.returncode == 1
        assert second.stderr.strip() == (f"error: another run holds the warehouse: run {holder['run_id']} "
                                         f"(pid {first.pid}, since {holder['since']}); wait for it or pass --wait SECONDS")
        listed = roledata("runs", "--warehouse", str(warehouse)).stdout
        assert f"{holder['run_id']} | running" in listed

        waiting = run(RAW, warehouse, "--wait", "120")
        assert waiting.returncode == 0, waiting.stderr
        assert first.wait(timeout=60) == 0
    finally:
        kill_group(first)
    # Nothing changed since the baseline: both runs are recorded (in the journal, until a run
    # publishes) and published nothing.
    from roledata.run.session import recent_runs

    statuses = [r["status"] for r in recent_runs(warehouse)]
    assert statuses == ["succeeded"] * 3
    assert current_tables(warehouse) == clean_full_tables(RAW, tmp_path)


def test_a_stale_lock_file_is_taken_over(baseline, tmp_path):
    warehouse = tmp_path / "warehouse"
    shutil.copytree(baseline, warehouse)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    lock = warehouse / ".roledata" / "run.lock"
    lock.write_text(json.dumps({"pid": int(dead.stdout), "run_id": "20200101T000000000000Z", "since": "then"}))
    done = run(RAW, warehouse)
    assert done.returncode == 0, done.stderr
    assert lock.read_text() == ""  # released again
