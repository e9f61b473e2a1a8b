"""The run without Prefect: plan -> parse what changed -> check across pages -> commit.

`roledata.run.flow` wraps the same steps in Prefect tasks; both produce the same
warehouse. The steps live in their own modules: `session` (lock, journal, runs
with nothing to do), `history` (what the LATEST snapshot carries over), `plan`
(the plan and the listing), `parallel` (parsing side by side), `stage` (the row
store's parts checked across pages), `commit` (publish and upkeep).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from roledata.contract.frames import to_frame
from roledata.contract.tables import TABLES_BY_NAME
from roledata.contract.checks import RejectLog
from roledata.extract.skills import skills_table
from roledata.run.commit import finish
from roledata.run.faults import fault_point
from roledata.run.history import History, read_history
from roledata.run.parallel import parse_all
from roledata.run.plan import Entry, discover, listing, parse_batches, plan_run
from roledata.run.report import RunReport, progress_bar
from roledata.run.session import STAGING, RunSession, run_session, unchanged_run
from roledata.run.stage import FinalTables, Stage
from roledata.run.store import RowStore
from roledata.settings import Settings


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
        paths = discover(settings)
        fault_point("after-discover")
        if (unchanged := unchanged_run(session, paths)) is not None:
            return unchanged
        history = read_history(session)
        entries = plan_run(settings, paths, session.report)
        todo = parse_batches(entries, settings.batch_size)
        with open_stage(session, history) as stage:
            with progress_bar(sum(len(b) for b in todo)) as bar:
                parsed = 0
                for batch, result in zip(todo, parse_all(settings, todo, session.report.started_at, bar.page)):
                    stage.add(result)
                    parsed += len(batch)
                    bar.reached(parsed)
            fault_point("after-parse")
            with check(stage, entries) as final:
                return finish(session, final, stage, history, listing(entries))
