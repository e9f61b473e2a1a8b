"""Growth figures in the shapes career guides print them: outlook rows, stat cards, ranges, traps."""
from __future__ import annotations

import pytest

from roledata.extract.context import PageContext
from roledata.extract.growth import extract_growth
from roledata.parse import parse_outline


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
