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
    pytest.param("Salary Range: $118,500 - $176,000", (118_500, 176_000, False, "USD", None, None), id="label then range"),
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


def read(text: str) -> list[tuple]:
    """Every amount as (span text, start, end, min, max, currency, scale, period), spans checked against the text."""
    out = []
    for m in find_money(Span(0, len(text), text)):
        assert text[m.span.start:m.span.end] == m.span.text
        out.append((m.span.text, m.span.start, m.span.end, m.amount_min, m.amount_max, m.currency, m.scale, m.period))
    return out


def at(text: str, written: str) -> tuple[str, int, int]:
    """The exact span of `written`, which must occur once in `text`."""
    assert text.count(written) == 1, written
    start = text.index(written)
    return written, start, start + len(written)


# (sentence, the amount as written in it, min, max, currency, scale, period)
_WRITTEN_FORMS = [
    # a space, no-break space or narrow no-break space groups thousands
    pytest.param("Juniors in Lyon start at $50 000 per year.", "$50 000 per year", 50_000, 50_000, "USD", None, "year", id="space thousands"),
    pytest.param("The grant is worth $1 250 000 in total.", "$1 250 000", 1_250_000, 1_250_000, "USD", None, None, id="two space groups"),
    pytest.param("Offer: €72\u202f500 a year, remote.", "€72\u202f500 a year", 72_500, 72_500, "EUR", None, "year", id="narrow nbsp"),
    pytest.param("Set aside 48\u00a0000 € for the hire.", "48\u00a0000 €", 48_000, 48_000, "EUR", None, None, id="nbsp suffix euro"),
    pytest.param("Quebec teams quote 95 000 $ as a base.", "95 000 $", 95_000, 95_000, "USD", None, None, id="space suffix dollar"),
    pytest.param("Members paid $50 2023 dues in full.", "$50", 50, 50, "USD", None, None, id="year after amount not joined"),
    pytest.param("Zurich leads earn CHF 120'000 plus bonus.", "CHF 120'000", 120_000, 120_000, "CHF", None, None, id="swiss apostrophe"),
    pytest.param("Analysts earn 40 000,50 € yearly.", "40 000,50 €", 40_000.5, 40_000.5, "EUR", None, None, id="space groups decimal comma"),
    # prefixed dollars and other currencies
    pytest.param("Pay in Recife: R$ 10.000 per month.", "R$ 10.000 per month", 10_000, 10_000, "BRL", None, "month", id="real"),
    pytest.param("Leads in Porto Alegre: R$ 12.500,50 per month.", "R$ 12.500,50 per month", 12_500.5, 12_500.5, "BRL", None, "month", id="real decimal comma"),
    pytest.param("Toronto pays C$95,000 for this.", "C$95,000", 95_000, 95_000, "CAD", None, None, id="C$"),
    pytest.param("Calgary pays CA$88,000 for this.", "CA$88,000", 88_000, 88_000, "CAD", None, None, id="CA$"),
    pytest.param("Perth pays A$110k for this.", "A$110k", 110_000, 110_000, "AUD", "thousand", None, id="A$"),
    pytest.param("Hobart pays AU$99,000 for this.", "AU$99,000", 99_000, 99_000, "AUD", None, None, id="AU$"),
    pytest.param("Austin pays US$130,000 for this.", "US$130,000", 130_000, 130_000, "USD", None, None, id="US$"),
    pytest.param("Singapore pays S$8,500 per month.", "S$8,500 per month", 8_500, 8_500, "SGD", None, "month", id="S$"),
    pytest.param("Singapore pays SGD 8,000 per month.", "SGD 8,000 per month", 8_000, 8_000, "SGD", None, "month", id="SGD"),
    pytest.param("Wellington pays NZ$90,000 for this.", "NZ$90,000", 90_000, 90_000, "NZD", None, None, id="NZ$"),
    pytest.param("Kowloon pays HK$60,000 per month.", "HK$60,000 per month", 60_000, 60_000, "HKD", None, "month", id="HK$"),
    pytest.param("Monterrey pays MX$40,000 per month.", "MX$40,000 per month", 40_000, 40_000, "MXN", None, "month", id="MX$"),
    pytest.param("Geneva pays CHF 120,000 a year.", "CHF 120,000 a year", 120_000, 120_000, "CHF", None, "year", id="CHF"),
    pytest.param("Osaka pays JPY 9,000,000 a year.", "JPY 9,000,000 a year", 9_000_000, 9_000_000, "JPY", None, "year", id="JPY"),
    pytest.param("Nagoya pays ¥8,000,000 a year.", "¥8,000,000 a year", 8_000_000, 8_000_000, "JPY", None, "year", id="yen sign"),
    pytest.param("Shenzhen pays CNY 400,000 a year.", "CNY 400,000 a year", 400_000, 400_000, "CNY", None, "year", id="CNY"),
    pytest.param("Hangzhou pays RMB 300,000 a year.", "RMB 300,000 a year", 300_000, 300_000, "CNY", None, "year", id="RMB"),
    pytest.param("Chengdu pays ¥250,000 RMB a year.", "¥250,000 RMB a year", 250_000, 250_000, "CNY", None, "year", id="yen sign then RMB"),
    pytest.param("Malmö pays SEK 55,000 per month.", "SEK 55,000 per month", 55_000, 55_000, "SEK", None, "month", id="SEK"),
    pytest.param("Bergen pays NOK 700 000 a year.", "NOK 700 000 a year", 700_000, 700_000, "NOK", None, "year", id="NOK"),
    pytest.param("Aarhus pays 620 000 DKK a year.", "620 000 DKK a year", 620_000, 620_000, "DKK", None, "year", id="DKK after"),
    pytest.param("Adelaide pays $80,000 AUD a year.", "$80,000 AUD a year", 80_000, 80_000, "AUD", None, "year", id="dollar sign then AUD"),
    pytest.param("Ottawa pays $60,000 Canadian dollars.", "$60,000 Canadian dollars", 60_000, 60_000, "CAD", None, None, id="dollar sign then Canadian dollars"),
    pytest.param("Remote: $120,000 USD - $150,000 USD.", "$120,000 USD - $150,000 USD", 120_000, 150_000, "USD", None, None, id="code at both ends"),
    # the currency after the number; European grouping and decimal comma
    pytest.param("Base is 95,000$ before tax.", "95,000$", 95_000, 95_000, "USD", None, None, id="dollar after"),
    pytest.param("Gross 65.000,00 € per year.", "65.000,00 € per year", 65_000, 65_000, "EUR", None, "year", id="euro after decimal comma"),
    pytest.param("Gross €65.000,00 per year.", "€65.000,00 per year", 65_000, 65_000, "EUR", None, "year", id="euro before decimal comma"),
    pytest.param("The fund holds 1.234.567 € today.", "1.234.567 €", 1_234_567, 1_234_567, "EUR", None, None, id="dot millions"),
    pytest.param("Munich quotes 45.000 € - 55.000 € gross.", "45.000 € - 55.000 €", 45_000, 55_000, "EUR", None, None, id="euro after both ends"),
    pytest.param("Tutors get €15,50/hour.", "€15,50/hour", 15.5, 15.5, "EUR", None, "hour", id="decimal comma cents"),
    pytest.param("Vienna offers €58.000 p.a. to start.", "€58.000 p.a.", 58_000, 58_000, "EUR", None, "year", id="p.a."),
    # "between X and Y", "from X to Y": one range
    pytest.param("Base pay lands between $90,000 and $110,000.", "$90,000 and $110,000", 90_000, 110_000, "USD", None, None, id="between and"),
    pytest.param("Between 80,000 and 95,000 euros a year.", "80,000 and 95,000 euros a year", 80_000, 95_000, "EUR", None, "year", id="between words"),
    pytest.param("Offers go from $90,000 to $110,000.", "$90,000 to $110,000", 90_000, 110_000, "USD", None, None, id="from to"),
    # written scales
    pytest.param("Partners take $1.5MM home.", "$1.5MM", 1_500_000, 1_500_000, "USD", "million", None, id="MM"),
    pytest.param("Seniors see $120 k base.", "$120 k", 120_000, 120_000, "USD", "thousand", None, id="space k"),
    pytest.param("Seniors see $120K base.", "$120K", 120_000, 120_000, "USD", "thousand", None, id="K"),
    pytest.param("The round was $1.2M in all.", "$1.2M", 1_200_000, 1_200_000, "USD", "million", None, id="M"),
    pytest.param("The grant was $3 Million in all.", "$3 Million", 3_000_000, 3_000_000, "USD", "million", None, id="capital Million"),
    # lakh per annum and Indian grouping
    pytest.param("Freshers in Pune get ₹12 LPA.", "₹12 LPA", 1_200_000, 1_200_000, "INR", "lakh", "year", id="rupee LPA"),
    pytest.param("Freshers in Pune get 12 LPA.", "12 LPA", 1_200_000, 1_200_000, "INR", "lakh", "year", id="LPA alone"),
    pytest.param("Leads in Noida get ₹8-12 LPA.", "₹8-12 LPA", 800_000, 1_200_000, "INR", "lakh", "year", id="LPA range"),
    pytest.param("Leads get between 10 and 14 LPA.", "10 and 14 LPA", 1_000_000, 1_400_000, "INR", "lakh", "year", id="between LPA"),
    pytest.param("Chennai pays $1,30,000 here.", "$1,30,000", 130_000, 130_000, "USD", None, None, id="indian grouping dollar"),
    pytest.param("Kochi pays ₹12,50,000 a year.", "₹12,50,000 a year", 1_250_000, 1_250_000, "INR", None, "year", id="indian grouping rupee"),
    pytest.param("Interns get 4,00,000 rupees a year.", "4,00,000 rupees a year", 400_000, 400_000, "INR", None, "year", id="rupees word"),
    # currency words after the number
    pytest.param("She asked for 120,000 dollars.", "120,000 dollars", 120_000, 120_000, "USD", None, None, id="dollars"),
    pytest.param("He earned 80 thousand dollars.", "80 thousand dollars", 80_000, 80_000, "USD", "thousand", None, id="thousand dollars"),
    pytest.param("The lab got 2.5 million euros.", "2.5 million euros", 2_500_000, 2_500_000, "EUR", "million", None, id="million euros"),
    pytest.param("Expect 50k euros to start.", "50k euros", 50_000, 50_000, "EUR", "thousand", None, id="k euros"),
    pytest.param("Leeds pays £40,000 pounds a year.", "£40,000 pounds a year", 40_000, 40_000, "GBP", None, "year", id="pound sign and pounds"),
    pytest.param("Leeds pays 30,000 pounds sterling.", "30,000 pounds sterling", 30_000, 30_000, "GBP", None, None, id="pounds sterling"),
]


@pytest.mark.parametrize(("text", "written", "low", "high", "currency", "scale", "period"), _WRITTEN_FORMS)
def test_written_forms(text, written, low, high, currency, scale, period):
    assert read(text) == [(*at(text, written), low, high, currency, scale, period)]


@pytest.mark.parametrize("text", [
    pytest.param("Candidates must lift 50 pounds unaided.", id="pounds as weight"),
    pytest.param("Between 3 and 5 years of experience.", id="between years"),
    pytest.param("Years 5 to 8 cover the rollout.", id="Years is not Rs"),
    pytest.param("The USDA 5 year plan.", id="USDA is not USD"),
    pytest.param("The 1 200 tests ran in 2023.", id="space groups without currency"),
    pytest.param("Version 2.5 million downloads.", id="scale without currency"),
])
def test_not_money(text):
    assert read(text) == []


def test_two_amounts_joined_only_by_between():
    text = "Base of $90K and $120K in stock."
    assert read(text) == [(*at(text, "$90K"), 90_000, 90_000, "USD", "thousand", None),
                          (*at(text, "$120K"), 120_000, 120_000, "USD", "thousand", None)]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("up to 95 000 € gross", (None, 95_000, False, "EUR", "up_to"), id="up to suffix"),
    pytest.param("over CHF 150,000 a year", (150_000, None, True, "CHF", "over"), id="over code"),
    pytest.param("up to ₹30 lakhs per annum", (None, 3_000_000, False, "INR", "up_to"), id="up to lakhs"),
    pytest.param("around 2,5 million euros", (2_500_000, 2_500_000, False, "EUR", "around"), id="around decimal comma"),
])
def test_qualifiers_on_new_forms(text, expected):
    m = one(text)
    assert (m.amount_min, m.amount_max, m.open_ended, m.currency, m.qualifier) == expected


def _indian(n: int) -> str:
    head, tail = str(n)[:-3], str(n)[-3:]
    pairs = []
    while head:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return ",".join(pairs + [tail])


@given(amount=st.integers(1_000, 99_999_999), sep=st.sampled_from([" ", "\u00a0", "\u202f"]),
       style=st.sampled_from(["$", "€ ", "suffix €", "suffix USD"]))
def test_space_grouped_property(amount, sep, style):
    written = f"{amount:,}".replace(",", sep)
    money = f"{style}{written}" if not style.startswith("suffix") else f"{written} {style.split()[1]}"
    text = f"The offer is {money} for this role"
    assert read(text) == [(*at(text, money), amount, amount, "EUR" if "€" in style else "USD", None, None)]


@given(amount=st.integers(1_000, 999_999_999), symbol=st.sampled_from(["₹", "Rs. ", "$"]))
def test_indian_grouping_property(amount, symbol):
    money = f"{symbol}{_indian(amount)}"
    text = f"CTC: {money} per annum"
    expected_currency = "USD" if symbol == "$" else "INR"
    assert read(text) == [(*at(text, f"{money} per annum"), amount, amount, expected_currency, None, "year")]


@given(euros=st.integers(1, 9_999_999), cents=st.integers(0, 99), before=st.booleans())
def test_european_decimal_comma_property(euros, cents, before):
    written = f"{euros:,}".replace(",", ".") + f",{cents:02d}"
    money = f"€{written}" if before else f"{written} €"
    text = f"Brutto {money} im Jahr"
    m = one(text)
    assert (m.span.text, m.amount_min, m.currency) == (money, float(f"{euros}.{cents:02d}"), "EUR")


def test_a_percent_inside_a_longer_number_is_not_read():
    text = "Job Outlook, 2030-4218% (Much faster than average)"
    assert find_percents(Span(0, len(text), text)) == []
