"""What a new user's posting-style page says beside its requirements: the employer's voice ("We are
hiring ...") is no skill, the question "What does a ... do?" opens the duties, years spent doing the
role's own work are domain experience while years in any of several fields are a career's length,
and "grew 35% between 2023 and 2025" is growth. The page is written for these tests."""
from __future__ import annotations

from roledata.extract.document import process_document

PAGE = """Kiln Engineer

We are hiring a Kiln Engineer to run our new tunnel kilns. We're now recruiting for two sites.

What Does a Kiln Engineer Do?

- Tune firing curves for each clay body
- Keep kiln logs and maintenance records

Requirements

- 6+ years in ceramics or process engineering
- 3+ years running tunnel kilns in production
- Skills: Python, hiring and mentoring apprentices

Demand for kiln engineers grew 35% between 2023 and 2025.
"""


def tables() -> dict:
    return process_document("kiln.txt", PAGE.encode()).tables


def test_the_employers_voice_is_no_skill_but_a_listed_skill_is():
    # "We are hiring" and "We're now recruiting" say nothing the role needs; the skills list does.
    skills = [(r["skill_id"], r["mention_count"], r["text"]) for r in tables()["role_skills"]]
    assert skills == [("python", 1, "Python"), ("hiring", 1, "hiring"), ("mentorship", 1, "mentoring")]


def test_the_question_what_does_a_role_do_opens_its_duties():
    assert [r["text"] for r in tables()["duties"]] == ["Tune firing curves for each clay body",
                                                       "Keep kiln logs and maintenance records"]


def test_years_in_any_of_several_fields_are_total_and_years_doing_the_work_are_domain():
    rows = tables()["experience_requirements"]
    assert [(r["years_min"], r["years_max"], r["scope"], r["text"]) for r in rows] == [
        (6, None, "total", "6+ years in ceramics or process engineering"),
        (3, None, "domain", "3+ years running tunnel kilns in production")]


def test_grew_between_two_years_is_growth_with_its_period():
    rows = tables()["growth_stats"]
    assert [(r["metric"], r["value"], r["unit"], r["period_start"], r["period_end"]) for r in rows] == [
        ("job_growth", 35.0, "percent", 2023, 2025)]
