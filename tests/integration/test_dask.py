"""Scale-out: the parse step on a 2-worker local Dask cluster gives the tables of the default run."""
from __future__ import annotations

import os
import shutil

from benchmarks.make_corpus import make_corpus
from tests.conftest import RAW
from tests.integration.helpers import current_tables, roledata, run


def test_dask_run_equals_the_default_run(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    make_corpus(raw / "generated", pages=40, seed=11, raw=RAW)
    done = roledata("run", "--raw", str(raw), "--warehouse", str(tmp_path / "dask"), "--executor", "dask",
                    "--workers", "2", "--batch-size", "10", timeout=600)
    assert done.returncode == 0, done.stderr
    assert "documents: 45 seen, 45 parsed, 0 unchanged" in done.stdout
    # Nothing of Dask's or Prefect's own logging reaches the user on a good run.
    assert "Traceback" not in done.stderr and "distributed" not in done.stderr, done.stderr
    default = run(raw, tmp_path / "default", "--workers", "1")
    assert default.returncode == 0, default.stderr
    assert current_tables(tmp_path / "dask") == current_tables(tmp_path / "default")


def test_a_dask_scheduler_that_does_not_answer_is_one_line(tmp_path):
    env = {"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}
    os.environ.update(env)
    try:
        done = roledata("run", "--raw", str(RAW), "--warehouse", str(tmp_path / "w"), "--executor", "dask",
                        "--dask-address", "tcp://127.0.0.1:9", timeout=300)
    finally:
        for key in env:
            os.environ.pop(key)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert lines[-1].startswith("error: run failed:") and "tcp://127.0.0.1:9" in lines[-1], done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "w" / "roledata.duckdb").exists()


def test_dask_options_are_checked_before_anything_runs(tmp_path):
    done = roledata("run", "--raw", str(RAW), "--warehouse", str(tmp_path / "w"), "--dask-address", "tcp://h:8786")
    assert (done.returncode, done.stderr.strip()) == (1, "error: --dask-address needs --executor dask")
    done = roledata("run", "--raw", str(RAW), "--warehouse", str(tmp_path / "w"), "--executor", "dask", "--no-prefect")
    assert (done.returncode, done.stderr.strip()) == (1, "error: --executor dask runs through Prefect; drop --no-prefect")
