"""The catalog's charts: round ticks, one outlier cut rather than flattening the rest, and bar charts
people can read."""
from __future__ import annotations

import pytest

from roledata.catalog import charts
from roledata.catalog.charts import nice_ticks, outlier_cap


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
