"""The run, as plain functions: plan -> parse what changed -> check across pages -> publish.

`roledata.run.flow` (deployed from `flows/build_dataset.py`) wraps these steps in
Prefect tasks; `run_pipeline` calls them directly (tests, benchmarks,
embedding). Both produce the same warehouse. The jobs live in their own
modules: `session` (lock, journal, history, runs that end early), `batching`
(the plan and parsing side by side), `stage` (the row store's parts checked
across pages), `commit` (publish and upkeep).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from roledata.run.plan import (Entry, PendingBatch, dispatch, in_order, listing, parse_all, parse_batch,
                               parse_batches, parse_pages, plan, read_pages)
from roledata.run.commit import finish
from roledata.extract.skills import skills_table
from roledata.run.report import RunReport, progress_bar
from roledata.run.journal import fault_point
from roledata.contract.frames import to_frame
from roledata.contract.tables import TABLES_BY_NAME
from roledata.run.session import (STAGING, CollapseRefused, History, RunSession, read_history, recent_runs,
                              record_failed_start, run_session, saved_listing, skip_if_unchanged)
from roledata.settings import Settings
from roledata.run.sources import FolderSource
from roledata.run.stage import FinalTables, Stage
from roledata.run.store import RowStore
from roledata.contract.checks import RejectLog

# The run's steps in one namespace, for the flow, the CLI and the tests.
__all__ = ["CollapseRefused", "Entry", "History", "PendingBatch", "RunReport", "RunSession", "check", "discover",
           "dispatch", "fault_point", "finish", "in_order", "listing", "open_stage", "parse_all", "parse_batch",
           "parse_batches", "parse_pages", "plan_run", "read_history", "read_pages", "recent_runs",
           "record_failed_start", "run_pipeline", "run_session", "skip_if_unchanged"]


def discover(settings: Settings) -> list[str]:
    return FolderSource(settings.raw_dir).list_paths()


def plan_run(settings: Settings, paths: list[str]) -> list[Entry]:
    """Every listed file's state: rows kept in the row store, to parse, a duplicate, unreadable.
    A full rebuild forgets the store and the listing first."""
    store = RowStore(settings.state_dir)
    if settings.full_rebuild:
        store.clear()
        return plan(settings, paths, {}, set())
    return plan(settings, paths, saved_listing(settings).get("files", {}), set(store.index()))


@contextmanager
def open_stage(session: RunSession, history: History) -> Iterator[Stage]:
    """Where this run's parsed batches go (the row store) and its rejects are logged."""
    settings = session.settings
    stage = Stage(settings.state_dir / STAGING / session.report.run_id, RowStore(settings.state_dir),
                  RejectLog(session.report.run_id, {}), history.first_seen, session.report)
    try:
        yield stage
    finally:
        stage.close()


def check(stage: Stage, entries: list[Entry]) -> FinalTables:
    """Checks across pages: roles merged, keys unique, references known."""
    return stage.finish(entries, to_frame(TABLES_BY_NAME["skills"], skills_table()))


def run_pipeline(settings: Settings, started_at: datetime | None = None) -> RunReport:
    """The whole run without Prefect."""
    with run_session(settings, started_at) as session:
        history = read_history(session)
        paths = discover(settings)
        fault_point("after-discover")
        if (unchanged := skip_if_unchanged(session, history, paths)) is not None:
            return unchanged
        entries = plan_run(settings, paths)
        todo = parse_batches(entries, settings.batch_size)
        with open_stage(session, history) as stage:
            with progress_bar(sum(len(b) for b in todo)) as reached:
                parsed = 0
                for batch, result in zip(todo, parse_all(settings, todo, session.report.started_at)):
                    stage.add(result)
                    parsed += len(batch)
                    reached(parsed)
            fault_point("after-parse")
            with check(stage, entries) as final:
                return finish(session, final, stage, history, listing(entries))
