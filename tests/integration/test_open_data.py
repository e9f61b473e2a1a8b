"""A real run's snapshot is a valid Frictionless Data Package, and its warehouse carries
views and descriptions that the DuckDB CLI from PyPI lists."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from roledata.run.pipeline import run_pipeline
from roledata.contract.tables import TABLES
from roledata.contract.views import VIEWS
from roledata.settings import Settings
from tests.conftest import RAW

frictionless = pytest.importorskip("frictionless")
DUCKDB_CLI = Path(sys.executable).parent / "duckdb"
FRICTIONLESS_CLI = Path(sys.executable).parent / "frictionless"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    warehouse = tmp_path_factory.mktemp("warehouse")
    report = run_pipeline(Settings(RAW, warehouse, batch_size=2))
    assert report.status == "succeeded"
    folder = warehouse / "snapshots" / report.snapshot_id
    return warehouse, folder, json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def test_the_snapshot_validates_with_frictionless(built):
    _, folder, _ = built
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["taskNumber", "rowNumber", "fieldName", "type", "note"])
    # Every table as CSV (every row against its Table Schema, keys included) and as Parquet (bytes and sha256).
    assert report.stats["tasks"] == 2 * len(TABLES) == 46
    tables = [t for t in report.tasks if t.type == "table"]
    assert sorted(t.name for t in tables) == sorted(t.name for t in TABLES)
    checked_rows = sum(t.stats.get("rows", 0) for t in tables)  # an empty table has no count
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert checked_rows == sum(entry["rows"] for entry in manifest["tables"].values()) > 1000


def test_the_frictionless_cli_says_valid(built):
    _, folder, _ = built
    done = subprocess.run([str(FRICTIONLESS_CLI), "validate", "--json", str(folder / "datapackage.json")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    report = json.loads(done.stdout)
    assert report["valid"] is True and report["stats"]["tasks"] == 46


def test_the_package_names_license_sources_and_contributors(built):
    _, folder, package = built
    assert package["licenses"] == [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                                    "title": "Creative Commons Attribution 4.0 International"}]
    assert package["contributors"] == [{"title": "roledata", "role": "author"}]
    source, onet, bls, esco = package["sources"]
    assert "5 documents" in source["title"] and "://" not in json.dumps(source)  # no invented address
    # The official data the occupation tables come from, each with its licence and its exact credit line.
    assert onet["licenses"][0]["name"] == "CC-BY-4.0" and onet["credit"].endswith(
        "roledata has modified all or some of this information. USDOL/ETA has not approved, endorsed, or tested "
        "these modifications.")
    assert bls["title"].startswith("BLS Occupational Employment and Wage Statistics (OEWS), May 2025")
    assert esco["credit"] == "This service uses the ESCO classification of the European Commission."
    assert package["description"] and package["resources"][0]["name"] == "documents"


def test_csv_and_parquet_hold_the_same_rows(built):
    _, folder, package = built
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    by_name = {r["name"]: r for r in package["resources"]}
    read = frictionless.Package(str(folder / "datapackage.json"))
    for table in TABLES:
        csv, parquet = by_name[table.name], by_name[f"{table.name}-parquet"]
        assert (csv["path"], parquet["path"]) == (f"{table.name}.csv", f"{table.name}.parquet")
        for resource in (csv, parquet):
            assert resource["hash"] == "sha256:" + hashlib.sha256((folder / resource["path"]).read_bytes()).hexdigest()
            assert resource["bytes"] == (folder / resource["path"]).stat().st_size
        assert parquet["hash"] == f"sha256:{manifest['tables'][table.name]['sha256']}"
        assert csv["hash"] == f"sha256:{manifest['tables'][table.name]['csv']['sha256']}"
        # frictionless reads numbers as Decimal; the CSV holds each double's shortest exact form
        from_csv = [{k: float(v) if isinstance(v, Decimal) else v for k, v in dict(r).items()}
                    for r in read.get_resource(table.name).read_rows()]
        from_parquet = pq.read_table(folder / parquet["path"]).to_pylist()
        assert len(from_csv) == len(from_parquet) == manifest["tables"][table.name]["rows"]
        assert from_csv == from_parquet, table.name


def _cli(db: Path, sql: str) -> list[list[str]]:
    done = subprocess.run([str(DUCKDB_CLI), "-readonly", "-json", str(db), "-c", sql],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout or "[]")


def test_the_duckdb_cli_lists_views_and_comments(built):
    warehouse, _, _ = built
    db = warehouse / "roledata.duckdb"
    views = _cli(db, "select view_name, comment from duckdb_views() where not internal order by view_name")
    assert [v["view_name"] for v in views] == sorted(v.name for v in VIEWS)
    assert all(v["comment"] for v in views)
    tables = _cli(db, "select table_name, comment from duckdb_tables() order by table_name")
    assert sorted(t["table_name"] for t in tables) == sorted(t.name for t in TABLES)
    assert all(t["comment"] for t in tables)
    missing = _cli(db, "select table_name, column_name from duckdb_columns() where not internal and comment is null")
    assert missing == []
    described = _cli(db, "select comment from duckdb_columns() where table_name = 'salaries' and column_name = 'period'")
    assert described == [{"comment": "pay period of the amounts (year when the page states none). "
                                     "Allowed values: year, month, biweekly, week, day, hour."}]
    counted = _cli(db, "select count(*) as n from duckdb_columns() where not internal and comment is not null")
    assert counted[0]["n"] == sum(len(t.columns) for t in TABLES) + sum(len(v.columns) for v in VIEWS)


def test_the_views_join_what_analysts_ask_for(built):
    warehouse, _, _ = built
    with duckdb.connect(str(warehouse / "roledata.duckdb"), read_only=True) as con:
        def one(sql):
            return con.execute(sql).fetchall()
        assert one("select count(*) from role_pay") == one("select count(*) from salaries")
        assert one("select title, segment, amount_min, amount_max from role_pay where segment = 'Non-Tech Hubs'") == [
            ("AI Tech Lead", "Non-Tech Hubs", 120_000, 220_000)]
        assert one("select count(*) from role_pay where title is null or source_path is null") == [(0,)]
        assert one("select count(*) from role_skill_matrix") == one(
            "select count(*) from (select distinct role_id, skill_id from role_skills)")
        assert one("select count(*) from role_skill_matrix where skill_name is null or title is null") == [(0,)]
        assert one("select requirement_type, count(*) from role_requirements group by all order by 1") == [
            ("certification", one("select count(*) from certifications")[0][0]),
            ("education", one("select count(*) from education_requirements")[0][0]),
            ("experience", one("select count(*) from experience_requirements")[0][0])]
        assert one("select count(*) from role_summary") == one("select count(*) from roles")
        assert one("select salary_count from role_summary where role_id = 'ai-tech-lead'") == [(11,)]
        # The market views: a row per role, a row per document behind a role. The AI Tech Lead's one page
        # states an overall average of $160,000-$250,000 and no median: its midpoint is $205,000.
        assert one("select count(*) from role_pay_summary") == one("select count(*) from roles")
        assert one("select count(*) from role_sources") == one("select count(*) from role_documents")
        assert one("select documents, documents_with_pay, documents_with_midpoint, midpoint_usd_min, "
                   "midpoint_usd_median, midpoint_usd_max from role_pay_summary where role_id = 'ai-tech-lead'") == [
            (1, 1, 1, 205_000.0, 205_000.0, 205_000.0)]
