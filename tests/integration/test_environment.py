"""Every ROLEDATA_* variable takes effect, on the direct path and through Prefect alike
(flags win over variables, variables over defaults). On the direct path each variable has its own
test; through Prefect they are set together, two runs in all, since a Prefect run costs seconds
(tests/unit/test_settings.py holds every variable to the flow's parameters one by one)."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.conftest import RAW
from tests.integration.helpers import ROLEDATA



def roledata_run(tmp_path, *args: str, prefect: bool, **variables: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "ROLEDATA_"))}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), **variables)
    command = [ROLEDATA, "run", *args, *([] if prefect else ["--no-prefect"])]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)


def snapshot_ids(warehouse) -> list[str]:
    return sorted(p.name for p in (warehouse / "snapshots").iterdir() if p.is_dir() and p.name[0].isdigit())


def test_raw_and_warehouse(tmp_path):
    warehouse = tmp_path / "elsewhere"
    done = roledata_run(tmp_path, prefect=False, ROLEDATA_RAW=str(RAW), ROLEDATA_WAREHOUSE=str(warehouse))
    assert done.returncode == 0, done.stderr
    assert f"warehouse: {warehouse / 'roledata.duckdb'}" in done.stdout
    assert "documents: 5 seen, 5 parsed" in done.stdout


def test_max_document_bytes(tmp_path):
    done = roledata_run(tmp_path, "--raw", str(RAW), "--warehouse", str(tmp_path / "wh"), "--allow-shrink",
                        prefect=False, ROLEDATA_MAX_DOCUMENT_BYTES="20000")
    assert done.returncode == 0, done.stderr
    too_large = [line for line in done.stdout.splitlines() if "too large" in line]
    assert too_large and all("(limit 20000)" in line for line in too_large)


def test_keep(tmp_path):
    warehouse = tmp_path / "wh"
    for _ in range(2):
        done = roledata_run(tmp_path, "--raw", str(RAW), "--warehouse", str(warehouse), "--full",
                            prefect=False, ROLEDATA_KEEP="1")
        assert done.returncode == 0, done.stderr
    assert len(snapshot_ids(warehouse)) == 1


def test_allow_shrink(tmp_path):
    warehouse, empty = tmp_path / "wh", tmp_path / "empty"
    empty.mkdir()
    assert roledata_run(tmp_path, "--raw", str(RAW), "--warehouse", str(warehouse), prefect=False).returncode == 0
    done = roledata_run(tmp_path, "--raw", str(empty), "--warehouse", str(warehouse), prefect=False,
                        ROLEDATA_ALLOW_SHRINK="1")
    assert done.returncode == 0, done.stderr
    assert "documents: 0 seen" in done.stdout and len(snapshot_ids(warehouse)) == 2


def test_the_variables_reach_a_run_through_prefect(tmp_path):
    warehouse, empty = tmp_path / "elsewhere", tmp_path / "empty"
    empty.mkdir()
    variables = {"ROLEDATA_RAW": str(RAW), "ROLEDATA_WAREHOUSE": str(warehouse), "ROLEDATA_KEEP": "1",
                 "ROLEDATA_MAX_DOCUMENT_BYTES": "20000"}
    first = roledata_run(tmp_path, prefect=True, **variables)
    assert first.returncode == 0, first.stderr
    assert f"warehouse: {warehouse / 'roledata.duckdb'}" in first.stdout and "documents: 5 seen" in first.stdout
    too_large = [line for line in first.stdout.splitlines() if "too large" in line]
    assert too_large and all("(limit 20000)" in line for line in too_large)
    # An empty folder would shrink the dataset to nothing: ROLEDATA_ALLOW_SHRINK lets it publish, and
    # ROLEDATA_KEEP=1 leaves only that newest snapshot.
    second = roledata_run(tmp_path, prefect=True, **{**variables, "ROLEDATA_RAW": str(empty)}, ROLEDATA_ALLOW_SHRINK="1")
    assert second.returncode == 0, second.stderr
    assert "documents: 0 seen" in second.stdout and len(snapshot_ids(warehouse)) == 1


@pytest.mark.parametrize(("variable", "value", "message"), [
    ("ROLEDATA_BATCH_SIZE", "lots", "error: bad setting: ROLEDATA_BATCH_SIZE='lots' is not a valid value"),
    ("ROLEDATA_WORKERS", "0", "error: bad setting: ROLEDATA_WORKERS must be 1 or more, not 0"),
    ("ROLEDATA_EXECUTOR", "spark", "error: bad setting: ROLEDATA_EXECUTOR must be one of local, dask, not 'spark'"),
    ("ROLEDATA_DASK_ADDRESS", "tcp://127.0.0.1:1", "error: --dask-address needs --executor dask"),
    ("ROLEDATA_SHRINK_LIMIT", "2", "error: bad setting: ROLEDATA_SHRINK_LIMIT must be between 0 and 1, not 2.0"),
    ("ROLEDATA_KEEP", "0", "error: bad setting: ROLEDATA_KEEP must be 1 or more, not 0"),
    ("ROLEDATA_PREFECT_START_TIMEOUT", "-1",
     "error: bad setting: ROLEDATA_PREFECT_START_TIMEOUT must be a positive number of seconds, not -1.0"),
])
def test_each_variable_is_read_and_checked(tmp_path, variable, value, message):
    done = roledata_run(tmp_path, "--raw", str(RAW), "--warehouse", str(tmp_path / "wh"), prefect=False,
                        **{variable: value})
    assert done.returncode == 1
    assert done.stderr.strip() == message
    assert not (tmp_path / "wh" / "snapshots").exists()


def test_a_flag_wins_over_its_variable(tmp_path):
    shutil.copytree(RAW, tmp_path / "raw")
    done = roledata_run(tmp_path, "--raw", str(tmp_path / "raw"), "--warehouse", str(tmp_path / "wh"),
                        prefect=False, ROLEDATA_RAW=str(tmp_path / "missing"), ROLEDATA_WAREHOUSE=str(tmp_path / "no"))
    assert done.returncode == 0, done.stderr
    assert f"warehouse: {tmp_path / 'wh' / 'roledata.duckdb'}" in done.stdout
