"""One run at a time, and a record of every run that started: the run lock and the journal."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timezone

import pytest

from roledata.run.journal import RunLockedError, RunState

STARTED = datetime(2026, 11, 21, 6, 0, tzinfo=timezone.utc)


def test_lock_names_its_holder_and_is_released_after_an_error(tmp_path):
    state = RunState(tmp_path)
    assert state.holder() is None
    with pytest.raises(ValueError):
        with state.lock("run-1"):
            holder = state.holder()
            assert (holder["pid"], holder["run_id"]) == (__import__("os").getpid(), "run-1")
            raise ValueError("boom")
    assert state.holder() is None
    with state.lock("run-2"):
        assert state.holder()["run_id"] == "run-2"


def test_a_held_lock_refuses_then_times_out_waiting(tmp_path):
    script = ("import sys, time; from roledata.run.journal import RunState\n"
              f"with RunState({str(tmp_path)!r}).lock('other-run'):\n"
              "    print('held', flush=True); sys.stdin.readline()\n")
    other = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "held"
        state = RunState(tmp_path)
        with pytest.raises(RunLockedError, match=rf"^another run holds the warehouse: run other-run \(pid {other.pid}, since "):
            with state.lock("mine"):
                pass
        with pytest.raises(RunLockedError, match=r"^another run still holds the warehouse after 0.6 s: run other-run"):
            with state.lock("mine", wait_seconds=0.6):
                pass
    finally:
        other.stdin.close()
        other.wait(timeout=30)
    with RunState(tmp_path).lock("mine"):
        pass


def test_journal_keeps_unfinished_runs_until_forgotten(tmp_path):
    state = RunState(tmp_path)
    state.begin("run-a", STARTED, "1.0.0")
    state.begin("run-b", STARTED, "1.0.0")
    state.fail("run-b", "ValueError: bad")
    entries = {e["run_id"]: e for e in state.unfinished()}
    assert entries["run-a"]["status"] == "running" and "message" not in entries["run-a"]
    assert (entries["run-b"]["status"], entries["run-b"]["message"]) == ("failed", "ValueError: bad")
    assert [e["run_id"] for e in state.unfinished(exclude="run-a")] == ["run-b"]
    state.forget(["run-a", "run-b"])
    assert state.unfinished() == []


def test_a_torn_journal_entry_is_ignored(tmp_path):
    state = RunState(tmp_path)
    state.runs_dir.mkdir(parents=True)
    (state.runs_dir / "broken.json").write_text('{"run_id": ')
    (state.runs_dir / "list.json").write_text(json.dumps([1, 2]))
    assert state.unfinished() == []
