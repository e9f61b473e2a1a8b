"""Open-data pieces on their own: the CSV encoding of a table (against Frictionless), the
Table Schemas, the COMMENT ON statements and the views, all generated from the declarations."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from roledata.publish.snapshot import CSV_DIALECT, write_csv_sql
from roledata.contract.dictionary import views_dictionary
from roledata.contract.export import arrow_schema, comment_sql, datapackage_schema, duckdb_ddl
from roledata.contract.tables import DATA_TABLES, TABLES, TABLES_BY_NAME
from roledata.contract.views import VIEWS, view_sql

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
            "is_primary": bool(i % 2), "title_source": "listed", "document_id": "d" * 64,
            "section_heading": None if i % 4 == 0 else text, "char_start": i, "char_end": i + len(text), "text": text,
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
    assert fields["period"]["constraints"]["enum"] == ["year", "month", "week", "day", "hour"]


def test_a_value_outside_the_contract_is_reported(tmp_path):
    """The Table Schema is strict: an unknown code and a broken range are errors, not passed through."""
    table = TABLES_BY_NAME["roles"]
    rows = _roles_rows()[:2]
    rows[0]["seniority"], rows[1]["char_start"] = "intern", -1
    report = frictionless.validate(str(_write_package(tmp_path, table, rows)))
    assert not report.valid
    assert sorted(e[1] for e in report.flatten(["type", "fieldName"])) == ["char_start", "seniority"]


def test_table_schemas_match_the_declarations():
    for table in TABLES:
        schema = datapackage_schema(table)
        assert [f["name"] for f in schema["fields"]] == table.column_names
        assert all(f["description"] for f in schema["fields"])
        assert schema["primaryKey"] == list(table.primary_key)
        for key in schema.get("foreignKeys", []):
            assert table in DATA_TABLES and key["reference"]["resource"] in {"roles", "skills", "occupations"}
    assert {k["fields"] for k in datapackage_schema(TABLES_BY_NAME["role_skills"])["foreignKeys"]} == {"role_id", "skill_id"}


def test_comments_and_views_build_and_describe_every_column():
    with duckdb.connect() as con:
        for table in TABLES:
            con.execute(duckdb_ddl(table))
            for statement in comment_sql(table):
                con.execute(statement)
        for view in VIEWS:
            for statement in view_sql(view):
                con.execute(statement)
        uncommented = con.execute("SELECT table_name, column_name FROM duckdb_columns() "
                                  "WHERE NOT internal AND (comment IS NULL OR comment = '')").fetchall()
        assert uncommented == []
        assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE comment IS NOT NULL").fetchone()[0] == len(TABLES)
        for view in VIEWS:
            described = [r[0] for r in con.execute(f"DESCRIBE {view.name}").fetchall()]
            assert described == view.column_names, view.name  # declared columns cannot drift from the query
            assert con.execute("SELECT comment FROM duckdb_views() WHERE view_name = ?", [view.name]).fetchone()[0]
    comment = comment_sql(TABLES_BY_NAME["salaries"])
    assert "COMMENT ON COLUMN salaries.period IS 'pay period of the amounts (year when the page states none). " \
           "Allowed values: year, month, week, day, hour.'" in comment


def test_the_views_dictionary_lists_every_view_column():
    text = views_dictionary()
    for view in VIEWS:
        assert f"## {view.name}" in text
        assert all(f"| `{name}` |" in text for name in view.column_names)
