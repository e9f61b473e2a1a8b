"""Related roles: on the samples, and read from labelled lists in the shapes career guides print them."""
from __future__ import annotations

import pytest

from roledata.extract.context import PageContext
from roledata.extract.roles import extract_related_roles
from roledata.parse import parse_outline
from roledata.text import slugify
from tests.conftest import sample_text

TITLE = "Fleet Data Engineer"
PAGE = (f"{TITLE}\n\nA Fleet Data Engineer collects telemetry from delivery vans and turns it into clean tables.\n\n"
        "Responsibilities\n- Build ingestion jobs for vehicle sensors\n- Keep the fleet warehouse tidy\n\n{body}\n")


def outline(key):
    return parse_outline(sample_text(key))


def test_related_roles():
    lead = extract_related_roles(outline("ai_tech_lead"), PageContext("doc", "ai-tech-lead"))
    assert [(r["relation"], r["related_title"]) for r in lead] == [
        ("career_to", "VP of AI"), ("career_to", "Chief AI Officer"),
        ("career_from", "AI Engineer"), ("career_from", "Data Scientist")]
    manager = extract_related_roles(outline("ai_engineering_manager"), PageContext("doc", "ai-engineering-manager"))
    assert [(r["relation"], r["related_role_id"]) for r in manager] == [
        ("career_to", "director-of-ai-engineering"), ("career_to", "vp-of-ai-products"), ("career_to", "chief-ai-officer")]


def related(body: str):
    text = PAGE.format(body=body)
    rows = extract_related_roles(parse_outline(text), PageContext("doc", slugify(TITLE)))
    for r in rows:
        assert text[r["char_start"]:r["char_end"]] == r["text"] == r["related_title"]
    return [(r["relation"], r["related_title"]) for r in rows]


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("Where this job sits\nComing from:\n- Data Analyst (strong in SQL)\n- Telematics Technician\n"
                 "Moves up to:\n- Senior Fleet Data Engineer\n- Head of Fleet Analytics\n"
                 "Adjacent roles:\n- Logistics Data Scientist\n",
                 [("career_from", "Data Analyst"), ("career_from", "Telematics Technician"),
                  ("career_to", "Senior Fleet Data Engineer"), ("career_to", "Head of Fleet Analytics"),
                  ("see_also", "Logistics Data Scientist")], id="coming from, moves up, adjacent"),
    pytest.param("Career Progression\n- Senior Fleet Data Engineer\n- Staff Routing and Telemetry Engineer\n",
                 [("career_to", "Senior Fleet Data Engineer"), ("career_to", "Staff Routing and Telemetry Engineer")],
                 id="progression bullets, an 'and' inside a title"),
    pytest.param("Specializations\n- Battery Analytics Engineer: charge curves and range models.\n"
                 "- Route Optimization Engineer: dispatch and timing.\n- Edge Computing\n",
                 [("see_also", "Battery Analytics Engineer"), ("see_also", "Route Optimization Engineer")],
                 id="specializations as name: description; a field is not a role"),
    pytest.param("Alternative Job Titles\nTelematics Engineer\nVehicle Data Engineer\nEducation\n"
                 "A degree in computer science is typical.",
                 [("alias", "Telematics Engineer"), ("alias", "Vehicle Data Engineer")], id="title-only lines"),
    pytest.param("Related Careers\nRoute Planner · Logistics Analyst · Data Engineer\n",
                 [("see_also", "Route Planner"), ("see_also", "Logistics Analyst"), ("see_also", "Data Engineer")],
                 id="dot-separated line"),
    pytest.param("Similar Occupations\nLogistics Analysts, Database Administrators and Transport Planners do related work.\n",
                 [("see_also", "Logistics Analysts"), ("see_also", "Database Administrators"),
                  ("see_also", "Transport Planners")], id="list opening a sentence"),
    pytest.param("Other notes\nSimilar roles: Telematics Engineer, Mobility Analyst\n",
                 [("see_also", "Telematics Engineer"), ("see_also", "Mobility Analyst")], id="labelled line"),
    pytest.param("Career path: Junior Data Engineer → Fleet Data Engineer → Fleet Analytics Manager\n",
                 [("career_from", "Junior Data Engineer"), ("career_to", "Fleet Analytics Manager")], id="arrow ladder"),
    pytest.param("Career Path\nFeeder roles: Data Analyst; BI Developer\nNext steps: Fleet Analytics Manager\n",
                 [("career_from", "Data Analyst"), ("career_from", "BI Developer"),
                  ("career_to", "Fleet Analytics Manager")], id="feeder and next-step labels"),
])
def test_related_role_lists(body, expected):
    assert related(body) == expected


@pytest.mark.parametrize("body", [
    pytest.param("Related Careers\nSponsored Content\nNewsletter Signup\n", id="cue heading over navigation"),
    pytest.param("Similar Occupations\nSee how pay and training differ across the neighbouring occupations on our site.\n",
                 id="cue heading over prose"),
])
def test_no_roles_in_cue_without_titles(body):
    assert related(body) == []
