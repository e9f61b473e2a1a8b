"""Prefect's temporary server: a start that fails is one line and a recorded run; a killed run
leaves no server behind."""
from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from tests.conftest import RAW
from tests.integration.helpers import ROLEDATA, roledata


def prefect_env(home: Path, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    return dict(env, PREFECT_HOME=str(home), **extra)


def test_a_server_that_does_not_answer_in_time_is_one_line_and_a_failed_run(tmp_path):
    warehouse = tmp_path / "warehouse"
    env = prefect_env(tmp_path / "prefect", ROLEDATA_PREFECT_START_TIMEOUT="0.05")
    done = subprocess.run([ROLEDATA, "run", "--raw", str(RAW), "--warehouse", str(warehouse)],
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 1
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith("error: Prefect's temporary server did not start within 0.05 s (")
    assert line.endswith("set ROLEDATA_PREFECT_START_TIMEOUT to wait longer (run "
                         f"{line.rsplit('(run ', 1)[1].split()[0]} recorded as failed)")
    runs = roledata("runs", "--warehouse", str(warehouse), "--limit", "1").stdout.splitlines()
    assert " failed " in runs[2] and "PrefectStartError: Prefect's temporary server did not sta" in runs[2]
    assert not (warehouse / "snapshots").exists()


def children_of(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_killed_run_leaves_no_prefect_server(tmp_path):
    env = prefect_env(tmp_path / "prefect", ROLEDATA_FAULT="after-start:sleep=60")
    proc = subprocess.Popen([ROLEDATA, "run", "--raw", str(RAW), "--warehouse", str(tmp_path / "warehouse")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        servers: list[int] = []
        while time.monotonic() < deadline and not servers:
            servers = [c for c in children_of(proc.pid)
                       if b"prefect.server.api.server:create_app" in Path(f"/proc/{c}/cmdline").read_bytes()]
            time.sleep(0.5)
        assert servers, "the run started no Prefect server"
        while time.monotonic() < deadline and not (tmp_path / "warehouse" / ".roledata" / "runs").exists():
            time.sleep(0.5)  # the flow is running: the server answered
        os.kill(proc.pid, signal.SIGKILL)  # the run alone, as the OOM killer would
        proc.wait(timeout=30)
        gone_by = time.monotonic() + 30
        while time.monotonic() < gone_by and any(alive(s) for s in servers):
            time.sleep(0.2)
        assert not any(alive(s) for s in servers), "the Prefect server outlived its run"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
