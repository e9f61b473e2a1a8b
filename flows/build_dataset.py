"""The scheduled flow: discover -> parse (one task per batch) -> validate -> load + publish.

Tasks are the I/O and retry boundaries; all logic lives in
`roledata.pipeline`. Results stay in memory (no Prefect result caching):
unchanged documents are skipped by roledata's own parse cache, keyed by
their bytes.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff

from roledata import pipeline
from roledata.document import DocumentResult
from roledata.report import progress_bar, publish_artifacts
from roledata.settings import Settings

# Tasks that touch the file system retry with growing pauses (1 s, 2 s, 4 s).
FS_RETRIES = {"retries": 3, "retry_delay_seconds": exponential_backoff(backoff_factor=1), "cache_policy": NO_CACHE}


@task(name="discover", **FS_RETRIES)
def discover_documents(settings: Settings) -> list[str]:
    return pipeline.discover(settings)


@task(name="read-history", **FS_RETRIES)
def read_previous(session: pipeline.RunSession) -> pipeline.History:
    return pipeline.read_history(session)


@task(name="parse-batch", **FS_RETRIES)
def parse_documents(settings: Settings, paths: list[str], seen_at: datetime) -> list[DocumentResult]:
    return pipeline.parse_files(settings, paths, seen_at)


@task(name="validate", cache_policy=NO_CACHE)
def validate_tables(collected: pipeline.Collected):
    return pipeline.validate(collected)


@task(name="load-and-publish", **FS_RETRIES)
def load_and_publish(session, frames, collected, history) -> pipeline.RunReport:
    return pipeline.finish(session, frames, collected, history)


@flow(name="build-dataset", log_prints=True)
def build_dataset(raw_dir: str, warehouse_dir: str, batch_size: int = 200, full: bool = False,
                  wait_seconds: float = 0) -> pipeline.RunReport:
    settings = Settings(Path(raw_dir), Path(warehouse_dir), batch_size, full, wait_seconds)
    with pipeline.run_session(settings) as session:
        history = read_previous(session)
        paths = discover_documents(settings)
        pipeline.fault_point("after-discover")
        batches = pipeline.batches(paths, settings.batch_size)
        futures = [parse_documents.submit(settings, batch, session.report.started_at) for batch in batches]
        results: list[DocumentResult] = []
        with progress_bar(len(paths)) as advance:
            for future, batch in zip(futures, batches):
                results.extend(future.result())
                advance(len(batch))
        pipeline.fault_point("after-parse")
        collected = pipeline.collect(results, session.report, history)
        frames = validate_tables(collected)
        report = load_and_publish(session, frames, collected, history)
    publish_artifacts(report)
    return report
