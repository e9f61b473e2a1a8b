"""Misfires a code review predicted on fresh pages, each written for this test in our own words:
money that is not pay, percentages that are not job growth, English words taken for tools,
job titles taken for certifications, ages and tenure taken for experience; and the shared
look-alike characters and mojibake detection in `roledata.text`."""
from __future__ import annotations

import re

import pytest

from roledata.extract.context import PageContext
from roledata.extract.growth import extract_growth
from roledata.extract.money import find_percents
from roledata.extract.requirements.certifications import extract_certifications
from roledata.extract.requirements.education import extract_education
from roledata.extract.requirements.experience import extract_experience
from roledata.extract.salaries import extract_salaries
from roledata.extract.skills import match_skills
from roledata.parse import parse_outline
from roledata.text import APOSTROPHE, ARROW, DASH, Span, misdecoded_forms, mojibake_samples

GUIDE = "Kiln Operator\n\nKiln operators load, fire and unload ceramic kilns for small studios.\n\n"


def pay(body: str) -> list[tuple]:
    text = GUIDE + body
    rows = extract_salaries(parse_outline(text), PageContext("doc", "role", ("Kiln Operator",)))
    for r in rows:
        assert text[r["char_start"]:r["char_end"]] == r["text"]
    return [(r["amount_min"], r["amount_max"], r["period"], r["statistic"]) for r in rows]


def growth(body: str) -> list[tuple]:
    text = GUIDE + body
    rows = extract_growth(parse_outline(text), PageContext("doc", "role"))
    for r in rows:
        assert text[r["char_start"]:r["char_end"]] == r["text"]
    return [(r["metric"], r["value"]) for r in rows]


def skills(text: str) -> list[str]:
    return [m.skill.skill_id for m in match_skills(Span(0, len(text), text))]


def requirements_page(body: str) -> str:
    return f"Overview\nThe Kiln Operator is a role.\nRequirements\nWhat you need:\n{body}\n"


def experience(body: str) -> list[tuple]:
    rows = extract_experience(parse_outline(requirements_page(body)), PageContext("doc", "r"))
    return [(r["years_min"], r["years_max"]) for r in rows]


def certifications(body: str) -> list[str]:
    return [r["name"] for r in extract_certifications(parse_outline(requirements_page(body)), PageContext("doc", "r"))]


# ---------------------------------------------------------------- salaries
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


# ---------------------------------------------------------------- growth
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


# ---------------------------------------------------------------- skills
@pytest.mark.parametrize("text, expected", [
    pytest.param("Excel in a fast-paced studio.", [], id="Excel as a verb"),
    pytest.param("React quickly when a firing goes wrong.", [], id="React as a verb"),
    pytest.param("Temporal changes in glaze colour matter.", [], id="Temporal as an adjective"),
    pytest.param("Amplitude of the kiln's temperature swing", [], id="Amplitude as a noun"),
    pytest.param("Superset of the basic safety rules", [], id="Superset as a noun"),
    pytest.param("Dashboards in Excel, Tableau and SQL", ["microsoft-excel", "tableau", "sql"], id="Excel in a tool list"),
    pytest.param("Front ends in TypeScript and React", ["typescript", "react"], id="React in a tool list"),
    pytest.param("Workflows on Temporal, Kafka or Airflow", ["temporal", "kafka", "airflow"], id="Temporal in a tool list"),
    pytest.param("Advanced Microsoft Excel and React.js", ["microsoft-excel", "react"], id="unambiguous names need no list"),
])
def test_english_words_in_the_vocabulary(text, expected):
    assert skills(text) == expected


# ---------------------------------------------------------------- certifications
@pytest.mark.parametrize("body, expected", [
    pytest.param("- Two years as an AWS Data Engineer or Azure AI Engineer on a studio platform", [], id="job titles"),
    pytest.param("- Experience reporting incidents to CISA and state agencies", [], id="CISA the agency"),
    pytest.param("- AWS Certified Data Engineer or Azure AI Engineer certification preferred",
                 ["AWS Certified Data Engineer – Associate", "Microsoft Certified: Azure AI Engineer Associate"],
                 id="certifications named as such"),
    pytest.param("- CISA or CISM certification a plus",
                 ["Certified Information Security Manager (CISM)", "Certified Information Systems Auditor (CISA)"],
                 id="CISA beside certification"),
])
def test_certifications_need_to_be_certifications(body, expected):
    assert sorted(certifications(body)) == sorted(expected)


# ---------------------------------------------------------------- experience
@pytest.mark.parametrize("body, expected", [
    pytest.param("- Must be 18 years or older", [], id="age or older"),
    pytest.param("- Applicants must be at least 21 years of age", [], id="years of age"),
    pytest.param("- Extra paid leave after 5+ years of service", [], id="tenure benefit"),
    pytest.param("- Must be 19 years old to operate the kiln", [], id="years old"),
    pytest.param("- At least 3 years of kiln experience", [(3, None)], id="real requirement"),
])
def test_ages_and_tenure_are_not_experience(body, expected):
    assert experience(body) == expected


# ---------------------------------------------------------------- text: look-alikes and mojibake
def test_lookalike_patterns_cover_double_decoded_forms():
    assert misdecoded_forms("–") == ["\u00e2\u20ac\u201c", "\u0e42\u20ac\u201c"]  # cp1252, cp874
    for text in ("8\u20139", "8\u00e2\u20ac\u201c9", "8\u0e42\u20ac\u201d9", "8-9", "8\u22129"):
        assert re.fullmatch(rf"8{DASH}9", text), text
    assert re.fullmatch(rf"a{APOSTROPHE}s", "a\u0e42\u20ac\u2122s")
    assert re.fullmatch(rf"a\s*{ARROW}\s*b", "a \u00e2\u2020\u2019 b")


def test_mojibake_under_cp874_is_flagged():
    assert mojibake_samples("Growth 2024 \u0e42\u20ac\u201d 2034, the team\u0e42\u20ac\u2122s work") == [
        "\u0e42\u20ac\u201d", "\u0e42\u20ac\u2122"]
    assert mojibake_samples("ภาษาไทย ข้อความภาษาไทย") == []  # real Thai text
    assert mojibake_samples("plain ASCII text") == []


def test_double_decoded_dashes_and_apostrophes_keep_exact_offsets():
    body = ("- 3\u0e42\u20ac\u201c5 years of glaze experience\n"
            "- Bachelor\u00e2\u20ac\u2122s degree in ceramics\n")
    text = requirements_page(body)
    outline = parse_outline(text)
    exp = extract_experience(outline, PageContext("doc", "r"))
    edu = extract_education(outline, PageContext("doc", "r"))
    assert [(r["years_min"], r["years_max"]) for r in exp] == [(3, 5)]
    assert [r["level"] for r in edu] == ["bachelor"]
    for r in exp + edu:
        assert text[r["char_start"]:r["char_end"]] == r["text"]


def test_a_percent_inside_a_longer_number_is_not_read():
    text = "Job Outlook, 2030-4218% (Much faster than average)"
    assert find_percents(Span(0, len(text), text)) == []
