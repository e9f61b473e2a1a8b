"""`role_pay_vs_market` and `occupation_pay_summary`: stated pay beside the OEWS distribution, by hand."""
from __future__ import annotations

import duckdb
import pytest

from roledata.contract.export import duckdb_ddl
from roledata.contract.tables import TABLES, TABLES_BY_NAME
from roledata.contract.views import VIEWS, view_sql
from roledata.occupations.coding import occupations_table, wages_table

PAGE = "d" * 64


def _insert(con: duckdb.DuckDBPyConnection, name: str, row: dict) -> None:
    columns = TABLES_BY_NAME[name].column_names
    con.execute(f"INSERT INTO {name} VALUES ({', '.join('?' for _ in columns)})", [row.get(c) for c in columns])


def _salary(salary_id: str, role_id: str, low: float, high: float, currency: str = "USD") -> dict:
    return {"salary_id": salary_id, "role_id": role_id, "pay_component": "base", "statistic": "range",
            "amount_min": low, "amount_max": high, "open_ended": False, "currency": currency, "period": "year",
            "annual_min_usd": low if currency == "USD" else None, "annual_max_usd": high if currency == "USD" else None,
            "segment_type": "overall", "amount_text": f"{low}-{high}", "document_id": PAGE, "char_start": 0,
            "char_end": 1, "text": "x"}


@pytest.fixture(scope="module")
def warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    for table in TABLES:
        con.execute(duckdb_ddl(table))
    for view in VIEWS:
        for statement in view_sql(view):
            con.execute(statement)
    for row in occupations_table():
        _insert(con, "occupations", row)
    for row in wages_table():
        _insert(con, "occupation_wages", row)
    for role_id, title, soc in (("data-scientist", "Data Scientist", "15-2051"), ("odd-job", "Odd Job", None)):
        _insert(con, "roles", {"role_id": role_id, "title": title, "is_primary": True, "document_count": 1, "document_id": PAGE,
                               "char_start": 0, "char_end": 1, "text": "x"})
        _insert(con, "role_occupations", {"role_id": role_id, "rank": 1, "soc_code": soc,
                                          "method": "normalized_title" if soc else "none",
                                          "confidence": 0.95 if soc else 0.0, "reason": "test"})
    for salary in (_salary("mid", "data-scientist", 130_000, 150_000), _salary("low", "data-scientist", 50_000, 70_000),
                   _salary("high", "data-scientist", 200_000, 240_000),
                   _salary("euro", "data-scientist", 90_000, 110_000, "EUR"),
                   _salary("uncoded", "odd-job", 80_000, 90_000)):
        _insert(con, "salaries", salary)
    return con


def test_a_figure_sits_at_the_percentile_interpolated_between_the_published_points(warehouse):
    # Data Scientists, OEWS May 2025: median $120,230, p75 $158,880. The range's middle, $140,000, sits
    # 19,770 / 38,650 of the way from the median to p75: 50 + 25 * 0.5115 = 62.8.
    row = warehouse.execute("SELECT annual_usd, soc_code, occupation_title, annual_median, annual_p75, "
                            "market_percentile, market_position, ratio_to_median, match_confidence "
                            "FROM role_pay_vs_market WHERE salary_id = 'mid'").fetchone()
    assert row == (140_000.0, "15-2051", "Data Scientists", 120_230.0, 158_880.0, 62.8, "median to p75", 1.164, 0.95)
    assert round(50 + 25 * (140_000 - 120_230) / (158_880 - 120_230), 1) == 62.8


def test_outside_p10_and_p90_there_is_no_percentile_only_the_side(warehouse):
    rows = warehouse.execute("SELECT salary_id, annual_usd, market_percentile, market_position, ratio_to_median "
                             "FROM role_pay_vs_market WHERE salary_id IN ('low', 'high') ORDER BY salary_id").fetchall()
    assert rows == [("high", 220_000.0, None, "above p90", 1.83), ("low", 60_000.0, None, "below p10", 0.499)]


def test_only_usd_figures_of_coded_roles_are_set_beside_the_market(warehouse):
    ids = [r[0] for r in warehouse.execute("SELECT salary_id FROM role_pay_vs_market ORDER BY salary_id").fetchall()]
    assert ids == ["high", "low", "mid"]


def test_the_summary_sets_the_median_stated_pay_beside_the_oews_median(warehouse):
    rows = warehouse.execute("SELECT * FROM occupation_pay_summary").fetchall()
    assert rows == [("15-2051", "Data Scientists", "Computer and Mathematical Occupations", 1, 1, 3, 140_000.0,
                     120_230.0, 262_440, 1.164)]
