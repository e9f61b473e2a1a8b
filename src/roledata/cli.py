"""`roledata` command line: run, query, snapshots, tables.

Every command ends in one clear line and a non-zero exit on a user error
(wrong path, bad SQL, locked warehouse); set ROLEDATA_DEBUG=1 to see the
traceback of an unexpected failure.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from roledata.publish import latest_snapshot, list_snapshots
from roledata.schema import data_dictionary
from roledata.settings import load_settings
from roledata.sources import SourceError
from roledata.warehouse import WarehouseError, check_readable, query as run_query

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn role-description pages into a validated dataset (DuckDB + Parquet).")

RawOption = typer.Option(None, "--raw", help="folder of raw pages [default: raw/ of the project]")
WarehouseOption = typer.Option(None, "--warehouse", help="warehouse folder [default: warehouse/ of the project]")


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def _quiet_prefect() -> None:
    """Telemetry off, and Prefect's own chatter down to warnings, unless the user chose otherwise."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    # Our report and one-line errors are the user interface; Prefect's own log
    # lines (and task tracebacks) stay off unless PREFECT_LOGGING_LEVEL is set.
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "CRITICAL")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "CRITICAL")


@app.command()
def run(raw: Optional[Path] = RawOption, warehouse: Optional[Path] = WarehouseOption,
        batch_size: int = typer.Option(200, min=1, help="documents per parse task"),
        no_prefect: bool = typer.Option(False, "--no-prefect", help="run the steps directly, without Prefect")) -> None:
    """Parse every page under --raw and publish the warehouse and a snapshot."""
    settings = load_settings(raw, warehouse, batch_size)
    if not settings.raw_dir.exists():
        _fail(f"raw folder not found: {settings.raw_dir}")
    if not settings.raw_dir.is_dir():
        _fail(f"raw path is not a folder: {settings.raw_dir}")
    try:
        check_readable(settings.database_path)  # fail fast, in one line, on a locked or unreadable warehouse
        if no_prefect:
            from roledata.pipeline import run_pipeline
            report = run_pipeline(settings)
        else:
            _quiet_prefect()
            from flows.build_dataset import build_dataset
            report = build_dataset(str(settings.raw_dir), str(settings.warehouse_dir), settings.batch_size)
    except (SourceError, WarehouseError) as exc:
        _fail(str(exc))
    except Exception as exc:
        if os.environ.get("ROLEDATA_DEBUG"):
            raise
        _fail(f"run failed: {type(exc).__name__}: {exc}")
    _print_report(report, settings)


def _print_report(report, settings) -> None:
    typer.echo(f"run {report.run_id}: {report.status}")
    typer.echo(f"documents: {report.documents_seen} seen, {report.documents_parsed} parsed, "
               f"{report.documents_unchanged} unchanged, {report.documents_rejected} rejected")
    typer.echo("rows: " + ", ".join(f"{name} {count}" for name, count in report.row_counts.items()))
    for reject in report.rejects:
        where = reject["source_path"] or reject["document_id"] or "?"
        table = f" [{reject['table_name']}]" if reject["table_name"] else ""
        typer.echo(f"rejected {where}{table}: {reject['reason']}")
    typer.echo(f"warehouse: {settings.database_path}")
    typer.echo(f"snapshot: {settings.snapshots_dir / report.snapshot_id}")


@app.command()
def query(sql: str = typer.Argument(..., help="one SQL query"), warehouse: Optional[Path] = WarehouseOption,
          output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, csv or json")) -> None:
    """Run a read-only SQL query against the warehouse."""
    settings = load_settings(None, warehouse)
    try:
        columns, rows = run_query(settings.database_path, sql)
    except WarehouseError as exc:
        _fail(str(exc))
    typer.echo(format_rows(columns, rows, output.value), nl=False)


def format_rows(columns: list[str], rows: list[tuple], output: str) -> str:
    if output == "json":
        return json.dumps([dict(zip(columns, r)) for r in rows], default=str, ensure_ascii=False, indent=2) + "\n"
    if output == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(["" if v is None else v for v in r] for r in rows)
        return buf.getvalue()
    cells = [[_cell(v) for v in r] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(columns, widths)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(v.ljust(w) for v, w in zip(r, widths)) for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _cell(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, float) and value.is_integer():
        return f"{value:.0f}"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


@app.command()
def snapshots(warehouse: Optional[Path] = WarehouseOption) -> None:
    """List published snapshots, newest first."""
    settings = load_settings(None, warehouse)
    found = list_snapshots(settings.snapshots_dir)
    if not found:
        _fail(f"no snapshots in {settings.snapshots_dir}: run `roledata run` first")
    latest = latest_snapshot(settings.snapshots_dir)
    for m in found:
        rows = sum(t["rows"] for t in m["tables"].values())
        mark = "  (LATEST)" if m["snapshot_id"] == latest else ""
        typer.echo(f"{m['snapshot_id']}  {m['created_at']}  parser {m['parser_version']}  {rows} rows{mark}")
    typer.echo(f"folder: {settings.snapshots_dir}")


@app.command()
def tables() -> None:
    """Print the data dictionary (every table and column)."""
    typer.echo(data_dictionary())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
