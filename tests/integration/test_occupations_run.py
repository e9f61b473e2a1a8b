"""A run codes every role to an occupation, sets its pay beside OEWS, and the catalog shows both."""
from __future__ import annotations

import html
import re
import shutil

import duckdb
import pytest

from roledata.occupations.index import reference
from roledata.run.pipeline import run_pipeline
from roledata.settings import Settings
from roledata.sql import DUCKDB_MEMORY_LIMIT
from tests.conftest import RAW, ROOT


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    for page in RAW.iterdir():
        shutil.copy(page, raw / page.name)
    shutil.copy(ROOT / "tests" / "pages" / "registered_nurse.md", raw / "registered_nurse.md")
    warehouse = tmp_path_factory.mktemp("warehouse")
    report = run_pipeline(Settings(raw, warehouse, batch_size=2))
    assert report.status == "succeeded"
    return warehouse, report


def _build_again(tmp_path):
    """The `built` fixture's run made again in `tmp_path` (under whatever the test has patched)."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    shutil.copy(ROOT / "tests" / "pages" / "registered_nurse.md", raw / "registered_nurse.md")
    warehouse = tmp_path / "warehouse"
    assert run_pipeline(Settings(raw, warehouse, batch_size=2)).status == "succeeded"
    return warehouse


def _sql(warehouse, query: str) -> list[tuple]:
    with duckdb.connect(str(warehouse / "roledata.duckdb"), read_only=True) as con:
        return con.execute(query).fetchall()


def test_every_role_has_its_occupations_or_the_reason_it_has_none(built):
    warehouse, report = built
    assert report.row_counts["occupations"] == 867 and report.row_counts["occupation_wages"] == 846
    assert _sql(warehouse, "SELECT count(*) FROM roles r WHERE NOT EXISTS "
                           "(SELECT 1 FROM role_occupations o WHERE o.role_id = r.role_id AND o.rank = 1)") == [(0,)]
    assert _sql(warehouse, "SELECT role_id, reason FROM role_occupations WHERE soc_code IS NULL") == [
        ("video-generation-engineer", "no O*NET title matches the title, and no occupation's tasks are near the "
                                      "duties (best similarity 0.148, 0.15 needed)")]
    assert _sql(warehouse, "SELECT soc_code, method FROM role_occupations WHERE role_id = 'ai-engineering-manager' "
                           "AND rank = 1") == [("11-3021", "management_title")]


def test_the_nurses_pay_sits_at_its_percentile_of_the_registered_nurses_wages(built):
    warehouse, _ = built
    # $78,000 - $104,000: its middle, $91,000, lies between OEWS's p25 ($80,330) and median ($97,550)
    # for 29-1141 Registered Nurses: 25 + 25 * 10,670 / 17,220 = 40.5.
    assert _sql(warehouse, "SELECT annual_usd, soc_code, market_percentile, market_position, ratio_to_median "
                           "FROM role_pay_vs_market WHERE role_id = 'registered-nurse'") == [
        (91_000.0, "29-1141", 40.5, "p25 to median", 0.933)]
    assert _sql(warehouse, "SELECT roles, documents, median_stated_usd, oews_median_usd FROM occupation_pay_summary "
                           "WHERE soc_code = '29-1141'") == [(1, 1, 91_000.0, 97_550.0)]


def test_the_role_page_shows_the_occupation_the_oews_distribution_and_the_credit_lines(built):
    warehouse, report = built
    page = (warehouse / "snapshots" / report.snapshot_id / "roles" / "registered-nurse.html").read_text(encoding="utf-8")
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
    assert "Coded to 29-1141 Registered Nurses (SOC 2018; O*NET-SOC 29-1141.00; ISCO-08 2221" in text
    assert "median $97,550 a year; 10th to 90th percentile $68,940 – $137,470" in text
    assert "OEWS May 2025, Registered Nurses (29-1141): p10 to p90" in text  # the chart's bar behind the pay
    assert "roledata has modified all or some of this information." in text
    assert "This service uses the ESCO classification of the European Commission." in text


def test_roles_read_a_slice_at_a_time_are_coded_as_in_one_slice(built, tmp_path, monkeypatch):
    # The run reads the roles' inputs in slices (100,000 exported postings at once ran out of DuckDB's
    # memory cap); slices of three roles give the same codings as one slice.
    from roledata.run import stage

    warehouse, _ = built
    monkeypatch.setattr(stage, "ROLE_SLICE", 3)
    # DuckDB's cap is lowered, with one thread, while roles are coded (the matcher needs the room), then
    # restored; lowered again while the snapshot's files are written, until the tables are let go.
    limits = []
    run_sql = stage.FinalTables.sql

    def recording(self, statement: str) -> list[tuple]:
        if statement.startswith("SET"):
            limits.append(statement)
        return run_sql(self, statement)

    monkeypatch.setattr(stage.FinalTables, "sql", recording)
    sliced = _build_again(tmp_path)
    query = "SELECT * FROM role_occupations ORDER BY ALL"
    expected = _sql(warehouse, query)
    assert len({row[0] for row in expected}) >= 12  # more roles than slices of three
    assert _sql(sliced, query) == expected
    threads = duckdb.connect().execute("SELECT current_setting('threads')").fetchall()[0][0]
    assert limits == [f"SET memory_limit = '{stage.CODING_MEMORY_LIMIT}'", "SET threads = 1",
                      f"SET memory_limit = '{DUCKDB_MEMORY_LIMIT}'", f"SET threads = {threads}",
                      f"SET memory_limit = '{stage.PUBLISH_MEMORY_LIMIT}'", "SET threads = 1"]
    assert reference.cache_info().currsize == 1  # a run of a few pages keeps the matcher for the next


def test_documents_and_role_inputs_read_in_small_slices_give_the_same_tables(built, tmp_path, monkeypatch):
    # A 100,000-row export's documents and role inputs at once held too much memory: both are read a
    # slice at a time. Slices of two pages and of five duties give the tables of one slice.
    from roledata.run import stage

    warehouse, _ = built
    monkeypatch.setattr(stage, "DOCUMENT_SLICE", 2)
    monkeypatch.setattr(stage, "ROLE_SLICE_DUTIES", 5)
    sliced = _build_again(tmp_path)
    # More pages than a slice: the matcher's reference is let go once the roles are coded.
    assert reference.cache_info().currsize == 0
    duties = _sql(warehouse, "SELECT role_id, count(*) FROM duties GROUP BY role_id ORDER BY ALL")
    assert len(duties) >= 6 and max(n for _, n in duties) > 5  # several slices, one role alone past the bound
    for query in ("SELECT * EXCLUDE (first_seen_at) FROM documents", "SELECT * FROM role_occupations ORDER BY ALL",
                  "SELECT * EXCLUDE (run_id, first_run_id, last_run_id) FROM rejects ORDER BY ALL"):
        assert _sql(sliced, query) == _sql(warehouse, query)
