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

A posting export (`.csv`, `.jsonl`, `.parquet`) is many documents: the plan
streams it once and gives each row an entry of its own (`Entry.row`, its
label), keyed in the row store by the row's bytes and `<file>#<label>`, so an
edited row is the only one parsed again. The rows to parse are written to the
run's spool (`Spool`) as they stream by, and read back a batch at a time:
memory holds entries, never the export. The listing keeps each export's rows
(label and sha256), so an export whose size and mtime are unchanged is not
opened, like any other file.
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from roledata.files import sha256_file, write_atomic
from roledata.formats.exports import ROW_MARK, ExportError, is_export, parse_columns, read_export
from roledata.publish.warehouse import database_problem
from roledata.run import fingerprint  # looked up at each call: tests stand in another code
from roledata.run.sources import UNREADABLE_FOLDER, FolderSource, UnreadableDocument, iter_documents
from roledata.run.report import RunReport
from roledata.run.store import RowStore, document_key
from roledata.settings import Settings
from roledata.text import display_path, sha256_hex

LISTING = "listing.json"  # under the state folder: the files and code behind the LATEST snapshot
STORE_FOLDER = ".roledata/rows"  # how the report names the row store
SPOOL = "spool"  # under the state folder: the rows of exports this run parses, written by its plan
KEPT, PARSE, DUPLICATE, UNREADABLE = "kept", "parse", "duplicate", "unreadable"
# An export file itself (its rows are the documents), and an export the plan refused whole (broken quote,
# not UTF-8, no description column): one reject, remembered in the listing like any read file.
EXPORT, REJECTED = "export", "rejected"


@dataclass
class Entry:
    """One listed file in a run's plan, or one row of a listed export."""
    path: str  # as listed, relative to the raw folder
    stat: list[int] | None  # [size, mtime in ns]; None when the file cannot be read
    document_id: str | None = None
    key: str | None = None  # the row store's key: bytes and path
    state: str = PARSE  # KEPT (rows in the store), PARSE, DUPLICATE, UNREADABLE; EXPORT, REJECTED
    reason: str | None = None  # why unreadable or rejected; for a duplicate, the path it repeats
    row: str | None = None  # an export row's label (`job_id=3904`): this entry is that row
    spool: list[int] | None = None  # [offset, length] of a row's bytes in the run's spool

    @property
    def source_path(self) -> str:
        path = display_path(self.path)
        return path if self.row is None else f"{path}{ROW_MARK}{self.row}"


class Spool:
    """The bytes of the export rows a run parses, appended as its plan streams the exports and read
    back by batch: a 100,000-row export costs disk here, not memory. One run at a time holds the
    warehouse, so one spool file serves it; the run removes it (`remove`), the next plan too."""

    def __init__(self, state_dir: Path):
        self.path = Path(state_dir) / SPOOL / "rows.bin"
        self._writer = None
        self._size = 0

    def put(self, data: bytes) -> list[int]:
        if self._writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._writer = open(self.path, "wb")  # noqa: SIM115 (kept open while the plan streams)
        self._writer.write(data)
        offset, self._size = self._size, self._size + len(data)
        return [offset, len(data)]

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def read(self, where: list[int]) -> bytes:
        with open(self.path, "rb") as fh:
            fh.seek(where[0])
            return fh.read(where[1])

    @staticmethod
    def remove(state_dir: Path) -> None:
        shutil.rmtree(Path(state_dir) / SPOOL, ignore_errors=True)


def file_stat(settings: Settings, path: str) -> list[int] | None:
    try:
        info = os.stat(os.path.join(settings.raw_dir, path))  # no Path: run once per file of the folder
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def plan(settings: Settings, paths: list[str], known: dict[str, list], kept: set[str]) -> list[Entry]:
    """An entry per path, in path order (an export: its entry, then one per row). `known`: path ->
    [size, mtime_ns, sha256] of the last published run ([..., {"rows": [[label, sha256], ...]}] for an
    export); `kept`: the keys the row store holds."""
    source = FolderSource.of(settings)
    spool = Spool(settings.state_dir)
    columns = parse_columns(settings.columns)
    first_path: dict[str, str] = {}
    entries = []
    try:
        for path in _with_pages_of_unlisted_folders(paths, known):
            if is_export(path) and not path.endswith(UNREADABLE_FOLDER):
                rows = _plan_export(settings, source, spool, columns, path, known.get(path), kept)
                for entry in rows:
                    if entry.row is not None:
                        _claim(entry, first_path, kept)
                entries += rows
                continue
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
                _claim(entry, first_path, kept)
            entries.append(entry)
    finally:
        spool.close()
    return entries


def _claim(entry: Entry, first_path: dict[str, str], kept: set[str]) -> None:
    """A read document's state: a duplicate of an earlier one (same bytes), kept in the row store, or to parse."""
    if entry.document_id in first_path:
        entry.state, entry.reason = DUPLICATE, first_path[entry.document_id]
    else:
        first_path[entry.document_id] = entry.source_path
        entry.key = document_key(entry.document_id, entry.source_path)
        entry.state = KEPT if entry.key in kept else PARSE


def _plan_export(settings: Settings, source: FolderSource, spool: Spool, columns: dict[str, str], path: str,
                 saved: list | None, kept: set[str]) -> list[Entry]:
    """The export's own entry, then an entry per row. An export whose size and mtime are those of the
    listing, and whose rows the row store keeps, is not opened; otherwise it is streamed once, and
    the rows the store lacks go to the spool."""
    stat = file_stat(settings, path)
    export = Entry(path, stat, state=EXPORT)
    if stat is not None and saved is not None and len(saved) == 4 and saved[2] and saved[:2] == stat:
        export.document_id = saved[2]
        if "reject" in saved[3]:
            export.state, export.reason = REJECTED, saved[3]["reject"]
            return [export]
        rows = [Entry(path, stat, sha, row=label) for label, sha in saved[3].get("rows", [])]
        if all(document_key(r.document_id, r.source_path) in kept for r in rows):
            return [export, *rows]
    rows = []
    try:
        with source.open(path) as stream:
            for label, data in read_export(stream, path, columns):
                row = Entry(path, stat, sha256_hex(data), row=label)
                if document_key(row.document_id, row.source_path) not in kept:
                    row.spool = spool.put(data)
                rows.append(row)
        export.document_id = sha256_file(settings.raw_dir / path)
    except UnreadableDocument as exc:
        export.state, export.reason = UNREADABLE, f"cannot read file: {exc}"
        return [export]
    except ExportError as exc:
        export.state, export.reason = REJECTED, f"cannot read export: {exc}"
        export.document_id = _sha_or_none(settings.raw_dir / path)
        if export.document_id is None:
            export.state = UNREADABLE
        return [export]
    except OSError as exc:
        export.state, export.reason = UNREADABLE, f"cannot read file: {exc.strerror or exc}"
        return [export]
    return [export, *rows]


def _sha_or_none(path: Path) -> str | None:
    try:
        return sha256_file(path)
    except OSError:
        return None


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
    """What the next run needs: path -> [size, mtime_ns, sha256]; for an export, a fourth item: its
    rows (`{"rows": [[label, sha256], ...]}`) or why it was refused (`{"reject": reason}`). A file or
    folder that could not be read is listed with sha256 None (size and mtime too when unknown): it is
    remembered, and it is read again by the next run, which is never a no-change run while it is there."""
    files: dict[str, list] = {}
    for e in entries:
        if e.row is not None:
            files[e.path][3]["rows"].append([e.row, e.document_id])
            continue
        files[e.path] = [*(e.stat or [None, None]), e.document_id if e.state != UNREADABLE else None]
        if e.state == EXPORT:
            files[e.path].append({"rows": []})
        elif e.state == REJECTED:
            files[e.path].append({"reject": e.reason})
    return files


def listed_keys(files: dict[str, list]) -> set[str]:
    """The row store keys of the documents a listing names (an export's: one per row)."""
    keys = set()
    for path, saved in files.items():
        if len(saved) > 3 and isinstance(saved[3], dict):
            keys.update(document_key(sha, f"{display_path(path)}{ROW_MARK}{label}")
                        for label, sha in saved[3].get("rows", []))
        elif saved[2]:
            keys.add(document_key(saved[2], display_path(path)))
    return keys


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
    Spool.remove(settings.state_dir)  # a killed run's (one run at a time holds the warehouse)
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
        {"snapshot": snapshot_id, "parser": fingerprint.parser_fingerprint(),
         "publisher": fingerprint.publisher_fingerprint(),
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
        (latest, fingerprint.parser_fingerprint(), fingerprint.publisher_fingerprint()) \
        and database_problem(settings.database_path) is None
