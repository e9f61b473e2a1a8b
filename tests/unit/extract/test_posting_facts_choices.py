"""posting_facts where a posting offers a choice: remote beside another arrangement ("Hybrid/Remote", "on-site
preferred · remote eligible", "hybrid preferred; remote work is also possible") is a job that may be worked remotely;
an arrangement offered alone, or remote refused, keeps its reading; and a text without a title line, whose first
paragraph the parser takes for its title, still names its employer. Pages written for these tests; each test checks
the exact rows, provenance included (`facts`)."""
from __future__ import annotations

from tests.unit.extract.test_posting_facts import facts


def arrangements(page: str) -> list[tuple]:
    return [row for row in facts(page) if row[0] == "work_arrangement"]


def posting(title: str, body: str) -> str:
    return f"{title}\n\nAbout the role\nYou will reconcile supplier invoices and close the books each month.\n{body}\n\n" \
           "Benefits\n- Dental cover\n- Remote Fridays in summer\n"


def test_a_choice_of_arrangements_in_the_title_offers_remote():
    assert arrangements(posting("Payables Specialist (Hybrid/Remote)", "")) == [
        ("work_arrangement", "remote", None, None, None, None, "Remote")]
    assert arrangements(posting("Payables Specialist - Onsite or Remote", "")) == [
        ("work_arrangement", "remote", None, None, None, None, "Remote")]
    # Remote named first stays remote; an arrangement alone stays what it is.
    assert arrangements(posting("Payables Specialist (Remote or Hybrid)", "")) == [
        ("work_arrangement", "remote", None, None, None, None, "Remote")]
    assert arrangements(posting("Payables Specialist (Hybrid)", "")) == [
        ("work_arrangement", "hybrid", None, None, None, None, "Hybrid")]


HEADER_OPTION = """Payables Specialist

Tulsa, OK · on-site preferred · remote eligible for US residents

About the role
You will reconcile supplier invoices.
"""

HEADER_PREFERRED_ONLY = """Payables Specialist

Tulsa, OK · on-site preferred · Full-time

About the role
You will reconcile supplier invoices. Our remote teams in three time zones send you their receipts.
"""


def test_remote_eligible_beside_a_preferred_arrangement_on_the_lines_under_the_title():
    assert arrangements(HEADER_OPTION) == [("work_arrangement", "remote", None, None, None, None, "remote")]
    assert arrangements(HEADER_PREFERRED_ONLY) == [("work_arrangement", "onsite", None, None, None, None, "on-site")]


def test_a_sentence_that_prefers_one_arrangement_and_offers_remote_too():
    page = posting("Payables Specialist", "Hybrid 3 days in the office is our preference; remote work is also possible.")
    assert arrangements(page) == [("work_arrangement", "remote", None, None, None, None, "remote")]
    page = posting("Payables Specialist", "The position can be worked on-site, hybrid (two office days a week) or "
                                          "remote, as you prefer.")
    assert arrangements(page) == [("work_arrangement", "remote", None, None, None, None, "remote")]


def test_a_sentence_that_refuses_remote_keeps_its_arrangement():
    page = posting("Payables Specialist", "Hybrid 3 days a week in the Tulsa office. Remote work is not available.")
    assert arrangements(page) == [("work_arrangement", "hybrid", None, None, None, None, "Hybrid")]
    page = posting("Payables Specialist", "This is not a remote or hybrid position.")
    assert arrangements(page) == [("work_arrangement", "onsite", None, None, None, None, "not a remote")]


FLEXIBLE_LABEL = """Payables Specialist

About the role
You will reconcile supplier invoices. Staff in office-based roles work a hybrid week of three office days.

Travel
Up to a quarter of the time

Flexible Work Arrangements
Remote
"""


def test_a_flexible_work_arrangements_label_alone_on_its_line():
    assert arrangements(FLEXIBLE_LABEL) == [("work_arrangement", "remote", None, None, None, None, "Remote")]


NO_TITLE_LINE = """Company DescriptionQuarrystone Movers is a family firm that carries homes and offices across a small river town. We pack, move and store.

Role DescriptionThis is a full-time on-site role for a Dispatch Coordinator at Quarrystone Movers. The Dispatch Coordinator plans the crews' routes each day.
"""

SEEKING_FIRST = """Lindenfield Realty is seeking a patient, organised assistant to support its leasing team. You will book viewings and keep the listings current.

Requirements
- Two years in an office role
"""


def test_a_text_that_opens_with_a_paragraph_not_a_title_still_names_its_employer():
    # The parser takes the first paragraph for the title; a name inside it is no role's title.
    assert [row for row in facts(NO_TITLE_LINE) if row[0] == "employer"] == [
        ("employer", "Quarrystone Movers", None, None, None, None, "Quarrystone Movers")]
    assert [row for row in facts(SEEKING_FIRST) if row[0] == "employer"] == [
        ("employer", "Lindenfield Realty", None, None, None, None, "Lindenfield Realty")]


UNDER_PAY = """Claims Analyst

What You'll Do

You will review insurance claims and report on their cost each month.

Pay Range (by the hour or by the year, per role)

$52,000 - $88,000 / year

Paid Leave

Staff take paid leave as they need it.

Work Environment

The position can be worked on-site, hybrid (two office days a week) or remote.
"""


def test_a_work_environment_heading_under_a_pay_heading_states_the_jobs_terms():
    # The outline files "Work Environment" under the pay heading; its own heading says it is about the job's terms.
    assert arrangements(UNDER_PAY) == [("work_arrangement", "remote", None, None, None, None, "remote")]
