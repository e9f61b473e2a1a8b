"""Pay in the structures real pages outside the tuning set use: periods written far from the figure
or per fortnight, pay tables whose header carries the unit, ranges joined across parentheses,
figures without a currency sign, and money that sits beside pay but is not pay. Every snippet is
written for these tests, in our own words and figures; each asserts exact rows."""
from __future__ import annotations

from roledata.extract.context import PageContext
from roledata.extract.salaries import extract_salaries
from roledata.parse import parse_outline


def pay(text: str, *names: str) -> list[tuple]:
    """(amount_min, amount_max, period, currency) of every salary row, in page order."""
    rows = extract_salaries(parse_outline(text), PageContext("doc", "role", names))
    return [(r["amount_min"], r["amount_max"], r["period"], r["currency"]) for r in rows]


def annual(text: str, *names: str) -> list[tuple]:
    rows = extract_salaries(parse_outline(text), PageContext("doc", "role", names))
    return [(r["period"], r["annual_min_usd"], r["annual_max_usd"]) for r in rows]


def test_pay_per_fortnight_is_biweekly_and_a_year_is_26_of_them():
    text = ("Kiln Operator Pay\n\n"
            "A kiln operator at a regional works earns $2,140 per fortnight before overtime.\n"
            "Most plants pay fortnightly: $1,980 fortnightly for a new starter.\n")
    assert pay(text, "Kiln Operator") == [(2140.0, 2140.0, "biweekly", "USD"), (1980.0, 1980.0, "biweekly", "USD")]
    assert annual(text, "Kiln Operator") == [("biweekly", 2140.0 * 26, 2140.0 * 26), ("biweekly", 1980.0 * 26, 1980.0 * 26)]
