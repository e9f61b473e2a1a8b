"""What changed between two snapshots: `changes.json`, written into every snapshot as it is published.

Per data table: rows added, removed and changed, the documents behind them
(each with its current `document_id`, or its last one when it is gone),
and the changed rows themselves (key, page, and each differing column's
before and after value; the first `ROW_SAMPLE` per table).

A row is matched to its previous version by its key. Row ids come from the
row's content (`roledata.extract.identity`), so an edited pay figure is one
changed salary row. Where a key holds `document_id` (the bytes of one
version of a page), the page's path stands in for it, so a page edited in
place keeps its sections and skill rows. Where a row sits (`document_id`,
`char_start`, `char_end`, a duty's or FAQ's `ordinal`) and when it was first
seen are not values: a row that only moved because its page was edited
elsewhere is unchanged.

The catalog reads it; publishing writes it, so it lives apart from both.
"""
from __future__ import annotations

import json
import math
from datetime import date, datetime
from pathlib import Path

import duckdb

from roledata.contract.tables import DATA_TABLES, TABLES_BY_NAME
from roledata.sql import duckdb_config, read_parquet

ROW_SAMPLE = 100  # changed rows listed per table with their before and after values
_NOT_VALUES = {"document_id", "char_start", "char_end", "ordinal", "first_seen_at"}


def write_changes(folder: Path, previous: Path | None, spill: Path | None = None) -> None:
    """`changes.json` of the snapshot in `folder` against the one in `previous` (None: the first);
    DuckDB's memory is capped like every connection of a run's, spilling to `spill`."""
    # Written a table at a time, as `json.dumps(changes, indent=2)` would write the whole: a first
    # snapshot of 100,000 postings lists every page under every table, 170 MB of JSON built at once.
    with duckdb.connect(config=duckdb_config(spill)) as con, \
            open(folder / "changes.json", "w", encoding="utf-8") as out:
        _keyed_documents(con, "new_docs", folder)
        if previous is not None:
            _keyed_documents(con, "old_docs", previous)
        ids = dict(con.execute("SELECT _path, _doc FROM old_docs").fetchall()) if previous is not None else {}
        ids.update(con.execute("SELECT _path, _doc FROM new_docs").fetchall())  # the page's current version
        out.write(f'{{\n  "previous_snapshot": {json.dumps(previous.name if previous else None)},\n  "tables": {{')
        for i, table in enumerate(DATA_TABLES):  # the run log and reject log describe runs, not pages: no diff
            change = _table_changes(con, table.name, folder, previous)
            change["documents"] = [{"document_id": ids.get(p), "source_path": p} for p in change["documents"]]
            body = json.dumps(change, indent=2, default=_json_value).replace("\n", "\n    ")  # JSON strings hold no newline
            out.write(f'{"," if i else ""}\n    {json.dumps(table.name)}: {body}')
        out.write("\n  }\n}\n")


def _parquet(folder: Path, name: str) -> str:
    return read_parquet(folder / f"{name}.parquet")


def _keyed_documents(con: duckdb.DuckDBPyConnection, view: str, folder: Path) -> None:
    con.execute(f"CREATE TEMP TABLE {view} AS SELECT document_id AS _doc, source_path AS _path "
                f"FROM {_parquet(folder, 'documents')}")


def _keyed(name: str, folder: Path, docs: str) -> str:
    """The table with `_path`, the page's path, beside every row (NULL for rows without a page)."""
    if "document_id" not in TABLES_BY_NAME[name].column_names:
        return f"(SELECT *, NULL::VARCHAR AS _path FROM {_parquet(folder, name)})"
    return f"(SELECT t.*, d._path FROM {_parquet(folder, name)} AS t LEFT JOIN {docs} AS d ON d._doc = t.document_id)"


def _table_changes(con: duckdb.DuckDBPyConnection, name: str, folder: Path, previous: Path | None) -> dict:
    """Rows added, removed and changed (same key, other values), the pages they come from, and a
    sample of the changed rows with the values that differ. Counted and gathered in SQL: only the
    pages and the sample reach Python.

    Rows are compared by a hash of their values, so a join holds keys and hashes, not the values: two
    snapshots' `document_texts` of 100,000 postings joined with their texts ran out of DuckDB's cap. A
    changed row whose values hash alike (64 bits) would be missed: out of reach for a snapshot's rows.
    The values themselves are read for the sample's rows only."""
    table = TABLES_BY_NAME[name]
    new = _keyed(name, folder, "new_docs")
    if previous is None:
        return _summary(con, f"SELECT _path FROM {new}", "", "", [])
    old = _keyed(name, previous, "old_docs")
    key = [("_path" if c == "document_id" else f'"{c}"') for c in table.primary_key]
    on = " AND ".join(f"n.{k} IS NOT DISTINCT FROM o.{k}" for k in key)
    values = [c for c in table.column_names if c not in _NOT_VALUES and c not in table.primary_key]
    if table.primary_key == ("document_id",):
        values.insert(0, "document_id")  # a page keyed by its path: its new bytes are the change
    added = f"SELECT n._path FROM {new} AS n ANTI JOIN {old} AS o ON {on}"
    removed = f"SELECT o._path FROM {old} AS o ANTI JOIN {new} AS n ON {on}"
    if not values:
        return _summary(con, added, removed, "", [])
    quoted = ", ".join(f'"{v}"' for v in values)
    digest = f"hash(ROW({quoted})) AS _values"
    new_digests = f"(SELECT {', '.join(dict.fromkeys([*key, '_path']))}, {digest} FROM {new})"
    old_digests = f"(SELECT {', '.join(key)}, {digest} FROM {old})"
    differing = f"FROM {new_digests} AS n JOIN {old_digests} AS o ON {on} WHERE n._values <> o._values"
    keys = [c for c in table.primary_key if c != "document_id"]
    rows = _sample(con, key, values, keys, new, old, on,
                   f"SELECT {', '.join(f'n.{k}' for k in key)} {differing} LIMIT {ROW_SAMPLE + 1}")
    summary = _summary(con, added, removed, f"SELECT n._path {differing}", rows[:ROW_SAMPLE])
    if rows:
        summary["changed_rows_truncated"] = len(rows) > ROW_SAMPLE
    return summary


def _sample(con: duckdb.DuckDBPyConnection, key: list[str], values: list[str], keys: list[str], new: str, old: str,
            on: str, picked: str) -> list[dict]:
    """The changed rows whose keys `picked` selects, with their values before and after: the values of
    those rows only are read (a semi join on the picked keys before the join of the two tables)."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE _picked AS {picked}")
    match = " AND ".join(f"p.{k} IS NOT DISTINCT FROM t.{k}" for k in key)
    columns = ", ".join([*(f'n."{k}"' for k in keys), "n._path",
                         *(f'o."{v}"' for v in values), *(f'n."{v}"' for v in values)])
    sample = con.execute(
        f"SELECT {columns} FROM (SELECT * FROM {new} AS t SEMI JOIN _picked AS p ON {match}) AS n "
        f"JOIN (SELECT * FROM {old} AS t SEMI JOIN _picked AS p ON {match}) AS o ON {on}").fetchall()
    con.execute("DROP TABLE _picked")
    return [_changed_row(keys, values, row) for row in sample]


def _changed_row(keys: list[str], values: list[str], row: tuple) -> dict:
    key = dict(zip(keys, row[:len(keys)]))
    path = row[len(keys)]
    before = row[len(keys) + 1:len(keys) + 1 + len(values)]
    after = row[len(keys) + 1 + len(values):]
    differing = [i for i, (b, a) in enumerate(zip(before, after)) if not _same(b, a)]
    return {"key": key, "source_path": path, "before": {values[i]: before[i] for i in differing},
            "after": {values[i]: after[i] for i in differing}}


def _same(before, after) -> bool:
    if isinstance(before, float) and isinstance(after, float) and math.isnan(before) and math.isnan(after):
        return True
    return before == after


def _summary(con: duckdb.DuckDBPyConnection, added: str, removed: str, changed: str, rows: list[dict]) -> dict:
    """Counts of the three queries of pages (an empty string: none) and the pages they touch."""
    parts = {kind: sql for kind, sql in (("added", added), ("removed", removed), ("changed", changed)) if sql}
    summary = {kind: 0 for kind in ("added", "removed", "changed")}
    paths: set[str] = set()
    for kind, sql in parts.items():
        for path, count in con.execute(f"SELECT _path, count(*) FROM ({sql}) GROUP BY _path").fetchall():
            summary[kind] += count
            if path:
                paths.add(path)
    summary["documents"] = sorted(paths)
    if rows:
        summary["changed_rows"] = rows
    return summary


def _json_value(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return str(value)
