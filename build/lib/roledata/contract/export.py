"""The declarations in the forms other systems read: DuckDB DDL and comments, the Arrow schema of
the Parquet files, and the Table Schema of the datapackage's CSV resources."""
from __future__ import annotations

import pyarrow as pa

from roledata.contract.columns import DATAPACKAGE_TYPES, DUCKDB_TYPES, Table, column_comment, table_comment
from roledata.contract.tables import DATA_TABLES, FOREIGN_KEYS
from roledata.sql import sql_string

ARROW_TYPES = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
               "timestamp": pa.timestamp("us", tz="UTC"), "list": pa.list_(pa.string()), "json": pa.string()}


def duckdb_ddl(table: Table, schema: str | None = None) -> str:
    name = f"{schema}.{table.name}" if schema else table.name
    cols = ",\n  ".join(
        f"{c.name} {DUCKDB_TYPES[c.dtype]}{'' if c.nullable else ' NOT NULL'}" for c in table.columns
    )
    return f"CREATE TABLE {name} (\n  {cols},\n  PRIMARY KEY ({', '.join(table.primary_key)})\n)"


def arrow_schema(table: Table) -> pa.Schema:
    return pa.schema([pa.field(c.name, ARROW_TYPES[c.dtype], nullable=c.nullable) for c in table.columns])


def qualified(name: str, schema: str | None) -> str:
    return f"{schema}.{name}" if schema else name


def comment_sql(table: Table, schema: str | None = None) -> list[str]:
    """`COMMENT ON TABLE` and one `COMMENT ON COLUMN` per column, from the declaration."""
    name = qualified(table.name, schema)
    return [f"COMMENT ON TABLE {name} IS {sql_string(table_comment(table))}"] + [
        f"COMMENT ON COLUMN {name}.{c.name} IS {sql_string(column_comment(c))}" for c in table.columns]


def datapackage_schema(table: Table) -> dict:
    """Table Schema of a table's CSV resource: types, required, allowed values, ranges, keys."""
    fields = []
    for c in table.columns:
        f: dict = {"name": c.name, "type": DATAPACKAGE_TYPES[c.dtype], "description": c.description}
        if c.dtype == "timestamp":
            f["format"] = "default"  # ISO 8601 in UTC, e.g. 2026-01-31T12:00:00.000000Z
        constraints: dict = {}
        if not c.nullable:
            constraints["required"] = True
        if c.codes:
            constraints["enum"] = list(c.codes)
        for key, value in (("minimum", c.min_value), ("maximum", c.max_value)):
            if value is not None:
                constraints[key] = int(value) if c.dtype == "int" else float(value)
        if constraints:
            f["constraints"] = constraints
        fields.append(f)
    schema: dict = {"fields": fields, "missingValues": [""], "primaryKey": list(table.primary_key)}
    keys = [{"fields": column, "reference": {"resource": parent, "fields": parent_column}}
            for column, parent, parent_column in FOREIGN_KEYS
            if column in table.column_names and table.name != parent and table.name in {t.name for t in DATA_TABLES}]
    if keys:
        schema["foreignKeys"] = keys
    return schema
