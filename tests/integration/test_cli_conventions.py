"""The command line as its users meet it: help, version, query inputs, exit codes, the report."""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from tests.conftest import RAW
from tests.integration.helpers import ROLEDATA, roledata, run


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    folder = tmp_path_factory.mktemp("warehouse")
    done = run(RAW, folder)
    assert done.returncode == 0, done.stderr
    return folder


def test_help_shows_defaults_variables_and_short_flag():
    top = roledata("-h")
    assert top.returncode == 0
    assert "ROLEDATA_MAX_DOCUMENT_BYTES     larger files are rejected unread [default: 10485760]" in top.stdout
    assert "ROLEDATA_PREFECT_START_TIMEOUT  seconds Prefect's temporary server may take to start [default: 120]" \
        in top.stdout
    text = " ".join(roledata("run", "-h").stdout.split())  # unwrapped
    assert "--raw DIR folder of raw pages (ROLEDATA_RAW) [default: raw/ of the project]" in text
    assert "--batch-size N documents per parse task (ROLEDATA_BATCH_SIZE) [default: 200] [x>=1]" in text
    assert "<bool>" not in text
    assert "Exactly one of --cron or --interval is required." in roledata("serve", "--help").stdout


def test_version():
    done = roledata("--version")
    assert (done.returncode, done.stdout) == (0, "roledata 0.1.0 (parser 1.0.0, data contract 1)\n")


def test_serve_without_a_schedule_says_what_is_missing(tmp_path):
    done = roledata("serve", "--raw", str(RAW), "--warehouse", str(tmp_path))
    assert done.returncode == 1
    assert done.stderr == 'error: give exactly one of --cron "0 6 * * *" or --interval SECONDS\n'


def test_query_from_an_argument_a_file_and_stdin(warehouse, tmp_path):
    sql = "select count(*) as roles from roles where is_primary"
    expected = "roles\n5\n"
    assert roledata("query", sql, "--warehouse", str(warehouse), "--format", "csv").stdout == expected
    script = tmp_path / "count.sql"
    script.write_text(f"-- primary roles\n{sql};\n", encoding="utf-8")
    assert roledata("query", "-f", str(script), "--warehouse", str(warehouse), "--format", "csv").stdout == expected
    piped = subprocess.run([ROLEDATA, "query", "-", "--warehouse", str(warehouse), "--format", "csv"],
                           input=sql, capture_output=True, text=True, timeout=120)
    assert piped.stdout == expected


def test_several_statements_all_run_and_show(warehouse):
    done = roledata("query", "select 1 as a; select 'x' as b", "--warehouse", str(warehouse), "--format", "json")
    assert json.loads(done.stdout) == [[{"a": 1}], [{"b": "x"}]]
    table = roledata("query", "select 1 as a; select 2 as b", "--warehouse", str(warehouse)).stdout
    assert table == "a\n-\n1\n(1 row)\n\nb\n-\n2\n(1 row)\n"


@pytest.mark.parametrize(("sql", "message"), [
    ("", "error: no SQL statement given (the input is empty or only comments)"),
    ("   \n ", "error: no SQL statement given (the input is empty or only comments)"),
    ("-- a comment only\n", "error: no SQL statement given (the input is empty or only comments)"),
    ("selec 1", 'error: Parser Error: syntax error at or near "selec"'),
])
def test_empty_or_broken_sql_is_one_line(warehouse, sql, message):
    done = subprocess.run([ROLEDATA, "query", "-", "--warehouse", str(warehouse)], input=sql,
                          capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout, done.stderr) == (1, "", message + "\n")


def test_a_warehouse_that_is_a_file_is_named_as_such(warehouse):
    done = roledata("query", "select 1", "--warehouse", str(warehouse / "roledata.duckdb"))
    assert done.returncode == 1
    assert done.stderr == (f"error: not a folder: {warehouse / 'roledata.duckdb'} (--warehouse names the "
                           "warehouse folder, the one that holds roledata.duckdb)\n")


def test_strict_exit_codes_and_the_report_per_reason(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    for i in range(4):
        (raw / f"blank-{i}.txt").write_bytes(b" " * (i + 1))  # distinct bytes: not duplicates of each other
    warehouse = tmp_path / "warehouse"
    lenient = run(raw, warehouse)
    assert lenient.returncode == 0
    assert "rejects: 4 (documents and rows)\n  4 x empty document\n" in lenient.stdout
    assert "    ... 2 more (--verbose lists all)\n" in lenient.stdout
    strict = run(raw, warehouse, "--strict")
    assert strict.returncode == 3
    assert strict.stderr == "error: 4 documents rejected, more than the 0 --max-rejects allows (the run was published)\n"
    assert run(raw, warehouse, "--strict", "--max-rejects", "4").returncode == 0
    verbose = run(raw, warehouse, "--verbose")
    assert sum(line.startswith("    blank-") for line in verbose.stdout.splitlines()) == 4
    report = json.loads(run(raw, warehouse, "--format", "json").stdout)
    assert report["documents"] == {"seen": 9, "parsed": 0, "unchanged": 5, "rejected": 4}
    assert sorted(r["source_path"] for r in report["rejects"]) == [f"blank-{i}.txt" for i in range(4)]


@pytest.mark.parametrize("command", [["query", "select 1 as one"], ["snapshots"], ["runs", "--limit", "1"]],
                         ids=["query", "snapshots", "runs"])
def test_a_bad_run_setting_does_not_stop_a_command_that_only_reads(warehouse, command):
    """Only `run` and `serve` read the run's settings; the others resolve the warehouse's path alone."""
    env = dict(os.environ, ROLEDATA_SHRINK_LIMIT="2", ROLEDATA_WORKERS="none", ROLEDATA_WAREHOUSE=str(warehouse))
    done = subprocess.run([ROLEDATA, *command], capture_output=True, text=True, timeout=120, env=env)
    assert (done.returncode, done.stderr) == (0, "")
    if command[0] == "query":
        assert done.stdout == "one\n---\n1\n(1 row)\n"
    refused = subprocess.run([ROLEDATA, "run", "--no-prefect"], capture_output=True, text=True, timeout=120, env=env)
    assert (refused.returncode, refused.stderr) == (1, "error: bad setting: ROLEDATA_WORKERS='none' is not a valid value\n")
