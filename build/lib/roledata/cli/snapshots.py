"""`roledata snapshots` (list, prune) and `roledata runs`: what was published, and every run."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import pandas as pd
import typer

from roledata.catalog.build import build_catalog
from roledata.cli.common import (COMMAND_STARTED, OutputFormat, ReportFormat, WarehouseOption, fail, format_rows,
                                 warehouse_paths)
from roledata.publish.snapshot import latest_snapshot, list_snapshots, prune_snapshots
from roledata.publish.warehouse import WarehouseError
from roledata.run.history import recent_runs
from roledata.run.journal import RunLockedError, RunState

snapshots_app = typer.Typer(invoke_without_command=True,
                            help="List published snapshots, newest first; `prune` removes old ones.")


@snapshots_app.callback()
def snapshots(ctx: typer.Context, warehouse: Optional[Path] = WarehouseOption,
              output: ReportFormat = typer.Option(ReportFormat.text, "--format", help="text or json")) -> None:
    """List published snapshots, newest first; `roledata snapshots prune --keep N` removes old ones."""
    if ctx.invoked_subcommand is not None:
        return
    settings = warehouse_paths(warehouse)
    found = list_snapshots(settings.snapshots_dir)
    if not found:
        fail(f"no snapshots in {settings.snapshots_dir}: run `roledata run` first")
    latest = latest_snapshot(settings.snapshots_dir)
    if output is ReportFormat.json:
        typer.echo(json.dumps([{"snapshot_id": m["snapshot_id"], "created_at": m["created_at"],
                                "parser_version": m["parser_version"], "latest": m["snapshot_id"] == latest,
                                "rows": {t: v["rows"] for t, v in m["tables"].items()},
                                "folder": str(settings.snapshots_dir / m["snapshot_id"])} for m in found], indent=2))
        return
    for m in found:
        rows = sum(t["rows"] for t in m["tables"].values())
        mark = "  (LATEST)" if m["snapshot_id"] == latest else ""
        typer.echo(f"{m['snapshot_id']}  {m['created_at']}  parser {m['parser_version']}  {rows} rows{mark}")
    typer.echo(f"folder: {settings.snapshots_dir}")


@snapshots_app.command("prune")
def snapshots_prune(keep: int = typer.Option(..., "--keep", min=1, metavar="N",
                                             help="how many of the newest snapshots to keep (LATEST always stays)"),
                    warehouse: Optional[Path] = WarehouseOption,
                    wait: float = typer.Option(0, "--wait", min=0, metavar="SECONDS",
                                               help="if a run holds the warehouse, wait up to this long for it")) -> None:
    """Remove all but the N newest snapshots (folders and zips); the catalog lists what was pruned."""
    settings = warehouse_paths(warehouse)
    if not list_snapshots(settings.snapshots_dir):
        fail(f"no snapshots in {settings.snapshots_dir}: run `roledata run` first")
    try:
        with RunState(settings.warehouse_dir).lock(f"prune-{COMMAND_STARTED:%Y%m%dT%H%M%S%fZ}", wait):
            removed = prune_snapshots(settings.snapshots_dir, keep)
            build_catalog(settings.snapshots_dir)
    except RunLockedError as exc:
        fail(str(exc))
    except OSError as exc:  # a read-only warehouse, a full disk
        fail(f"cannot prune the snapshots in {settings.snapshots_dir}: {exc.strerror or exc}")
    kept = len(list_snapshots(settings.snapshots_dir))
    names = ", ".join(r["snapshot_id"] for r in removed) or "none"
    typer.echo(f"pruned {len(removed)} snapshot{'s' if len(removed) != 1 else ''} ({names}); {kept} kept")


def runs(warehouse: Optional[Path] = WarehouseOption,
         limit: int = typer.Option(20, min=1, metavar="N", help="how many runs to show"),
         output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, csv or json")) -> None:
    """List recent runs, newest first: status, documents and rows, and why a failed run failed."""
    settings = warehouse_paths(warehouse)
    try:
        found = recent_runs(settings.warehouse_dir)[:limit]
    except WarehouseError as exc:
        fail(str(exc))
    if not found:
        fail(f"no runs recorded in {settings.warehouse_dir}: run `roledata run` first")
    columns = ["run_id", "status", "started_at", "seconds", "seen", "parsed", "unchanged", "rejected", "message"]
    rows = []
    for r in found:
        started, finished = r.get("started_at"), r.get("finished_at")
        rows.append((r["run_id"], r["status"], str(started)[:19] if started else None, _seconds(started, finished),
                     r.get("documents_seen"), r.get("documents_parsed"), r.get("documents_unchanged"),
                     r.get("documents_rejected"), r.get("message")))
    typer.echo(format_rows(columns, rows, output.value), nl=False)


def _seconds(started, finished) -> float | None:
    if started is None or finished is None:
        return None
    return round((pd.Timestamp(finished) - pd.Timestamp(started)).total_seconds(), 1)
