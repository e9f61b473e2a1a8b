"""Salaries and bonuses: every figure on the samples, and what is never pay."""
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
