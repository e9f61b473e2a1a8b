"""The catalog's reading aids: values formatted for people (numbers, money, pay, growth, booleans,
first-rows cells) and a human name for every code."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from roledata.catalog.labels import (
    category_name, format_bool, format_cell, format_growth, format_money, format_number, format_pay, growth_period,
)
from roledata.contract import codes as code_lists
from roledata.contract.tables import TABLES_BY_NAME


@pytest.mark.parametrize(("value", "expected"), [
    (180000.0, "180,000"), (20.17, "20.17"), (35.7, "35.7"), (2024, "2024"), (0, "0"), (-3.0, "-3"),
    (1300000000000.0, "1,300,000,000,000"), (True, "yes"), (None, "NULL"),
])
def test_numbers_drop_a_useless_point_zero_and_group_thousands(value, expected):
    assert format_number(value) == expected


@pytest.mark.parametrize(("args", "expected"), [
    ((180000.0, "USD"), "$180,000"), ((5517500000.0, "INR"), "5,517,500,000 INR"), ((90000.0, "EUR"), "€90,000"),
    ((None, "USD"), "—"), ((180000.0, "USD", True), "$180K"), ((1_250_000.0, "USD", True), "$1.2M"),
    ((65e9, "USD", True), "$65B"),
])
def test_money_carries_its_currency_and_thousands_separators(args, expected):
    assert format_money(*args) == expected


def test_pay_figures_read_as_written():
    assert format_pay(150000.0, 280000.0, "USD", "year") == "$150,000 – $280,000 a year"
    assert format_pay(None, 250000.0, "USD", "year") == "up to $250,000 a year"
    assert format_pay(300000.0, None, "USD", "year", open_ended=True) == "$300,000+ a year"
    assert format_pay(187550.0, 187550.0, "USD", "year") == "$187,550 a year"
    assert format_pay(95.0, 95.0, "USD", "hour") == "$95 an hour"


def test_growth_figures_keep_unit_and_period():
    assert format_growth(40.0, None, "percent", True) == "40%+"
    assert format_growth(2700.0, None, "percent") == "2,700%"
    assert format_growth(3.0, None, "multiple") == "3×"
    assert format_growth(9460000.0, None, "USD") == "$9,460,000"
    assert growth_period(2022, 2032, None) == "2022–2032"
    assert growth_period(None, 2032, None) == "by 2032"
    assert growth_period(2014, None, None) == "since 2014"
    assert growth_period(2022, None, "since Q2 2022") == "since Q2 2022"
    assert growth_period(None, None, None) == "period not stated"


def test_booleans_are_yes_or_no():
    assert (format_bool(True), format_bool(False), format_bool(None)) == ("yes", "no", "NULL")


def test_first_rows_cells_are_formatted_and_ids_shortened_with_the_whole_id_kept():
    doc = "68b5e4b0d1466e04a069dd6d167765ec5be210970a0869c0e21c097c2be654a1"
    assert str(format_cell("roles", "document_id", doc)) == f'<span class="id" title="{doc}">68b5e4b0…</span>'
    assert str(format_cell("salaries", "amount_min", 180000.0, {"currency": "USD"})) == "$180,000"
    assert str(format_cell("salaries", "annual_max_usd", 250000.0, {})) == "$250,000"
    assert str(format_cell("growth_stats", "value", 40.0, {"unit": "percent"})) == "40%"
    assert str(format_cell("roles", "is_primary", False)) == "no"
    assert str(format_cell("roles", "role_id", "vp-of-ai")) == "vp-of-ai"  # a readable slug stays whole
    assert str(format_cell("sections", "char_start", 13173)) == "13173"
    assert str(format_cell("faqs", "text", None)) == '<span class="null">NULL</span>'
    assert str(format_cell("documents", "first_seen_at", datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc))) == \
        "2026-01-02 03:04 UTC"
    long = "x" * 300
    cell = str(format_cell("roles", "summary", long))
    assert cell.startswith(f'<span title="{long}">') and "…" in cell
    assert str(format_cell("roles", "title", "<b>")) == "&lt;b&gt;"


def test_every_skill_category_code_has_a_human_name():
    codes = TABLES_BY_NAME["skills"].column("category").codes
    assert set(codes) == set(code_lists.SKILL_CATEGORY.labels)
    assert category_name("ml_framework") == "ML frameworks"
    assert all("_" not in category_name(code) for code in codes)
    assert set(TABLES_BY_NAME["growth_stats"].column("metric").codes) == set(code_lists.GROWTH_METRIC.labels)
    assert category_name("quantum_tool") == "Quantum tool" and category_name(None) == "Uncategorized"
