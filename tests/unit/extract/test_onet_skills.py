"""O*NET's technology examples in the skill vocabulary: skills for every profession, with ids."""
from __future__ import annotations

from datetime import datetime, timezone

from roledata.extract.document import process_document
from roledata.extract.skills import match_skills, skills_table
from roledata.extract.technology import spellings
from roledata.text import Span
from tests.conftest import ROOT

SEEN = datetime(2026, 1, 1, tzinfo=timezone.utc)


def _names(text: str) -> list[tuple[str, str, int]]:
    return [(m.skill.skill_id, m.span.text, m.span.start) for m in match_skills(Span(0, len(text), text))]


def test_a_nurse_page_names_its_clinical_software():
    page = ROOT / "tests" / "pages" / "registered_nurse.md"
    result = process_document(page.name, page.read_bytes(), SEEN)
    text = page.read_bytes().decode("utf-8")
    rows = [(r["skill_id"], r["text"], r["requirement"], r["section_heading"]) for r in result.tables["role_skills"]]
    assert rows == [("epic-systems", "Epic Systems", "required", "Skills"), ("meditech", "MEDITECH", "required", "Skills"),
                    ("kronos-workforce-timekeeper", "Kronos Workforce Timekeeper", "required", "Skills"),
                    ("communication", "communication", "required", "Skills")]
    assert all(text[r["char_start"]:r["char_end"]] == r["text"] for r in result.tables["role_skills"])
    # "Excel for shift rotas" opens a line, in no list: as before, no skill.
    assert "microsoft-excel" not in {r["skill_id"] for r in result.tables["role_skills"]}


def test_an_o_net_skill_carries_its_commodity_and_flags():
    skills = {r["skill_id"]: r for r in skills_table()}
    assert skills["epic-systems"] == {
        "skill_id": "epic-systems", "name": "Epic Systems", "category": "technology", "aliases": [], "esco_uri": None,
        "onet_commodity_code": "43232610", "onet_commodity_title": "Medical software", "onet_example": "Epic Systems",
        "is_hot_technology": True, "is_in_demand": True, "source": "onet"}
    assert (skills["meditech"]["onet_example"], skills["meditech"]["is_in_demand"]) == ("MEDITECH software", False)


def test_a_hand_made_skill_an_example_names_gets_o_nets_facts_and_keeps_its_spellings():
    skills = {r["skill_id"]: r for r in skills_table()}
    excel = skills["microsoft-excel"]
    assert (excel["aliases"], excel["source"], excel["onet_commodity_code"], excel["onet_commodity_title"]) == (
        ["Excel"], "roledata", "43232110", "Spreadsheet software")
    assert (len(skills), sum(r["source"] == "onet" for r in skills.values())) == (7870, 7410)


def test_esco_uris_only_where_the_reviewed_list_accepts_the_concept():
    skills = {r["skill_id"]: r for r in skills_table()}
    assert skills["python"]["esco_uri"] == "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
    assert skills["spark"]["esco_uri"] is None  # ESCO's "SPARK" is another language
    assert skills["tensorflow"]["esco_uri"] is None  # ESCO lists the name under "computer vision"
    linked = [r for r in skills.values() if r["esco_uri"]]
    assert (len(linked), sum(r["source"] == "roledata" for r in linked)) == (97, 40)


def test_a_one_word_product_counts_only_beside_another_technology():
    assert _names("Tools: Slack, Jira and Zoom") == [("slack", "Slack", 7), ("jira", "Jira", 14), ("zoom", "Zoom", 23)]
    assert _names("Slack off on Fridays, then Zoom home.") == []
    assert _names("We meet in Microsoft Teams every week.") == [("microsoft-teams", "Microsoft Teams", 11)]


def test_a_hand_made_match_is_never_displaced_by_a_longer_o_net_name():
    # "Microsoft SQL Server" is an O*NET example; the hand-made "SQL" inside it is what is kept.
    assert _names("Experience with Microsoft SQL Server is required.") == [("sql", "SQL", 26)]


def test_examples_become_the_spellings_pages_use():
    makers = frozenset({"Autodesk", "Microsoft"})
    assert spellings("Structured query language SQL", makers) == (
        "Structured query language SQL", ["Structured query language SQL", "Structured query language", "SQL"], {"SQL"})
    assert spellings("Autodesk Revit", makers) == ("Autodesk Revit", ["Autodesk Revit", "Revit"], {"Revit"})
    assert spellings("Salesforce software", makers) == ("Salesforce", ["Salesforce"], {"Salesforce"})
    assert spellings("Payroll software", makers)[1] == []  # a kind of software, not a product
