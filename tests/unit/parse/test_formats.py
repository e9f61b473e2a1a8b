"""Page-family detection, titles and structure, on the samples and on variants; the cheap checks
before the family patterns score a page as the slow forms do."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roledata.parse import detect_format, jobdescription_org, parse_outline, posting
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


# ---------------------------------------------------------------- family scores: the cheap checks
def test_posting_voice_on_lower_case_text_matches_ignorecase() -> None:
    for text in ("We are SEEKING a Data Engineer. Apply now! Remote, Full-Time, 401(k), PTO.",
                 "What does a Data Scientist do? Career Path and Job Outlook; Median Pay $120,000",
                 "ſeeks applicants: hybrid · on-site · dental",  # "ſ": the IGNORECASE path
                 "İs hiring candidates"):
        head = text[:8000]
        voice = {m.group().lower() for m in posting._VOICE.finditer(head)}
        guide = {m.group().lower() for m in posting._GUIDE.finditer(head)}
        expected = max(2 * len(posting._headings(head)) + min(6, len(voice)) - 2 * len(guide), 0)
        assert posting.looks_like(text) == expected


def test_jobdescription_org_score_unchanged_by_word_checks() -> None:
    page = "JobDescription.org\n\nData Engineer\n\nLast updated\n\n- Role at a glance\n\nDuties and Responsibilities\n"
    assert jobdescription_org.looks_like(page) == 8
    assert jobdescription_org.looks_like(page.replace("Role at a glance", "Role at a glanc")) == 6


_POSTING_TEXT = st.lists(st.sampled_from(["we are", " seeking", "apply", "remote", "location:", "401(k)", "w2", "w-2",
                                         "career path", "job outlook", "what does a", " x ", " do", "pto", "-", " ",
                                         ":", "a", "\n", "é", "_", "hourly"]), max_size=25).map("".join)


@given(_POSTING_TEXT)
@settings(max_examples=300)
def test_posting_phrases_match_word_boundary_search(low: str) -> None:
    for words, regex in ((posting._VOICE_WORDS, posting._VOICE_LOWER), (posting._GUIDE_WORDS, posting._GUIDE_LOWER)):
        assert posting._phrases(regex, low) == {m.group() for m in re.finditer(rf"\b{words}", low)}


@given(st.text(st.sampled_from(list("aZbY Ü ü\u0130\u0131x")), max_size=40))
def test_posting_glued_capitals_match_the_look_around_split(text: str) -> None:
    assert posting._GLUED.sub(r" \g<0>", text) == re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
