"""What changed between two snapshots: `changes.json`, written into every snapshot as it is published.

Rows added, removed and changed (same key, other values) per data table, with
the documents behind them. The catalog reads it; publishing writes it, so it
lives apart from both.
"""
from __future__ import annotations

import json
from pathlib import Path

import duckdb

from roledata.schema import DATA_TABLES, TABLES_BY_NAME


def write_changes(folder: Path, previous: Path | None) -> None:
    """`changes.json` of the snapshot in `folder` against the one in `previous` (None: the first)."""
    changes: dict = {"previous_snapshot": previous.name if previous else None, "tables": {}}
    with duckdb.connect() as con:
        paths = _source_paths(con, [f for f in (folder, previous) if f is not None])
        for table in DATA_TABLES:  # the run log and reject log describe runs, not pages: no diff
            changes["tables"][table.name] = _table_changes(con, table.name, folder, previous, paths)
    (folder / "changes.json").write_text(json.dumps(changes, indent=2) + "\n", encoding="utf-8")


def _parquet(folder: Path, name: str) -> str:
    return "read_parquet('" + str(folder / f"{name}.parquet").replace("'", "''") + "')"


def _source_paths(con: duckdb.DuckDBPyConnection, folders: list[Path]) -> dict[str, str]:
    paths: dict[str, str] = {}
    for folder in folders:
        for doc_id, path in con.execute(f"SELECT document_id, source_path FROM {_parquet(folder, 'documents')}").fetchall():
            paths.setdefault(doc_id, path)
    return paths


def _table_changes(con: duckdb.DuckDBPyConnection, name: str, folder: Path, previous: Path | None,
                   paths: dict[str, str]) -> dict:
    """Rows added, removed and changed (same key, other values), and the documents they come from."""
    table = TABLES_BY_NAME[name]
    new = _parquet(folder, name)
    doc = "document_id" if "document_id" in table.column_names else "NULL"
    if previous is None:
        added, removed, changed = con.execute(f"SELECT {doc} FROM {new}").fetchall(), [], []
    else:
        old = _parquet(previous, name)
        key = ", ".join(f'"{c}"' for c in table.primary_key)
        # first_seen_at is carried over between runs; a diff of it would be noise.
        values = [f'"{c}"' for c in table.column_names if c != "first_seen_at"]
        added = con.execute(f"SELECT {doc} FROM {new} WHERE ({key}) NOT IN (SELECT ({key}) FROM {old})").fetchall()
        removed = con.execute(f"SELECT {doc} FROM {old} WHERE ({key}) NOT IN (SELECT ({key}) FROM {new})").fetchall()
        differs = f"({', '.join('n.' + v for v in values)}) IS DISTINCT FROM ({', '.join('o.' + v for v in values)})"
        changed = con.execute(f"SELECT {'n.' + doc if doc != 'NULL' else doc} FROM {new} AS n "
                              f"JOIN {old} AS o USING ({key}) WHERE {differs}").fetchall()
    ids = sorted({r[0] for r in added + removed + changed if r[0]})
    return {"added": len(added), "removed": len(removed), "changed": len(changed),
            "documents": [{"document_id": d, "source_path": paths.get(d)} for d in ids]}
