"""`roledata serve`: a real local Prefect server, a schedule that fires, a clean stop."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from roledata.run.journal import RunState
from roledata.run.prefect_runtime import port_in_use
from tests.helpers import free_port
from tests.conftest import RAW, ROOT
from tests.integration.helpers import clean_full_tables, current_tables

ROLEDATA = str(Path(sys.executable).parent / "roledata")


def clean_env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_RUNNER_POLL_FREQUENCY"] = "2"  # pick scheduled runs up quickly
    return {**env, **extra}


def succeeded_snapshots(warehouse: Path) -> list[str]:
    snapshots = warehouse / "snapshots"
    if not snapshots.exists():
        return []
    return sorted(p.name for p in snapshots.iterdir()  # not .tmp-*, not the latest/ link
                  if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))


def succeeded_runs(warehouse: Path) -> int:
    from roledata.run.session import recent_runs

    try:
        return sum(r["status"] == "succeeded" for r in recent_runs(warehouse))
    except Exception:  # a snapshot being replaced right now
        return 0


def flow_run_processes(parent: int) -> list[int]:
    """Processes the runner started for flow runs (multiprocessing spawn children of `parent`)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except OSError:  # gone meanwhile
            continue
        if int(fields[1]) == parent and b"spawn_main" in cmdline and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def test_serve_runs_on_schedule_and_stops_cleanly(tmp_path):
    warehouse = tmp_path / "warehouse"
    port = free_port()
    proc = subprocess.Popen([ROLEDATA, "serve", "--raw", str(RAW), "--warehouse", str(warehouse),
                             "--interval", "3", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=clean_env(ROLEDATA_FAULT="after-start:sleep=4"), start_new_session=True)
    try:
        # Two scheduled runs: the first publishes, the next finds nothing changed and publishes nothing.
        deadline = time.monotonic() + 300
        while succeeded_runs(warehouse) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(1)
        assert succeeded_runs(warehouse) >= 2, proc.stderr.read() if proc.poll() is not None else "timeout"
        assert len(succeeded_snapshots(warehouse)) == 1

        # The run report and tables are Prefect artifacts on the served server.
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/artifacts/filter", data=b"{}",
                                         headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(request, timeout=30) as response:
            keys = {a["key"] for a in json.load(response)}
        assert {"roledata-run-report", "roledata-row-counts", "roledata-rejects"} <= keys

        # The UI is told its own API address, not Prefect's default port 4200.
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/ui-settings", timeout=30) as response:
            assert json.load(response)["api_url"] == f"http://127.0.0.1:{port}/api"

        # Stop it in the middle of a scheduled run (each run pauses 4 s after taking the lock):
        # the run's process must not outlive us, and the run is recorded as failed.
        def run_in_progress() -> bool:
            state = RunState(warehouse)
            run_id = (state.holder() or {}).get("run_id")
            journaled = {e["run_id"] for e in state.unfinished()}
            return run_id in journaled and run_id not in succeeded_snapshots(warehouse)

        deadline = time.monotonic() + 60
        while not run_in_progress():
            assert time.monotonic() < deadline, "no scheduled run started within 60 s"
            time.sleep(0.1)
        running = flow_run_processes(proc.pid)
        assert running
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=90)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 0, err
    lines = out.splitlines()
    assert lines[0] == f"starting a local Prefect server on 127.0.0.1:{port} ..."
    assert lines[1] == f"Prefect UI: http://127.0.0.1:{port}  (data in {warehouse / '.roledata' / 'prefect'})"
    assert lines[-1] == "stopped"
    # One line per run: started, and finished with its counts.
    finished = [ln for ln in lines if re.fullmatch(r"run \d{8}T\d{12}Z succeeded: 5 documents seen, \d parsed, "
                                                   r"0 rejected", ln)]
    assert len(finished) >= 2, out
    assert any(re.fullmatch(r"run \d{8}T\d{12}Z started", ln) for ln in lines), out
    assert "Traceback" not in err and "Error" not in err, err
    assert not port_in_use(port)  # the server went down with us
    assert not any(Path(f"/proc/{pid}").exists() for pid in running)
    assert (warehouse / ".roledata" / "prefect" / "prefect.db").exists()

    runs = subprocess.run([ROLEDATA, "runs", "--warehouse", str(warehouse)], capture_output=True, text=True)
    assert runs.stdout.count("| succeeded |") >= 2
    assert runs.stdout.count("| failed    |") == 1, runs.stdout
    assert current_tables(warehouse) == clean_full_tables(RAW, tmp_path)


@pytest.mark.parametrize(("args", "message"), [
    (["--interval", "5", "--cron", "0 6 * * *"], 'error: give exactly one of --cron "0 6 * * *" or --interval SECONDS'),
    ([], 'error: give exactly one of --cron "0 6 * * *" or --interval SECONDS'),
    (["--cron", "every morning"], "error: not a valid cron expression: 'every morning' (e.g. \"0 6 * * *\" = every day at 06:00)"),
    (["--interval", "0"], "error: --interval must be a positive number of seconds"),
])
def test_serve_rejects_a_bad_schedule_in_one_line(tmp_path, args, message):
    done = subprocess.run([ROLEDATA, "serve", "--raw", str(RAW), "--warehouse", str(tmp_path), *args],
                          capture_output=True, text=True, timeout=120, env=clean_env())
    assert (done.returncode, done.stderr.strip()) == (1, message)


def test_prefect_yaml_deploys_the_flow(monkeypatch):
    """The deployment file for teams with a Prefect server and workers points at the real flow."""
    from prefect.flows import load_flow_from_entrypoint

    monkeypatch.chdir(ROOT)  # entrypoints are relative to the project folder, as on a worker
    config = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    (deployment,) = config["deployments"]
    flow = load_flow_from_entrypoint(deployment["entrypoint"])
    assert flow.name == "build-dataset"
    assert set(deployment["parameters"]) <= set(flow.parameters.properties)
    assert deployment["schedules"][0]["cron"] == "0 6 * * *"
