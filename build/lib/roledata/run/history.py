"""What a run carries over from the LATEST snapshot (its run log, rejects and first-seen times,
plus runs the journal holds that no snapshot records yet), and the guard against publishing a
dataset that collapsed."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from roledata import PARSER_VERSION
from roledata.contract.frames import to_frame
from roledata.contract.tables import TABLES_BY_NAME
from roledata.publish.snapshot import latest_snapshot, read_snapshot_table
from roledata.publish.warehouse import WarehouseError
from roledata.run.journal import RunState
from roledata.run.report import RunReport
from roledata.run.session import RunSession
from roledata.settings import Settings
from roledata.text import display_path


@dataclass
class History:
    """What a run carries over from the last published snapshot."""
    runs: pd.DataFrame
    rejects: pd.DataFrame
    first_seen: dict[str, pd.Timestamp]
    failed_runs: list[str] = field(default_factory=list)  # journal entries this run records
    documents: int = 0  # documents parsed into the current dataset (rejected ones not counted)


class CollapseRefused(WarehouseError):
    """A run that would publish an empty or much smaller dataset than the current one."""


def read_history(session: RunSession) -> History:
    """Run log, rejects and first-seen times from the LATEST snapshot, plus runs that never finished."""
    snapshots_dir = session.settings.snapshots_dir
    latest = latest_snapshot(snapshots_dir)
    runs = _latest_table(snapshots_dir, latest, "pipeline_runs")
    rejects = _latest_table(snapshots_dir, latest, "rejects")
    docs = _latest_table(snapshots_dir, latest, "documents", ["document_id", "first_seen_at", "status"])
    first_seen = {d["document_id"]: pd.Timestamp(d["first_seen_at"]) for d in docs}
    parsed = sum(d["status"] == "parsed" for d in docs)
    recorded = {r["run_id"] for r in runs}
    unfinished = session.state.unfinished(exclude=session.report.run_id)
    # Killed after its commit point (or after recording others): the snapshot already tells.
    session.state.forget([e["run_id"] for e in unfinished if e["run_id"] in recorded])
    failed = [e for e in unfinished if e["run_id"] not in recorded]
    runs += [_journaled_run_row(e) for e in failed]
    return History(to_frame(TABLES_BY_NAME["pipeline_runs"], runs), to_frame(TABLES_BY_NAME["rejects"], rejects),
                   first_seen, [e["run_id"] for e in failed], parsed)


def recent_runs(warehouse_dir: Path) -> list[dict]:
    """Runs newest first: those the LATEST snapshot records, then any it cannot know yet
    (the one running now, and runs that stopped since and are not recorded)."""
    snapshots_dir = Settings(warehouse_dir, warehouse_dir).snapshots_dir
    runs = _latest_table(snapshots_dir, latest_snapshot(snapshots_dir), "pipeline_runs")
    recorded = {r["run_id"] for r in runs}
    state = RunState(warehouse_dir)
    holder = (state.holder() or {}).get("run_id")
    for entry in state.unfinished():
        if entry["run_id"] in recorded:
            continue
        row = _journaled_run_row(entry)
        if entry["run_id"] == holder:
            row.update(status="running", message=None)
        runs.append(row)
    return sorted(runs, key=lambda r: r["run_id"], reverse=True)


def _latest_table(snapshots_dir: Path, latest: str | None, name: str, columns: list[str] | None = None) -> list[dict]:
    """Rows of one table of the LATEST snapshot; none before the first run."""
    if latest is None:
        return []
    try:
        return read_snapshot_table(snapshots_dir, latest, name, columns)
    except (OSError, ValueError) as exc:
        raise WarehouseError(f"cannot read the latest snapshot {latest}: {exc}") from None


def _journaled_run_row(entry: dict) -> dict:
    """A run the LATEST snapshot does not record yet: as the journal says (a run that found
    nothing changed journals its whole row), else failed."""
    if entry.get("status") == "succeeded" and entry.get("row"):
        row = dict(entry["row"])
        for key in ("started_at", "finished_at"):
            if row.get(key):
                row[key] = pd.Timestamp(row[key])
        return row
    return _failed_run_row(entry)


def _failed_run_row(entry: dict) -> dict:
    message = entry.get("message") or f"process {entry.get('pid', '?')} stopped before the run finished (killed?)"
    return {"run_id": entry["run_id"], "started_at": entry.get("started_at"), "finished_at": entry.get("finished_at"),
            "status": "failed", "parser_version": entry.get("parser_version") or PARSER_VERSION, "message": message}


def refuse_collapse(settings: Settings, report: RunReport, history: History, documents: int) -> None:
    """Publish nothing from an empty folder, or from one that yields far fewer documents
    than the current dataset (a folder briefly unmounted, a sync gone wrong)."""
    if settings.allow_shrink:
        return
    current = history.documents
    if report.documents_seen == 0:
        why = "the folder is empty"
    elif documents < settings.shrink_limit * current:
        why = f"under {settings.shrink_limit:.0%} of the current dataset"
    else:
        return
    raise CollapseRefused(
        f"refusing to publish: {display_path(str(settings.raw_dir))} yields {documents} documents, the current "
        f"dataset has {current} ({why}); warehouse and snapshots left as they were (--allow-shrink publishes anyway)")
