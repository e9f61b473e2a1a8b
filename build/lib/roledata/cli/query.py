"""`roledata query` and `roledata tables`: read the warehouse with SQL, and what its tables hold."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import duckdb
import typer

from roledata.cli.common import OutputFormat, WarehouseOption, fail, format_rows, warehouse_paths
from roledata.contract.dictionary import data_dictionary
from roledata.publish.warehouse import WarehouseError, query as run_query


def query(sql: Optional[str] = typer.Argument(None, metavar="SQL",
                                              help="the SQL, or - to read it from standard input"),
          sql_file: Optional[Path] = typer.Option(None, "-f", "--file", metavar="FILE", help="read the SQL from FILE"),
          warehouse: Optional[Path] = WarehouseOption,
          output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, csv or json")) -> None:
    """Run read-only SQL against the warehouse: from the argument, a file (-f) or standard input (-).

    Several statements separated by ";" all run, and each result is shown in turn
    (with --format json: one JSON array per statement, in a list).
    """
    text = _read_sql(sql, sql_file)
    settings = warehouse_paths(warehouse)
    if settings.database_path.parent.exists() and not settings.warehouse_dir.is_dir():
        fail(f"not a folder: {settings.warehouse_dir} (--warehouse names the warehouse folder, "
             "the one that holds roledata.duckdb)")
    try:
        statements = _statements(text)
        results = [run_query(settings.database_path, statement) for statement in statements]
    except WarehouseError as exc:
        fail(str(exc))
    if output is OutputFormat.json and len(results) > 1:
        blocks = [[dict(zip(columns, r)) for r in rows] for columns, rows in results]
        typer.echo(json.dumps(blocks, default=str, ensure_ascii=False, indent=2))
        return
    typer.echo("\n".join(format_rows(columns, rows, output.value) for columns, rows in results), nl=False)


def _read_sql(sql: str | None, sql_file: Path | None) -> str:
    if sql is not None and sql_file is not None:
        fail("give the SQL as an argument or with -f FILE, not both")
    if sql_file is not None:
        try:
            return sql_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"cannot read SQL from {sql_file}: {getattr(exc, 'strerror', None) or exc}")
    if sql == "-":
        return sys.stdin.read()
    if sql is None:
        fail("no SQL given: pass it as an argument, with -f FILE, or - to read standard input")
    return sql


def _statements(text: str) -> list[str]:
    """The statements of `text` (comments and blank ones dropped); one error line when there is none
    or DuckDB cannot parse it."""
    try:
        found = [statement.query for statement in duckdb.extract_statements(text)]
    except duckdb.Error as exc:
        raise WarehouseError(str(exc).strip().splitlines()[0]) from None
    if not found:
        raise WarehouseError("no SQL statement given (the input is empty or only comments)")
    return found


def tables() -> None:
    """Print the data dictionary (every table and column)."""
    typer.echo(data_dictionary())
