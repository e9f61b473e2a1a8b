"""Education, experience and certification requirements: every row on the samples, and the shapes
real career guides and postings use, in our own words. Each shape is one structure many pages
share: where the requirement sits (a label line above its value, a heading holding "label: value",
a stat card, a bullet group, a sentence of prose) and how it is worded (levels, open ranges, words
for numbers, "preferred", "valued", "not required"); ages, tenure and job titles are not requirements."""
from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, strategies as st

from roledata.extract import requirements
from roledata.extract.context import PageContext
from roledata.extract.requirements import certifications as certification_module
from roledata.extract.requirements import load_certifications
from roledata.extract.requirements.certifications import extract_certifications
from roledata.extract.requirements.education import extract_education
from roledata.extract.requirements.experience import extract_experience
from roledata.parse import parse_outline
from tests.conftest import sample_text


def outline(key):
    return parse_outline(sample_text(key))


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


def requirements_page(body: str) -> str:
    return f"Overview\nThe Kiln Operator is a role.\nRequirements\nWhat you need:\n{body}\n"


def experience_years(body: str) -> list[tuple]:
    rows = extract_experience(parse_outline(requirements_page(body)), PageContext("doc", "r"))
    return [(r["years_min"], r["years_max"]) for r in rows]


def certification_names(body: str) -> list[str]:
    return [r["name"] for r in extract_certifications(parse_outline(requirements_page(body)), PageContext("doc", "r"))]


# ---------------------------------------------------------------- the samples
def test_education_master_or_phd_is_two_rows_with_three_fields():
    rows = extract_education(outline("vp_of_ai"), PageContext("doc", "vp-of-ai"))
    assert [(r["level"], r["onet_rl"], r["requirement"], r["fields"]) for r in rows[:2]] == [
        ("doctorate", 11, "required", ["machine learning", "computer science", "statistics"]),
        ("master", 8, "required", ["machine learning", "computer science", "statistics"]),
    ]
    assert rows[0]["text"] == "Master's or PhD in machine learning, computer science, or statistics"


def test_education_requirement_words():
    rows = extract_education(outline("head_of_ai_engineering"), PageContext("doc", "r"))
    got = [(r["level"], r["requirement"], r["text"]) for r in rows]
    assert got[:4] == [
        ("master", "required", "Typically, a Master's degree in a relevant field"),
        ("doctorate", "preferred", "a PhD often preferred"),
        ("master", "required", "Master's degree in Computer Science, Computer Engineering, Data Science, or related field (mandatory)"),
        ("doctorate", "preferred", "PhD in relevant fields (highly preferred)"),
    ]
    assert rows[2]["fields"] == ["Computer Science", "Computer Engineering", "Data Science"]
    manager = extract_education(outline("ai_engineering_manager"), PageContext("doc", "r"))
    assert [(r["level"], r["requirement"]) for r in manager[:3]] == [("bachelor", "required"), ("doctorate", "common"), ("master", "common")]


def test_experience_rows():
    vp = extract_experience(outline("vp_of_ai"), PageContext("doc", "r"))
    assert [(r["years_min"], r["years_max"], r["scope"], r["text"]) for r in vp[:2]] == [
        (12, 18, "total", "12-18 years total"),
        (5, 8, "leadership", "5-8 years in senior AI/ML leadership"),
    ]
    head = extract_experience(outline("head_of_ai_engineering"), PageContext("doc", "r"))
    assert [(r["years_min"], r["years_max"], r["scope"]) for r in head] == [
        (5, None, "leadership"), (5, None, "domain"), (10, None, "domain"), (5, None, "leadership")]
    assert head[0]["text"].startswith("Over 5 years in designing ML solutions")


def test_certifications_canonical_names():
    rows = extract_certifications(outline("vp_of_ai"), PageContext("doc", "r"))
    assert [(r["name"], r["issuer"], r["requirement"]) for r in rows] == [
        ("AWS Certified Machine Learning – Specialty", "AWS", "preferred"),
        ("Google Cloud Professional Machine Learning Engineer", "Google Cloud", "preferred"),
    ]
    assert rows[0]["text"] == "AWS ML Specialty"


CS_MATH = ["Computer Science", "Mathematics"]
EDUCATION = {
    "vp_of_ai": [
        ("doctorate", "required", ["machine learning", "computer science", "statistics"]),
        ("master", "required", ["machine learning", "computer science", "statistics"]),
        ("master", "required", ["machine learning", "computer science", "statistics"]),
        ("doctorate", "common", ["ML", "AI"]),
        ("mba", "common", []),
    ],
    "vp_ai_ml_engineering": [
        ("doctorate", "required", ["AI/ML", "data science", "computer science"]),
        ("master", "required", ["AI/ML", "data science", "computer science"]),
        ("doctorate", "required", ["AI/ML", "data science", "computer science", "mathematics"]),
        ("master", "required", ["AI/ML", "data science", "computer science", "mathematics"]),
    ],
    "head_of_ai_engineering": [
        ("master", "required", []),
        ("doctorate", "preferred", []),
        ("master", "required", ["Computer Science", "Computer Engineering", "Data Science"]),
        ("doctorate", "preferred", []),
        ("master", "required", ["computer science", "machine learning", "artificial intelligence"]),
        ("doctorate", "preferred", ["AI research", "development"]),
    ],
    "ai_tech_lead": [
        ("doctorate", "required", CS_MATH), ("master", "required", CS_MATH),
        ("doctorate", "required", CS_MATH + ["Statistics"]), ("master", "required", CS_MATH + ["Statistics"]),
    ],
    "ai_engineering_manager": [
        ("bachelor", "required", ["CS"]), ("doctorate", "common", []), ("master", "common", []),
        ("bachelor", "required", ["computer science", "electrical engineering", "statistics"]),
        ("doctorate", "common", ["machine learning", "NLP", "computer vision"]),
        ("master", "common", ["machine learning", "NLP", "computer vision"]),
    ],
}
EXPERIENCE = {
    "vp_of_ai": [(12, 18, "total"), (5, 8, "leadership"), (12, 18, "total"), (5, 8, "leadership")],
    "vp_ai_ml_engineering": [(7, 10, "hands_on"), (7, 10, "hands_on")],
    "head_of_ai_engineering": [(5, None, "leadership"), (5, None, "domain"), (10, None, "domain"), (5, None, "leadership")],
    "ai_tech_lead": [(8, None, "domain")],
    "ai_engineering_manager": [(7, 12, "total"), (7, 12, "domain"), (2, 4, "leadership")],
}
AWS_ML = ("AWS Certified Machine Learning – Specialty", "AWS", "preferred")
GOOGLE_ML = ("Google Cloud Professional Machine Learning Engineer", "Google Cloud", "preferred")
CERTIFICATIONS = {
    "vp_of_ai": [AWS_ML, GOOGLE_ML],
    "vp_ai_ml_engineering": [],
    "head_of_ai_engineering": [],
    "ai_tech_lead": [],
    "ai_engineering_manager": [AWS_ML, GOOGLE_ML, ("DeepLearning.AI Specialization", "DeepLearning.AI", "preferred")],
}


@pytest.mark.parametrize("key", sorted(EDUCATION))
def test_every_sample_requirement_row(key):
    page = outline(key)
    text = sample_text(key)
    education = extract_education(page, PageContext("doc", "r"))
    experience = extract_experience(page, PageContext("doc", "r"))
    certifications = extract_certifications(page, PageContext("doc", "r"))
    assert [(r["level"], r["requirement"], r["fields"]) for r in education] == EDUCATION[key]
    assert [(r["years_min"], r["years_max"], r["scope"]) for r in experience] == EXPERIENCE[key]
    assert [(r["name"], r["issuer"], r["requirement"]) for r in certifications] == CERTIFICATIONS[key]
    for row in education + experience + certifications:
        assert text[row["char_start"]:row["char_end"]] == row["text"]


# ---------------------------------------------------------------- experience
def experience_scopes(line: str):
    text = f"Overview\nThe Widget Lead is a role.\nRequirements\nWhat the role needs:\nExperience\n- {line}\n"
    rows = extract_experience(parse_outline(text), PageContext("doc", "r"))
    return [(r["years_min"], r["years_max"], r["scope"]) for r in rows]


@pytest.mark.parametrize(("line", "expected"), [
    pytest.param("12-18 years total; 5-8 years in senior AI/ML leadership", [(12, 18, "total"), (5, 8, "leadership")], id="two scopes"),
    pytest.param("Over 5 years in designing ML solutions", [(5, None, "domain")], id="over"),
    pytest.param("8+ years", [(8, None, "total")], id="plus"),
    pytest.param("Minimum 5 years of experience", [(5, None, "total")], id="minimum"),
    pytest.param("at least 2–4 years in a team leadership capacity", [(2, 4, "leadership")], id="at least range"),
    pytest.param("7–12 years", [(7, 12, "total")], id="en dash"),
    pytest.param("10+ years in software development", [(10, None, "domain")], id="domain"),
    pytest.param("Graduate (0 years) through Principal (9+ years)", [(0, None, "total")], id="levels"),
    pytest.param("2–5 years at the associate tier; 8+ years at the staff tier", [(2, 5, "total"), (8, None, "total")], id="per level"),
    pytest.param("5 years of hands-on Python", [(5, None, "hands_on")], id="hands-on"),
    pytest.param("Founded 20 years ago, the team is 12 years old", [], id="not a requirement"),
])
def test_experience_forms(line, expected):
    assert experience_scopes(line) == expected


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


@pytest.mark.parametrize("body, expected", [
    pytest.param("- Must be 18 years or older", [], id="age or older"),
    pytest.param("- Applicants must be at least 21 years of age", [], id="years of age"),
    pytest.param("- Extra paid leave after 5+ years of service", [], id="tenure benefit"),
    pytest.param("- Must be 19 years old to operate the kiln", [], id="years old"),
    pytest.param("- At least 3 years of kiln experience", [(3, None)], id="real requirement"),
])
def test_ages_and_tenure_are_not_experience(body, expected):
    assert experience_years(body) == expected


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


# ---------------------------------------------------------------- education, and where requirements sit
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


# ---------------------------------------------------------------- certifications
def test_no_standard_certifications_is_not_a_certification():
    text = ("Overview\nThe Widget Lead is a role.\nRequirements\nWhat the role needs:\nCertifications\n"
            "- No standard certifications; employers rarely ask for one\n")
    assert extract_certifications(parse_outline(text), PageContext("doc", "r")) == []


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
    assert sorted(certification_names(body)) == sorted(expected)


def test_every_certification_has_needles() -> None:
    certs = load_certifications()
    assert len(certs) == 34 and all(c.needles and c.keys for c in certs)


def test_the_cheap_check_lets_every_needle_through() -> None:
    # A text holding a certification's needle holds one of its keys (or "certif"), so
    # `mentions_certification` never hides what the needles would let the patterns find.
    for cert in load_certifications():
        for needle in cert.needles:
            assert any(key in needle for key in (*cert.keys, "certif")), (cert.name, needle)


@pytest.mark.parametrize("text", [
    "AWS Certified ML Specialty, AWS Machine Learning – Specialty and AWS ML Engineer certification",
    "aws certified ai practitioner; AWS Solutions Architect cert; AWS Data Engineer exam",
    "Google Cloud Professional ML Engineer, Google Professional Data Engineer, Google Data Analytics Certificate",
    "AI-102, DP-100 or AI-900; Azure AI Fundamentals; Azure Data Scientist Associate certification",
    "TensorFlow Developer Certificate, DeepLearning.AI specializations, CKA, CKS, CKAD",
    "Certified Kubernetes Application Developer and HashiCorp Certified: Terraform Associate",
    "Databricks Certified Machine Learning Professional, PMP, CompTIA Security+, Network+ and CySA+",
    "CEH, CISSP, CISM, CISA certification, OSCP, GPEN, AIGP, Elastic Certified Engineer",
    "CIPP/US or CIPP/E, CCNP Data Center, NVIDIA-Certified Professional: InfiniBand, NVIDIA Certified Associate",
    "AWſ Certified Machine Learning Engineer (long s), azure ai engıneer associate",
    "no certification named here at all",
])
def test_certification_needles_hide_no_match(text: str, monkeypatch) -> None:
    with_needles = [(m.span(), name) for m, name, _ in certification_module._cert_names(text, "certifications")]
    every = tuple(replace(c, needles=("",)) for c in load_certifications())
    monkeypatch.setattr(certification_module, "load_certifications", lambda: every)
    assert with_needles == [(m.span(), name) for m, name, _ in certification_module._cert_names(text, "certifications")]


# ---------------------------------------------------------------- performance: pieces found once, cheap checks
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


@given(st.text(st.sampled_from(list("TtKkEeDd\u212a\u0130 -–•*#\typrical education:degree")), max_size=40))
def test_requirement_label_initials(text: str) -> None:
    from roledata.extract.requirements import _LABEL_HINT, _REQ_LABEL, _label_match

    full = _REQ_LABEL.match(text.lstrip(" -–•*#\t")) if _LABEL_HINT.search(text[:80].lower()) else None
    got = _label_match(text)
    assert (got and got.group(0)) == (full and full.group(0))
