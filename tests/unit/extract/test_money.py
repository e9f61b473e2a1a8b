"""Money and percentage reading: one case per written form."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from roledata.extract.money import find_money, find_percents
from roledata.text import Span


def one(text: str):
    found = find_money(Span(0, len(text), text))
    assert len(found) == 1, found
    m = found[0]
    assert text[m.span.start:m.span.end] == m.span.text
    return m


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("$180K–$220K", (180_000, 220_000, False, "USD", None, None), id="K en dash"),
    pytest.param("$217,433 to $283,018", (217_433, 283_018, False, "USD", None, None), id="commas to"),
    pytest.param("$130,000 to $500,000+", (130_000, 500_000, True, "USD", None, None), id="open plus"),
    pytest.param("$160,000 - $250,000 per year", (160_000, 250_000, False, "USD", "year", None), id="per year"),
    pytest.param("exceeds $500K", (500_000, None, True, "USD", None, "over"), id="exceeds"),
    pytest.param("potentially exceeding $300,000", (300_000, None, True, "USD", None, "over"), id="exceeding"),
    pytest.param("up to $250,000", (None, 250_000, False, "USD", None, "up_to"), id="up to"),
    pytest.param("around $120,000", (120_000, 120_000, False, "USD", None, "around"), id="around"),
    pytest.param("$1 million", (1_000_000, 1_000_000, False, "USD", None, None), id="million"),
    pytest.param("US$9.460 million", (9_460_000, 9_460_000, False, "USD", None, None), id="US$ decimal million"),
    pytest.param("$1.3 trillion", (1.3e12, 1.3e12, False, "USD", None, None), id="trillion"),
    pytest.param("$65 billion", (65e9, 65e9, False, "USD", None, None), id="billion"),
    pytest.param("INR 551.75 crore", (5_517_500_000, 5_517_500_000, False, "INR", None, None), id="crore"),
    pytest.param("$45/hour", (45, 45, False, "USD", "hour", None), id="hourly"),
    pytest.param("$8,000 per month", (8_000, 8_000, False, "USD", "month", None), id="monthly"),
    pytest.param("£60k–£80k", (60_000, 80_000, False, "GBP", None, None), id="pounds"),
    pytest.param("€70.000", (70_000, 70_000, False, "EUR", None, None), id="euro dot thousands"),
    pytest.param("$120k-$150k/yr", (120_000, 150_000, False, "USD", "year", None), id="slash yr"),
    pytest.param("USD 90,000", (90_000, 90_000, False, "USD", None, None), id="USD prefix"),
    pytest.param("90,000 USD a year", (90_000, 90_000, False, "USD", "year", None), id="USD suffix"),
    pytest.param("$120-150K", (120_000, 150_000, False, "USD", None, None), id="shared scale"),
    pytest.param("Salary Range: $115,000 - $185,000", (115_000, 185_000, False, "USD", None, None), id="label then range"),
    pytest.param("💰 $95,000", (95_000, 95_000, False, "USD", None, None), id="emoji before"),
    pytest.param("ranges from $375K to $600K", (375_000, 600_000, False, "USD", None, None), id="from-to is closed"),
])
def test_money_forms(text, expected):
    m = one(text)
    assert (m.amount_min, m.amount_max, m.open_ended, m.currency, m.period, m.qualifier) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Typically 15-25% of total compensation", [(15, 25, False)], id="dash range"),
    pytest.param("May add 10% to 20% to annual salary", [(10, 20, False)], id="to range"),
    pytest.param("Demand up 40%+ year-over-year", [(40, None, True)], id="plus"),
    pytest.param("up more than 40% year-over-year", [(40, None, True)], id="more than"),
    pytest.param("a staggering 2,700% increase", [(2700, None, False)], id="thousands"),
    pytest.param("CAGR of 20.17% from 2024", [(20.17, None, False)], id="decimal"),
])
def test_percent_forms(text, expected):
    found = find_percents(Span(0, len(text), text))
    assert [(p.value, p.value_max, p.is_lower_bound) for p in found] == expected


@given(low=st.integers(10, 900), width=st.integers(1, 300), style=st.sampled_from(["k", "K", "full"]),
       dash=st.sampled_from(["–", "—", "-", " - ", " to ", "–"]), prefix=st.sampled_from(["", "Salary: ", "about ", "🚀 "]))
def test_money_roundtrip_property(low, width, style, dash, prefix):
    high = low + width

    def spell(n: int) -> str:
        return f"${n}{style}" if style != "full" else f"${n * 1000:,}"

    text = f"{prefix}{spell(low)}{dash}{spell(high)}"
    m = one(text)
    assert (m.amount_min, m.amount_max) == (low * 1000, high * 1000)


_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "USD ": "USD"}
_PERIOD_WORDS = {"": None, " per year": "year", "/yr": "year", " per month": "month", "/hour": "hour", " a week": "week"}


@given(amount=st.integers(1, 999_999), symbol=st.sampled_from(sorted(_SYMBOLS)), period=st.sampled_from(sorted(_PERIOD_WORDS)),
       lead=st.sampled_from(["", "up to ", "around ", "over ", "✨ "]), grouped=st.booleans())
def test_single_amount_property(amount, symbol, period, lead, grouped):
    written = f"{amount:,}" if grouped else str(amount)
    m = one(f"Pay: {lead}{symbol}{written}{period} for this role")
    assert m.currency == _SYMBOLS[symbol]
    assert m.period == _PERIOD_WORDS[period]
    expected = {"up to ": (None, amount), "over ": (amount, None)}.get(lead, (amount, amount))
    assert (m.amount_min, m.amount_max) == expected
    assert m.open_ended == (lead == "over ")
