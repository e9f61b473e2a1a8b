"""One role, many documents: postings of one title from different employers each keep their own
`role_documents` row; `roles` holds the role once with how many documents describe it; the market
views summarize the documents' pay. The postings are our own (tests/pages/market/), 20 of the title
"Machine Learning Engineer" (one written "Machine-Learning Engineer") from 20 employers."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from roledata.run.pipeline import run_pipeline
from roledata.settings import Settings
from tests.conftest import PAGES, RAW

MARKET = PAGES / "market"
ROLE = "machine-learning-engineer"


def _run(raw: Path, warehouse: Path):
    report = run_pipeline(Settings(raw, warehouse, workers=1))
    assert report.status == "succeeded", report.message
    return report


def _rows(warehouse: Path, sql: str) -> list[dict]:
    with duckdb.connect(str(warehouse / "roledata.duckdb"), read_only=True) as con:
        cursor = con.execute(sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]


@pytest.fixture(scope="module")
def samples_and_market(tmp_path_factory) -> Path:
    """The five sample pages and the twenty postings in one raw folder, run once."""
    root = tmp_path_factory.mktemp("market")
    raw = root / "raw"
    shutil.copytree(RAW, raw)
    for page in MARKET.iterdir():
        shutil.copy(page, raw / page.name)
    _run(raw, root / "warehouse")
    return root / "warehouse"


def test_no_page_loses_its_role_and_every_parsed_page_has_one_primary_row(samples_and_market):
    warehouse = samples_and_market
    assert _rows(warehouse, "SELECT count(*) AS n FROM rejects WHERE reason LIKE 'duplicate primary key%'") == [{"n": 0}]
    per_document = _rows(warehouse, """
        SELECT d.source_path, count(r.role_id) FILTER (WHERE r.is_primary) AS primary_rows
        FROM documents d LEFT JOIN role_documents r USING (document_id) WHERE d.status = 'parsed'
        GROUP BY d.source_path ORDER BY d.source_path""")
    assert len(per_document) == 25 and {r["primary_rows"] for r in per_document} == {1}
    # The samples' own roles are as a run over the samples alone gives them: 5 pages, 11 roles (6 listed).
    assert _rows(warehouse, "SELECT count(*) AS n FROM role_documents WHERE document_id IN "
                            "(SELECT document_id FROM documents WHERE source_path NOT LIKE 'm%')") == [{"n": 11}]
    assert _rows(warehouse, "SELECT count(*) AS n, sum(document_count) AS docs FROM roles") == [{"n": 12, "docs": 31}]


def test_twenty_postings_of_one_title_are_one_role_with_twenty_documents(samples_and_market):
    warehouse = samples_and_market
    [role] = _rows(warehouse, f"SELECT * FROM roles WHERE role_id = '{ROLE}'")
    first = _rows(warehouse, "SELECT document_id FROM documents WHERE source_path = 'm01_quarry-lane-logistics.txt'")
    assert (role["title"], role["document_count"], role["is_primary"], role["document_id"]) == (
        "Machine Learning Engineer", 20, True, first[0]["document_id"])
    # The one posting that writes the title with a hyphen adds that spelling to the role's aliases.
    assert role["aliases"] == ["Machine-Learning Engineer"]
    titles = _rows(warehouse, f"SELECT title, count(*) AS n FROM role_documents WHERE role_id = '{ROLE}' "
                              "GROUP BY title ORDER BY title")
    assert titles == [{"title": "Machine Learning Engineer", "n": 19}, {"title": "Machine-Learning Engineer", "n": 1}]

    [summary] = _rows(warehouse, f"SELECT * FROM role_pay_summary WHERE role_id = '{ROLE}'")
    # Midpoints by hand, annual USD, base or unspecified pay: (low + high) / 2 of each posting's figures.
    # Two postings state no pay (m04, m16); one states pounds only (m08): 17 midpoints. m02 and m15
    # are hourly (x 2080); m05 states pay per location only (132,000 to 185,000); m12's total is left out.
    midpoints = sorted([140_000, 141_440, 154_000, 158_500, 128_500, 185_000, 123_000, 147_500, 134_000,
                        190_000, 160_000, 115_000, 121_680, 152_000, 118_000, 172_500, 126_500])
    assert midpoints[8] == 141_440 and midpoints[4] == 126_500 and midpoints[12] == 158_500
    assert summary == {
        "role_id": ROLE, "title": "Machine Learning Engineer", "documents": 20, "documents_with_pay": 18,
        # Twenty employers, each read (m02 names its own on a bare line under the title).
        "employers": 20, "documents_with_midpoint": 17,
        # 17 values: p25, median and p75 fall on the 5th, 9th and 13th (quantile_cont at (n - 1) * q).
        "midpoint_usd_min": 115_000.0, "midpoint_usd_p25": 126_500.0, "midpoint_usd_median": 141_440.0,
        "midpoint_usd_p75": 158_500.0, "midpoint_usd_max": 190_000.0, "periods": ["hour", "year"],
        "latest_date_posted": None}


def test_three_postings_of_one_title_give_one_role_three_documents_and_their_pay_spread(tmp_path):
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    raw.mkdir()
    names = ["m01_quarry-lane-logistics.txt", "m02_fernhill-health.txt", "m03_brightwater-retail.txt"]
    for name in names:
        shutil.copy(MARKET / name, raw / name)
    _run(raw, warehouse)
    ids = {r["source_path"]: r["document_id"] for r in _rows(warehouse, "SELECT source_path, document_id FROM documents")}
    title = {"section_heading": None, "char_start": 0, "char_end": 25, "text": "Machine Learning Engineer"}

    assert _rows(warehouse, "SELECT * FROM roles") == [{
        "role_id": ROLE, "title": "Machine Learning Engineer", "aliases": [], "family": None, "seniority": None,
        "summary": "Quarry Lane moves building materials for contractors across six states. We are hiring a Machine "
                   "Learning Engineer to improve the models that plan truck routes and predict how long each "
                   "delivery will take.",
        "is_primary": True, "title_source": "title_line", "document_count": 3, "origin": "text",
        "document_id": ids[names[0]], **title}]
    documents = _rows(warehouse, "SELECT * EXCLUDE (summary) FROM role_documents ORDER BY document_id")
    assert documents == sorted(({"role_id": ROLE, "title": "Machine Learning Engineer", "aliases": [], "family": None,
                                 "seniority": None, "is_primary": True, "title_source": "title_line",
                                 "origin": "text", "document_id": ids[name], **title} for name in names),
                               key=lambda r: r["document_id"])

    # Each posting's midpoint, by hand: m01 (128,000 + 152,000) / 2 = 140,000; m02 $62-$74 an hour is
    # 128,960-153,920 a year (x 2080), midpoint 141,440; m03 base (140,000 + 168,000) / 2 = 154,000.
    # Across the three (quantile_cont, linear): p25 = 140,000 + (141,440 - 140,000) / 2 = 140,720;
    # median 141,440; p75 = 141,440 + (154,000 - 141,440) / 2 = 147,720.
    assert _rows(warehouse, "SELECT * FROM role_pay_summary") == [{
        "role_id": ROLE, "title": "Machine Learning Engineer", "documents": 3, "documents_with_pay": 3,
        "employers": 3,  # m02's on the bare line under its title
        "documents_with_midpoint": 3, "midpoint_usd_min": 140_000.0,
        "midpoint_usd_p25": 140_720.0, "midpoint_usd_median": 141_440.0, "midpoint_usd_p75": 147_720.0,
        "midpoint_usd_max": 154_000.0, "periods": ["hour", "year"], "latest_date_posted": None}]
    sources = _rows(warehouse, "SELECT source_path, title, is_primary, pay_figures, pay_currencies, pay_periods, "
                               "midpoint_figures, pay_low_usd, pay_midpoint_usd, pay_high_usd "
                               "FROM role_sources ORDER BY source_path")
    assert [tuple(r.values()) for r in sources] == [
        (names[0], "Machine Learning Engineer", True, 1, ["USD"], ["year"], 1, 128_000.0, 140_000.0, 152_000.0),
        (names[1], "Machine Learning Engineer", True, 1, ["USD"], ["hour"], 1, 128_960.0, 141_440.0, 153_920.0),
        (names[2], "Machine Learning Engineer", True, 1, ["USD"], ["year"], 1, 140_000.0, 154_000.0, 168_000.0)]


def test_a_fourth_posting_is_one_added_role_document_and_one_changed_role(tmp_path):
    """changes.json follows the new table: a posting added is a role_documents row added and the
    role's document_count changed; a run with nothing changed publishes nothing."""
    raw, warehouse = tmp_path / "raw", tmp_path / "warehouse"
    raw.mkdir()
    for name in ("m01_quarry-lane-logistics.txt", "m02_fernhill-health.txt", "m03_brightwater-retail.txt"):
        shutil.copy(MARKET / name, raw / name)
    first = _run(raw, warehouse)
    again = _run(raw, warehouse)
    assert (again.snapshot_id, again.documents_unchanged, again.documents_parsed) == (first.snapshot_id, 3, 0)
    assert again.row_counts["role_documents"] == 3 and again.row_counts["roles"] == 1

    shutil.copy(MARKET / "m07_bluebell-media.txt", raw / "m07_bluebell-media.txt")
    second = _run(raw, warehouse)
    changes = json.loads((warehouse / "snapshots" / second.snapshot_id / "changes.json").read_text(encoding="utf-8"))
    tables = changes["tables"]
    assert (tables["role_documents"]["added"], tables["role_documents"]["removed"],
            tables["role_documents"]["changed"]) == (1, 0, 0)
    assert [d["source_path"] for d in tables["role_documents"]["documents"]] == ["m07_bluebell-media.txt"]
    assert (tables["roles"]["added"], tables["roles"]["removed"], tables["roles"]["changed"]) == (0, 0, 1)
    [changed] = tables["roles"]["changed_rows"]
    assert (changed["key"], changed["before"], changed["after"]) == (
        {"role_id": ROLE}, {"document_count": 3}, {"document_count": 4})
    [summary] = _rows(warehouse, "SELECT documents, midpoint_usd_median, midpoint_usd_max FROM role_pay_summary")
    # Midpoints 140,000, 141,440, 154,000 and Bluebell's 185,000: the median is (141,440 + 154,000) / 2.
    assert summary == {"documents": 4, "midpoint_usd_median": 147_720.0, "midpoint_usd_max": 185_000.0}
