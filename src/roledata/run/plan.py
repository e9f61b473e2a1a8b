"""Which pages a run must parse, and parsing them in batches side by side.

A run first plans: for every listed file it learns the document's bytes
hash, from the last published listing when size and mtime are unchanged
(no read), else by reading the file. Pages whose rows the row store keeps
(same bytes, same path, same parser) are not read again; a page with the
same bytes as an earlier one is a duplicate and is not parsed at all. Only
the rest are read again and parsed, in batches of `batch_size` pages to
parse, so a run that changed 100 pages of 10,000 parses one batch.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import TypeVar

from roledata.extract.document import DocumentResult, process_document
from roledata.run.report import page_parsed
from roledata.settings import Settings
from roledata.run.sources import DocumentSource, FolderSource, iter_documents
from roledata.run.store import ParsedBatch, document_key
from roledata.text import display_path, sha256_hex
from roledata.contract.checks import check_batch, check_documents

# A batch with fewer pages to parse is parsed in the flow's own process: starting a
# worker process (~2-3 s) costs more than parsing them.
INLINE_BELOW = 25
T = TypeVar("T")

KEPT, PARSE, DUPLICATE, UNREADABLE = "kept", "parse", "duplicate", "unreadable"


@dataclass
class Entry:
    """One listed file in a run's plan."""
    path: str  # as listed, relative to the raw folder
    stat: list[int] | None  # [size, mtime in ns]; None when the file cannot be read
    document_id: str | None = None
    key: str | None = None  # the row store's key: bytes and path
    state: str = PARSE  # KEPT (rows in the store), PARSE, DUPLICATE, UNREADABLE
    reason: str | None = None  # why unreadable; for a duplicate, the path it repeats

    @property
    def source_path(self) -> str:
        return display_path(self.path)


def file_stat(settings: Settings, path: str) -> list[int] | None:
    try:
        info = (settings.raw_dir / path).stat()
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def plan(settings: Settings, paths: list[str], known: dict[str, list], kept: set[str]) -> list[Entry]:
    """An entry per path, in path order. `known`: path -> [size, mtime_ns, sha256] of the last
    published run; `kept`: the keys the row store holds."""
    source = FolderSource(settings.raw_dir, settings.max_document_bytes)
    first_path: dict[str, str] = {}
    entries = []
    for path in paths:
        entry = Entry(path, file_stat(settings, path))
        saved = known.get(path)
        if entry.stat is not None and saved is not None and len(saved) == 3 and saved[2] and saved[:2] == entry.stat:
            entry.document_id = saved[2]
        else:
            for _, data, error in iter_documents(source, [path]):
                if data is None:
                    entry.state, entry.reason = UNREADABLE, error
                else:
                    entry.document_id = sha256_hex(data)
        if entry.document_id is not None:
            if entry.document_id in first_path:
                entry.state, entry.reason = DUPLICATE, first_path[entry.document_id]
            else:
                first_path[entry.document_id] = entry.source_path
                entry.key = document_key(entry.document_id, entry.source_path)
                entry.state = KEPT if entry.key in kept else PARSE
        entries.append(entry)
    return entries


def listing(entries: list[Entry]) -> dict[str, list]:
    """What the next run needs: path -> [size, mtime_ns, sha256] (sha256 None for a file that could
    not be read: it is read again next time, but while its size and mtime stay it does not stop a
    no-change run; a file made readable by a permission change alone needs `--full`)."""
    return {e.path: [*e.stat, e.document_id if e.state != UNREADABLE else None]
            for e in entries if e.stat is not None}


def parse_batches(entries: list[Entry], size: int) -> list[list[Entry]]:
    todo = [e for e in entries if e.state == PARSE]
    return [todo[i:i + size] for i in range(0, len(todo), size)]


def read_pages(settings: Settings, entries: list[Entry]) -> list[tuple[str, bytes, str, str]]:
    """The bytes of pages to parse: (path, bytes, document_id, key). A file that changed since
    it was planned is parsed as it is now; one that became unreadable is marked so."""
    source = FolderSource(settings.raw_dir, settings.max_document_bytes)
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


def parse_pages(pages: list[tuple[str, bytes, str, str]], seen_at: datetime) -> ParsedBatch:
    """Parse and row-check pages: pure computation, no file access, so it runs wherever the
    executor puts it (a worker process, a Dask worker). Rows come back as Arrow tables."""
    results = []
    for path, data, document_id, _ in pages:
        results.append(process_document(path, data, seen_at, document_id))
        page_parsed()
    return check_batch(results, {document_id: key for _, _, document_id, key in pages})


def parse_batch(source: DocumentSource, paths: list[str], seen_at: datetime) -> list[DocumentResult]:
    """Read, parse and row-check pages in this process, as `DocumentResult`s (no store)."""
    results = []
    for path, data, error in iter_documents(source, paths):
        if data is None:
            results.append(DocumentResult({"document_id": None, "source_path": display_path(path),
                                           "reason": error}, None, {}, error))
        else:
            results.append(process_document(path, data, seen_at))
    check_documents(results)
    return results


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


def parse_all(settings: Settings, batches: list[list[Entry]], seen_at: datetime) -> Iterator[ParsedBatch]:
    """Batches in order, pages parsed by `settings.workers` processes side by side (without Prefect).
    Worker processes start only when a batch is sent to one."""
    with ProcessPoolExecutor(settings.workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        def submit(batch: list[Entry]) -> PendingBatch:
            return dispatch(settings, read_pages(settings, batch), len(batches),
                            lambda pages: parse_pages(pages, seen_at),
                            lambda pages: pool.submit(parse_pages, pages, seen_at))

        for _, parsed in in_order(submit, batches, 2 * settings.workers):
            yield parsed
