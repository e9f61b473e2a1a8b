"""The declarations in the forms other systems read: pandera schemas, Arrow schemas and DuckDB DDL,
the Table Schemas of the datapackage, and the COMMENT ON statements and views."""
from __future__ import annotations

import duckdb

from roledata.contract.export import arrow_schema, comment_sql, datapackage_schema, duckdb_ddl
from roledata.contract.frames import pandera_schema
from roledata.contract.tables import DATA_TABLES, TABLES, TABLES_BY_NAME
from roledata.contract.views import VIEWS, view_sql


def test_every_schema_builds_and_ddl_runs():
    con = duckdb.connect()
    for table in TABLES:
        assert list(pandera_schema(table).columns) == table.column_names
        assert arrow_schema(table).names == table.column_names
        con.execute(duckdb_ddl(table))
        described = [r[0] for r in con.execute(f"DESCRIBE {table.name}").fetchall()]
        assert described == table.column_names


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
           "Allowed values: year, month, biweekly, week, day, hour.'" in comment
