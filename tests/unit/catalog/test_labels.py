"""The catalog's reading aids: values formatted for people, chart scales, names, and the `latest` link;
what the role pages' code marker covers."""
from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from roledata.catalog import charts, reuse
from roledata.catalog.build import link_latest
from roledata.catalog.charts import nice_ticks, outlier_cap
from roledata.catalog.labels import (
    category_name, format_bool, format_cell, format_growth, format_money, format_number, format_pay, growth_period,
)
from roledata.catalog.pages import role_page_name
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


@pytest.mark.parametrize(("lo", "hi", "expected"), [
    (0, 600000, [0, 100000, 200000, 300000, 400000, 500000, 600000]),
    (0, 5, [0, 1, 2, 3, 4, 5]),
    (0, 40, [0, 10, 20, 30, 40]),
    (-20, 35, [-20, -10, 0, 10, 20, 30, 40]),
])
def test_chart_scales_have_several_round_ticks(lo, hi, expected):
    assert nice_ticks(lo, hi) == expected


def test_one_outlier_is_cut_rather_than_flattening_the_rest():
    assert outlier_cap([2700, 428, 300]) == 428
    assert outlier_cap([40, 23, 15]) is None
    assert outlier_cap([60]) is None


def test_a_bar_chart_has_ticks_gridlines_legend_and_whole_labels():
    bars = [charts.Bar("A very long role title that would not fit in one short line of the label column", 0, 2700,
                       value_text="2,700%"),
            charts.Bar("Short", 0, 300, value_text="300%")]
    svg = str(charts.bar_chart(bars, unit="percent", caption="c", legend=[("bar", "percent growth")],
                               cap=outlier_cap([2700, 300, 250]), label_chars=30))
    assert svg.count('class="grid"') >= 4 and ">percent growth</text>" in svg
    assert "would not fit in one short" in svg and "line of the label column" in svg  # wrapped, not cut
    assert 'class="range cut"' in svg and ">2,700%</text>" in svg and 'class="break"' in svg


def test_role_page_names_are_safe_file_names():
    assert role_page_name("vp-of-ai") == "vp-of-ai.html"
    for odd in ["../x", ".hidden", "index", "a/b", "x" * 300, "Ünïcode"]:
        name = role_page_name(odd)
        assert name.startswith("role-") and name.endswith(".html") and "/" not in name


def test_latest_is_a_relative_symlink_replaced_atomically(tmp_path):
    for sid in ("20260101T000000000000Z", "20260102T000000000000Z"):
        (tmp_path / sid).mkdir()
        (tmp_path / sid / "index.html").write_text(sid)
    link = link_latest(tmp_path, "20260101T000000000000Z")
    assert link.is_symlink() and os.readlink(link) == "20260101T000000000000Z"
    link_latest(tmp_path, "20260102T000000000000Z")
    assert os.readlink(link) == "20260102T000000000000Z"
    assert (link / "index.html").read_text() == "20260102T000000000000Z"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["20260101T000000000000Z", "20260102T000000000000Z", "latest"]


def test_without_symlinks_latest_is_a_folder_that_redirects(tmp_path, monkeypatch):
    (tmp_path / "20260101T000000000000Z").mkdir()

    def refuse(*args, **kwargs):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "symlink", refuse)
    link = link_latest(tmp_path, "20260101T000000000000Z")
    page = (link / "index.html").read_text()
    assert not link.is_symlink() and link.is_dir()
    assert '<meta http-equiv="refresh" content="0; url=../20260101T000000000000Z/index.html">' in page
    monkeypatch.undo()
    link_latest(tmp_path, "20260101T000000000000Z")  # symlinks work again: the folder gives way to the link
    assert link.is_symlink()


def test_the_code_marker_of_role_pages_covers_every_module_and_template_of_the_catalog():
    """A change in any of them must stop the previous snapshot's role pages from being reused."""
    package = Path(reuse.__file__).resolve().parent
    modules = {p.name for p in package.glob("*.py")}
    assert {"build.py", "charts.py", "labels.py", "pages.py", "queries.py", "reuse.py"} <= modules
    hashed = set(reuse.code_files())
    assert {*package.glob("*.py"), *(package / "templates").glob("*.html")} <= hashed
