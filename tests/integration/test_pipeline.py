"""The whole run into a temporary warehouse, without Prefect (the flow test runs it with Prefect)."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import duckdb
import pytest

from roledata.run.pipeline import run_pipeline
from roledata.contract.tables import TABLES
from roledata.settings import Settings
from tests.conftest import RAW
from tests.integration.helpers import table_contents

def build(raw: Path, warehouse: Path):
    return run_pipeline(Settings(raw, warehouse, batch_size=2))


def fetch(db: Path, sql: str, params=None):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    warehouse = tmp_path_factory.mktemp("warehouse")
    report = build(RAW, warehouse)
    return warehouse, report


def test_run_succeeds_with_no_rejects(built):
    _, report = built
    assert (report.status, report.documents_seen, report.documents_parsed, report.documents_rejected) == ("succeeded", 5, 5, 0)
    assert report.rejects == []


def test_five_primary_roles_and_listed_roles(built):
    db = built[0] / "roledata.duckdb"
    primary = fetch(db, "SELECT title FROM roles WHERE is_primary ORDER BY title")
    assert [r[0] for r in primary] == ["AI Engineering Manager", "AI Tech Lead", "Head of AI Engineering",
                                       "VP of AI", "Vice President (VP) of AI/ML Engineering"]
    listed = fetch(db, """SELECT r.title, s.amount_min, s.amount_max FROM roles r JOIN salaries s USING (role_id)
                          WHERE NOT r.is_primary ORDER BY r.title""")
    assert listed == [("AI Safety Engineer", 130_000, 210_000), ("Healthcare AI Engineer", 115_000, 195_000),
                      ("Staff Machine Learning Engineer", 195_000, 310_000), ("Synthetic Data Engineer", 105_000, 175_000),
                      ("Video Generation Engineer", 115_000, 210_000), ("Voice AI Engineer", 105_000, 195_000)]
    assert fetch(db, "SELECT count(*) FROM salaries WHERE role_id = 'vp-of-ai'") == [(3,)]


def test_provenance_holds_on_every_row_of_every_table(built):
    db = built[0] / "roledata.duckdb"
    docs = {doc_id: (RAW / path).read_bytes().decode(encoding)
            for doc_id, path, encoding in fetch(db, "SELECT document_id, source_path, encoding FROM documents")}
    checked = 0
    for table in TABLES:
        if not table.has_provenance:
            continue
        for doc_id, start, end, text in fetch(db, f"SELECT document_id, char_start, char_end, text FROM {table.name}"):
            assert docs[doc_id][start:end] == text, (table.name, start, end)
            checked += 1
    _, report = built
    assert checked == sum(report.row_counts[t.name] for t in TABLES if t.has_provenance)
    assert checked > 600


def test_every_child_row_points_at_a_role(built):
    db = built[0] / "roledata.duckdb"
    for table in TABLES:
        if "role_id" in table.column_names and table.name != "roles":
            orphans = fetch(db, f"SELECT count(*) FROM {table.name} WHERE role_id NOT IN (SELECT role_id FROM roles)")
            assert orphans == [(0,)], table.name


def test_snapshot_is_complete_and_hashed(built):
    warehouse, report = built
    snapshots = warehouse / "snapshots"
    assert (snapshots / "LATEST").read_text().strip() == report.snapshot_id
    folder = snapshots / report.snapshot_id
    manifest = json.loads((folder / "manifest.json").read_text())
    package = json.loads((folder / "datapackage.json").read_text())
    assert manifest["snapshot_id"] == report.snapshot_id and manifest["contract_version"] == "1"
    assert set(manifest["tables"]) == {t.name for t in TABLES}
    # How far to trust the release: the parser's figures on the project's own pages with gold answers.
    assert manifest["accuracy"]["corpora"]["samples"]["fields"]["salaries"] == {"gold": 36, "recall": 1.0,
                                                                                "precision": 1.0}
    db = warehouse / "roledata.duckdb"
    # Each table twice: <table> is the CSV with its Table Schema, <table>-parquet the main download.
    by_name = {r["name"]: r for r in package["resources"]}
    assert set(by_name) == {t.name for t in TABLES} | {f"{t.name}-parquet" for t in TABLES}
    for table in TABLES:
        resource = by_name[f"{table.name}-parquet"]
        path = folder / resource["path"]
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert resource["hash"] == f"sha256:{digest}" == f"sha256:{manifest['tables'][table.name]['sha256']}"
        assert [f["name"] for f in by_name[table.name]["schema"]["fields"]] == table.column_names
        parquet_rows = fetch(db, f"SELECT count(*) FROM read_parquet('{path}')")[0][0]
        assert parquet_rows == manifest["tables"][table.name]["rows"] == fetch(db, f"SELECT count(*) FROM {table.name}")[0][0]
    assert not [p for p in snapshots.iterdir() if p.name.startswith(".tmp")]


def test_run_twice_gives_identical_tables(tmp_path):
    build(RAW, tmp_path)
    first = table_contents(tmp_path / "roledata.duckdb")
    rebuilt = run_pipeline(Settings(RAW, tmp_path, batch_size=2, full_rebuild=True))  # not skipped as unchanged
    assert rebuilt.message is None
    second = table_contents(tmp_path / "roledata.duckdb")
    assert first == second
    runs = fetch(tmp_path / "roledata.duckdb", "SELECT status FROM pipeline_runs ORDER BY started_at")
    assert runs == [("succeeded",), ("succeeded",)]


def test_changed_document_replaces_its_rows(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    page = raw / "003_d215e5b89abca971.txt"
    build(raw, tmp_path / "wh")
    old_id = hashlib.sha256(page.read_bytes()).hexdigest()
    page.write_text(page.read_text(encoding="utf-8").replace("Non-Tech Hubs: $120,000 - $220,000", "Non-Tech Hubs: $125,000 - $225,000"),
                    encoding="utf-8")
    build(raw, tmp_path / "wh")
    db = tmp_path / "wh" / "roledata.duckdb"
    assert fetch(db, "SELECT count(*) FROM salaries WHERE document_id = ?", [old_id]) == [(0,)]
    assert fetch(db, "SELECT amount_min, amount_max FROM salaries WHERE segment = 'Non-Tech Hubs'") == [(125_000, 225_000)]
    assert fetch(db, "SELECT count(*) FROM salaries WHERE role_id = 'ai-tech-lead'") == [(11,)]


def test_bad_documents_are_rejected_and_the_rest_loads(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "empty.txt").write_bytes(b"")
    (raw / "binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (raw / "no title.txt").write_text("- just a bullet\n- and another\n", encoding="utf-8")
    (raw / "copy of 003.txt").write_bytes((RAW / "003_d215e5b89abca971.txt").read_bytes())
    cp1252 = "Overview\nThe Café Data Lead is a role that runs data teams — well.\nSalary\n- Range: $90,000 - $120,000\n"
    (raw / "cp1252 page.txt").write_bytes(cp1252.encode("cp1252"))
    report = build(raw, tmp_path / "wh")
    reasons = sorted((r["source_path"], r["reason"]) for r in report.rejects)
    assert reasons == [
        ("binary.bin", "binary file: NUL bytes in the first 8 KiB"),
        ("copy of 003.txt", "duplicate: same bytes as 003_d215e5b89abca971.txt"),
        ("empty.txt", "empty document: 0 bytes"),
        ("no title.txt", "not about a role: no role title, duties, skills or pay found"),
    ]
    db = tmp_path / "wh" / "roledata.duckdb"
    assert fetch(db, "SELECT encoding, status FROM documents WHERE source_path = 'cp1252 page.txt'") == [("cp1252", "parsed")]
    assert fetch(db, "SELECT title FROM roles WHERE role_id = 'cafe-data-lead'") == [("Café Data Lead",)]
    assert fetch(db, "SELECT count(*) FROM roles WHERE is_primary") == [(6,)]
    assert fetch(db, "SELECT count(*) FROM rejects") == [(4,)]


def test_implausible_pay_is_rejected_and_the_page_still_loads(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "typo.txt").write_text(
        "Overview\nThe Robotics Lead is a role that leads robotics teams.\n"
        "Salary Ranges (US Market, 2025)\nPay varies widely:\nRanges\n"
        "- Typical range: $175,000 – $2100,000+\n"
        "- Junior-Level (0-2 years): $9,000 - $12,000\n"
        "- Senior-Level (8+ years): $190,000 - $260,000\n", encoding="utf-8")
    report = build(raw, tmp_path / "wh")
    assert sorted((r["table_name"], r["reason"]) for r in report.rejects) == [
        ("salaries", "amount_max at most 10 times amount_min"),
        ("salaries", "annual salary between $10,000 and $10,000,000"),
    ]
    typo = json.loads(next(r["payload"] for r in report.rejects if "10 times" in r["reason"]))
    assert (typo["amount_min"], typo["amount_max"], typo["amount_text"]) == (175_000, 2_100_000, "$175,000 – $2100,000+")
    db = tmp_path / "wh" / "roledata.duckdb"
    assert fetch(db, "SELECT segment, amount_min, amount_max, reference_year FROM salaries") == [
        ("Senior-Level (8+ years)", 190_000, 260_000, 2025)]
    assert fetch(db, "SELECT table_name, reason FROM rejects ORDER BY reason") == [
        ("salaries", "amount_max at most 10 times amount_min"),
        ("salaries", "annual salary between $10,000 and $10,000,000")]


def test_rejects_hold_the_current_rejects_and_do_not_pile_up(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "empty.txt").write_bytes(b"")
    (raw / "blank.txt").write_bytes(b"  \n")
    reports = [run_pipeline(Settings(raw, tmp_path / "wh", full_rebuild=True)) for _ in range(3)]
    db = tmp_path / "wh" / "roledata.duckdb"
    rows = fetch(db, "SELECT source_path, reason, first_run_id, last_run_id, run_id FROM rejects ORDER BY source_path")
    assert rows == [
        ("blank.txt", "empty document: only white space", reports[0].run_id, reports[2].run_id, reports[2].run_id),
        ("empty.txt", "empty document: 0 bytes", reports[0].run_id, reports[2].run_id, reports[2].run_id),
    ]
    (raw / "blank.txt").unlink()  # fixed at the source: its reject leaves the table
    fourth = run_pipeline(Settings(raw, tmp_path / "wh", full_rebuild=True))
    assert fetch(db, "SELECT source_path, first_run_id, last_run_id FROM rejects") == [
        ("empty.txt", reports[0].run_id, fourth.run_id)]


def test_snapshot_parquet_files_are_written_in_bounded_row_groups(tmp_path, monkeypatch):
    # A reader holds a row group's column at once: 100,000 posting texts in one group ran out of DuckDB's
    # memory cap when the CSV was written from it. With groups of 1,000 rows the 7,870 skills take 8.
    import pyarrow.parquet as pq

    from roledata.publish import snapshot

    monkeypatch.setattr(snapshot, "ROW_GROUP_ROWS", 1_000)
    report = run_pipeline(Settings(RAW, tmp_path / "wh", batch_size=2))
    folder = tmp_path / "wh" / "snapshots" / report.snapshot_id
    skills = pq.ParquetFile(folder / "skills.parquet")
    groups = [skills.metadata.row_group(i).num_rows for i in range(skills.num_row_groups)]
    assert max(groups) == 1_000 and sum(groups) == 7_870 and len(groups) == 8
    with duckdb.connect() as con:
        assert con.execute(f"SELECT count(*) FROM read_csv('{folder / 'skills.csv'}')").fetchone() == (7_870,)
