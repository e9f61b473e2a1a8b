"""Requirement shapes seen on real career guides and postings, in our own words.

Each test is one structure many pages share: where the requirement sits (a label
line above its value, a heading holding "label: value", a stat card, a bullet
group, a sentence of prose) and how it is worded (levels, open ranges, words
for numbers, "preferred", "valued", "not required").
"""
from __future__ import annotations

import pytest

from roledata.extract import requirements
from roledata.extract.context import PageContext
from roledata.extract.requirements.certifications import extract_certifications
from roledata.extract.requirements.education import extract_education
from roledata.extract.requirements.experience import extract_experience
from roledata.parse import parse_outline


def page(body: str) -> str:
    return f"Overview\nThe Widget Analyst is a role.\nRequirements\nWhat the role needs:\n{body}\n"


def education(text: str) -> list[tuple]:
    rows = extract_education(parse_outline(text), PageContext("doc", "r"))
    return [(r["level"], r["requirement"], r["text"]) for r in rows]


def experience(text: str) -> list[tuple]:
    rows = extract_experience(parse_outline(text), PageContext("doc", "r"))
    return [(r["years_min"], r["years_max"], r["text"]) for r in rows]


def certifications(text: str) -> list[tuple]:
    rows = extract_certifications(parse_outline(text), PageContext("doc", "r"))
    return [(r["name"], r["requirement"], r["text"]) for r in rows]


def assert_provenance(text: str) -> None:
    outline = parse_outline(text)
    for rows in (extract_education(outline, PageContext("d", "r")), extract_experience(outline, PageContext("d", "r")),
                 extract_certifications(outline, PageContext("d", "r"))):
        for row in rows:
            assert text[row["char_start"]:row["char_end"]] == row["text"]


# ---------------------------------------------------------------- experience

@pytest.mark.parametrize(("line", "expected"), [
    pytest.param("- 2-7+ years depending on seniority", [(2, None, "2-7+ years depending on seniority")], id="open upper end"),
    pytest.param("- Less than 4 years", [(0, 4, "Less than 4 years")], id="less than"),
    pytest.param("- Up to 3 years in a support role", [(0, 3, "Up to 3 years in a support role")], id="up to"),
    pytest.param("- Two years of experience with dashboards", [(2, None, "Two years of experience with dashboards")], id="word"),
    pytest.param("- three to six years of analysis work", [(3, 6, "three to six years of analysis work")], id="word range"),
    pytest.param("- At least four years with SQL", [(4, None, "At least four years with SQL")], id="at least word"),
    pytest.param("- Minimum of 3 years in reporting", [(3, None, "Minimum of 3 years in reporting")], id="minimum of"),
    pytest.param("- 6+ years of experience with survey data", [(6, None, "6+ years of experience with survey data")], id="plus with"),
    pytest.param("- Junior (1 year) to Lead (6+ years)", [(1, None, "Junior (1 year) to Lead (6+ years)")], id="levels joined"),
    pytest.param("- Tools will change over the next 2-3 years", [], id="time frame"),
    pytest.param("- Holds a 4-year degree", [], id="degree length"),
])
def test_experience_shapes(line, expected):
    assert experience(page(line)) == expected


def test_experience_on_a_label_line_gives_no_degree():
    text = page("- Typical experience\n- 4-8 years (including PhD)")
    assert experience(text) == [(4, 8, "4-8 years (including PhD)")]
    assert education(text) == []


def test_experience_counted_after_a_degree_is_not_a_degree():
    text = page("- At least 2 years of lab work during or after your doctorate")
    assert education(text) == []
    assert experience(text) == [(2, None, "At least 2 years of lab work during or after your doctorate")]


def test_mojibake_dash_and_apostrophe():
    text = page("\u00e2\u20ac\u00a2 2\u00e2\u20ac\u201c5 years\u00e2\u20ac\u2122 experience in audit")
    assert [(lo, hi) for lo, hi, _ in experience(text)] == [(2, 5)]
    assert_provenance(text)


def test_glued_list_items_split_at_the_glue():
    text = page("Bachelor's degree in Physics or a related field3-5 years of experience in optics, preferably in labs")
    assert experience(text) == [(3, 5, "3-5 years of experience in optics, preferably in labs")]
    assert education(text) == [("bachelor", "required", "Bachelor's degree in Physics or a related field")]


# ---------------------------------------------------------------- education

@pytest.mark.parametrize(("line", "expected"), [
    pytest.param("- BS/MS in Physics or related field",
                 [("master", "required", "BS/MS in Physics or related field"),
                  ("bachelor", "required", "BS/MS in Physics or related field")], id="slash abbreviations"),
    pytest.param("- PhD preferred", [("doctorate", "preferred", "PhD preferred")], id="phd preferred"),
    pytest.param("- Bachelor's or Master's in Geography",
                 [("master", "required", "Bachelor's or Master's in Geography"),
                  ("bachelor", "required", "Bachelor's or Master's in Geography")], id="either degree"),
    pytest.param("- A degree (Bachelor or Master) in economics",
                 [("master", "required", "A degree (Bachelor or Master) in economics"),
                  ("bachelor", "required", "A degree (Bachelor or Master) in economics")], id="bare master"),
    pytest.param("- Bachelor's degree in design or a bootcamp with a portfolio",
                 [("bachelor", "required", "Bachelor's degree in design or a bootcamp with a portfolio")], id="bootcamp alternative"),
    pytest.param("- Bachelor's degree is mandatory, ideally with a chemistry major",
                 [("bachelor", "required", "Bachelor's degree is mandatory, ideally with a chemistry major")], id="preferred field"),
    pytest.param("- A master's degree is nice to have", [("master", "preferred", "A master's degree is nice to have")], id="nice to have"),
    pytest.param("- Senior hires commonly arrive with a Master's or a law degree",
                 [("master", "common", "Senior hires commonly arrive with a Master's or a law degree")], id="common"),
    pytest.param("- A PhD is not required", [], id="not required"),
    pytest.param("- Advanced degrees can give candidates an edge", [], id="no level named"),
    pytest.param("- Fluent in MS Office and Google Sheets", [], id="not a degree"),
    pytest.param("- B.Tech or B.E. in electronics", [("bachelor", "required", "B.Tech or B.E. in electronics")], id="b.tech"),
])
def test_education_shapes(line, expected):
    assert education(page(line)) == expected


def test_label_line_then_value_line():
    text = "Data Widget Analyst\nThe analyst keeps widgets tidy.\n\nTypical education\nBachelor's degree in statistics\nTypical experience\n2-4 years\n"
    assert education(text) == [("bachelor", "required", "Bachelor's degree in statistics")]
    assert experience(text) == [(2, 4, "2-4 years")]
    assert_provenance(text)


def test_quick_facts_rows_with_and_without_colons():
    text = ("Widget Technicians\n\nQuick Facts: Widget Technicians\n2024 Median Pay $61,000 per year\n"
            "Typical Entry-Level Education Associate's degree\n"
            "Work Experience in a Related Occupation Under 2 years\n"
            "On-the-job Training None\n\nWhat Widget Technicians Do\nThey calibrate widgets.\n")
    assert [(lvl, req) for lvl, req, _ in education(text)] == [("associate", "required")]
    assert [(lo, hi) for lo, hi, _ in experience(text)] == [(0, 2)]
    assert_provenance(text)
    colon = text.replace("Education Associate", "Education: Associate").replace("Occupation Under", "Occupation: Under")
    assert [(lvl, req) for lvl, req, _ in education(colon)] == [("associate", "required")]
    assert [(lo, hi) for lo, hi, _ in experience(colon)] == [(0, 2)]


def test_stat_card_value_above_its_label():
    text = ("Widget Analyst\n$88K\nMedian Salary\n3-5 yrs\nExperience\n12K\nJobs/Year\n\n"
            "What Widget Analysts Do\nThey count widgets and explain the counts.\n")
    assert [(lo, hi) for lo, hi, _ in experience(text)] == [(3, 5)]
    assert_provenance(text)


def test_label_heading_over_value_heading():
    text = ("Widget Analyst\nKey facts\nMedian: $88,000\nGrowth:\n+12%\nEducation:\nBachelor's degree\n"
            "Source: a survey\n\nWhat they do\nThey count widgets.\n")
    assert [(lvl, req, t) for lvl, req, t in education(text)] == [("bachelor", "required", "Bachelor's degree")]


def test_prose_in_a_how_to_become_section():
    text = ("Widget Inspectors\nWhat Widget Inspectors Do\nThey inspect widgets on the line.\n"
            "How to Become a Widget Inspector\nMost widget inspectors hold a bachelor's degree in engineering. "
            "Advanced degrees can provide an edge.\nPay\nThe median wage was $70,000.\n")
    assert education(text) == [
        ("bachelor", "required", "Most widget inspectors hold a bachelor's degree in engineering.")]


def test_prose_years_need_a_word_of_need():
    text = ("Widget Engineer\nLevels\nL3 Engineer\nOwns one widget line end to end; typically 4-6 years of experience.\n"
            "Market\nThe pool of people with 9+ years of widget experience is small.\n")
    assert experience(text) == [(4, 6, "4-6 years of experience.")]


def test_bullet_group_label_inside_a_pay_section():
    text = ("Widget Analyst Salaries and Training Paths\n- Degree needed\n"
            "- Most widget analysts hold a bachelors in statistics or a close subject.\n- Typical yearly pay\n- $70,000\n")
    assert [(lvl, req) for lvl, req, _ in education(text)] == [("bachelor", "required")]


def test_posting_headings_that_announce_requirements():
    text = ("Widget Analyst\nAbout us\nWe make widgets.\nWhat you'll do\n- Count widgets\n"
            "Who you are\n- 3+ years in analytics\n- A bachelor's degree, or equivalent experience\n")
    assert experience(text) == [(3, None, "3+ years in analytics")]
    assert education(text) == [("bachelor", "required", "A bachelor's degree, or equivalent experience")]


def test_typical_experience_in_a_salary_band_is_not_a_requirement():
    text = "Widget Analyst\nSalary by level\n- Entry (0-2 years experience): $60,000\n- Senior (6+ years): $95,000\n"
    assert experience(text) == []


# ------------------------------------------------------------ certifications

def test_no_certificate_required_but_welcome():
    text = page("- Key certifications\n- No certificate required; employers welcome CKA or Terraform Associate holders")
    assert certifications(text) == [
        ("Certified Kubernetes Administrator", "preferred", "CKA"),
        ("HashiCorp Certified: Terraform Associate", "preferred", "Terraform Associate"),
    ]


@pytest.mark.parametrize(("line", "expected"), [
    pytest.param("- CompTIA Security+ is required", [("CompTIA Security+", "required", "CompTIA Security+")], id="required"),
    pytest.param("- CISSP welcome but not required",
                 [("Certified Information Systems Security Professional (CISSP)", "preferred", "CISSP")], id="welcome"),
    pytest.param("- CIPP/US or CIPP/E is a plus",
                 [("IAPP CIPP/US", "preferred", "CIPP/US"), ("IAPP CIPP/E", "preferred", "CIPP/E")], id="tracks"),
    pytest.param("- NVIDIA-Certified Associate: AI Infrastructure, Cisco CCNP Enterprise",
                 [("Cisco CCNP Enterprise", "mentioned", "CCNP Enterprise"),
                  ("NVIDIA-Certified Associate: AI Infrastructure", "mentioned", "NVIDIA-Certified Associate: AI Infrastructure")],
                 id="colon inside a name"),
    pytest.param("- AWS Certified Machine Learning and Certified Ethical Hacker (CEH) help you stand out",
                 [("AWS Certified Machine Learning – Specialty", "preferred", "AWS Certified Machine Learning"),
                  ("Certified Ethical Hacker (CEH)", "preferred", "Certified Ethical Hacker")], id="stand out"),
])
def test_certification_shapes(line, expected):
    text = page(line)
    assert certifications(text) == expected
    assert_provenance(text)


def test_certification_named_as_a_line_label():
    text = page("Professional Certifications\nAWS Certified AI Practitioner: shows you know the basics.")
    assert certifications(text) == [("AWS Certified AI Practitioner", "mentioned", "AWS Certified AI Practitioner")]


# --------------------------------------------------------------- performance

def test_requirement_pieces_are_found_once_per_page(monkeypatch):
    calls = []
    find = requirements._find_pieces
    monkeypatch.setattr(requirements, "_find_pieces", lambda outline: calls.append(1) or find(outline))
    outline = parse_outline(page("- 3+ years in analytics\n- Bachelor's degree in statistics\n- CKA preferred"))
    assert extract_education(outline, PageContext("d", "r")) and extract_experience(outline, PageContext("d", "r"))
    assert extract_certifications(outline, PageContext("d", "r"))
    assert len(calls) == 1
    extract_education(parse_outline(page("- PhD in physics")), PageContext("d", "r"))
    assert len(calls) == 2
