"""A run's session: the lock, the journal, what killed runs left behind, and the run that ends at
once because nothing changed since the LATEST snapshot.

This module stays light (no pandas, no Prefect): `roledata run` asks it whether there is anything
to do before it starts Prefect, so a run with nothing to do answers in well under a second.
"""
from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone

from roledata import PARSER_VERSION
from roledata.contract.tables import DATA_TABLES
from roledata.publish.snapshot import (latest_problem, latest_snapshot, mark_latest, read_snapshot_table,
                                       remove_unpublished)
from roledata.publish.warehouse import record_run, remove_temporary
from roledata.run.faults import fault_point
from roledata.run.journal import RunState
from roledata.run.plan import built_with, discover, files_unchanged
from roledata.run.report import RunReport, start_run
from roledata.run.upkeep import catalog_behind, update_catalog
from roledata.settings import Settings

STAGING = "staging"  # under the state folder: DuckDB's spill space while a run checks its rows


@dataclass
class RunSession:
    """A run that holds the warehouse: its settings, report and journal."""
    settings: Settings
    report: RunReport
    state: RunState


@contextmanager
def run_session(settings: Settings, started_at: datetime | None = None) -> Iterator[RunSession]:
    """Take the run lock, clear what killed runs left behind, journal this run.

    A run that raises is journaled as failed with the error; a run that is
    killed stays journaled as started. Either way the next run records it.
    """
    report = start_run(started_at)
    state = RunState(settings.warehouse_dir)
    with state.lock(report.run_id, settings.wait_seconds):
        state.begin(report.run_id, report.started_at, PARSER_VERSION)
        try:
            for problem in _clear_leftovers(settings, state, report.run_id):
                report.warnings.append({"source_path": "snapshots/LATEST", "warning": problem})
            fault_point("after-start")
            yield RunSession(settings, report, state)
        except BaseException as exc:
            state.fail(report.run_id, f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
            raise


def _clear_leftovers(settings: Settings, state: RunState, run_id: str) -> list[str]:
    """Under the lock nothing else is writing: anything half-built belongs to a dead run. A LATEST
    that is missing, empty or names no snapshot is healed first (the commit point must name the
    current snapshot): it names the newest complete snapshot of a run that committed. Returns a
    line saying so, for the run's report."""
    remove_temporary(settings.warehouse_dir)
    shutil.rmtree(settings.state_dir / STAGING, ignore_errors=True)
    remove_unpublished(settings.snapshots_dir)
    unfinished = {entry["run_id"] for entry in state.unfinished(exclude=run_id)}
    healed = []
    if (problem := latest_problem(settings.snapshots_dir)) is not None:
        current = latest_snapshot(settings.snapshots_dir, exclude=unfinished)
        if current is not None:
            mark_latest(settings.snapshots_dir, current)
            healed.append(f"{problem}: the newest complete snapshot, {current}, is the current one again")
    latest = latest_snapshot(settings.snapshots_dir)
    for unfinished_run in unfinished:
        if unfinished_run != latest:  # stopped before its commit: a snapshot it renamed into place is void
            shutil.rmtree(settings.snapshots_dir / unfinished_run, ignore_errors=True)
    return healed


def record_failed_start(settings: Settings, started_at: datetime, message: str) -> str:
    """Journal a run that failed before it could start (Prefect's server did not come up):
    `roledata runs` lists it and the next run records it in `pipeline_runs`."""
    report = start_run(started_at)
    state = RunState(settings.warehouse_dir)
    state.begin(report.run_id, report.started_at, PARSER_VERSION)
    state.fail(report.run_id, message)
    return report.run_id


# ---------------------------------------------------------------- runs with nothing to do

def nothing_to_do(settings: Settings, paths: list[str] | None = None) -> str | None:
    """The LATEST snapshot's id when the files (path, size, mtime) and the code are those behind it,
    so there is nothing to rebuild or publish; None otherwise. A directory listing's cost: no
    file is opened, no lock taken (a run that acts on the answer asks again under the lock)."""
    latest = latest_snapshot(settings.snapshots_dir)
    if settings.full_rebuild or latest is None or not built_with(settings, latest):
        return None
    return latest if files_unchanged(settings, discover(settings) if paths is None else paths) else None


def answer_if_unchanged(settings: Settings, started_at: datetime | None = None) -> RunReport | None:
    """A whole run when nothing changed (journaled, recorded in the warehouse's `pipeline_runs`),
    else None without taking the lock: the caller then runs the flow."""
    if nothing_to_do(settings) is None:
        return None
    with run_session(settings, started_at) as session:
        return unchanged_run(session, discover(settings))


def unchanged_run(session: RunSession, paths: list[str]) -> RunReport | None:
    """Under the lock: end the run here when nothing changed, else None."""
    latest = nothing_to_do(session.settings, paths)
    if latest is None:
        return None
    return nothing_published(session, latest, len(paths),
                             f"nothing changed since snapshot {latest}: nothing rebuilt or published")


def nothing_published(session: RunSession, latest: str, seen: int, message: str,
                      counted: bool = False, rejects: list[dict] | None = None) -> RunReport:
    """End a run that leaves the dataset as it is: journaled as succeeded, naming the current
    snapshot, and its row added to the live warehouse's `pipeline_runs` (the next publishing run
    records it in its snapshot). `counted`: the run counted its documents itself (it planned and
    parsed before finding the same rows); `rejects`: the current rejects
    when the caller has them, else read from the snapshot."""
    settings, report = session.settings, session.report
    folder = settings.snapshots_dir / latest
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    if not counted:
        documents = sum(s == "parsed" for s in _column(settings, latest, "documents", "status"))
        report.documents_seen, report.documents_unchanged = seen, documents
        report.documents_rejected = seen - documents
    if rejects is None:
        rejects = read_snapshot_table(settings.snapshots_dir, latest, "rejects")
    report.status, report.snapshot_id, report.message = "succeeded", latest, message
    report.rejects = rejects  # the current rejects, unchanged too
    report.row_counts = {t.name: manifest["tables"][t.name]["rows"] for t in sorted(DATA_TABLES, key=lambda t: t.name)}
    if catalog_behind(settings.snapshots_dir):  # a run that published left it undone
        update_catalog(settings, report)
    report.finished_at = datetime.now(timezone.utc)
    row = report.as_row()
    session.state.succeed(report.run_id, row)
    record_run(settings.database_path, row)
    return report


def _column(settings: Settings, snapshot_id: str, table: str, column: str) -> list:
    return [r[column] for r in read_snapshot_table(settings.snapshots_dir, snapshot_id, table, [column])]
