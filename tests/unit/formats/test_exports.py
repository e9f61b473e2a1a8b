"""Posting exports: a row is a document; columns found by name (JobSpy's and other exports' names)
or given (--columns); structured cells become `origin = 'field'` rows beside what the text says."""
from __future__ import annotations

import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from roledata.extract.document import check_documents, process_document
from roledata.formats.exports import ExportError, map_columns, parse_columns, read_export
from tests.exports_fixture import JOBSPY_COLUMNS, ROWS, jobspy_csv


def rows_of(data: bytes, name: str = "jobs.csv", columns: dict | None = None) -> list[tuple[str, bytes]]:
    return list(read_export(io.BytesIO(data), name, columns or {}))


def test_jobspy_columns_are_recognised_by_name():
    assert map_columns(JOBSPY_COLUMNS, {}) == {
        "id": "id", "title": "title", "description": "description", "company": "company", "location": "location",
        "is_remote": "is_remote", "job_type": "job_type", "experience_level": "job_level",
        "date_posted": "date_posted", "min_amount": "min_amount", "max_amount": "max_amount",
        "interval": "interval", "currency": "currency", "job_url": "job_url"}


def test_each_row_is_a_document_named_by_its_key():
    rows = rows_of(jobspy_csv())
    assert [label for label, _ in rows] == ["id=in-7f31c2", "id=li-5520918", "id=gl-88410"]


def test_a_row_reads_as_title_then_description_then_its_cells():
    label, data = rows_of(jobspy_csv())[1]
    result = process_document(f"exports/jobs.csv#{label}", data)
    check_documents([result])
    assert result.text == (
        "Clinical Data Annotator\n\nLabel discharge notes so our models can find follow-up needs.\n\n"
        "What you will do\n- Tag medications and doses in clinical notes.\n- Review a colleague's labels each Friday.\n\n"
        "Pay: $29 - $36 an hour, by experience.\n\n"
        "company: Northbay Health\nlocation: Remote\nis_remote: True\njob_type: contract\ndate_posted: 2026-03-06\n"
        "min_amount: 31\nmax_amount: 38\ninterval: hourly\ncurrency: USD\n"
        "job_url: https://jobs.example.org/view/5520918\nid: li-5520918\n")
    assert result.document["text_origin"] == "export"
    role = result.tables["role_documents"][0]
    assert (role["title"], role["title_source"], role["origin"]) == ("Clinical Data Annotator", "field", "field")
    assert result.text[role["char_start"]:role["char_end"]] == "Clinical Data Annotator"


def test_pay_cells_and_pay_text_that_disagree_are_both_kept_with_their_origin():
    label, data = rows_of(jobspy_csv())[1]
    result = process_document(f"exports/jobs.csv#{label}", data)
    check_documents([result])
    pay = sorted((s["origin"], s["amount_min"], s["amount_max"], s["period"], s["currency"], s["text"])
                 for s in result.tables["salaries"])
    assert pay == [("field", 31, 38, "hour", "USD", "31\nmax_amount: 38"),
                   ("text", 29, 36, "hour", "USD", "Pay: $29 - $36 an hour, by experience.")]
    for row in result.tables["salaries"]:
        assert result.text[row["char_start"]:row["char_end"]] == row["text"]
    assert len({s["salary_id"] for s in result.tables["salaries"]}) == 2


def test_the_other_cells_are_kept_as_fields_with_their_spans():
    label, data = rows_of(jobspy_csv())[0]
    result = process_document(f"exports/jobs.csv#{label}", data)
    fields = json.loads(result.document["fields"])
    assert {k: v["value"] for k, v in fields.items()} == {
        "title": "Route Optimization Engineer", "company": "Harbor Freightways", "location": "Savannah, GA, US",
        "is_remote": "False", "job_type": "fulltime", "date_posted": "2026-03-04", "min_amount": "104000",
        "max_amount": "126000", "interval": "yearly", "currency": "USD",
        "job_url": "https://jobs.example.org/view/7f31c2", "id": "in-7f31c2"}
    for field in fields.values():
        assert result.text[field["char_start"]:field["char_end"]] == field["value"]
    assert fields["company"]["column"] == "company"


def test_a_row_without_pay_cells_has_only_what_its_text_gives():
    label, data = rows_of(jobspy_csv())[2]
    result = process_document(f"exports/jobs.csv#{label}", data)
    assert result.tables["salaries"] == []
    assert [d["text"] for d in result.tables["duties"]] == [
        "Test markdown schedules on perishables.", "Report margin by aisle to store managers."]


def test_an_edited_cell_changes_only_that_rows_bytes():
    before = rows_of(jobspy_csv())
    edited = [dict(r) for r in ROWS]
    edited[1]["max_amount"] = "39"
    after = rows_of(jobspy_csv(edited))
    assert [a == b for a, b in zip(before, after)] == [True, False, True]
    assert [label for label, _ in after] == [label for label, _ in before]


def test_columns_named_by_the_user_win():
    data = b"posting_ref,job_name,details\r\nA-1,Freight Yard Scheduler,Schedules yard moves for inbound trailers.\r\n"
    with pytest.raises(ExportError, match="export without a description column"):
        rows_of(data)
    given = parse_columns("title=job_name,description=details,id=posting_ref")
    ((label, row),) = rows_of(data, columns=given)
    result = process_document(f"yard.csv#{label}", row)
    assert label == "posting_ref=A-1"
    assert result.text.startswith("Freight Yard Scheduler\n\nSchedules yard moves for inbound trailers.\n")
    assert result.tables["role_documents"][0]["title"] == "Freight Yard Scheduler"


def test_a_row_without_a_key_is_named_by_its_content():
    data = b"title,description\r\nDock Planner,Plans dock doors for each shift.\r\n"
    ((label, row),) = rows_of(data)
    assert label.startswith("sha256=") and len(label) == len("sha256=") + 16


@pytest.mark.parametrize(("text", "message"), [
    ("title", "'title' is not field=column"),
    ("name=job_name", "'name' is no field"),
])
def test_a_bad_column_mapping_says_what_is_wrong(text, message):
    with pytest.raises(ValueError, match=message):
        parse_columns(text)


def _parquet(table: pa.Table) -> bytes:
    out = io.BytesIO()
    pq.write_table(table, out)
    return out.getvalue()


@pytest.mark.parametrize(("name", "data", "reason"), [
    pytest.param("jobs.csv", b'title,description\r\nDock Planner,"Plans dock doors\r\nfor each shift.\r\n',
                 "broken CSV: a quoted cell opened after line 3 never closes (a quote missing)", id="broken quote"),
    pytest.param("jobs.csv", "title,description\r\nPlanificateur,Gère les quais chaque équipe.\r\n".encode("cp1252"),
                 "export not in UTF-8: byte 0xe8 on line 2 cannot be decoded; save it as UTF-8", id="encoding"),
    pytest.param("jobs.csv", b"title,description\r\nDock Planner,Plans doors,extra\r\n",
                 "broken CSV: the record ending on line 2 has 3 cells, the header 2", id="ragged"),
    pytest.param("jobs.parquet", _parquet(pa.table({"job_title": ["Dock Planner"], "pay": [50000]})),
                 "export without a description column: its columns are 'job_title', 'pay'; name yours with "
                 "--columns description=COLUMN,title=COLUMN", id="parquet without description"),
    pytest.param("jobs.parquet", b"PAR1 not really", "broken Parquet file:", id="not parquet"),
    pytest.param("jobs.jsonl", b'{"title": "Dock Planner", "description": "Plans doors."}\n{"title": \n',
                 "broken JSON Lines: line 2 is not JSON", id="jsonl"),
    pytest.param("jobs.csv", b"id,title,description\r\n7,Dock Planner,Plans doors.\r\n7,Yard Lead,Runs the yard.\r\n",
                 "two rows with the same key id=7 (rows 1 and 2): a row's key must name one posting", id="same key"),
])
def test_an_export_that_cannot_be_read_is_refused_whole_with_the_reason(name, data, reason):
    with pytest.raises(ExportError) as caught:
        rows_of(data, name)
    assert str(caught.value).startswith(reason), str(caught.value)


def test_json_lines_and_parquet_rows_read_like_csv_rows():
    records = [{c: r.get(c, "") for c in JOBSPY_COLUMNS} for r in ROWS]
    jsonl = "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")
    parquet = _parquet(pa.Table.from_pylist(records))
    texts = []
    for name, data in (("jobs.csv", jobspy_csv()), ("jobs.jsonl", jsonl), ("jobs.parquet", parquet)):
        texts.append([process_document(f"{name}#{label}", row).text for label, row in rows_of(data, name)])
    assert texts[0] == texts[1] == texts[2]
