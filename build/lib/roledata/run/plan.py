"""Which pages a run must parse: the plan, against the listing of the last published run.

A run first plans: for every listed file it learns the document's bytes
hash, from the last published listing when size and mtime are unchanged
(no read), else by reading the file. Pages whose rows the row store keeps
(same bytes, same path, same parser) are not read again; a page with the
same bytes as an earlier one is a duplicate and is not parsed at all. Only
the rest are read again and parsed, in batches of `batch_size` pages to
parse, so a run that changed 100 pages of 10,000 parses one batch.

The listing (`<state>/listing.json`) is what the last published run saw:
each file's size, mtime and sha256, the snapshot, and the code that made it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from roledata.files import write_atomic
from roledata.publish.warehouse import database_problem
from roledata.run.fingerprint import parser_fingerprint, publisher_fingerprint
from roledata.run.sources import UNREADABLE_FOLDER, FolderSource, iter_documents
from roledata.run.report import RunReport
from roledata.run.store import RowStore, document_key
from roledata.settings import Settings
from roledata.text import display_path, sha256_hex

LISTING = "listing.json"  # under the state folder: the files and code behind the LATEST snapshot
STORE_FOLDER = ".roledata/rows"  # how the report names the row store
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
    source = FolderSource.of(settings)
    first_path: dict[str, str] = {}
    entries = []
    for path in _with_pages_of_unlisted_folders(paths, known):
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


def _with_pages_of_unlisted_folders(paths: list[str], known: dict[str, list]) -> list[str]:
    """`paths`, and after a folder that could not be listed (`sub/`) the pages the last listing had
    in it: each becomes a reject naming its folder, so no page leaves the dataset in silence."""
    out = []
    for path in paths:
        out.append(path)
        if path.endswith(UNREADABLE_FOLDER):
            out += sorted(p for p in known if p.startswith(path) and p != path and p not in paths)
    return out


def listing(entries: list[Entry]) -> dict[str, list]:
    """What the next run needs: path -> [size, mtime_ns, sha256]. A file or folder that could not be
    read is listed with sha256 None (size and mtime too when unknown): it is remembered, and it is
    read again by the next run, which is never a no-change run while it is there."""
    return {e.path: [*(e.stat or [None, None]), e.document_id if e.state != UNREADABLE else None]
            for e in entries}


def parse_batches(entries: list[Entry], size: int) -> list[list[Entry]]:
    todo = [e for e in entries if e.state == PARSE]
    return [todo[i:i + size] for i in range(0, len(todo), size)]


def discover(settings: Settings) -> list[str]:
    return FolderSource.of(settings).list_paths()


def plan_run(settings: Settings, paths: list[str], report: RunReport) -> list[Entry]:
    """Every listed file's state: rows kept in the row store, to parse, a duplicate, unreadable.
    A full rebuild forgets the store and the listing first. The store's parts are checked against
    their checksums first: a part that fails is set aside (a warning in `report`), so its pages
    are parsed again."""
    store = RowStore(settings.state_dir)
    if settings.full_rebuild:
        store.clear()
        return plan(settings, paths, {}, set())
    for problem in store.verify():
        report.warnings.append({"source_path": STORE_FOLDER, "warning": problem})
    return plan(settings, paths, saved_listing(settings).get("files", {}), set(store.index()))


def saved_listing(settings: Settings) -> dict:
    """What the last published run recorded: {"snapshot", "parser", "publisher", "files": path -> [size, mtime_ns, sha256]}."""
    try:
        saved = json.loads((settings.state_dir / LISTING).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return saved if isinstance(saved, dict) and isinstance(saved.get("files"), dict) else {}


def record_listing(settings: Settings, files: dict, snapshot_id: str) -> None:
    """The files and code behind `snapshot_id`, for the next run's no-change check and plan."""
    write_atomic(settings.state_dir / LISTING, json.dumps(
        {"snapshot": snapshot_id, "parser": parser_fingerprint(), "publisher": publisher_fingerprint(),
         "files": files}))


def files_unchanged(settings: Settings, paths: list[str]) -> bool:
    """Whether the files (path, size, mtime) are those of the last published listing: no file is opened."""
    files = saved_listing(settings).get("files")
    if files is None or set(files) != set(paths):
        return False
    # A file the last run could not read is read again: it may be readable now.
    return all(files[p][2] is not None and file_stat(settings, p) == files[p][:2] for p in paths)


def built_with(settings: Settings, latest: str) -> bool:
    """Whether the warehouse was built from `latest` by this parser and publisher, and opens: the
    listing is recorded after the database is swapped in (a run killed between its commit and that
    swap left an older database) and names the code that made them; a file cut short or lost is
    built again from the row store, even when no page changed."""
    saved = saved_listing(settings)
    return (saved.get("snapshot"), saved.get("parser"), saved.get("publisher")) == \
        (latest, parser_fingerprint(), publisher_fingerprint()) and database_problem(settings.database_path) is None
