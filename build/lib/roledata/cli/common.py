"""What every command shares: the options for the two folders, one-line errors, output formats,
and the settings of a command resolved once (flags > ROLEDATA_* > defaults)."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import NoReturn

import typer

from roledata.settings import SettingError, Settings, resolve_paths, resolve_settings

# pipeline_runs.started_at: when the command began, so a run's seconds include Prefect's start.
COMMAND_STARTED = datetime.now(timezone.utc)

RawOption = typer.Option(None, "--raw", metavar="DIR",
                         help="folder of raw pages (ROLEDATA_RAW) [default: raw/ of the project]")
WarehouseOption = typer.Option(None, "--warehouse", metavar="DIR",
                               help="warehouse folder (ROLEDATA_WAREHOUSE) [default: warehouse/ of the project]")
BatchSizeOption = typer.Option(None, "--batch-size", min=1, metavar="N",
                               help="documents per parse task (ROLEDATA_BATCH_SIZE) [default: 200]")
WorkersOption = typer.Option(None, "--workers", min=1, metavar="N",
                             help="processes parsing side by side (ROLEDATA_WORKERS) [default: one per core]")


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class ReportFormat(str, Enum):
    text = "text"
    json = "json"


def fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


def run_settings(**flags: object) -> Settings:
    """Settings for a run (flags > ROLEDATA_* > defaults), with the raw folder checked up front."""
    try:
        settings = resolve_settings(**flags)
    except SettingError as exc:
        fail(f"bad setting: {exc}")
    if not settings.raw_dir.exists():
        fail(f"raw folder not found: {settings.raw_dir}")
    if not settings.raw_dir.is_dir():
        fail(f"raw path is not a folder: {settings.raw_dir}")
    for folder in (settings.warehouse_dir, settings.snapshots_dir, settings.state_dir):
        if folder.exists() and not folder.is_dir():
            fail(f"not a folder: {folder} (the warehouse needs a folder there)")
    return settings


def warehouse_paths(warehouse: Path | None) -> Settings:
    """The warehouse's paths for a command that only reads it: no run setting is read or checked."""
    return resolve_paths(None, warehouse)


def quiet_prefect() -> None:
    """Telemetry off, and Prefect's own chatter down to warnings, unless the user chose otherwise."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    # Our report and one-line errors are the user interface; Prefect's own log
    # lines (and task tracebacks) stay off unless PREFECT_LOGGING_LEVEL is set.
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "CRITICAL")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "CRITICAL")
    os.environ.setdefault("PREFECT_INTERNAL_LOGGING_LEVEL", "CRITICAL")
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")


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
    return "\n".join(line.rstrip() for line in lines) + "\n"  # no padding after the last column


def _cell(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, float) and value.is_integer():
        return f"{value:.0f}"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def raise_on_sigterm() -> None:
    """Stop on SIGTERM as on Ctrl-C, so a server is shut down rather than orphaned."""
    def handler(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)
