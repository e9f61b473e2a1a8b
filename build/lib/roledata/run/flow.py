"""The scheduled flow: discover -> parse (one task per batch) -> validate -> load + publish.

Parse tasks run side by side in worker processes (`workers`), or on a Dask
cluster (`executor="dask"`); everything that writes runs in the flow's own
process.

Tasks are the I/O and retry boundaries; all logic lives in
`roledata.run.pipeline` and `roledata.run.stage`. Parsed batches are staged to
Parquet parts of the row store as they arrive, so memory holds a few
batches, not the corpus (no Prefect result caching: unchanged pages are
reused from roledata's own row store, keyed by their bytes and path).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner
from prefect.tasks import exponential_backoff
from prefect.utilities.annotations import quote

from roledata.run.commit import finish
from roledata.run.faults import fault_point
from roledata.run.history import History, read_history
from roledata.run.pipeline import check, open_stage
from roledata.run.parallel import PendingBatch, dispatch, in_order, parse_pages, read_pages
from roledata.run.plan import Entry, discover, listing, parse_batches, plan_run
from roledata.run.processes import worker_dies_with
from roledata.run.report import RunReport, progress_bar, publish_artifacts
from roledata.run.session import RunSession, run_session, unchanged_run
from roledata.run.stage import FinalTables, Stage
from roledata.run.store import ParsedBatch
from roledata.settings import Settings, resolve_settings

# Tasks that touch the file system retry with growing pauses (1 s, 2 s, 4 s).
FS_RETRIES = {"retries": 3, "retry_delay_seconds": exponential_backoff(backoff_factor=1), "cache_policy": NO_CACHE}


@task(name="discover", **FS_RETRIES)
def discover_documents(settings: Settings) -> list[str]:
    return discover(settings)


@task(name="read-history", **FS_RETRIES)
def read_previous(session: RunSession) -> History:
    return read_history(session)


@task(name="plan", **FS_RETRIES)
def plan_documents(settings: Settings, paths: list[str], report: RunReport) -> list[Entry]:
    return plan_run(settings, paths, report)


@task(name="read-batch", **FS_RETRIES)
def read_documents(settings: Settings, batch: list[Entry]) -> list[tuple[str, bytes, str, str]]:
    return read_pages(settings, batch)


@task(name="parse-batch", cache_policy=NO_CACHE)
def parse_documents(pages: list[tuple[str, bytes, str, str]], seen_at: datetime,
                    on_page: Callable[[], None] | None = None) -> ParsedBatch:
    return parse_pages(pages, seen_at, on_page)


@task(name="store-batch", cache_policy=NO_CACHE)
def store_batch(stage: Stage, parsed: ParsedBatch) -> None:
    """One parsed batch's Parquet parts into the row store, in the flow's process (the one writer)."""
    stage.add(parsed)


@task(name="check-across-pages", cache_policy=NO_CACHE)
def check_across_pages(stage: Stage, entries: list[Entry]) -> FinalTables:
    return check(stage, entries)


# No retries: a retry after the commit point would publish the same run twice.
@task(name="load-and-publish", cache_policy=NO_CACHE)
def load_and_publish(session, final, stage, history, files) -> RunReport:
    return finish(session, final, stage, history, files)


def parse_runner(settings: Settings, batch_count: int) -> TaskRunner:
    """Where parse tasks run: a Dask cluster or worker processes (a batch that
    `batching.parse_here` keeps is parsed in this process). Parse tasks get the pages' bytes,
    so workers need no access to the raw folder; every read and write stays here.
    Worker processes start on the first submit: a run with nothing to parse starts none."""
    if settings.executor == "dask":
        from prefect_dask import DaskTaskRunner

        if settings.dask_address:
            return DaskTaskRunner(address=settings.dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": settings.workers, "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})
    return ProcessPoolTaskRunner(max_workers=max(1, min(settings.workers, batch_count)),
                                 initializer=worker_dies_with, initargs=(os.getpid(),))


@flow(name="build-dataset", log_prints=True)
def build_dataset(raw_dir: str | None = None, warehouse_dir: str | None = None, batch_size: int | None = None,
                  full_rebuild: bool | None = None, wait_seconds: float | None = None,
                  max_document_bytes: int | None = None, workers: int | None = None, executor: str | None = None,
                  dask_address: str | None = None, shrink_limit: float | None = None,
                  allow_shrink: bool | None = None, prefect_start_timeout: float | None = None,
                  keep: int | None = None, allow_links_outside: bool | None = None,
                  started_at: str | None = None) -> RunReport:
    """The settings are the flow's parameters, resolved like the command line's: a value given
    (by `roledata run`, which gives them all, or by a deployment), else its ROLEDATA_* variable
    in the worker's environment, else the default (`roledata.settings.resolve_settings`).

    `started_at`: when the command that asked for this run began (ISO 8601), so the run's
    seconds include Prefect's start; a scheduled run starts when its flow run does. (A string,
    not a datetime: Prefect resolves a served flow's parameter types from its source text.)"""
    settings = resolve_settings(
        raw_dir=raw_dir, warehouse_dir=warehouse_dir, batch_size=batch_size, full_rebuild=full_rebuild,
        wait_seconds=wait_seconds, max_document_bytes=max_document_bytes, workers=workers, executor=executor,
        dask_address=dask_address, shrink_limit=shrink_limit, allow_shrink=allow_shrink,
        prefect_start_timeout=prefect_start_timeout, keep=keep, allow_links_outside=allow_links_outside)
    report = _build(settings, datetime.fromisoformat(started_at) if started_at else None)
    publish_artifacts(report)
    return report


def _build(settings: Settings, started_at: datetime | None) -> RunReport:
    with run_session(settings, started_at) as session:
        paths = discover_documents(settings)
        fault_point("after-discover")
        if (unchanged := unchanged_run(session, paths)) is not None:
            return unchanged
        history = read_previous(session)
        entries = plan_documents(settings, paths, session.report)
        batches = parse_batches(entries, settings.batch_size)
        # quote(): Prefect would otherwise walk every row of these arguments looking for futures.
        with open_stage(session, history) as stage:
            with parse_runner(settings, len(batches)) as runner, progress_bar(sum(map(len, batches))) as bar:
                seen_at = session.report.started_at

                def submit(batch: list[Entry]) -> PendingBatch:
                    # Read here (workers need no access to the raw folder); parse where the runner says.
                    # quote(batch): read_pages updates these very entries (a page changed or gone since the plan).
                    return dispatch(
                        settings, read_documents(settings, quote(batch)), len(batches),
                        lambda pages: parse_documents(quote(pages), seen_at, bar.page),
                        lambda pages: runner.submit(parse_documents, {"pages": pages, "seen_at": seen_at}))

                parsed = 0
                for batch, result in in_order(submit, batches, 2 * settings.workers):
                    store_batch(quote(stage), quote(result))
                    parsed += len(batch)
                    bar.reached(parsed)
            fault_point("after-parse")
            with check_across_pages(quote(stage), quote(entries)) as final:
                return load_and_publish(session, quote(final), quote(stage), quote(history),
                                        quote(listing(entries)))
