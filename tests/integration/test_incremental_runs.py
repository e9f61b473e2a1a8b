"""Incremental runs: a page the row store keeps is not parsed again; a changed, a deleted and a new
page change exactly their rows (the warehouse then holds what a clean `--full` run on the same
input gives, and the previous snapshot keeps what it had); a new parser parses everything again."""
from __future__ import annotations

import shutil

import duckdb
import pyarrow.parquet as pq

from tests.integration.helpers import clean_full_tables, current_tables, edit_inputs, run


def test_unchanged_documents_are_not_parsed_again(raw_copy, tmp_path, monkeypatch):
    from roledata.run import parallel
    from roledata.run import pipeline
    from roledata.settings import Settings

    calls: list[str] = []
    real = parallel.process_document
    monkeypatch.setattr(parallel, "process_document", lambda path, *a: calls.append(path) or real(path, *a))
    warehouse = tmp_path / "warehouse"
    first = pipeline.run_pipeline(Settings(raw_copy, warehouse, batch_size=2))
    assert (first.documents_parsed, first.documents_unchanged, len(calls)) == (5, 0, 5)
    tables = current_tables(warehouse)

    calls.clear()
    second = pipeline.run_pipeline(Settings(raw_copy, warehouse, batch_size=2))
    assert (second.documents_seen, second.documents_parsed, second.documents_unchanged, calls) == (5, 0, 5, [])
    assert current_tables(warehouse) == tables

    full = pipeline.run_pipeline(Settings(raw_copy, warehouse, batch_size=2, full_rebuild=True))
    assert (full.documents_parsed, full.documents_unchanged, len(calls)) == (5, 0, 5)
    assert current_tables(warehouse) == tables


def test_changed_deleted_and_new_documents(baseline, raw_copy, tmp_path):
    warehouse = tmp_path / "warehouse"
    shutil.copytree(baseline, warehouse)
    before = current_tables(warehouse)
    old_snapshot = (warehouse / "snapshots" / "LATEST").read_text().strip()
    edit_inputs(raw_copy)

    done = run(raw_copy, warehouse)
    assert done.returncode == 0, done.stderr
    assert "documents: 5 seen, 2 parsed, 3 unchanged, 0 rejected" in done.stdout
    after = current_tables(warehouse)
    assert after == clean_full_tables(raw_copy, tmp_path)
    with duckdb.connect(str(warehouse / "roledata.duckdb"), read_only=True) as con:
        pay = con.execute("SELECT amount_min, amount_max FROM salaries WHERE role_id = 'vp-of-ai'").fetchall()
        assert sorted(pay, key=repr) == [(180_000, 220_000), (250_000, 320_000), (500_000, None)]
        assert con.execute("SELECT count(*) FROM roles WHERE role_id = 'ai-engineering-manager'").fetchone() == (0,)
    # The previous snapshot keeps the deleted page's rows.
    old_roles = pq.read_table(warehouse / "snapshots" / old_snapshot / "roles.parquet").to_pylist()
    assert any(r["role_id"] == "ai-engineering-manager" and r["is_primary"] for r in old_roles)
    assert len(after["documents"]) == len(before["documents"])


def test_a_new_parser_reparses_everything(raw_copy, tmp_path, monkeypatch):
    from roledata.run import parallel
    from roledata.run import fingerprint
    from roledata.run import pipeline
    from roledata.settings import Settings

    warehouse = tmp_path / "warehouse"
    pipeline.run_pipeline(Settings(raw_copy, warehouse))
    old_folders = sorted(p.name for p in (warehouse / ".roledata" / "rows").iterdir())
    monkeypatch.setattr(fingerprint, "parser_fingerprint", lambda: "another-parser")
    calls: list[str] = []
    real = parallel.process_document
    monkeypatch.setattr(parallel, "process_document", lambda path, *a: calls.append(path) or real(path, *a))
    report = pipeline.run_pipeline(Settings(raw_copy, warehouse))
    assert len(calls) == 5 and (report.documents_parsed, report.documents_unchanged) == (5, 0)
    assert sorted(p.name for p in (warehouse / ".roledata" / "rows").iterdir()) == ["another-parser"]
    assert old_folders != ["another-parser"]
