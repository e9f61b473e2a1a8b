"""Salaries and bonuses: every figure on the samples; salaries in the structures real pages and
postings use (stat cards, pay lines, joined ranges, periods written around the figure, lakh pay);
and money that is never pay. Every snippet is written for these tests; each asserts exact rows."""
from __future__ import annotations

import pytest

from roledata.extract.bonuses import extract_bonuses
from roledata.extract.context import PageContext
from roledata.extract.salaries import extract_salaries
from roledata.parse import parse_outline
from tests.conftest import sample_text


def salary_rows(key: str, names: list[str]):
    return extract_salaries(parse_outline(sample_text(key)), PageContext("doc", "role", tuple(names)))


def view(rows):
    return [(r["statistic"], r["pay_component"], r["segment_type"], r["segment"], r["amount_min"], r["amount_max"],
             r["open_ended"], r["experience_years_min"], r["experience_years_max"], r["reference_year"]) for r in rows]


def test_ai_tech_lead_every_salary_row():
    assert view(salary_rows("ai_tech_lead", ["AI Tech Lead"])) == [
        ("average", "unspecified", "overall", None, 160_000, 250_000, False, None, None, 2024),
        ("range", "unspecified", "experience_level", "Entry-Level (5-8 years experience)", 120_000, 180_000, False, 5, 8, 2024),
        ("range", "unspecified", "experience_level", "Mid-Level (8-12 years)", 150_000, 220_000, False, 8, 12, 2024),
        ("range", "unspecified", "experience_level", "Senior-Level (12-18 years)", 180_000, 280_000, False, 12, 18, 2024),
        ("range", "unspecified", "experience_level", "Executive-Level (18+ years)", 250_000, 350_000, False, 18, None, 2024),
        ("range", "unspecified", "location", "San Francisco Bay Area and New York City", 200_000, 350_000, False, None, None, 2024),
        ("range", "unspecified", "location", "Other Major Tech Hubs (e.g., Seattle, Boston, Austin)", 150_000, 280_000, False, None, None, 2024),
        ("range", "unspecified", "location", "Non-Tech Hubs", 120_000, 220_000, False, None, None, 2024),
        ("range", "unspecified", "industry", "Finance and Healthcare", 180_000, 300_000, False, None, None, 2024),
        ("range", "unspecified", "industry", "Tech and Software", 150_000, 280_000, False, None, None, 2024),
        ("range", "unspecified", "industry", "Academia and Research", 100_000, 200_000, False, None, None, 2024),
    ]


def test_head_of_ai_engineering_salaries():
    rows = salary_rows("head_of_ai_engineering", ["Head of AI Engineering", "Director of AI", "Chief AI Officer"])
    assert view(rows) == [
        ("range", "total_cash", "overall", None, 375_000, 600_000, False, None, None, None),
        ("median", "unspecified", "experience_level", "Executive-level / Director AI Engineer", 187_550, 187_550, False, None, None, 2024),
        ("average", "unspecified", "overall", None, 150_000, 218_860, False, None, None, 2024),
        ("average", "unspecified", "title_variant", "AI Engineering Director", 244_342, 244_342, False, None, None, 2024),
        ("range", "unspecified", "overall", None, 210_024, 269_708, False, None, None, 2024),
        ("range", "unspecified", "overall", None, 178_779, 292_803, False, None, None, 2024),
        ("p90", "unspecified", "overall", None, None, 250_000, False, None, None, 2024),
        ("p10", "unspecified", "overall", None, 120_000, 120_000, False, None, None, 2024),
        ("range", "unspecified", "location", "Major tech hubs (e.g., San Francisco, New York City)", 300_000, None, True, None, None, 2024),
        ("average", "unspecified", "title_variant", "Head of AI", 223_000, 223_000, False, None, None, 2024),
        ("minimum", "base", "overall", None, 179_000, 179_000, False, None, None, 2024),
        ("maximum", "base", "overall", None, 250_000, 250_000, False, None, None, 2024),
    ]
    assert all(r["currency"] == "USD" and r["period"] == "year" for r in rows)


def test_vp_ai_ml_engineering_salaries():
    assert view(salary_rows("vp_ai_ml_engineering", ["Vice President (VP) of AI/ML Engineering"])) == [
        ("average", "unspecified", "overall", None, 217_433, 283_018, False, None, None, 2024),
        ("range", "unspecified", "overall", None, 130_000, 500_000, True, None, None, 2024),
        ("average", "unspecified", "title_variant", "Vice President of Engineering (including AI/ML)", 224_452, 224_452, False, None, None, 2024),
        ("point", "total", "title_variant", "Vice President Machine Learning Engineer", 283_018, 283_018, False, None, None, 2024),
    ]


def test_vp_of_ai_salaries_in_prose():
    assert view(salary_rows("vp_of_ai", ["VP of AI"])) == [
        ("range", "base", "era", "before the ChatGPT moment", 180_000, 220_000, False, None, None, None),
        ("range", "base", "overall", None, 240_000, 300_000, False, None, None, None),
        ("range", "total", "company_type", "AI-native companies and foundation model labs", 500_000, None, True, None, None, None),
    ]


def test_ai_engineering_manager_has_no_salary():
    assert salary_rows("ai_engineering_manager", ["AI Engineering Manager"]) == []


def test_provenance_of_salary_rows():
    text = sample_text("ai_tech_lead")
    for row in salary_rows("ai_tech_lead", ["AI Tech Lead"]):
        assert text[row["char_start"]:row["char_end"]] == row["text"]
        assert row["amount_text"] in row["text"]
    assert salary_rows("ai_tech_lead", ["AI Tech Lead"])[1]["text"] == "Entry-Level (5-8 years experience): $120,000 - $180,000"


def page(body: str) -> str:
    return f"Overview\nThe Widget Lead is a role that builds widgets.\nSalary Ranges (US Market, 2025)\nPay varies by company:\n{body}\n"


@pytest.mark.parametrize("line", [
    pytest.param("- It generated $4.2M in incremental revenue in its first year.", id="revenue"),
    pytest.param("- The AI market size is $300,000 in this niche.", id="market size"),
    pytest.param("- Japan plans to invest $65 billion in AI.", id="investment"),
    pytest.param("- Teams manage a budget of $250,000 per quarter.", id="budget"),
    pytest.param("- New customers get a $75 credit on signup.", id="credit"),
    pytest.param("- Licences are priced at $120,000 per seat.", id="price"),
    pytest.param("- Over 100,000 customers pay for the service.", id="customer count"),
    pytest.param("- The team ran on an annual compute budget of $900,000.", id="annual budget"),
])
def test_never_a_salary(line):
    outline = parse_outline(page(line))
    assert extract_salaries(outline, PageContext("doc", "widget-lead", ("Widget Lead",))) == []


def test_pay_in_an_unseen_page_with_other_forms():
    outline = parse_outline(page("- Hourly contracts: $95/hour\n- London: £60k–£80k\n- Remote: $120k-$150k/yr"))
    rows = extract_salaries(outline, PageContext("doc", "widget-lead", ("Widget Lead",)))
    assert [(r["segment"], r["currency"], r["period"], r["annual_min_usd"], r["annual_max_usd"]) for r in rows] == [
        ("Hourly contracts", "USD", "hour", 95 * 2080, 95 * 2080),
        ("London", "GBP", "year", None, None),
        ("Remote", "USD", "year", 120_000, 150_000),
    ]
    assert [r["segment_type"] for r in rows] == ["overall", "location", "location"]


def test_bonuses():
    head = extract_bonuses(parse_outline(sample_text("head_of_ai_engineering")), PageContext("doc", "role"))
    lead = extract_bonuses(parse_outline(sample_text("ai_tech_lead")), PageContext("doc", "role"))
    assert [(r["pct_min"], r["pct_max"], r["basis"], r["text"]) for r in head] == [
        (15, 25, "total_compensation", "Bonuses: Typically 15-25% of total compensation")]
    assert [(r["pct_min"], r["pct_max"], r["basis"], r["text"]) for r in lead] == [
        (10, 20, "base_salary", "Performance Bonuses: May add 10% to 20% to annual salary")]


# ---------------------------------------------------------------- salaries in the shapes real pages use
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


# ---------------------------------------------------------------- money a career guide prints that is not pay, and pay that stays pay
KILN_GUIDE = "Kiln Operator\n\nKiln operators load, fire and unload ceramic kilns for small studios.\n\n"


def pay(body: str) -> list[tuple]:
    text = KILN_GUIDE + body
    rows = extract_salaries(parse_outline(text), PageContext("doc", "role", ("Kiln Operator",)))
    for r in rows:
        assert text[r["char_start"]:r["char_end"]] == r["text"]
    return [(r["amount_min"], r["amount_max"], r["period"], r["statistic"]) for r in rows]


@pytest.mark.parametrize("body", [
    pytest.param("Graduate snapshot\n\nAverage Student Debt\n\n$31,700\n", id="stat card about debt"),
    pytest.param("Typical Tuition\n\n$18,250\n", id="stat card about tuition"),
    pytest.param("Average Kiln Price\n\n$4,900\n", id="stat card about a price"),
    pytest.param("Studios rent A100 GPUs for $27/hr when they model glaze chemistry.\n", id="an hourly rental"),
    pytest.param("Render farms lease kiln simulators for $9/hr.\n", id="an hourly lease"),
    pytest.param("💰 $45,000 research grant for new glaze studies\n", id="emoji before a grant"),
    pytest.param("💰 $20,000 prize for the best studio design\n", id="emoji before a prize"),
    pytest.param("Studio news\nThe guild awarded a $12,000 scholarship to two apprentices.\n", id="a scholarship"),
])
def test_money_that_is_not_pay(body):
    assert pay(body) == []


@pytest.mark.parametrize("body, expected", [
    pytest.param("Earnings\n\nAverage Base\n\n$57,300\n", [(57_300, 57_300, "year", "average")], id="card with a pay noun"),
    pytest.param("Median Wage\n\n$26.40 hourly\n", [(26.4, 26.4, "hour", "median")], id="hourly card"),
    pytest.param("Kiln operators earn about $24/hr in most studios.\n", [(24, 24, "hour", "point")], id="hourly pay cue"),
    pytest.param("💰 $52,000 - $68,000+\n\nStudio work and glaze testing\n", [(52_000, 68_000, "year", "range")],
                 id="emoji before a figure line"),
])
def test_pay_that_stays_pay(body, expected):
    assert pay(body) == expected
