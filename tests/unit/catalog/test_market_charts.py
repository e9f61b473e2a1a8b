"""The market pay charts: a role's pay across its documents as a bar (lowest to highest figure), a band
(the middle half of the documents' midpoints, for two documents or more) and a median mark; base and
total pay on bars of their own; a role's figures grouped by kind of pay."""
from __future__ import annotations

import html
import re

from roledata.catalog import charts
from roledata.catalog.pages import role_spreads


def _spread(documents: int, lo: float, p25: float, median: float, p75: float, hi: float) -> dict:
    return {"documents": documents, "lo": lo, "p25": p25, "median": median, "p75": p75, "hi": hi}


def test_one_document_has_no_band_and_several_have_the_middle_half():
    one = charts.market_bar("Widget Lead · base pay", _spread(1, 120_000, 130_000, 130_000, 130_000, 140_000))
    assert (one.lo, one.hi, one.bands, one.marker) == (120_000, 140_000, [], 130_000)
    assert one.value_text == "median $130K · 1 document"
    three = charts.market_bar("Widget Lead · base pay", _spread(3, 128_000, 140_720, 141_440, 147_720, 168_000))
    assert three.bands == [(140_720, 147_720, "middle half of the 3 documents' midpoints: $141K–$148K")]
    assert three.value_text == "median $141K · 3 documents"
    assert three.tip == ("Widget Lead · base pay: figures $128K–$168K across 3 documents; median midpoint $141K, "
                         "middle half $141K–$148K")


def test_the_snapshot_chart_draws_base_and_total_apart_with_a_median_mark_each():
    rows = [
        {"role_id": "widget-lead", "title": "Widget Lead", "pay": "base", **_spread(4, 100_000, 120_000, 150_000, 160_000, 200_000)},
        {"role_id": "widget-lead", "title": "Widget Lead", "pay": "total", **_spread(1, 180_000, 190_000, 190_000, 190_000, 200_000)},
    ]
    svg = str(charts.pay_chart(rows, {"widget-lead": "widget-lead.html"}))
    assert svg.count('class="range"') == 2 and svg.count('class="median"') == 2 and svg.count('class="segment"') == 1
    assert ">Widget Lead · base pay</tspan>" in svg and ">Widget Lead · total pay</tspan>" in svg
    assert 'href="roles/widget-lead.html"' in svg
    # The legend says what each mark is.
    for words in ("lowest to highest figure the documents state (median, average, range or single figure; a year, USD)",
                  "middle half of the documents' midpoints (25th to 75th percentile)",
                  "median of the documents' midpoints"):
        assert f">{html.escape(words)}</text>" in svg
    # Scale $0-$200K over 520 px from x = 324 (44 label characters): the base median 150,000 at 714,
    # its mark 3 px wide centred there; the band from 120,000 (636) to 160,000 (740).
    assert '<rect class="median" x="712.5"' in svg
    assert re.search(r'<rect class="segment" x="636\.0" y="[\d.]+" width="104\.0"', svg)


def test_a_role_page_groups_its_figures_by_kind_of_pay_and_names_pages_only_when_several():
    def figure(component, statistic, lo, hi, document="d1", path="a.txt", segment_type="overall", segment=None):
        return {"pay_component": component, "statistic": statistic, "annual_min_usd": lo, "annual_max_usd": hi,
                "open_ended": False, "segment_type": segment_type, "segment": segment, "document_id": document,
                "source_path": path}
    one_page = [figure("base", "median", 150_000, 150_000), figure("total", "range", 180_000, 240_000)]
    svg = str(charts.role_pay_chart(one_page))
    assert svg.index(">Base pay</text>") < svg.index(">Median · Overall</tspan>") < svg.index(">Total pay</text>")
    assert "a.txt" not in svg
    two_pages = [figure("unspecified", "range", 128_000, 152_000), figure("unspecified", "range", 118_000, 139_000, "d2", "b.txt")]
    svg = str(charts.role_pay_chart(two_pages))
    assert ">Pay (base or total not stated)</text>" in svg
    assert ">Range · Overall · a.txt</tspan>" in svg and ">Range · Overall · b.txt</tspan>" in svg


def test_a_role_page_charts_each_document_under_its_kind_of_pay():
    role = {"base_documents": 2, "base_lo": 118_000, "base_p25": 130_375, "base_median": 134_250, "base_p75": 138_125,
            "base_hi": 152_000, **{f"total_{c}": None for c in ("documents", "lo", "p25", "median", "p75", "hi")}}
    spreads = role_spreads(role)
    assert list(spreads) == ["base"] and spreads["base"]["median"] == 134_250
    documents = [
        {"document_id": "d1", "source_path": "a.txt", "base_low": 128_000, "base_midpoint": 140_000, "base_high": 152_000},
        {"document_id": "d2", "source_path": "b.txt", "base_low": 118_000, "base_midpoint": 128_500, "base_high": 139_000},
        {"document_id": "d3", "source_path": "c.txt", "base_low": None, "base_midpoint": None, "base_high": None},
    ]
    svg = str(charts.role_market_chart(spreads, documents))
    # "all 2 documents" first, then the documents with a midpoint, lowest midpoint first; c.txt has none.
    assert svg.index(">all 2 documents</tspan>") < svg.index(">b.txt</tspan>") < svg.index(">a.txt</tspan>")
    assert "c.txt" not in svg and svg.count('class="median"') == 3
    assert "this document&#x27;s midpoint: $140K" in svg and charts.role_market_chart({}, documents) is None
