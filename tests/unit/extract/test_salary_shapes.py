"""Salaries in the structures real pages and postings use: stat cards, pay lines, joined ranges,
periods written around the figure, lakh pay, and money that is never pay. Every snippet is
written for this test; each asserts exact (amount_min, amount_max, period, statistic) rows."""
from __future__ import annotations

import pytest

from roledata.extract.context import PageContext
from roledata.extract.salaries import extract_salaries
from roledata.parse import parse_outline


def shapes(text: str) -> list[tuple]:
    outline = parse_outline(text)
    rows = extract_salaries(outline, PageContext("doc", "role", ("Widget Engineer",)))
    for r in rows:
        assert text[r["char_start"]:r["char_end"]] == r["text"]
    return [(r["amount_min"], r["amount_max"], r["period"], r["statistic"]) for r in rows]


GUIDE = "Widget Engineer\n\nWidget engineers design, build and tune widget pipelines for retailers.\n\n"
POSTING = "Widget Engineer\n\nAbout the job\nWe are hiring a widget engineer to join our platform team.\n\n"


@pytest.mark.parametrize("body, expected", [
    pytest.param("Typical Earnings\n\nMedian Pay\n\n$41.20 hourly\n\n$85,700 annual\n",
                 [(41.2, 41.2, "hour", "median"), (85_700, 85_700, "year", "median")],
                 id="label line above two figures"),
    pytest.param("Builds widget pipelines for stores across the region.\n\n    $97K\n    Median Salary\n    +8%\n    Job Growth\n",
                 [(97_000, 97_000, "year", "median")], id="label line below the figure"),
    pytest.param("Widgets are everywhere now.\n\n$110K-$240K\n\nTotal Yearly Pay\n",
                 [(110_000, 240_000, "year", "range")], id="range card with its label below"),
    pytest.param("Quick numbers\nMedian: $93,400\nWorkers: 120,000\n",
                 [(93_400, 93_400, "year", "median")], id="statistic-only label"),
    pytest.param("💰 $140,000 - $210,000+\n\nWidget design and tuning\n",
                 [(140_000, 210_000, "year", "range")], id="headline figure under the money emoji"),
])
def test_stat_cards_and_headlines(body, expected):
    assert shapes(GUIDE + body) == expected


@pytest.mark.parametrize("body, expected", [
    pytest.param("Our best guess at the range for this job\n\n$88,000 — $121,000 USD\n",
                 [(88_000, 121_000, "year", "range")], id="lead-in line, figure line"),
    pytest.param("What this job is expected to pay\n\n$61,000 - $149,000\n",
                 [(61_000, 149_000, "year", "range")], id="unfinished lead-in sentence"),
    pytest.param("Expected Pay For The Role\n\n58,400.00 - 76,900.00 USD per year\n",
                 [(58_400, 76_900, "year", "range")], id="figure line read as a heading"),
    pytest.param("Salary: USD 70500 - 99000 per year\n\nExperience: 4 years needed\n",
                 [(70_500, 99_000, "year", "range")], id="pay line read as a heading"),
    pytest.param("   $140,250/year to $199,900/year + equity and bonus\n",
                 [(140_250, 199_900, "year", "range")], id="bare figure line with its own period"),
    pytest.param("This opening has a base pay range of $131,000 - $162,000.\n",
                 [(131_000, 162_000, "year", "range")], id="base pay range sentence"),
    pytest.param("Denver, CO hires: base salary range is USD$150,000 per year - USD$172,000 per year.\n",
                 [(150_000, 172_000, "year", "range")], id="each end with its period"),
    pytest.param("Rate: $38/hr to $44/hr.\n", [(38, 44, "hour", "range")], id="hourly ends joined"),
    pytest.param("Rate:  $52.00 USD Hourly - $58.00 USD Hourly\n", [(52, 58, "hour", "range")],
                 id="capitalised period after the code"),
    pytest.param("Pay Band\n\n67,250 USD PER YEAR - 79,800 USD PER YEAR\n",
                 [(67_250, 79_800, "year", "range")], id="upper-case period after the code"),
    pytest.param("Gross yearly base salary range here is $48,500 and $66,000.\n",
                 [(48_500, 66_000, "year", "range")], id="range written with and"),
    pytest.param("Pay for this role runs from $120,000/year in the lowest-cost metro to $180,000/year in the highest-cost metro.\n",
                 [(120_000, 180_000, "year", "range")], id="from X in one market to Y in another"),
    pytest.param("Schedule: Day shiftPay: $61,000.00 - $74,000.00 per yearPerks:Dental insurance\n",
                 [(61_000, 74_000, "year", "range")], id="glued pay label and period"),
    pytest.param("Location: Remote - OnsiteSchedule: days Hourly Rate: $23Reports to: Lead\n",
                 [(23, 23, "hour", "point")], id="glued hourly rate label"),
    pytest.param("Pay Range: $41.10 - $57.80\nShift: days\n", [(41.1, 57.8, "hour", "range")],
                 id="small pay-rate range read as hourly"),
    pytest.param("Compensation: $19 – $22/Hr depending on shift\n", [(19, 22, "hour", "range")],
                 id="capitalised /Hr after the range"),
    pytest.param("We expect to be paying $95k - $130k per year for this hire.\n",
                 [(95_000, 130_000, "year", "range")], id="expect to be paying"),
    pytest.param("Interns are paid $7,400 per month during the summer.\n",
                 [(7_400, 7_400, "month", "point")], id="monthly pay"),
    pytest.param("Contractor rate: $640 per day for a six-month engagement.\n",
                 [(640, 640, "day", "point")], id="day rate"),
])
def test_posting_pay_lines(body, expected):
    assert shapes(POSTING + body) == expected


def test_one_range_per_location():
    body = ("Base salary depends on the hiring location:\n"
            "- Chicago, IL: $128,000 - $160,000\n- Raleigh, NC: $112,000 - $140,000\n- Remote (US): USD 105000 - 131000\n")
    assert shapes(POSTING + body) == [
        (128_000, 160_000, "year", "range"), (112_000, 140_000, "year", "range"), (105_000, 131_000, "year", "range")]


def test_pay_table_of_levels():
    body = "| Level | Base salary (USD) |\n|---|---|\n| Junior | $101,000 – $122,000 |\n| Senior | $150,000 – $190,000 |\n"
    assert shapes(GUIDE + body) == [(101_000, 122_000, "year", "range"), (150_000, 190_000, "year", "range")]


def test_salary_list_under_a_market_heading():
    body = ("Widget Job Market and Outlook\n\nDemand keeps climbing across retail.\n\nAverage Pay Bands:\n"
            "- Entry-level Widget Engineer: $66,000 – $88,000\n- Senior Widget Engineer: $121,000 – $160,000\n")
    assert shapes(GUIDE + body) == [(66_000, 88_000, "year", "average"), (121_000, 160_000, "year", "average")]


def test_list_opened_by_a_pay_line():
    body = "Pay\nFigures people told us in 2025:\n- Junior: $84 k to $99 k\n- Lead: around $171 k plus equity\n"
    assert shapes(GUIDE + body) == [(84_000, 99_000, "year", "range"), (171_000, 171_000, "year", "point")]


def test_question_line_left_among_paragraphs():
    body = ("By A. Writer · 6 min read\nWidget teams are growing.\nHow much does it pay?\n"
            "Offers we saw fell between $82,000 and $104,000. One lead started at 130,000 dollars.\n"
            "The company had raised $9 million before that hire.\n")
    assert shapes(GUIDE + body) == [(82_000, 104_000, "year", "range"), (130_000, 130_000, "year", "point")]


def test_outlook_handbook_sentences():
    body = ("Pay\n\nMedian Pay: $99,310 per year, $47.75 per hour\n\n"
            "The median annual wage for widget engineers was $99,310 in May 2024. "
            "The lowest 10 percent earned less than $61,200, and the highest 10 percent earned more than $158,900.\n")
    assert shapes(GUIDE + body) == [
        (99_310, 99_310, "year", "median"), (47.75, 47.75, "hour", "median"), (99_310, 99_310, "year", "median"),
        (61_200, 61_200, "year", "p10"), (158_900, None, "year", "p90")]


def test_earned_in_prose_percentiles():
    body = "The lowest ten percent earned under $58,100, and the top 10 percent made $162,300 or more.\n"
    assert shapes(GUIDE + body) == [(58_100, 58_100, "year", "p10"), (162_300, 162_300, "year", "p90")]


def test_lakh_pay_with_a_period_or_pay_word():
    body = ("Salary in India\nFreshers earn around ₹7 LPA.\nSeniors earn ₹18 lakh per annum.\n"
            "The startup raised ₹40 lakh in its seed round.\n")
    assert shapes(GUIDE + body) == [(700_000, 700_000, "year", "point"), (1_800_000, 1_800_000, "year", "point")]


def test_living_costs_and_cost_areas_do_not_hide_pay():
    body = "Pay\nIn the US the same role pays around $131,000 a year, though living costs are far higher.\n"
    assert shapes(GUIDE + body) == [(131_000, 131_000, "year", "point")]


@pytest.mark.parametrize("line", [
    pytest.param("- $1,500 yearly learning stipend for books and courses", id="learning stipend"),
    pytest.param("- $80 monthly wellness reimbursement for a gym", id="gym reimbursement"),
    pytest.param("- A $400 sign-on bonus after 60 days", id="sign-on bonus"),
    pytest.param("- Referral program: staff earn $250 for each hire who stays 90 days", id="referral reward"),
    pytest.param("- 401(k) match of 4% and a one-time $600 home-office setup allowance", id="setup allowance"),
    pytest.param("- CA$450 annual wellness account", id="wellness account"),
    pytest.param("- Experience managing accounts with annual contracts above $250,000", id="contract size"),
    pytest.param("- We processed $12 billion in payments last year", id="payment volume"),
    pytest.param("- Interns get a $2,000 housing stipend for the summer", id="housing stipend"),
    pytest.param("- Tuition reimbursement up to $5,000 a year", id="tuition"),
])
def test_benefit_money_is_never_pay(line):
    body = f"Compensation and Benefits\nBase salary: $118,000 - $142,000 per year.\n{line}\n"
    assert shapes(POSTING + body) == [(118_000, 142_000, "year", "range")]


def test_bonus_beside_the_salary_stays_out():
    body = "Compensation\nBase Salary: $72,000\nOn-Target Earnings: $96,000 (base plus a quarterly retention bonus)\nHIRING NOW! $300 Sign-On Bonus!\n"
    assert shapes(POSTING + body) == [(72_000, 72_000, "year", "point"), (96_000, 96_000, "year", "point")]


def test_an_implausible_range_is_read_as_written_and_rejected_by_the_row_checks():
    from roledata.extract.document import process_document
    from roledata.extract.document import check_documents

    body = "Pay by level\n- Lead Widget Engineer: $118,500 – $146,000\n- Staff Widget Engineer: $146,000 – $1850,000+\n"
    assert shapes(GUIDE + body) == [(118_500, 146_000, "year", "range"), (146_000, 1_850_000, "year", "range")]
    result = process_document("typo.txt", (GUIDE + body).encode())
    check_documents([result])
    assert [(r["amount_min"], r["amount_max"]) for r in result.tables["salaries"]] == [(118_500, 146_000)]
    assert [(table, reason) for table, reason, _ in result.row_rejects] == [
        ("salaries", "amount_max at most 10 times amount_min")]
