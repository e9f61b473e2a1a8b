"""The installed `roledata` command, end to end through Prefect, as a user runs it."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import RAW
from tests.integration.helpers import clean_full_tables, current_tables

ROLEDATA = str(Path(sys.executable).parent / "roledata")


def cli(*args: str, env: dict | None = None, timeout: int = 240) -> subprocess.CompletedProcess:
    return subprocess.run([ROLEDATA, *args], capture_output=True, text=True, timeout=timeout, env=env)


@pytest.fixture(scope="module")
def flow_run(tmp_path_factory):
    """A first run as a user starts it: no PREFECT_HOME, so Prefect's state goes beside the warehouse."""
    warehouse = tmp_path_factory.mktemp("warehouse")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
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
    assert (warehouse / ".roledata" / "prefect-run").is_dir()  # Prefect's own state, beside the warehouse


def test_flow_gives_the_same_tables_and_snapshot_as_the_plain_run(flow_run, tmp_path):
    from roledata.run.pipeline import run_pipeline
    from roledata.publish.snapshot import list_snapshots
    from roledata.settings import Settings

    _, warehouse = flow_run
    run_pipeline(Settings(RAW, tmp_path, batch_size=200))
    assert current_tables(warehouse) == current_tables(tmp_path)
    manifest = list_snapshots(warehouse / "snapshots")[0]
    plain = list_snapshots(tmp_path / "snapshots")[0]
    assert {t: m["rows"] for t, m in manifest["tables"].items()} == {t: m["rows"] for t, m in plain["tables"].items()}
    latest = (warehouse / "snapshots" / "LATEST").read_text().strip()
    assert latest == manifest["snapshot_id"]
    assert json.loads((warehouse / "snapshots" / latest / "datapackage.json").read_text())["resources"][0]["name"] == "documents"


class Reader:
    """A second process with the warehouse open, as a user's DuckDB CLI or notebook would have it."""

    def __init__(self, db: Path, read_only: bool):
        script = ("import duckdb, sys\n"
                  f"con = duckdb.connect({str(db)!r}, read_only={read_only})\n"
                  "print('ready', flush=True)\n"
                  "for sql in sys.stdin:\n"
                  "    print(con.execute(sql).fetchall(), flush=True)\n")
        self.proc = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout.readline().strip() == "ready"

    def ask(self, sql: str) -> str:
        self.proc.stdin.write(sql + "\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


RUN_COUNT = "select count(*), max(run_id) from pipeline_runs"


def test_a_reader_never_blocks_a_run_and_never_sees_half_of_one(flow_run, tmp_path):
    """A read-only reader through a Prefect run, a read-write holder through a plain one."""
    _, built = flow_run
    warehouse = tmp_path / "warehouse"
    shutil.copytree(built, warehouse)
    db = warehouse / "roledata.duckdb"
    for read_only, extra in ((True, []), (False, ["--no-prefect"])):
        reader = Reader(db, read_only)
        try:
            before = reader.ask(RUN_COUNT)
            # --full: the run must rebuild and swap the database (an unchanged run publishes nothing)
            done = cli("run", "--raw", str(RAW), "--warehouse", str(warehouse), "--full", *extra)
            assert done.returncode == 0, done.stderr
            # The reader keeps the complete previous state; a new connection sees the new run whole.
            assert reader.ask(RUN_COUNT) == before
            assert reader.ask("select count(*) from roles where is_primary") == "[(5,)]"
            after = cli("query", RUN_COUNT, "--warehouse", str(warehouse), "--format", "csv").stdout.splitlines()[1]
            assert int(after.split(",")[0]) == int(before.strip("[()]").split(",")[0]) + 1
        finally:
            reader.close()
    assert current_tables(warehouse) == clean_full_tables(RAW, tmp_path)


def test_a_read_write_holder_makes_query_fail_in_one_line(flow_run):
    _, warehouse = flow_run
    reader = Reader(warehouse / "roledata.duckdb", read_only=False)
    try:
        done = cli("query", "select 1", "--warehouse", str(warehouse))
        assert done.returncode == 1
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and "lock" in lines[0].lower(), done.stderr
    finally:
        reader.close()


def test_the_duckdb_cli_from_pypi_opens_the_warehouse(flow_run):
    """The file is written in storage v1.0.0 so DuckDB 1.x (the `duckdb-cli` wheel) reads it."""
    _, warehouse = flow_run
    duckdb_cli = Path(sys.executable).parent / "duckdb"
    done = subprocess.run([str(duckdb_cli), "-readonly", "-csv", "-noheader", str(warehouse / "roledata.duckdb"),
                           "-c", "select version(), count(*) from roles where is_primary"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    version, primary = done.stdout.strip().split(",")
    assert version.startswith("v1.") and primary == "5"


def test_query_formats(flow_run):
    _, warehouse = flow_run
    sql = "select title from roles where is_primary order by title limit 2"
    table = cli("query", sql, "--warehouse", str(warehouse))
    assert table.returncode == 0
    assert table.stdout.splitlines() == ["title", "----------------------",
                                         "AI Engineering Manager", "AI Tech Lead", "(2 rows)"]
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


@pytest.mark.parametrize("command", ["run", "query", "snapshots", "runs", "tables"])
def test_every_command_has_help(command):
    done = cli(command, "--help")
    assert done.returncode == 0 and "Usage:" in done.stdout


def test_tables_prints_the_data_dictionary():
    done = cli("tables")
    assert done.returncode == 0
    assert "## salaries" in done.stdout and "| `annual_min_usd` | DOUBLE |" in done.stdout


def test_flow_module_imports():
    from roledata.run.flow import build_dataset

    assert build_dataset.name == "build-dataset"
