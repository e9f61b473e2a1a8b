"""Running the installed `roledata` command in tests, comparing warehouses, and the checks and
edits the run-in-real-life tests share (incremental runs, one run at a time, crash safety)."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from roledata.contract import tables as schema  # noqa
from roledata.contract.tables import TABLES_BY_NAME
from tests.conftest import SAMPLES

DATA_TABLES = [t.name for t in schema.DATA_TABLES]


def table_contents(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {name: sorted(con.execute(f"SELECT * FROM {name}").fetchall(), key=repr) for name in DATA_TABLES}


ROLEDATA = str(Path(sys.executable).parent / "roledata")
SEEN_AT = TABLES_BY_NAME["documents"].column_names.index("first_seen_at")


def roledata(*args: str, fault: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    env = dict(os.environ, ROLEDATA_FAULT=fault or "")
    return subprocess.run([ROLEDATA, *args], capture_output=True, text=True, timeout=timeout, env=env)


def run(raw: Path, warehouse: Path, *extra: str, fault: str | None = None) -> subprocess.CompletedProcess:
    return roledata("run", "--raw", str(raw), "--warehouse", str(warehouse), "--no-prefect", *extra, fault=fault)


def start(raw: Path, warehouse: Path, *extra: str, fault: str | None = None, prefect: bool = False,
          env: dict | None = None) -> subprocess.Popen:
    env = dict(os.environ, ROLEDATA_FAULT=fault or "", **(env or {}))
    args = [ROLEDATA, "run", "--raw", str(raw), "--warehouse", str(warehouse), *extra]
    if not prefect:
        args.append("--no-prefect")
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)


def kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=30)


def current_tables(warehouse: Path) -> dict[str, list[tuple]]:
    """Every data table; first_seen_at dropped, since it is the one thing a fresh warehouse cannot know."""
    tables = table_contents(warehouse / "roledata.duckdb")
    tables["documents"] = sorted((r[:SEEN_AT] + r[SEEN_AT + 1:] for r in tables["documents"]), key=repr)
    return tables


def clean_full_tables(raw: Path, tmp: Path) -> dict[str, list[tuple]]:
    fresh = tmp / "clean-full-warehouse"
    shutil.rmtree(fresh, ignore_errors=True)
    done = run(raw, fresh, "--full")
    assert done.returncode == 0, done.stderr
    return current_tables(fresh)


def runs_table(warehouse: Path) -> list[tuple]:
    with duckdb.connect(str(warehouse / "roledata.duckdb"), read_only=True) as con:
        return con.execute("SELECT run_id, status, message FROM pipeline_runs ORDER BY run_id").fetchall()


def assert_snapshots_whole(warehouse: Path) -> None:
    """LATEST names a snapshot, and every snapshot folder opens, table by table."""
    snapshots = warehouse / "snapshots"
    latest = (snapshots / "LATEST").read_text().strip()
    assert (snapshots / latest / "manifest.json").exists()
    for folder in snapshots.iterdir():
        if folder.is_dir():
            assert not folder.name.startswith("."), f"half-written snapshot left: {folder.name}"
            manifest = json.loads((folder / "manifest.json").read_text())
            for name, table in manifest["tables"].items():
                assert pq.read_table(folder / table["path"]).num_rows == table["rows"], (folder.name, name)


def edit_inputs(raw: Path) -> None:
    """A changed page (new salary figure), a deleted page and a new page."""
    page = raw / SAMPLES["vp_of_ai"]
    text = page.read_text(encoding="utf-8")
    assert "$240K–$300K" in text
    page.write_text(text.replace("$240K–$300K", "$250K–$320K"), encoding="utf-8")
    (raw / SAMPLES["ai_engineering_manager"]).unlink()
    shutil.copy(Path(__file__).parents[1] / "pages" / "generic_markdown.md", raw / "new page.md")
