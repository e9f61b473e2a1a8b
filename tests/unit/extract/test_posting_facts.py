"""posting_facts: what a posting states about its job, read from pages written for these tests, with the
traps a reader falls into (a perk read as the job's arrangement, a headquarters read as its location, a
recruiter read as its employer, a relative age read as a date)."""
from __future__ import annotations

import pytest

from roledata.extract.document import check_documents, process_document
from roledata.extract.places import read_places
from roledata.text import Span

COLUMNS = ("fact", "value", "city", "region", "country", "remote_scope", "text")


def facts(page: str) -> list[tuple]:
    """The page's posting_facts rows as (fact, value, city, region, country, remote_scope, text), after the
    row checks, each row's provenance checked against the page."""
    result = process_document("page.txt", page.encode())
    check_documents([result])
    rows = result.tables["posting_facts"]
    for row in rows:
        assert page[row["char_start"]:row["char_end"]] == row["text"]
        assert row["origin"] == "text" and row["role_id"] == result.tables["role_documents"][0]["role_id"]
    return [tuple(row[c] for c in COLUMNS) for row in rows]


PERK = """Warehouse Systems Analyst

Location: Denver, CO (on-site)

Our Denver team keeps 40 distribution centres running. As a Warehouse Systems Analyst you will tune slotting
rules and report on pick rates.

Benefits
- Medical, dental and vision from day one
- Two work-from-anywhere weeks every year
- Fully remote Fridays in August
"""


def test_a_work_from_anywhere_week_is_a_perk_not_a_remote_job():
    assert facts(PERK) == [
        ("title", "Warehouse Systems Analyst", None, None, None, None, "Warehouse Systems Analyst"),
        ("location", "Denver, CO", "Denver", "US-CO", "US", None, "Denver, CO"),
        ("work_arrangement", "onsite", None, None, None, None, "on-site"),
    ]


HEADQUARTERS = """Payments Analyst

Northwind Freight is headquartered in Boston, MA, and has offices in Chicago and Dublin.

About the role
This role is based in Raleigh, NC. You will reconcile carrier invoices and build the weekly cash report.

Northwind Freight is an equal opportunity employer.
"""


def test_the_headquarters_is_not_the_jobs_location():
    assert facts(HEADQUARTERS) == [
        ("title", "Payments Analyst", None, None, None, None, "Payments Analyst"),
        ("location", "Raleigh, NC", "Raleigh", "US-NC", "US", None, "Raleigh, NC"),
        ("employer", "Northwind Freight", None, None, None, None, "Northwind Freight"),
    ]


REMOTE_US = """Data Engineer

Location: Remote (US only)
Employment Type: Contract
Company: Bluefin Analytics

Bluefin Analytics helps regional grocers forecast demand. We need a Data Engineer for a six-month engagement
to move our reporting from spreadsheets to a warehouse.

Pay: $70 - $85 per hour

Posted 3 days ago
"""


def test_remote_us_only_keeps_its_scope_and_a_relative_age_is_no_date():
    assert facts(REMOTE_US) == [
        ("title", "Data Engineer", None, None, None, None, "Data Engineer"),
        ("work_arrangement", "remote", None, None, None, "US", "Remote (US only)"),
        ("location", "Remote (US only)", None, None, "US", None, "Remote (US only)"),
        ("employment_type", "contract", None, None, None, None, "Contract"),
        ("employer", "Bluefin Analytics", None, None, None, None, "Bluefin Analytics"),
    ]


PLACES = """Machine Learning Engineer

Kestrel Maps
Austin, TX · Berlin, Germany · Remote

Kestrel Maps builds map-matching software for delivery fleets. We are hiring a Machine Learning Engineer to
improve our routing models.

What you'll do
- Train ranking models on fleet GPS traces
- Ship them behind our routing API

Posted on 2026-03-04. Applications close March 31, 2026.
"""


def test_a_location_with_a_subdivision_one_without_and_remote():
    assert facts(PLACES) == [
        ("title", "Machine Learning Engineer", None, None, None, None, "Machine Learning Engineer"),
        ("employer", "Kestrel Maps", None, None, None, None, "Kestrel Maps"),
        ("location", "Austin, TX", "Austin", "US-TX", "US", None, "Austin, TX"),
        ("location", "Berlin, Germany", "Berlin", None, "DE", None, "Berlin, Germany"),
        ("location", "Remote", None, None, None, None, "Remote"),
        ("work_arrangement", "remote", None, None, None, None, "Remote"),
        ("date_posted", "2026-03-04", None, None, None, None, "2026-03-04"),
        ("valid_through", "2026-03-31", None, None, None, None, "March 31, 2026"),
    ]


RECRUITER = """Robotics Test Engineer

Acme Robotics is hiring a Robotics Test Engineer for its assembly lab.

What you'll do
- Write test plans for new gripper designs
- Run endurance tests and report failures

Questions? Write to Priya Nair, Senior Technical Recruiter, at the address on our careers page.
Posted by Dana Whitfield
"""


def test_the_employer_in_the_opening_line_not_the_recruiter():
    assert facts(RECRUITER) == [
        ("title", "Robotics Test Engineer", None, None, None, None, "Robotics Test Engineer"),
        ("employer", "Acme Robotics", None, None, None, None, "Acme Robotics"),
    ]


AGENCY = """Senior Java Developer

Brightpath Staffing is hiring on behalf of our client, a regional bank, for a Senior Java Developer.
Job Type: Full-time
"""


def test_an_agency_hiring_for_a_client_it_does_not_name_is_the_employer_of_record():
    assert facts(AGENCY) == [
        ("title", "Senior Java Developer", None, None, None, None, "Senior Java Developer"),
        ("employer", "Brightpath Staffing", None, None, None, None, "Brightpath Staffing"),
        ("employment_type", "full_time", None, None, None, None, "Full-time"),
    ]


GLUED = """Azure Data Architect

Job Title: Azure Data ArchitectLocation: Edison, NJJob Type: FulltimeDuration: 12 months
Seniority level: Mid-Senior level
"""


def test_fields_glued_together_as_pasted_postings_print_them():
    assert facts(GLUED) == [
        ("title", "Azure Data Architect", None, None, None, None, "Azure Data Architect"),
        ("location", "Edison, NJ", "Edison", "US-NJ", "US", None, "Edison, NJ"),
        ("employment_type", "full_time", None, None, None, None, "Fulltime"),
        ("experience_level", "mid_senior", None, None, None, None, "Mid-Senior level"),
    ]


GUIDE = """# Data Engineer Career Guide

Data engineers build the pipelines analysts rely on. Many data engineering jobs are remote, and
full-time roles are the norm; some companies are headquartered in Austin, TX.

## Salary

The median salary is $128,000 per year.
"""


def test_a_career_guide_states_no_posting_facts():
    assert facts(GUIDE) == []


@pytest.mark.parametrize("written, expected", [
    ("Austin, TX", [("Austin, TX", "Austin", "US-TX", "US")]),
    ("Toronto, ON or Vancouver, BC", [("Toronto, ON", "Toronto", "CA-ON", "CA"),
                                      ("Vancouver, BC", "Vancouver", "CA-BC", "CA")]),
    ("London, United Kingdom", [("London, United Kingdom", "London", "GB-ENG", "GB")]),
    ("Berlin, Germany", [("Berlin, Germany", "Berlin", None, "DE")]),
    ("Owings Mills, MD", [("Owings Mills, MD", "Owings Mills", "US-MD", "US")]),
    ("Cambridge MA", [("Cambridge MA", "Cambridge", "US-MA", "US")]),
    ("St. Louis, MO", [("St. Louis, MO", "St. Louis", "US-MO", "US")]),
    ("US-IL-Northfield", [("US-IL-Northfield", "Northfield", "US-IL", "US")]),
    ("Jacksonville Florida United States", [("Jacksonville Florida United States", "Jacksonville", "US-FL", "US")]),
    ("San Francisco Bay Area", [("San Francisco Bay Area", "San Francisco", "US-CA", "US")]),
    ("Illinois", [("Illinois", None, "US-IL", "US")]),
    ("United States", [("United States", None, None, "US")]),
    ("Ontario", [("Ontario", None, "CA-ON", "CA")]),
    ("Palo Alto, CA Onsite", [("Palo Alto, CA", "Palo Alto", "US-CA", "US")]),
    ("Remote", []),
    ("Production ML", []),
])
def test_places_as_written_read_into_codes(written, expected):
    found = read_places(Span(0, len(written), written))
    assert [(f.span.text, f.place.city, f.place.region, f.place.country) for f in found] == expected
