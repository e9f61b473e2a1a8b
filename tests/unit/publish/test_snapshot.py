"""A snapshot's CSV files: awkward text and every column type written by `write_csv_sql` and read
back exactly by Frictionless with the declared Table Schema, and a value outside the contract reported."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from roledata.contract.export import arrow_schema, datapackage_schema
from roledata.contract.tables import TABLES_BY_NAME
from roledata.publish.snapshot import CSV_DIALECT, write_csv_sql

frictionless = pytest.importorskip("frictionless")

# Text a CSV writer or a dialect sniffer can get wrong.
AWKWARD = ['say "hi", then; leave', "back\\slash \\\" quote", "two\nlines\r\nand a CR\rhere", "\ttab, comma",
           "  leading and trailing  ", "naïve – “curly” 🤖", "'single'", "a|b;c\td", "=1+1", "-", "null", "NaN"]


def _roles_rows() -> list[dict]:
    rows = []
    for i, text in enumerate(AWKWARD):
        rows.append({
            "role_id": f"role-{i}", "title": text, "aliases": [text, "x,y", '"q"', "back\\"] if i % 3 else ([] if i % 2 else None),
            "family": None if i % 2 else text, "seniority": "lead" if i % 2 else None, "summary": text,
            "is_primary": bool(i % 2), "title_source": "listed", "document_count": 1 + i % 3, "document_id": "d" * 64,
            "section_heading": None if i % 4 == 0 else text, "char_start": i, "char_end": i + len(text), "text": text,
            "origin": "text",
        })
    return rows


def _write_package(folder, table, rows):
    parquet, csv = folder / f"{table.name}.parquet", folder / f"{table.name}.csv"
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema(table)), parquet)
    with duckdb.connect() as con:
        con.execute(write_csv_sql(table, parquet, csv)).fetchall()
    schema = datapackage_schema(table)
    schema.pop("foreignKeys", None)  # the referenced tables are not in this one-table package
    package = {"name": "t", "resources": [{"name": table.name, "path": csv.name, "format": "csv", "encoding": "utf-8",
                                           "dialect": CSV_DIALECT, "schema": schema}]}
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    return folder / "datapackage.json"


def test_awkward_text_survives_csv_and_frictionless_reads_it_back_exactly(tmp_path):
    table, rows = TABLES_BY_NAME["roles"], _roles_rows()
    descriptor = _write_package(tmp_path, table, rows)
    report = frictionless.validate(str(descriptor))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.stats["tasks"] == 1 and report.tasks[0].stats["rows"] == len(rows)
    package = frictionless.Package(str(descriptor))
    back = package.get_resource("roles").read_rows()
    assert [dict(r) for r in back] == rows


def test_every_type_encodes_for_frictionless(tmp_path):
    """Timestamps (UTC, microseconds), booleans, integers and numbers with nulls, JSON text."""
    table = TABLES_BY_NAME["pipeline_runs"]
    start = datetime(2026, 1, 31, 23, 59, 58, 123456, tzinfo=timezone.utc)
    rows = [{"run_id": "r1", "started_at": start, "finished_at": None, "status": "failed", "documents_seen": None,
             "documents_parsed": 0, "documents_unchanged": 3, "documents_rejected": None,
             "row_counts": json.dumps({"roles": 5}), "snapshot_id": None, "parser_version": "1.0.0",
             "message": "error: \"quoted\", with a comma"},
            {"run_id": "r2", "started_at": start, "finished_at": start, "status": "succeeded", "documents_seen": 5,
             "documents_parsed": 5, "documents_unchanged": 0, "documents_rejected": 0, "row_counts": "{}",
             "snapshot_id": "s", "parser_version": "1.0.0", "message": None}]
    descriptor = _write_package(tmp_path, table, rows)
    report = frictionless.validate(str(descriptor))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    back = [dict(r) for r in frictionless.Package(str(descriptor)).get_resource("pipeline_runs").read_rows()]
    assert back[0]["started_at"] == start and back[0]["finished_at"] is None and back[0]["documents_seen"] is None
    assert back == rows
    salaries = TABLES_BY_NAME["salaries"]
    fields = {f["name"]: f for f in datapackage_schema(salaries)["fields"]}
    assert fields["open_ended"]["type"] == "boolean" and fields["amount_min"]["type"] == "number"
    assert fields["reference_year"]["constraints"] == {"minimum": 1990, "maximum": 2100}
    assert fields["period"]["constraints"]["enum"] == ["year", "month", "biweekly", "week", "day", "hour"]


def test_a_value_outside_the_contract_is_reported(tmp_path):
    """The Table Schema is strict: an unknown code and a broken range are errors, not passed through."""
    table = TABLES_BY_NAME["roles"]
    rows = _roles_rows()[:2]
    rows[0]["seniority"], rows[1]["char_start"] = "intern", -1
    report = frictionless.validate(str(_write_package(tmp_path, table, rows)))
    assert not report.valid
    assert sorted(e[1] for e in report.flatten(["type", "fieldName"])) == ["char_start", "seniority"]
