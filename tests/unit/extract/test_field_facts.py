"""A posting export's own columns give posting_facts rows (`origin = 'field'`), each pointing at its
cell in the document's text, beside the rows read from the description; the postings view takes the
cell first. The rows are written here, in the columns JobSpy and LinkedIn exports use."""
from __future__ import annotations

import csv
import io

from roledata.extract.document import process_document
from roledata.formats.exports import read_export

DESCRIPTION = ("Harbor Point Clinics is hiring a Data Analyst to report on patient wait times.\n\n"
               "What you'll do\n- Build weekly dashboards in SQL and Python\n")


def _rows(header: list[str], *records: list[str]) -> list:
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(header)
    writer.writerows(records)
    data = stream.getvalue().encode("utf-8")
    return [process_document(f"jobs.csv#{label}", row) for label, row in read_export(io.BytesIO(data), "jobs.csv", {})]


def _facts(result) -> list[tuple]:
    return [(r["fact"], r["value"], r["city"], r["region"], r["country"], r["text"])
            for r in result.tables["posting_facts"] if r["origin"] == "field"]


def test_the_cells_give_employer_location_remote_flag_and_types():
    [result] = _rows(["id", "title", "company", "location", "is_remote", "job_type", "description"],
                     ["j-7", "Data Analyst", "Harbor Point Clinics LLC", "Denver, CO", "True", "fulltime, contract",
                      DESCRIPTION])
    assert _facts(result) == [
        ("employer", "Harbor Point Clinics LLC", None, None, None, "Harbor Point Clinics LLC"),
        ("location", "Denver, CO", "Denver", "US-CO", "US", "Denver, CO"),
        ("work_arrangement", "remote", None, None, None, "True"),
        ("employment_type", "full_time", None, None, None, "fulltime, contract"),
        ("employment_type", "contract", None, None, None, "fulltime, contract"),
    ]
    for row in result.tables["posting_facts"]:  # provenance: every row's text is its characters
        assert result.text[row["char_start"]:row["char_end"]] == row["text"]
    # The description's own statement stays beside the cell's.
    assert ("employer", "Harbor Point Clinics", "text") in [(r["fact"], r["value"], r["origin"])
                                                            for r in result.tables["posting_facts"]]


def test_a_blank_or_false_remote_flag_states_nothing_and_empty_cells_give_no_row():
    blank, false = _rows(["job_id", "title", "company_name", "location", "remote_allowed", "formatted_work_type",
                          "description"],
                         ["1", "Data Analyst", "", "United States", "", "Part-time", DESCRIPTION],
                         ["2", "Data Analyst", "Quill Books", "", "false", "", DESCRIPTION])
    assert _facts(blank) == [("location", "United States", None, None, "US", "United States"),
                             ("employment_type", "part_time", None, None, None, "Part-time")]
    assert _facts(false) == [("employer", "Quill Books", None, None, None, "Quill Books")]
