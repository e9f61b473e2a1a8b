"""posting_facts: a line that is only the work arrangement ("Remote/hybrid environment", "Fully remote", "Hybrid
work model") states it, in a list of what the job offers too; a perk that limits it ("Remote Fridays in
August", "Two work-from-anywhere weeks a year") does not. Pages written for these tests; each test checks the
exact rows, provenance included (`facts`)."""
from __future__ import annotations

from tests.unit.extract.test_posting_facts import facts


def arrangement(page: str) -> list[tuple]:
    return [row for row in facts(page) if row[0] == "work_arrangement"]


def offer(line: str) -> str:
    return f"""Platform Engineer

Requirements
- Four years running Kubernetes in production

What we offer
- Competitive pay
- {line}
- A learning budget of $1,500 a year
"""


def test_a_perk_line_that_is_the_arrangement_states_it():
    # remote offered beside hybrid: the job may be worked remotely (`choose`)
    assert arrangement(offer("Remote/hybrid environment")) == [
        ("work_arrangement", "remote", None, None, None, None, "Remote")]
    assert arrangement(offer("Fully remote")) == [
        ("work_arrangement", "remote", None, None, None, None, "Fully remote")]
    assert arrangement(offer("Hybrid work model")) == [
        ("work_arrangement", "hybrid", None, None, None, None, "Hybrid")]


def test_a_perk_that_limits_the_arrangement_states_none():
    for line in ("Remote Fridays in August", "Two work-from-anywhere weeks a year", "Work from anywhere",
                 "A home office stipend for remote days"):
        assert arrangement(offer(line)) == [], line
