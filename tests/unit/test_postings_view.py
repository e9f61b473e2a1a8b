"""The `postings` view and the place a salary is for: three postings of one title, from three employers,
in three places, worked three ways, for three kinds of pay, each its own row with the right codes."""
from __future__ import annotations

import duckdb
import pandas as pd

from roledata.contract.export import duckdb_ddl
from roledata.contract.tables import TABLES_BY_NAME
from roledata.contract.views import POSTINGS, view_sql
from roledata.extract.document import check_documents, process_document

AUSTIN = """Data Engineer

Acme Robotics
Austin, TX · Hybrid · Full-time

Acme Robotics is hiring a Data Engineer to build the pipelines behind our warehouse robots. You will own
ingestion from the robot fleet and the models our planners query every morning.

What you'll do
- Build batch and streaming pipelines in Python and SQL
- Keep the fleet telemetry tables fresh and tested

Compensation
The base salary range for this role is $140,000 - $165,000 per year.

Posted on 2026-03-04. Applications close March 31, 2026.
"""

REMOTE = """Data Engineer

Location: Remote (US only)
Employment Type: Contract
Company: Bluefin Analytics

Bluefin Analytics helps regional grocers forecast demand. We need a Data Engineer for a six-month engagement
to move our reporting from spreadsheets to a warehouse.

Responsibilities
- Design the warehouse schema with our analysts
- Migrate twelve legacy reports

Pay: $70 - $85 per hour

Posted 3 days ago
"""

BERLIN = """Data Engineer

Corvid Health is looking for a Data Engineer to join its clinical data team.

Corvid Health is headquartered in Boston, MA. This role is based in Berlin, Germany, and works on-site at
our lab five days a week. It is a part-time position (20 hours per week).

What you will do
- Model lab results for our research partners
- Keep patient data pseudonymised end to end

Salary
EUR 50,000 - 60,000 per year for the 20-hour week.

Benefits
- Two work-from-anywhere weeks each year
- A yearly learning budget

Corvid Health is an equal opportunity employer.
"""

PAGES = {"austin.txt": AUSTIN, "remote.txt": REMOTE, "berlin.txt": BERLIN}


def _warehouse(pages: dict[str, str]) -> duckdb.DuckDBPyConnection:
    """An in-memory database with the contract's documents, posting_facts and salaries of `pages`, and the view."""
    return _loaded([process_document(name, text.encode()) for name, text in pages.items()])


def _loaded(results: list) -> duckdb.DuckDBPyConnection:
    check_documents(results)
    con = duckdb.connect()
    for name in ("documents", "posting_facts", "salaries"):
        table = TABLES_BY_NAME[name]
        con.execute(duckdb_ddl(table))
        rows = [r.document for r in results] if name == "documents" else [
            row for r in results for row in r.tables[name]]
        con.register("incoming", pd.DataFrame(rows, columns=table.column_names))
        con.execute(f"INSERT INTO {name} SELECT {', '.join(table.column_names)} FROM incoming")
        con.unregister("incoming")
    for statement in view_sql(POSTINGS):
        con.execute(statement)
    return con


def test_three_postings_of_one_title_are_three_rows_with_their_own_codes():
    con = _warehouse(PAGES)
    rows = con.execute("""SELECT source_path, role_id, title, employer, location, city, region, country,
                                 work_arrangement, remote_scope, employment_type, date_posted, valid_through,
                                 experience_level
                          FROM postings ORDER BY source_path""").fetchall()
    assert rows == [
        ("austin.txt", "data-engineer", "Data Engineer", "Acme Robotics", "Austin, TX", "Austin", "US-TX", "US",
         "hybrid", None, "full_time", "2026-03-04", "2026-03-31", None),
        ("berlin.txt", "data-engineer", "Data Engineer", "Corvid Health", "Berlin, Germany", "Berlin", None, "DE",
         "onsite", None, "part_time", None, None, None),
        ("remote.txt", "data-engineer", "Data Engineer", "Bluefin Analytics", "Remote (US only)", None, None, "US",
         "remote", "US", "contract", None, None, None),
    ]
    pay = con.execute("""SELECT d.source_path, s.amount_min, s.amount_max, s.currency, s.period
                         FROM salaries s JOIN documents d USING (document_id) ORDER BY d.source_path""").fetchall()
    assert pay == [("austin.txt", 140000.0, 165000.0, "USD", "year"), ("berlin.txt", 50000.0, 60000.0, "EUR", "year"),
                   ("remote.txt", 70.0, 85.0, "USD", "hour")]


def test_every_column_of_the_view_is_described():
    described = dict(POSTINGS.columns)
    con = _warehouse({"austin.txt": AUSTIN})
    assert [c[0] for c in con.execute("SELECT * FROM postings").description] == list(described)
    assert all(text.strip() for text in described.values())


PAY_BY_PLACE = """Machine Learning Engineer

Kestrel Maps is hiring a Machine Learning Engineer to improve our routing models.

What you'll do
- Train ranking models on fleet GPS traces

Compensation
The base salary range is $150,000-$180,000 in New York, $130,000-$160,000 elsewhere.
- Toronto, ON: CAD 120,000 - 140,000 per year
"""


def test_salary_rows_carry_the_place_they_are_for():
    con = _warehouse({"pay.txt": PAY_BY_PLACE})
    rows = con.execute("""SELECT segment_type, segment, segment_city, segment_region, segment_country, amount_min,
                                 amount_max, currency FROM salaries ORDER BY char_start, amount_min DESC""").fetchall()
    assert rows == [
        ("location", "New York", "New York City", "US-NY", "US", 150000.0, 180000.0, "USD"),
        ("location", "elsewhere", None, None, None, 130000.0, 160000.0, "USD"),
        ("location", "Toronto, ON", "Toronto", "CA-ON", "CA", 120000.0, 140000.0, "CAD"),
    ]


def test_a_row_of_an_export_shows_its_own_cells_first():
    # The description says Austin and hybrid; the export's cells say the company's legal name, Denver and
    # remote: the view shows the cells (the text's rows stay in posting_facts).
    import csv
    import io

    from roledata.formats.exports import read_export

    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(["id", "title", "company", "location", "is_remote", "description"])
    writer.writerow(["j-1", "Data Engineer", "Acme Robotics, Inc.", "Denver, CO", "True", AUSTIN.split("\n", 2)[2]])
    [(label, data)] = list(read_export(io.BytesIO(stream.getvalue().encode()), "jobs.csv", {}))
    con = _loaded([process_document(f"jobs.csv#{label}", data)])
    assert con.execute("SELECT employer, location, city, region, work_arrangement, employment_type FROM postings"
                       ).fetchall() == [("Acme Robotics, Inc.", "Denver, CO", "Denver", "US-CO", "remote", "full_time")]
    assert con.execute("SELECT count(*) FROM posting_facts WHERE origin = 'text' AND fact = 'location'"
                       ).fetchone() == (1,)
