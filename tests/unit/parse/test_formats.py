"""Page-family detection, titles and structure, on the samples and on variants."""
from __future__ import annotations

import pytest

from roledata.parse import detect_format, parse_outline
from tests.conftest import PAGES, sample_text


@pytest.mark.parametrize(("key", "fmt", "title", "aliases", "family"), [
    pytest.param("vp_of_ai", "jobdescription_org", "VP of AI", [], "Artificial Intelligence", id="jd dash bullets"),
    pytest.param("ai_engineering_manager", "jobdescription_org", "AI Engineering Manager", [], "Artificial Intelligence", id="jd dot bullets"),
    pytest.param("vp_ai_ml_engineering", "aipathly", "Vice President (VP) of AI/ML Engineering", [], None, id="aipathly role of"),
    pytest.param("head_of_ai_engineering", "aipathly", "Head of AI Engineering", ["Director of AI", "Chief AI Officer"], None, id="aipathly also known as"),
    pytest.param("ai_tech_lead", "aipathly", "AI Tech Lead", [], None, id="aipathly the X is"),
])
def test_samples_title_and_format(key, fmt, title, aliases, family):
    text = sample_text(key)
    outline = parse_outline(text)
    assert detect_format(text) == fmt
    assert outline.title.text == title
    assert text[outline.title.start:outline.title.end] == title
    assert [a.text for a in outline.aliases] == aliases
    assert (outline.family.text if outline.family else None) == family


def test_jobdescription_sections_in_order():
    outline = parse_outline(sample_text("vp_of_ai"))
    top = [(s.heading_text, s.kind) for s in outline.sections if s.level == 1]
    assert top == [
        ("Role at a glance", "at_a_glance"), ("Duties and responsibilities", "duties"), ("Overview", "overview"),
        ("Qualifications", "qualifications"), ("Career outlook", "career_outlook"),
        ("Sample cover letter", "cover_letter"), ("Frequently asked questions", "faq"),
        ("More in Artificial Intelligence", "related_roles"),
    ]


def test_listed_roles_with_pay():
    listed = parse_outline(sample_text("vp_of_ai")).listed_roles
    assert [(r.title.text, r.pay.text) for r in listed] == [
        ("Voice AI Engineer", "$105K–$195K"), ("Video Generation Engineer", "$115K–$210K"),
        ("Synthetic Data Engineer", "$105K–$175K"), ("Staff Machine Learning Engineer", "$195K–$310K"),
        ("AI Safety Engineer", "$130K–$210K"), ("Healthcare AI Engineer", "$115K–$195K"),
    ]
    assert listed[0].description.text.startswith("Voice AI Engineers design, build, and optimize")


def test_aipathly_page_sections_and_subsections():
    outline = parse_outline(sample_text("ai_tech_lead"))
    salary = [s for s in outline.sections if s.heading_text == "Salary Ranges (US Market, 2024)"][0]
    subs = [s.heading_text for s in outline.sections if s.parent is salary]
    assert subs == ["Average Salary Ranges", "Location-Specific Salaries", "Industry Variations", "Additional Compensation"]
    assert all(s.kind == "salary" for s in outline.sections if s.parent is salary)


@pytest.mark.parametrize(("page", "fmt", "title"), [
    pytest.param("jd_variant_star_bullets.txt", "jobdescription_org", "Machine Learning Platform Director", id="jd star bullets, blank lines"),
    pytest.param("aipathly_variant.txt", "aipathly", "Principal Applied Scientist", id="aipathly other title"),
    pytest.param("generic_markdown.md", "generic", "Data Annotation Lead", id="generic markdown"),
])
def test_variant_pages(page, fmt, title):
    text = (PAGES / page).read_text(encoding="utf-8")
    outline = parse_outline(text)
    assert outline.source_format == fmt
    assert outline.title.text == title


def test_odd_input_never_raises():
    for text in ["", "\n\n", "just one line", "<html><body><p>Hi</p></body></html>", "- a\n- b\n"]:
        parse_outline(text)
