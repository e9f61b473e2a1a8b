"""The DuckDB warehouse.

A run never edits `roledata.duckdb` in place: it builds the complete new
database in a temporary file next to it and renames it over the old one.
Readers that have the old file open keep reading the old run; new readers
see the new run; nobody sees half of one. The file is written in DuckDB's
v1.0.0 storage format so the 1.x DuckDB CLI (`duckdb-cli` on PyPI) opens it.

Every table and column carries its description from the schema declarations
(`COMMENT ON`, listed by `duckdb_tables()` / `duckdb_columns()`), and views
for the common joins (`schema.VIEWS`: role_pay, role_skill_matrix,
role_requirements, role_summary) are stored with the tables, commented too.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from collections.abc import Iterator
from typing import Protocol

import duckdb

from roledata.contract.export import comment_sql, duckdb_ddl
from roledata.contract.tables import TABLES, TABLES_BY_NAME
from roledata.contract.views import VIEWS, view_sql
from roledata.sql import sql_string



class FinalTables(Protocol):
    """What publishing reads from a run: its final tables, in a DuckDB connection
    (`roledata.run.stage.FinalTables`)."""

    def sql(self, statement: str) -> list[tuple]: ...
    def select_sql(self, name: str) -> str: ...
    def batches(self, name: str, rows: int = 100_000) -> Iterator: ...

STORAGE_VERSION = "v1.0.0"
TEMP_PREFIX = ".roledata-"


class WarehouseError(Exception):
    """The warehouse cannot be read or written (locked, corrupt, bad query)."""


def build_database(database: Path, tables: FinalTables, run_id: str) -> Path:
    """Write every table into a new file beside `database`; `swap_in` makes it live.

    The rows go from the run's DuckDB connection straight into the new file,
    never through Python.
    """
    database.parent.mkdir(parents=True, exist_ok=True)
    tmp = database.with_name(f"{TEMP_PREFIX}{run_id}.duckdb.tmp")
    tmp.unlink(missing_ok=True)
    # DuckDB names a database's write-ahead log by putting ".wal" before the first "?" of its path
    # (it reads what follows as options), so a warehouse under a folder named with "?" is built in
    # a temporary folder and copied in; reading it (read-only, no log) works wherever it is.
    elsewhere = Path(tempfile.mkdtemp(prefix="roledata-warehouse-")) if "?" in str(tmp) else None
    target = elsewhere / tmp.name if elsewhere else tmp
    try:
        tables.sql(f"ATTACH {sql_string(target)} AS w (STORAGE_VERSION '{STORAGE_VERSION}')")
        try:
            for table in TABLES:
                tables.sql(duckdb_ddl(table, schema="w"))
                tables.sql(f"INSERT INTO w.{table.name} {tables.select_sql(table.name)}")
            _describe(tables)
        finally:
            tables.sql("DETACH w")
        if elsewhere:
            shutil.copyfile(target, tmp)
        _fsync(tmp)
    except BaseException as exc:
        remove_temporary(database.parent, run_id)
        if isinstance(exc, duckdb.Error):
            raise WarehouseError(f"cannot write the warehouse: {_first_line(exc)}") from None
        raise
    finally:
        if elsewhere:
            shutil.rmtree(elsewhere, ignore_errors=True)
    return tmp


def _describe(tables: FinalTables) -> None:
    """Comments on every table and column, then the views and theirs: one transaction (a commit per
    statement would cost a WAL sync each, about a second in all)."""
    statements = [sql for table in TABLES for sql in comment_sql(table, schema="w")]
    # The views' queries name the tables unqualified, so they bind in the file itself, whatever it is attached as.
    statements += [sql for view in VIEWS for sql in view_sql(view, schema="w")]
    tables.sql("BEGIN TRANSACTION")
    try:
        for statement in statements:
            tables.sql(statement)
    except BaseException:
        tables.sql("ROLLBACK")
        raise
    tables.sql("COMMIT")


def swap_in(tmp: Path, database: Path) -> None:
    """Atomically replace the live file. Readers holding the old one keep reading it."""
    os.replace(tmp, database)
    Path(str(tmp) + ".wal").unlink(missing_ok=True)


def remove_temporary(folder: Path, run_id: str = "*") -> None:
    """Delete half-built database files (of one run, or of every run killed before its swap)."""
    for path in folder.glob(f"{TEMP_PREFIX}{run_id}.duckdb.tmp*"):
        path.unlink(missing_ok=True)


def database_problem(database: Path) -> str | None:
    """Why the warehouse file cannot serve its readers (missing, cut short, not a database), or None.
    A file another process holds open for writing is there, only busy: no problem."""
    if not database.exists():
        return f"{database.name} is missing"
    try:
        with duckdb.connect(str(database), read_only=True) as con:
            con.execute("SELECT count(*) FROM pipeline_runs").fetchall()
    except duckdb.Error as exc:
        if "lock" in str(exc).lower():
            return None
        return f"{database.name} cannot be opened ({_first_line(exc)})"
    return None


def record_run(database: Path, row: dict) -> bool:
    """Add a run that published nothing to the live warehouse's `pipeline_runs`, in place: one row,
    so a query right after the run shows it. The snapshot is not touched (the next publishing run
    writes the row into its own). False when the file is missing, or held by a reader at this
    moment: the row then waits in the run journal for the next publishing run."""
    if not database.exists():
        return False
    columns = TABLES_BY_NAME["pipeline_runs"].column_names
    try:
        with duckdb.connect(str(database)) as con:
            con.execute("DELETE FROM pipeline_runs WHERE run_id = ?", [row["run_id"]])
            con.execute(f"INSERT INTO pipeline_runs ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                        [row.get(c) for c in columns])
    except duckdb.Error:
        return False
    return True


def query(database: Path, sql: str) -> tuple[list[str], list[tuple]]:
    """Run one read-only query; returns column names and all rows."""
    if not database.exists():
        raise WarehouseError(f"no warehouse at {database}: run `roledata run` first")
    try:
        with duckdb.connect(str(database), read_only=True) as con:
            cursor = con.execute(sql)
            columns = [d[0] for d in cursor.description] if cursor.description else []
            rows = cursor.fetchall() if cursor.description else []
    except duckdb.Error as exc:
        raise WarehouseError(_first_line(exc)) from None
    return columns, rows


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
