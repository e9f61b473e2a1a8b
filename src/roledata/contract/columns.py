"""The building blocks of a table declaration: columns, row checks, tables and views, and the
type of each column in every system the contract reaches (pandas, DuckDB, Arrow, Frictionless)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # string | int | float | bool | timestamp | list | json
    description: str
    nullable: bool = True
    codes: tuple[str, ...] | None = None
    min_value: float | None = None
    max_value: float | None = None
    # The value a row that does not set the column takes (a column added after v1: rows made by code
    # that predates it, or that has nothing to say, read as this). None: NULL.
    default: object = None


@dataclass(frozen=True)
class RowCheck:
    """A named condition every row must meet; failing rows go to `rejects` with the name."""

    name: str
    test: Callable[[pd.DataFrame], pd.Series]  # True for the rows that pass


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    checks: tuple[RowCheck, ...] = field(default_factory=tuple)
    has_provenance: bool = False
    is_extracted: bool = True  # rows read from documents (vs run records and vocabularies)
    # The id column and the columns that say what a row describes (its figures left out): the row's id
    # hashes these, the page's path, the role and an occurrence number (extract/identity.py).
    identity: tuple[str, tuple[str, ...]] | None = None

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)




# A column's type in each system: the declaration says `string`, `int`...; these say what that is.
PANDAS_DTYPES = {"string": "string", "int": "Int64", "float": "Float64", "bool": "boolean",
                 "timestamp": "datetime64[us, UTC]", "list": "object", "json": "string"}
DUCKDB_TYPES = {"string": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN",
                "timestamp": "TIMESTAMPTZ", "list": "VARCHAR[]", "json": "VARCHAR"}
# Frictionless field types of the CSV resources: lists are JSON arrays in their cells (Table Schema `array`);
# the `json` columns hold JSON text or, for a reject, a plain description, so they are strings.
DATAPACKAGE_TYPES = {"string": "string", "int": "integer", "float": "number", "bool": "boolean",
                     "timestamp": "datetime", "list": "array", "json": "string"}


@dataclass(frozen=True)
class View:
    """A view over the tables for a common join. `columns` are (name, description) in output order."""

    name: str
    description: str
    select: str  # table names unqualified: a view binds in its own database, whatever name it is attached as
    columns: tuple[tuple[str, str], ...]

    @property
    def column_names(self) -> list[str]:
        return [name for name, _ in self.columns]


def column_comment(c: Column) -> str:
    """A column's description, with its allowed values or range (DuckDB `COMMENT ON COLUMN`)."""
    allowed = f" Allowed values: {', '.join(c.codes)}." if c.codes else ""
    bounds = range_text(c)
    ranged = f" Range: {bounds}." if bounds and not c.codes else ""
    return f"{c.description}{'' if c.description.endswith('.') else '.'}{allowed}{ranged}"


def table_comment(table: Table) -> str:
    key = f" Primary key: {', '.join(table.primary_key)}."
    provenance = (" Every row carries provenance: document_id, section_heading, char_start, char_end and the exact"
                  " source text.") if table.has_provenance else ""
    return f"{table.description}{key}{provenance}"


def range_text(c: Column) -> str:
    if c.min_value is None and c.max_value is None:
        return ""
    lo = "" if c.min_value is None else f"{c.min_value:g}"
    hi = "" if c.max_value is None else f"{c.max_value:g}"
    return f"{lo}..{hi}"
