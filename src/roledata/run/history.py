"""What a run carries over from the LATEST snapshot (its run log, rejects and first-seen times,
plus runs the journal holds that no snapshot records yet), and the guard against publishing a
dataset that collapsed."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from roledata.contract.frames import to_frame
from roledata.contract.tables import TABLES_BY_NAME
from roledata.publish.snapshot import latest_snapshot
from roledata.publish.warehouse import WarehouseError
from roledata.run.report import RunReport
from roledata.run.session import RunSession, journaled_run_row, latest_table
from roledata.settings import Settings
from roledata.text import display_path

if TYPE_CHECKING:
    import pandas as pd


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
    import pandas as pd  # where frames are built (see roledata.contract.frames)

    snapshots_dir = session.settings.snapshots_dir
    latest = latest_snapshot(snapshots_dir)
    runs = latest_table(snapshots_dir, latest, "pipeline_runs")
    rejects = latest_table(snapshots_dir, latest, "rejects")
    docs = latest_table(snapshots_dir, latest, "documents", ["document_id", "first_seen_at", "status"])
    first_seen = {d["document_id"]: pd.Timestamp(d["first_seen_at"]) for d in docs}
    parsed = sum(d["status"] == "parsed" for d in docs)
    recorded = {r["run_id"] for r in runs}
    unfinished = session.state.unfinished(exclude=session.report.run_id)
    # Killed after its commit point (or after recording others): the snapshot already tells.
    session.state.forget([e["run_id"] for e in unfinished if e["run_id"] in recorded])
    failed = [e for e in unfinished if e["run_id"] not in recorded]
    runs += [journaled_run_row(e) for e in failed]
    return History(to_frame(TABLES_BY_NAME["pipeline_runs"], runs), to_frame(TABLES_BY_NAME["rejects"], rejects),
                   first_seen, [e["run_id"] for e in failed], parsed)


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
