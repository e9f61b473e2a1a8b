"""The DuckDB warehouse.

A run never edits `roledata.duckdb` in place: it builds the complete new
database in a temporary file next to it and renames it over the old one.
Readers that have the old file open keep reading the old run; new readers
see the new run; nobody sees half of one. The file is written in DuckDB's
v1.0.0 storage format so the 1.x DuckDB CLI (`duckdb-cli` on PyPI) opens it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from roledata.schema import TABLES, TABLES_BY_NAME, arrow_schema, duckdb_ddl, empty_frame, to_frame

STORAGE_VERSION = "v1.0.0"


class WarehouseError(Exception):
    """The warehouse cannot be read or written (locked, corrupt, bad query)."""


@dataclass
class History:
    runs: pd.DataFrame
    rejects: pd.DataFrame
    first_seen: dict[str, pd.Timestamp]


def read_history(database: Path) -> History:
    """What a run carries over from the previous warehouse: run log, rejects, first-seen times."""
    runs, rejects = empty_frame(TABLES_BY_NAME["pipeline_runs"]), empty_frame(TABLES_BY_NAME["rejects"])
    if not database.exists():
        return History(runs, rejects, {})
    try:
        with duckdb.connect(str(database), read_only=True) as con:
            runs = _read(con, "pipeline_runs")
            rejects = _read(con, "rejects")
            docs = con.execute("SELECT document_id, first_seen_at FROM documents").fetchall()
    except duckdb.Error as exc:
        raise WarehouseError(f"cannot read the warehouse {database}: {_first_line(exc)}") from None
    return History(runs, rejects, {doc_id: pd.Timestamp(seen) for doc_id, seen in docs})


def check_readable(database: Path) -> None:
    """Open and close the warehouse read-only: a locked or corrupt file fails here, in one line."""
    if not database.exists():
        return
    try:
        duckdb.connect(str(database), read_only=True).close()
    except duckdb.Error as exc:
        raise WarehouseError(f"cannot read the warehouse {database}: {_first_line(exc)}") from None


def _read(con: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame:
    table = TABLES_BY_NAME[name]
    existing = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?", [name]).fetchall()}
    if not existing:
        return empty_frame(table)
    cols = [c for c in table.column_names if c in existing]
    records = con.execute(f"SELECT {', '.join(cols)} FROM {name}").fetch_df().to_dict("records")
    return to_frame(table, records)


def write_warehouse(database: Path, frames: dict[str, pd.DataFrame], run_id: str) -> None:
    """Write every table into a new file, then swap it in atomically."""
    database.parent.mkdir(parents=True, exist_ok=True)
    tmp = database.with_name(f".roledata-{run_id}.duckdb.tmp")
    tmp.unlink(missing_ok=True)
    try:
        with duckdb.connect() as con:
            con.execute(f"ATTACH '{_sql_path(tmp)}' AS w (STORAGE_VERSION '{STORAGE_VERSION}')")
            for table in TABLES:
                con.execute(duckdb_ddl(table, schema="w"))
                frame = frames.get(table.name)
                if frame is None or not len(frame):
                    continue
                arrow = pa.Table.from_pandas(frame[table.column_names], schema=arrow_schema(table), preserve_index=False)
                con.register("incoming", arrow)
                con.execute(f"INSERT INTO w.{table.name} SELECT * FROM incoming")
                con.unregister("incoming")
            con.execute("DETACH w")
        _fsync(tmp)
        os.replace(tmp, database)
    except duckdb.Error as exc:
        raise WarehouseError(f"cannot write the warehouse: {_first_line(exc)}") from None
    finally:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)


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


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
