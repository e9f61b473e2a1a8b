"""Education, experience, certifications, roles, duties, FAQs and related roles."""
from __future__ import annotations

import pytest

from roledata.extract.context import PageContext
from roledata.extract.requirements.certifications import extract_certifications
from roledata.extract.requirements.education import extract_education
from roledata.extract.requirements.experience import extract_experience
from roledata.extract.roles import extract_duties, extract_faqs, extract_related_roles, primary_role, seniority_of
from roledata.parse import parse_outline
from tests.conftest import sample_text


def outline(key):
    return parse_outline(sample_text(key))


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


def test_role_seniority_and_aliases():
    assert primary_role(outline("vp_ai_ml_engineering"), "doc")["aliases"] == ["VP of AI/ML Engineering"]
    assert [seniority_of(t) for t in ["VP of AI", "Head of AI Engineering", "AI Engineering Manager", "AI Tech Lead",
                                       "Chief AI Officer", "Staff Machine Learning Engineer", "Voice AI Engineer"]] == [
        "executive", "director", "manager", "lead", "executive", "senior", None]


def test_duties_with_categories():
    rows = extract_duties(outline("vp_ai_ml_engineering"), PageContext("doc", "r"))
    assert (rows[0]["category"], rows[0]["text"]) == (
        "Technical Leadership", "Guide and mentor a team of engineers and data scientists, fostering a culture of innovation and high performance.")
    assert ("Strategic Leadership", "Develop and execute AI/ML strategies aligned with business objectives") in [
        (r["category"], r["text"]) for r in rows]
    assert len(extract_duties(outline("vp_of_ai"), PageContext("doc", "r"))) == 10


def test_faqs_pair_question_and_answer():
    rows = extract_faqs(outline("ai_engineering_manager"), PageContext("doc", "r"))
    assert len(rows) == 5
    assert rows[0]["question"] == "Do AI Engineering Managers need to write code every day?"
    assert rows[0]["answer"].startswith("Not every day, but consistent hands-on engagement is essential.")
    assert not rows[-1]["answer"].endswith("jobs →")


def test_related_roles():
    lead = extract_related_roles(outline("ai_tech_lead"), PageContext("doc", "ai-tech-lead"))
    assert [(r["relation"], r["related_title"]) for r in lead] == [
        ("career_to", "VP of AI"), ("career_to", "Chief AI Officer"),
        ("career_from", "AI Engineer"), ("career_from", "Data Scientist")]
    manager = extract_related_roles(outline("ai_engineering_manager"), PageContext("doc", "ai-engineering-manager"))
    assert [(r["relation"], r["related_role_id"]) for r in manager] == [
        ("career_to", "director-of-ai-engineering"), ("career_to", "vp-of-ai-products"), ("career_to", "chief-ai-officer")]


def experience(line: str):
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
    assert experience(line) == expected


def test_no_standard_certifications_is_not_a_certification():
    text = ("Overview\nThe Widget Lead is a role.\nRequirements\nWhat the role needs:\nCertifications\n"
            "- No standard certifications; employers rarely ask for one\n")
    assert extract_certifications(parse_outline(text), PageContext("doc", "r")) == []


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
