"""`roledata eval` on postings against an export's gold: records keyed by id, mapped to the files made from
them (`visible_file`); employer, location, work arrangement and employment type scored where the text
states them, remote only where the gold flags it."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from roledata.cli import app
from roledata.quality.evaluate import evaluate_documents
from roledata.quality.gold import load_golds
from roledata.quality.posting_scoring import company_key, posting_facts

HYBRID = """Data Engineer

Acme Robotics
Austin, TX · Hybrid · Full-time

Acme Robotics is hiring a Data Engineer to build the pipelines behind our warehouse robots.

What you'll do
- Build batch and streaming pipelines in Python and SQL
"""

REMOTE = """Data Engineer

Location: Remote (US only)
Employment Type: Contract
Company: Bluefin Analytics

Bluefin Analytics helps regional grocers forecast demand. We need a Data Engineer for a six-month engagement.

Responsibilities
- Design the warehouse schema with our analysts
"""

# The export's gold: keyed by record id; a record without a file is not in the folder. The second record's
# location is the company's city, which the text never states; its remote flag is true; the first record's
# blank flag (null) means "not flagged" and scores nothing.
GOLD = {"about": "an export's gold, for this test", "docs": {
    "1001": {"visible_file": "hybrid.txt", "title": ["Data Engineer"], "employer": "Acme Robotics, Inc.",
             "location": "Austin, TX", "employment_type": "Full-time", "remote": None},
    "1002": {"visible_file": "remote.txt", "title": ["Data Engineer"], "employer": "Bluefin Analytics",
             "location": "Omaha, NE", "employment_type": "Contract", "remote": True},
    "1003": {"title": ["Data Engineer"], "employer": "Nobody Here", "location": "Reno, NV"},
}}


def _folder(tmp_path):
    raw = tmp_path / "postings"
    raw.mkdir()
    (raw / "hybrid.txt").write_text(HYBRID, encoding="utf-8")
    (raw / "remote.txt").write_text(REMOTE, encoding="utf-8")
    gold = tmp_path / "postings_csv.json"
    gold.write_text(json.dumps(GOLD), encoding="utf-8")
    return raw, gold


def test_an_exports_gold_is_read_by_the_files_made_from_its_records(tmp_path):
    _, gold = _folder(tmp_path)
    assert sorted(load_golds([gold]).docs) == ["hybrid.txt", "remote.txt"]


def test_posting_fields_are_scored_where_the_text_states_them(tmp_path):
    raw, gold = _folder(tmp_path)
    result = evaluate_documents(raw, load_golds([gold]))
    scored = {name: (s.documents, s.gold, s.found, s.extracted, s.correct)
              for name, s in result.fields.items() if name in ("employer", "location", "work_arrangement",
                                                               "employment_type")}
    assert scored == {
        "employer": (2, 2, 2, 2, 2),
        # Omaha is not in the remote posting's text: no recall fact, and its "Remote (US only)" row is not scored
        # against a place the text never names (the gold's city is the listing's, not the text's).
        "location": (2, 1, 1, 1, 1),
        "work_arrangement": (1, 1, 1, 1, 1),
        "employment_type": (2, 2, 2, 2, 2),
    }


def test_the_command_merges_several_gold_files(tmp_path):
    raw, gold = _folder(tmp_path)
    other = tmp_path / "postings_b_csv.json"
    other.write_text(json.dumps({"docs": {"77": {"visible_file": "remote.txt", "remote": True}}}), encoding="utf-8")
    out = CliRunner().invoke(app, ["eval", "--raw", str(raw), "--gold", str(gold), "--gold", str(other)])
    assert out.exit_code == 0, out.output
    lines = {line.split()[0]: line.split()[1:] for line in out.output.splitlines() if line[:1].isalpha()}
    assert lines["employer"][:3] == ["2", "2", "100.0%"]
    assert lines["work_arrangement"][:3] == ["1", "1", "100.0%"]


def test_company_names_compare_without_legal_endings():
    assert company_key("Acme Robotics, Inc.") == company_key("ACME Robotics") == "acme robotics"
    assert company_key("Smith & Sons LLC") == "smith and sons"


def test_a_short_form_in_capitals_matches_the_name_it_abbreviates():
    facts = posting_facts({"employer": "Harbor Valley Institute of Technology"},
                          "Harbor Valley Institute of Technology (HVIT) is hiring. HVIT is an equal opportunity employer.")
    employer = facts["employer"]
    assert employer.stated
    assert employer.matches({"value": "HVIT"})
    assert employer.matches({"value": "Harbor Valley Institute of Technology, Inc."})
    assert not employer.matches({"value": "Hvit"})  # a word, not a short form in capitals
    assert not employer.matches({"value": "HVT"})


def test_an_export_is_scored_by_its_own_rows_with_the_gold_keyed_by_record(tmp_path):
    # The same gold scores the export's rows (keyed by job_id): record 1003 has no file but is a row.
    import csv

    from roledata.quality.exports import evaluate_export
    from roledata.quality.gold import load_gold

    export = tmp_path / "jobs.csv"
    with open(export, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["job_id", "title", "company_name", "location", "formatted_work_type", "description"])
        writer.writerow(["1001", "Data Engineer", "Acme Robotics, Inc.", "Austin, TX", "Full-time", HYBRID.split("\n", 2)[2]])
        writer.writerow(["1002", "Data Engineer", "Bluefin Analytics", "Omaha, NE", "Contract", REMOTE.split("\n", 2)[2]])
        writer.writerow(["1003", "Data Engineer", "Nobody Here", "Reno, NV", "", "We need a Data Engineer in Reno."])
        writer.writerow(["9999", "Cook", "Elsewhere", "Reno, NV", "", "A cook for a diner."])
    _, gold = _folder(tmp_path)
    assert sorted(load_gold(gold).docs) == ["hybrid.txt", "remote.txt"]
    by_record = load_gold(gold, by_record=True)
    assert sorted(by_record.docs) == ["1001", "1002", "1003"]
    results = evaluate_export(export, by_record)
    assert set(results) == {"fields", "text"}
    for mode, result in results.items():
        assert result.documents == {"total": 3, "parsed": 3, "lost": 0, "rejected": 0, "crashed": 0}, mode
    # With the title cell every row is titled right. From the description alone two are not (a known
    # gap the text mode exists to show): the employer's name on the first line of 1001 and a plural
    # noun of 1002's text ('our analysts') are taken for titles; 1003's one sentence names its role.
    assert (results["fields"].fields["title"].gold, results["fields"].fields["title"].found) == (3, 3)
    assert (results["text"].fields["title"].gold, results["text"].fields["title"].found) == (3, 1)


def test_r_and_d_is_research_and_development():
    employer = posting_facts({"employer": "Ashcombe Research and Development, Inc"}, "Ashcombe R&D is hiring.")["employer"]
    assert employer.matches({"value": "Ashcombe R&D"})
    assert not employer.matches({"value": "Ashcombe Labs"})


def test_a_type_spoken_of_as_pay_or_a_document_is_not_stated():
    def stated(kind: str, text: str) -> bool:
        return posting_facts({"employment_type": kind}, text)["employment_type"].stated
    assert not stated("Part-time", "Salaries for part-time roles are prorated by hours.")
    assert not stated("Contract", "You will negotiate contract terms with our suppliers.")
    assert stated("Contract", "This is a 6-month contract role.")
    assert stated("Part-time", "Part-time: 20 hours a week.")


def test_a_head_office_or_a_right_to_work_does_not_state_the_jobs_place():
    def stated(location: str, text: str) -> bool:
        return posting_facts({"location": location}, text)["location"].stated
    assert not stated("Denver, CO", "Northway is headquartered in Denver, Colorado. This is a remote role.")
    assert not stated("Denver, CO", "Expect two trips a year to the head office in Denver.")
    assert stated("Denver, CO", "Northway is headquartered in Denver. This role is based in Denver.")
    assert not stated("United States", "Candidates must be eligible to work in the U.S. today.")
    assert not stated("United States", "Holding U.S. citizenship is a must.")
    assert stated("United States", "Location: Remote (US)")


def test_document_words_and_eligibility_count_only_where_they_speak_of_that():
    assert posting_facts({"employment_type": "Full-time"},
                         "This is a full-time management position.")["employment_type"].stated
    assert posting_facts({"location": "Denver, CO"}, "This hybrid-eligible role sits in Denver.")["location"].stated


def test_a_right_to_work_far_before_the_place_and_a_longer_towns_name_do_not_state_it():
    def stated(location: str, text: str) -> bool:
        return posting_facts({"location": location}, text)["location"].stated

    # the cue may stand up to 25 characters before the place, whatever its own length
    assert not stated("United States", "Staff must be authorized to work for our clients in the U.S. at once.")
    assert stated("United States", "Staff must be authorized to work. The job sits in the U.S. today.")
    # a part of another town's name does not name the town
    assert not stated("Des Moines, IA", "Work site: West Des Moines, IA")
    assert stated("Des Moines, IA", "Work site: West Des Moines, IA. Our lab is in Des Moines, IA.")
    assert stated("New York, NY", "Office: New York, NY, near Union Square.")
