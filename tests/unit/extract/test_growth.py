"""Growth and market figures on the samples, exactly."""
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
