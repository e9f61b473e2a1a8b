"""Parsing a run's batches side by side, and the row checks where each batch is parsed.

The run's own process reads the pages (workers need no access to the raw
folder) and sends their bytes to a worker process or a Dask worker, or parses
a small batch itself; each batch comes back row-checked, as one Arrow table
per table, ready for the row store.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import TypeVar

import pyarrow as pa

from roledata.contract.checks import RejectLog, check_rows, frame_rows
from roledata.contract.export import arrow_schema
from roledata.contract.tables import EXTRACTED_TABLES
from roledata.extract.document import DocumentResult, process_document
from roledata.run.plan import UNREADABLE, Entry
from roledata.run.processes import worker_dies_with
from roledata.run.sources import FolderSource, iter_documents
from roledata.run.store import KEY, POS, ParsedBatch, document_key, documents_schema, row_rejects_json
from roledata.settings import Settings
from roledata.text import sha256_hex

# A batch with fewer pages to parse is parsed in the flow's own process: starting a
# worker process (~2-3 s) costs more than parsing them.
INLINE_BELOW = 25
T = TypeVar("T")


def read_pages(settings: Settings, entries: list[Entry]) -> list[tuple[str, bytes, str, str]]:
    """The bytes of pages to parse: (path, bytes, document_id, key). A file that changed since
    it was planned is parsed as it is now; one that became unreadable is marked so."""
    source = FolderSource.of(settings)
    pages = []
    for entry, (_, data, error) in zip(entries, iter_documents(source, [e.path for e in entries])):
        if data is None:
            entry.state, entry.reason = UNREADABLE, error
            continue
        document_id = sha256_hex(data)
        if document_id != entry.document_id:
            entry.document_id, entry.key = document_id, document_key(document_id, entry.source_path)
        pages.append((entry.path, data, entry.document_id, entry.key))
    return pages


def parse_pages(pages: list[tuple[str, bytes, str, str]], seen_at: datetime,
                on_page: Callable[[], None] | None = None) -> ParsedBatch:
    """Parse and row-check pages: pure computation, no file access, so it runs wherever the
    executor puts it (a worker process, a Dask worker). Rows come back as Arrow tables.
    `on_page`: called after each page (a progress bar in the run's own process)."""
    results = []
    for path, data, document_id, _ in pages:
        results.append(process_document(path, data, seen_at, document_id))
        if on_page is not None:
            on_page()
    return check_batch(results, {document_id: key for _, _, document_id, key in pages})


@dataclass
class PendingBatch:
    """A batch being parsed here (done) or somewhere else (a future)."""
    parsed: ParsedBatch | None
    parsing: Future | None = None  # anything with .result(): a concurrent or a Prefect future

    def result(self) -> ParsedBatch:
        return self.parsing.result() if self.parsing is not None else self.parsed


def in_order(submit: Callable[[T], PendingBatch], items: list[T], ahead: int) -> Iterator[tuple[T, object]]:
    """`(item, submit(item).result())` in item order, with at most `ahead` submitted
    items whose result is not yet taken: the next item is submitted before the
    caller gets a result, so workers stay busy while it stores a batch, and
    finished batches never pile up in memory."""
    upcoming = iter(items)
    pending = deque((item, submit(item)) for item in islice(upcoming, max(1, ahead)))
    while pending:
        item, future = pending.popleft()
        result = future.result()
        pending.extend((nxt, submit(nxt)) for nxt in islice(upcoming, 1))
        yield item, result


def parse_here(settings: Settings, pages: list, batch_count: int) -> bool:
    """Whether to parse a batch in the flow's own process rather than send it to a worker."""
    if settings.executor != "local":
        return False  # the user asked for the cluster
    return settings.workers <= 1 or batch_count <= 1 or len(pages) < INLINE_BELOW


def dispatch(settings: Settings, pages: list, batch_count: int,
             parse: Callable[[list], ParsedBatch], send: Callable[[list], Future]) -> PendingBatch:
    """A batch's pages parsed here with `parse`, or sent to a worker with `send`."""
    if parse_here(settings, pages, batch_count):
        return PendingBatch(parse(pages))
    return PendingBatch(None, send(pages))


def parse_all(settings: Settings, batches: list[list[Entry]], seen_at: datetime,
              on_page: Callable[[], None] | None = None) -> Iterator[ParsedBatch]:
    """Batches in order, pages parsed by `settings.workers` processes side by side (without Prefect).
    Worker processes start only when a batch is sent to one."""
    with ProcessPoolExecutor(settings.workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=worker_dies_with, initargs=(os.getpid(),)) as pool:
        def submit(batch: list[Entry]) -> PendingBatch:
            return dispatch(settings, read_pages(settings, batch), len(batches),
                            lambda pages: parse_pages(pages, seen_at, on_page),
                            lambda pages: pool.submit(parse_pages, pages, seen_at))

        for _, parsed in in_order(submit, batches, 2 * settings.workers):
            yield parsed


def check_batch(results: list[DocumentResult], keys: dict[str, str]) -> ParsedBatch:
    """Row checks for a freshly parsed batch, where it was parsed, and its rows straight into
    one Arrow table per table (`keys`: document_id -> store key). Rows failing a check travel
    with their document as `row_rejects`, beside the extractor errors already there."""
    texts = {r.document["document_id"]: r.text or "" for r in results}
    log = RejectLog("", {})
    tables: dict[str, pa.Table] = {}
    for table in EXTRACTED_TABLES:
        rows, positions = [], []
        for result in results:
            for position, row in enumerate(result.tables.get(table.name, ())):
                rows.append(row)
                positions.append(position)
        if not rows:
            continue
        kept = check_rows(table, frame_rows(table, rows, log), texts, log)
        arrow = pa.Table.from_pandas(kept[table.column_names], schema=arrow_schema(table), preserve_index=False)
        arrow = arrow.append_column(KEY, pa.array([keys[rows[i]["document_id"]] for i in kept.index],
                                                        pa.string()))
        tables[table.name] = arrow.append_column(POS, pa.array([positions[i] for i in kept.index],
                                                                      pa.int64()))
    refused: dict[str, list] = defaultdict(list)
    for entry in log.rows:
        refused[entry["document_id"]].append((entry["table_name"], entry["reason"], entry["payload"]))
    documents = []
    for result in results:
        doc_id = result.document["document_id"]
        documents.append(dict(result.document, **{
            KEY: keys[doc_id], "reject_reason": result.reject_reason,
            "row_rejects": row_rejects_json([*result.row_rejects, *refused.get(doc_id, [])])}))
    return ParsedBatch(pa.Table.from_pylist(documents, schema=documents_schema()), tables)
