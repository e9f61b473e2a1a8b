"""Titles as role names on pages outside the tuning set: the role phrase inside a headline or a
question, singular when read from running text, without bylines, statistics or a site's menu.
Every page here is written for these tests; each asserts the exact title and how it was found."""
from __future__ import annotations

import pytest

from roledata.parse import parse_outline


def title(text: str) -> tuple[str | None, str | None]:
    outline = parse_outline(text)
    choice = outline.title_choice
    return (outline.title.text if outline.title else None, choice.source if choice else None)


PAY = "Crane operators earn a median of $61,200 a year, and most work full time.\n"


@pytest.mark.parametrize("text, expected", [
    pytest.param(f"Career Definition of a Crane Operator\n\n{PAY}", ("Crane Operator", "title_line"),
                 id="descriptive prefix"),
    pytest.param(f"Why consider a career as a Crane Operator\n\n{PAY}", ("Crane Operator", "title_line"),
                 id="career as a"),
    pytest.param(f"The Average Crane Operator's Salary\n\n{PAY}", ("Crane Operator", "heading_pattern"),
                 id="statistic and possessive around the name"),
    pytest.param(f"Top-paying states for crane operators\n\n{PAY}", ("crane operator", "title_line"),
                 id="plural named in a headline is made singular"),
    pytest.param(f"The Big Picture: Dutch Crane Operator Salary Ranges 2026\n\n{PAY}",
                 ("Crane Operator", "heading_pattern"), id="colon prefix and nationality"),
    pytest.param(f"Market Intelligence: Crane Operator in Norway\n\n{PAY}", ("Crane Operator", "heading_pattern"),
                 id="place after the name"),
    pytest.param(f"What Crane Operators Do\n\n{PAY}", ("Crane Operator", "question"), id="what X do"),
    pytest.param(f"How Much Do Crane Operators Make in Texas? A Look at the Numbers\n\n{PAY}",
                 ("Crane Operator", "question"), id="how much do X make"),
    pytest.param(f"Crane Operator Occupation Information\n\n{PAY}", ("Crane Operator", "heading_pattern"),
                 id="occupation information suffix"),
    pytest.param(f"Crane Operator Crane Operator\n\n{PAY}", ("Crane Operator", "title_line"), id="printed twice"),
])
def test_the_role_phrase_inside_a_headline(text, expected):
    assert title(text) == expected


def test_a_plural_role_from_prose_is_singular():
    text = ("Crane operators lift steel, timber and concrete on building sites.\n"
            "Crane operators typically hold a licence and earn about $58,000 a year.\n")
    assert title(text) == ("Crane operator", "repeated_phrase")


def test_bylines_and_statistic_rows_are_no_titles():
    text = ("Lifting Careers\n\nStaff Writers\nBy\nUpdated on May 2, 2025\n\n"
            "Seniority Mix\nSenior Operator 61%\nTrainee 9%\n\n"
            "A crane operator moves loads with a tower or mobile crane. Tower crane operators earn about "
            "$64,000 a year; mobile crane operators earn a little less. Every crane operator keeps a log.\n")
    assert title(text) == ("crane operator", "repeated_phrase")


def test_a_page_of_one_paragraph_is_titled_by_its_role_phrase_never_the_paragraph():
    text = ("a tower crane operator moves steel and concrete across a building site from a cab high above it, "
            "following signals from the ground crew and keeping to the load chart; most are paid between "
            "$52,000 and $70,000 a year and need a licence\n")
    assert title(text) == ("tower crane operator", "repeated_phrase")


def test_a_role_inside_a_numbered_heading():
    text = ("1. Tower Crane Operator\n"
            "Operating a tower crane means long shifts in a small cab; pay is about $66,000 a year.\n")
    assert title(text) == ("Tower Crane Operator", "title_line")


def test_a_field_title_of_a_level_card_and_a_careers_headline():
    card = ("Ladder View · LIFT.OPS.L2\n"
            "Construction & Trades · Heavy Lift Operations\n"
            "Median pay · US\n$58,400\n")
    assert title(card) == ("Heavy Lift Operations", "title_line")
    careers = "Crane Operation Careers\n\nLearn what the work pays. Operators earn about $60,000 a year.\n"
    assert title(careers)[0] == "Crane Operation"


@pytest.mark.parametrize("first_line", ["junior crane operator (nights)", "•\tSenior Crane Operator"])
def test_a_postings_first_line_is_its_title_even_in_lower_case_or_bulleted(first_line):
    text = (f"{first_line}\n\n"
            "Job Description: operate our tower cranes on two city sites.\n"
            "We are hiring an operator with a current licence. Pay: $31 - $36 per hour.\n"
            "Benefits: health insurance, 401(k) match, paid time off.\n")
    outline = parse_outline(text)
    assert outline.source_format == "job_posting"
    assert outline.title.text == first_line.lstrip("•\t")
