"""The scheduled flow: discover -> parse (one task per batch) -> validate -> load + publish.

Tasks are the I/O and retry boundaries; all logic lives in
`roledata.pipeline`. Results stay in memory (no caching), since a run
always starts from the raw folder.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from roledata import pipeline
from roledata.document import DocumentResult
from roledata.settings import Settings
from roledata.sources import FolderSource
from roledata.warehouse import History, read_history


@task(name="discover", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def discover_documents(settings: Settings) -> list[str]:
    return pipeline.discover(settings)


@task(name="read-history", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def read_previous(settings: Settings) -> History:
    return read_history(settings.database_path)


@task(name="parse-batch", retries=1, retry_delay_seconds=1, cache_policy=NO_CACHE)
def parse_documents(raw_dir: Path, paths: list[str], seen_at: datetime) -> list[DocumentResult]:
    return pipeline.parse_batch(FolderSource(raw_dir), paths, seen_at)


@task(name="validate", cache_policy=NO_CACHE)
def validate_tables(collected: pipeline.Collected):
    return pipeline.validate(collected)


@task(name="load-and-publish", retries=1, retry_delay_seconds=2, cache_policy=NO_CACHE)
def load_and_publish(settings, frames, collected, report, history) -> pipeline.RunReport:
    return pipeline.finish(settings, frames, collected, report, history)


@flow(name="build-dataset", log_prints=True)
def build_dataset(raw_dir: str, warehouse_dir: str, batch_size: int = 200) -> pipeline.RunReport:
    settings = Settings(Path(raw_dir), Path(warehouse_dir), batch_size)
    report = pipeline.start_run()
    history = read_previous(settings)
    paths = discover_documents(settings)
    futures = [parse_documents.submit(settings.raw_dir, batch, report.started_at)
               for batch in pipeline.batches(paths, settings.batch_size)]
    results = [result for future in futures for result in future.result()]
    collected = pipeline.collect(results, report, history)
    frames = validate_tables(collected)
    return load_and_publish(settings, frames, collected, report, history)
