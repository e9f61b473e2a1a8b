"""Crash safety: a run killed by SIGKILL at every stage, at random moments or during a Prefect run,
and a run that fails, leave the warehouse whole (the previous one, or the new one once committed)
and are recorded in the run log; the next run gives exactly what a clean `--full` run gives."""
from __future__ import annotations

import random
import shutil
import signal
import time

import pytest

from tests.conftest import RAW, SAMPLES
from tests.integration.helpers import (
    assert_snapshots_whole, clean_full_tables, current_tables, edit_inputs, kill_group, run, runs_table, start,
)

STAGES = ["after-start", "after-discover", "after-parse", "before-database", "before-snapshot",
          "before-commit", "before-swap", "after-swap"]
COMMITTED = {"before-swap", "after-swap"}  # LATEST already names the new snapshot


@pytest.mark.parametrize("stage", STAGES)
def test_sigkill_at_each_stage_then_a_good_run(stage, baseline, raw_copy, tmp_path):
    warehouse = tmp_path / "warehouse"
    shutil.copytree(baseline, warehouse)
    before = current_tables(warehouse)
    snapshots_before = sorted(p.name for p in (warehouse / "snapshots").iterdir() if p.is_dir() and not p.is_symlink())
    edit_inputs(raw_copy)

    killed = run(raw_copy, warehouse, fault=f"{stage}:kill")
    assert killed.returncode == -signal.SIGKILL
    assert_snapshots_whole(warehouse)
    if stage == "after-swap":
        assert current_tables(warehouse) == clean_full_tables(raw_copy, tmp_path)
    else:  # the previous warehouse, whole and readable
        assert current_tables(warehouse) == before
    if stage not in COMMITTED:
        assert (warehouse / "snapshots" / "LATEST").read_text().strip() == max(s for s in snapshots_before if s[0].isdigit())

    good = run(raw_copy, warehouse)
    assert good.returncode == 0, good.stderr
    assert_snapshots_whole(warehouse)
    assert current_tables(warehouse) == clean_full_tables(raw_copy, tmp_path)
    runs = runs_table(warehouse)
    assert len(runs) == 3 and runs[0][1] == runs[2][1] == "succeeded"
    killed_status, message = runs[1][1], runs[1][2]
    if stage in COMMITTED:
        assert (killed_status, message) == ("succeeded", None)
    else:
        assert killed_status == "failed" and message.endswith("stopped before the run finished (killed?)")
    leftovers = [p.name for p in warehouse.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == [] and not list((warehouse / ".roledata" / "runs").iterdir())


def test_sigkill_from_outside_at_random_moments(tmp_path):
    """Kills that land wherever the run happens to be, on a corpus big enough to be mid-work."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(12):
        for name in SAMPLES.values():
            (raw / f"{i:02d}_{name}").write_bytes((RAW / name).read_bytes() + f"\nEdition {i}\n".encode())
    warehouse = tmp_path / "warehouse"
    rng = random.Random(20261121)
    for delay in sorted(rng.uniform(0.5, 6.0) for _ in range(3)):
        proc = start(raw, warehouse)
        time.sleep(delay)
        kill_group(proc)
        if (warehouse / "snapshots" / "LATEST").exists():
            assert_snapshots_whole(warehouse)
    good = run(raw, warehouse)
    assert good.returncode == 0, good.stderr
    assert current_tables(warehouse) == clean_full_tables(raw, tmp_path)
    statuses = [status for _, status, _ in runs_table(warehouse)]
    assert statuses[-1] == "succeeded" and len(statuses) >= 2


def test_sigkill_during_a_prefect_run(baseline, raw_copy, tmp_path):
    home = tmp_path / "prefect-home"
    warehouse = tmp_path / "warehouse"
    shutil.copytree(baseline, warehouse)
    edit_inputs(raw_copy)
    proc = start(raw_copy, warehouse, fault="before-commit:kill", prefect=True, env={"PREFECT_HOME": str(home)})
    try:
        assert proc.wait(timeout=240) == -signal.SIGKILL
    finally:
        kill_group(proc)  # the temporary Prefect server would outlive the run otherwise
    good = run(raw_copy, warehouse)
    assert good.returncode == 0, good.stderr
    assert current_tables(warehouse) == clean_full_tables(raw_copy, tmp_path)
    assert [status for _, status, _ in runs_table(warehouse)] == ["succeeded", "failed", "succeeded"]


def test_a_run_that_fails_is_recorded_with_its_error(baseline, tmp_path):
    warehouse = tmp_path / "warehouse"
    shutil.copytree(baseline, warehouse)
    before = current_tables(warehouse)
    failed = run(RAW, warehouse, "--full", fault="before-commit:raise")
    assert failed.returncode == 1
    assert failed.stderr.strip() == "error: run failed: RuntimeError: injected fault at before-commit"
    assert current_tables(warehouse) == before

    good = run(RAW, warehouse, "--full")  # a run that publishes (nothing changed, so only --full does)
    assert good.returncode == 0, good.stderr
    runs = runs_table(warehouse)
    assert [(status, message) for _, status, message in runs] == [
        ("succeeded", None), ("failed", "RuntimeError: injected fault at before-commit"), ("succeeded", None)]
    assert sorted(p.name for p in (warehouse / "snapshots").iterdir()
                  if p.is_dir() and not p.is_symlink()) == [runs[0][0], runs[2][0]]
