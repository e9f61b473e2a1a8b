"""`changes.json` compares two snapshots by a hash of each row's values: the join holds keys and hashes, and
the values are read for the sampled changed rows only. Two snapshots of 100,000 postings joined with their
texts ran out of DuckDB's cap; here, 600 pages of 100 KB each (60 MB a snapshot) under a cap of 32 MB
(comparing the texts themselves needed more than 48 MB)."""
from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq

from roledata.contract.export import arrow_schema
from roledata.contract.tables import DATA_TABLES, TABLES_BY_NAME
from roledata.publish import changes

PAGES = 600
TEXT = 100_000  # characters a page


def _snapshot(folder, edited: set[int]) -> None:
    folder.mkdir()
    for table in DATA_TABLES:
        pq.write_table(arrow_schema(table).empty_table(), folder / f"{table.name}.parquet")
    ids = [f"{i:064x}" if i not in edited else f"{i + 10_000:064x}" for i in range(PAGES)]
    # The documents' other columns are left empty: only their ids and paths matter here.
    schema = pa.schema([f.with_nullable(True) for f in arrow_schema(TABLES_BY_NAME["documents"])])
    columns = {c: [None] * PAGES for c in schema.names}
    columns.update(document_id=ids, source_path=[f"page{i:03}.txt" for i in range(PAGES)])
    pq.write_table(pa.table(columns, schema=schema), folder / "documents.parquet")
    texts = [(chr(ord("a") + i % 26) + ("x" if i in edited else "")) * (TEXT // 2) for i in range(PAGES)]
    pq.write_table(pa.table({"document_id": ids, "text": texts}, schema=arrow_schema(TABLES_BY_NAME["document_texts"])),
                   folder / "document_texts.parquet")


def test_two_snapshots_of_long_texts_compare_under_a_small_cap(tmp_path, monkeypatch):
    _snapshot(tmp_path / "old", set())
    _snapshot(tmp_path / "new", {7, 8})
    config = changes.duckdb_config

    def small(spill=None, ordered=False):
        return {**config(spill, ordered), "memory_limit": "32MB", "threads": 1}

    monkeypatch.setattr(changes, "duckdb_config", small)
    changes.write_changes(tmp_path / "new", tmp_path / "old", tmp_path / "spill")
    found = json.loads((tmp_path / "new" / "changes.json").read_text())["tables"]
    texts = found["document_texts"]
    assert (texts["added"], texts["removed"], texts["changed"]) == (0, 0, 2)
    assert texts["documents"] == [{"document_id": f"{i + 10_000:064x}", "source_path": f"page{i:03}.txt"}
                                  for i in (7, 8)]
    assert sorted(r["source_path"] for r in texts["changed_rows"]) == ["page007.txt", "page008.txt"]
    row = next(r for r in texts["changed_rows"] if r["source_path"] == "page007.txt")
    assert set(row["before"]) == {"document_id", "text"} and row["after"]["text"] == "hx" * (TEXT // 2)
