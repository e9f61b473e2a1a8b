"""The installed `roledata` command, end to end through Prefect, as a user runs it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import RAW

ROLEDATA = str(Path(sys.executable).parent / "roledata")


def cli(*args: str, env: dict | None = None, timeout: int = 240) -> subprocess.CompletedProcess:
    return subprocess.run([ROLEDATA, *args], capture_output=True, text=True, timeout=timeout, env=env)


@pytest.fixture(scope="module")
def flow_run(tmp_path_factory):
    home = tmp_path_factory.mktemp("prefect-home")
    warehouse = tmp_path_factory.mktemp("warehouse")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(home)
    done = cli("run", "--raw", str(RAW), "--warehouse", str(warehouse), env=env)
    return done, warehouse


def test_flow_run_succeeds_quietly(flow_run):
    done, warehouse = flow_run
    assert done.returncode == 0, done.stderr
    output = done.stdout + done.stderr
    assert "Traceback" not in output and "CancelledError" not in output and "Error flushing" not in output
    assert "documents: 5 seen, 5 parsed, 0 unchanged, 0 rejected" in done.stdout
    assert (warehouse / "roledata.duckdb").exists()
    assert (warehouse / "snapshots" / "LATEST").exists()


def test_query_formats(flow_run):
    _, warehouse = flow_run
    sql = "select title from roles where is_primary order by title limit 2"
    table = cli("query", sql, "--warehouse", str(warehouse))
    assert table.returncode == 0
    assert table.stdout.splitlines() == ["title                 ", "----------------------",
                                         "AI Engineering Manager", "AI Tech Lead          ", "(2 rows)"]
    as_json = cli("query", sql, "--warehouse", str(warehouse), "--format", "json")
    assert json.loads(as_json.stdout) == [{"title": "AI Engineering Manager"}, {"title": "AI Tech Lead"}]
    as_csv = cli("query", sql, "--warehouse", str(warehouse), "--format", "csv")
    assert as_csv.stdout == "title\nAI Engineering Manager\nAI Tech Lead\n"


def test_snapshots_lists_latest(flow_run):
    _, warehouse = flow_run
    done = cli("snapshots", "--warehouse", str(warehouse))
    assert done.returncode == 0 and "(LATEST)" in done.stdout


@pytest.mark.parametrize(("args", "message"), [
    pytest.param(["query", "selec * from roles"], "error: Parser Error: syntax error at or near \"selec\"", id="bad sql"),
    pytest.param(["query", "select * from no_such_table"], "error: Catalog Error: Table with name no_such_table does not exist!", id="unknown table"),
    pytest.param(["run", "--raw", "/no/such/folder"], "error: raw folder not found: /no/such/folder", id="missing raw"),
])
def test_user_errors_are_one_line(flow_run, args, message):
    _, warehouse = flow_run
    done = cli(*args, "--warehouse", str(warehouse))
    assert done.returncode == 1
    assert done.stderr.strip() == message
    assert "Traceback" not in done.stdout + done.stderr


def test_query_without_warehouse(tmp_path):
    done = cli("query", "select 1", "--warehouse", str(tmp_path))
    assert done.returncode == 1
    assert done.stderr.strip() == f"error: no warehouse at {tmp_path / 'roledata.duckdb'}: run `roledata run` first"


@pytest.mark.parametrize("command", ["run", "query", "snapshots", "tables"])
def test_every_command_has_help(command):
    done = cli(command, "--help")
    assert done.returncode == 0 and "Usage:" in done.stdout


def test_tables_prints_the_data_dictionary():
    done = cli("tables")
    assert done.returncode == 0
    assert "## salaries" in done.stdout and "| `annual_min_usd` | DOUBLE |" in done.stdout


def test_flow_module_imports():
    from flows.build_dataset import build_dataset

    assert build_dataset.name == "build-dataset"
