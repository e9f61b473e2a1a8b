"""The page's roles: the primary role, its aliases and seniority, duties (in a duties section and
after a lead-in elsewhere) and FAQs."""
from __future__ import annotations

from roledata.extract.context import PageContext
from roledata.extract.roles import extract_duties, extract_faqs, primary_role, seniority_of
from roledata.parse import parse_outline
from tests.conftest import sample_text


def outline(key):
    return parse_outline(sample_text(key))


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


# ---------------------------------------------------------------- duties outside a duties section
def duties(text: str):
    rows = extract_duties(parse_outline(text), PageContext("doc", "fleet-data-engineer"))
    for r in rows:
        assert text[r["char_start"]:r["char_end"]] == r["text"]
    return [(r["category"], r["text"]) for r in rows]


def test_bullets_after_a_lead_in_inside_an_overview():
    text = ("Fleet Data Engineer\n\nOverview\n"
            "A Fleet Data Engineer keeps vehicle data flowing. Key responsibilities include:\n"
            "- Sensor Feeds: Stream readings from every van into the lake.\n"
            "- Rebuilding broken route tables overnight\n"
            "- Checking data freshness before dispatch. Core skills needed here include:\n"
            "- Strong SQL and Python\n- Patience with noisy GPS data\n")
    assert duties(text) == [
        ("Sensor Feeds", "Stream readings from every van into the lake."),
        (None, "Rebuilding broken route tables overnight"),
        (None, "Checking data freshness before dispatch."),
    ]


def test_a_lead_in_heading_outside_a_duties_section():
    text = ("Fleet Data Engineers\n\nPay and Outlook\nMedian pay is $90,000.\n"
            "Fleet data engineers typically do the following:\n- Audit telemetry gaps\n- Publish daily route metrics\n")
    assert duties(text) == [(None, "Audit telemetry gaps"), (None, "Publish daily route metrics")]


def test_skills_lead_in_is_not_duties():
    text = "Fleet Data Engineer\n\nOverview\nThe skills this role requires include:\n- SQL\n- Python\n"
    assert duties(text) == []


def test_plain_lines_under_a_duties_heading():
    text = ("Fleet Data Engineer\n\nCore Duties:\nMonitor feeds from the depot gateways.\n"
            "Repair late-arriving records.\nSalary Range: $80,000 - $99,000 per year\n")
    assert [t for _, t in duties(text)] == ["Monitor feeds from the depot gateways.", "Repair late-arriving records."]


def test_career_lists_inside_a_duties_section_are_not_duties():
    text = ("Fleet Data Engineer\n\nResponsibilities\n- Keep the warehouse tidy\n"
            "Typical previous roles:\n- Data Analyst\n- Telematics Technician\n")
    assert [t for _, t in duties(text)] == ["Keep the warehouse tidy"]
