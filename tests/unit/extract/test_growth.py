"""Growth and market figures: the samples exactly; the shapes career guides print them in (outlook
rows, stat cards, ranges); and the percentages that are not job growth."""
from __future__ import annotations

import pytest

from roledata.extract.context import PageContext
from roledata.extract.growth import extract_growth
from roledata.parse import parse_outline
from tests.conftest import sample_text


def view(key: str):
    rows = extract_growth(parse_outline(sample_text(key)), PageContext("doc", "role"))
    return [(r["metric"], r["value"], r["value_max"], r["unit"], r["is_lower_bound"], r["period_start"],
             r["period_end"], r["period_label"], r["subject"], r["source_name"]) for r in rows]


def test_vp_ai_ml_engineering_growth():
    assert view("vp_ai_ml_engineering") == [
        ("job_growth", 40, None, "percent", False, 2023, 2027, None, "AI and ML specialist jobs", None),
        ("jobs_created", 1_000_000, None, "count", False, None, None, None, None, None),
        ("adoption_rate", 60, None, "percent", False, None, None, None, None, None),
    ]


def test_head_of_ai_engineering_growth_and_market():
    assert view("head_of_ai_engineering") == [
        ("market_cagr", 20.17, None, "percent", False, 2024, 2029, None, "AI engineering market", None),
        ("market_size", 9_460_000, None, "USD", False, None, 2029, None, None, None),
        ("market_size", 3_775_000, None, "USD", False, None, 2024, None, None, None),
        ("title_growth", 2700, None, "percent", False, 2014, None, "since 2014", "Specialized AI and machine learning roles", None),
        ("job_growth", 23, None, "percent", False, 2022, 2032, None, "AI engineers", None),
        ("title_growth", 3, None, "multiple", False, None, None, "in the past two years", "AI-related job titles", None),
        ("title_growth", 300, None, "percent", False, 2022, None, "since Q2 2022", "AI leadership positions", None),
        ("title_growth", 428, None, "percent", False, 2022, None, "since Q2 2022", "C-suite AI roles", None),
        ("investment", 5_517_500_000, None, "INR", True, None, None, None, "IndiaAI mission", None),
        ("investment", 65_000_000_000, None, "USD", False, None, None, None, "AI and chipmaking", None),
    ]


def test_ai_tech_lead_market():
    assert view("ai_tech_lead") == [
        ("market_size", 1.3e12, None, "USD", True, None, 2030, None, "global AI market", None),
        ("market_cagr", 35.7, None, "percent", False, 2024, 2030, None, None, None),
    ]


def test_repeated_fact_is_one_row_with_its_source():
    # "40%+ year-over-year" appears in the glance and again in the outlook (credited to LinkedIn);
    # "15% ... through 2032" in the glance and again credited to the BLS.
    assert view("ai_engineering_manager") == [
        ("postings_growth", 40, None, "percent", True, None, None, "year-over-year", None, "LinkedIn"),
        ("job_growth", 15, None, "percent", False, None, 2032, None, "broader software/IT manager category", "Bureau of Labor Statistics"),
    ]


def test_vp_of_ai_has_no_numeric_growth():
    assert view("vp_of_ai") == []


def test_pay_percentages_are_not_growth():
    text = "Overview\nThe Widget Lead is a role.\nPay\n- Top 10% can earn up to $250,000\n- Bonuses: Typically 15-25% of total compensation\n"
    assert extract_growth(parse_outline(text), PageContext("doc", "role")) == []


def stats(sentence: str):
    text = f"Overview\nThe Widget Lead is a role.\nMarket Demand\nDemand is rising:\n- {sentence}\n"
    rows = extract_growth(parse_outline(text), PageContext("doc", "role"))
    return [(r["metric"], r["value"], r["unit"], r["is_lower_bound"], r["period_start"], r["period_end"],
             r["period_label"], r["source_name"]) for r in rows]


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("Employment of widget calibrators should grow 36% from 2023 to 2033, the Bureau of Labor Statistics projects.",
                 [("job_growth", 36, "percent", False, 2023, 2033, None, "Bureau of Labor Statistics")], id="BLS projection"),
    pytest.param("Postings for prompt engineers doubled since 2023.",
                 [("postings_growth", 2, "multiple", False, 2023, None, "since 2023", None)], id="doubled since"),
    pytest.param("The global MLOps market is expected to reach $5.9 billion by 2027.",
                 [("market_size", 5.9e9, "USD", False, None, 2027, None, None)], id="market size billion"),
    pytest.param("Over 70% of enterprises are using generative AI in production.",
                 [("adoption_rate", 70, "percent", True, None, None, None, None)], id="adoption lower bound"),
    pytest.param("AI is expected to add 97 million new jobs by 2025, according to the World Economic Forum.",
                 [("jobs_created", 97e6, "count", False, None, 2025, None, "World Economic Forum")], id="jobs created"),
    pytest.param("Over 100,000 customers are using the platform for machine learning.", [], id="customer count is not a stat"),
    pytest.param("Our offer acceptance rate is 70%.", [], id="a rate that is not growth"),
])
def test_growth_forms_on_unseen_sentences(sentence, expected):
    assert stats(sentence) == expected


# ---------------------------------------------------------------- growth in the shapes career guides print it
def rows(text: str):
    out = extract_growth(parse_outline(text), PageContext("doc", "role"))
    for r in out:
        assert text[r["char_start"]:r["char_end"]] == r["text"]
    return [(r["metric"], r["value"], r["value_max"], r["is_lower_bound"], r["period_start"], r["period_end"])
            for r in out]


PAGE = "Robot Trainers\n\nRobot trainers teach warehouse robots new routines and check their work.\n\n{body}\n"


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Outlook\nEmployment of robot trainers is projected to grow 21 percent from 2023 to 2033, "
                 "well ahead of the average for all occupations.",
                 [("job_growth", 21, None, False, 2023, 2033)], id="projection sentence"),
    pytest.param("Quick Facts\nJob Outlook, 2020-30: 22% (Much faster than average)\nEmployment Change, 2020-30: 4,100",
                 [("job_growth", 22, None, False, 2020, 2030)], id="outlook row with a two-digit end year"),
    pytest.param("Job Outlook (2022–2032)\nGrowth Rate\n+12.5%\nAnnual Openings\n9,300",
                 [("job_growth", 12.5, None, False, 2022, 2032)], id="card: label above the figure"),
    pytest.param("$88K\nMedian Salary\n+9%\nJob Growth\n2-3 yrs\nTraining",
                 [("job_growth", 9, None, False, None, None)], id="card: label below the figure"),
    pytest.param("Job Growth Outlook\nProjected to grow 30% by 2028\nHiring Hotspots\nCoastal cities",
                 [("job_growth", 30, None, False, None, 2028)], id="projected to grow by year"),
    pytest.param("Projected Growth\nFaster than average (11%..16%)\nOpenings Each Year",
                 [("job_growth", 11, 16, False, None, None)], id="dotted range"),
    pytest.param("Projected Growth\nMuch faster than average (12% to 18%)\nProjection period: 2022-2032",
                 [("job_growth", 12, 18, False, None, None)], id="worded range"),
    pytest.param("Summary\nPaying a median salary of $91,000 and with projected growth of 18.5%, the job draws many applicants.",
                 [("job_growth", 18.5, None, False, None, None)], id="growth phrase beside a salary"),
    pytest.param("Hiring temperature: hot\n+13% growth\nNotes", [("other", 13, None, False, None, None)],
                 id="signed figure with growth on one line: no subject, so no job metric"),
    pytest.param("Quick facts: Median salary: $101,000 · Growth outlook: 17% (2024–2034) · Experience: 2-4 years",
                 [("job_growth", 17, None, False, 2024, 2034)], id="outlook inside a facts strip"),
])
def test_growth_shapes(body, expected):
    assert rows(PAGE.format(body=body)) == expected


@pytest.mark.parametrize("body", [
    pytest.param("Outlook\n(Across all occupations, projected growth averages 4 percent.)", id="all-occupations baseline"),
    pytest.param("Outlook\nAcross the whole economy, the average rate for all occupations sits near 5 percent.", id="baseline rate"),
    pytest.param("Career Metrics\nOur model puts the risk of automating this work at 14.0%.", id="automation risk"),
    pytest.param("Automation Risk\n9%\nJob Security\nHigh", id="risk card"),
    pytest.param("Work Life\nThirty percent of trainers surveyed said 35% of their week goes to travel.", id="survey share"),
    pytest.param("Pay\nSalaries for robot trainers grew 6% last year.", id="pay growth is not job growth"),
    pytest.param("Median Pay\n$40.10 per hour\n+3%\nWage Growth", id="pay card"),
])
def test_not_growth(body):
    assert rows(PAGE.format(body=body)) == []


def test_summary_and_card_are_one_fact_dated_by_the_card():
    body = ("Summary\nPaying a median salary of $91,000 and with projected growth of 18.5%, the job draws many applicants.\n"
            "Job Outlook (2024–2034)\nGrowth Rate\n+18.5%")
    assert rows(PAGE.format(body=body)) == [("job_growth", 18.5, None, False, 2024, 2034)]


def test_postings_growth_keeps_its_metric():
    body = "Market Demand\nJob postings for robot trainers rose 45% year-over-year."
    assert [r[0] for r in rows(PAGE.format(body=body))] == ["postings_growth"]


def test_market_growth_per_year_is_a_market_rate():
    body = "Market Demand\nThe robot-fleet software segment is expanding at about 19% a year."
    assert [r[0] for r in rows(PAGE.format(body=body))] == ["market_cagr"]


# ---------------------------------------------------------------- percentages that are not job growth, and the growth that is
GUIDE = "Kiln Operator\n\nKiln operators load, fire and unload ceramic kilns for small studios.\n\n"


def growth(body: str) -> list[tuple]:
    text = GUIDE + body
    rows = extract_growth(parse_outline(text), PageContext("doc", "role"))
    for r in rows:
        assert text[r["char_start"]:r["char_end"]] == r["text"]
    return [(r["metric"], r["value"]) for r in rows]


@pytest.mark.parametrize("body, expected", [
    pytest.param("Studio results\nRevenue Growth\n+38%\nRepeat Customers\n61%\n", [("other", 38)], id="revenue card"),
    pytest.param("Shop metrics\nSales Growth\n+17%\n", [("other", 17)], id="sales card"),
    pytest.param("Outlook\nSeasonal Growth\n+6%\n", [("job_growth", 6)], id="plain growth card under an outlook stays job growth"),
])
def test_growth_cards_name_their_subject(body, expected):
    assert growth(body) == expected


@pytest.mark.parametrize("body", [
    pytest.param("Outlook\n58% of studio owners say they plan to expand their kiln teams next year.\n", id="survey share"),
    pytest.param("Outlook\nIn our survey, 44% of respondents reported hiring growth.\n", id="respondents"),
    pytest.param("Outlook\nAbout 3 in 10 owners said demand grew 25% last season.\n", id="said"),
    pytest.param("Responsibilities\n- Increase firing yield by 12% through better loading\n", id="duty KPI increase"),
    pytest.param("Responsibilities\n- Grow studio revenue by 20% within two years\n", id="duty KPI grow"),
    pytest.param("What you'll do\n- Spend 35 percent of your week on glaze testing as the studio grows\n",
                 id="share of the week"),
    pytest.param("Responsibilities\n- Cut energy use 15% while increasing output\n", id="duty KPI cut"),
])
def test_percentages_that_are_not_job_growth(body):
    assert growth(body) == []


def test_outlook_projection_still_reads():
    assert growth("Outlook\nEmployment of kiln operators is projected to grow 7% from 2024 to 2034.\n") == [("job_growth", 7)]
