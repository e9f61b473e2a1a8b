"""Checked rows kept between runs as Parquet parts, so a run parses and stages only what changed.

Under the warehouse's state folder, one folder per parser fingerprint (a new
parser starts an empty one: no stale row is ever reused):

    rows/<fingerprint>/documents/<part>.parquet  one row per document: its `documents` row, why the
                                                 parser rejected it, the rows the row checks refused
    rows/<fingerprint>/<table>/<part>.parquet    the checked rows of those documents, with `_key`
                                                 (the document's key) and `_pos` (row order in it)
    rows/<fingerprint>/parts/<part>.json         the sha256 of each of the part's files

A document's key hashes its bytes and its path (row ids depend on the path,
see `extract.identity`). A part holds one parsed batch and is named by the
hash of its keys: content-addressed. Each file is written under a temporary
name and renamed; the checksum file goes last, so a part exists once its
checksums do, and a run killed half way leaves whole parts, which the next
run reuses. Before a run uses the store, every part is checked against its
checksums (`verify`): a part changed, cut short or lost on disk is set aside
(`rows-set-aside/`) and its pages parsed again, never published as it is.
Parts whose documents have all left the raw folder are deleted after a run
is published; when parts pile up they are merged.
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from roledata.contract.export import arrow_schema
from roledata.files import sha256_file, temporary_beside, write_atomic
from roledata.run import fingerprint
from roledata.contract.tables import EXTRACTED_TABLES, TABLES_BY_NAME
from roledata.sql import duckdb_config, read_parquet, sql_string
from roledata.text import stable_id

KEY, POS = "_key", "_pos"
DOCUMENTS = "documents"
CHECKSUMS = "parts"  # rows/<fingerprint>/parts/<part>.json
SET_ASIDE = "rows-set-aside"  # under the state folder: parts that failed their checksums, kept for a look
MERGE_ABOVE = 200  # parts beyond what a cold run makes (one per 200 pages); then the live rows are merged
# Document-level columns kept beside the `documents` row.
_EXTRA = [pa.field(KEY, pa.string()), pa.field("reject_reason", pa.string()), pa.field("row_rejects", pa.string())]


def document_key(document_id: str, source_path: str) -> str:
    return stable_id(document_id, source_path, length=32)


def documents_schema() -> pa.Schema:
    schema = arrow_schema(TABLES_BY_NAME["documents"])
    for extra in _EXTRA:
        schema = schema.append(extra)
    return schema


@dataclass
class ParsedBatch:
    """A parsed and row-checked batch, as it travels from a worker to the writer: one Arrow
    table per table (rows never become Python dicts again) and a row per document."""
    documents: pa.Table  # documents_schema()
    tables: dict[str, pa.Table] = field(default_factory=dict)  # the table's Arrow schema, then KEY and POS

    @property
    def keys(self) -> list[str]:
        return self.documents.column(KEY).to_pylist()


class RowStore:
    def __init__(self, state_dir: Path):
        self.state_dir = Path(state_dir)
        self.base = self.state_dir / "rows"
        self.root = self.base / fingerprint.parser_fingerprint()  # looked up here: tests stand in another
        self._index: dict[str, str] | None = None  # see index()

    # ------------------------------------------------------------ writing
    def put(self, batch: ParsedBatch) -> str | None:
        """Keep one parsed batch; returns its part name (None for an empty batch)."""
        keys = batch.keys
        if not keys:
            return None
        part = stable_id(*sorted(keys), length=24)
        sums = {name: self._write(self.root / name / f"{part}.parquet", table)
                for name, table in batch.tables.items() if table.num_rows}
        sums[DOCUMENTS] = self._write(self.root / DOCUMENTS / f"{part}.parquet", batch.documents)
        self._seal(part, sums)  # last: the part now exists
        if self._index is not None:
            for key in keys:
                self._index.setdefault(key, part)
        return part

    @staticmethod
    def _write(path: Path, table: pa.Table) -> str:
        """Write one part file; returns its sha256."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = temporary_beside(path)
        pq.write_table(table, tmp)
        digest = sha256_file(tmp)
        os.replace(tmp, path)
        return digest

    def _seal(self, part: str, sums: dict[str, str]) -> None:
        write_atomic(self.root / CHECKSUMS / f"{part}.json", json.dumps({"files": sums}, sort_keys=True))

    def clear(self) -> None:
        """Forget every kept row (a full rebuild parses everything again). Renamed aside first,
        so a run killed while deleting leaves no store with some tables' parts gone."""
        self._index = None
        if self.base.exists():
            aside = self.state_dir / f".rows-cleared-{os.getpid()}"
            os.replace(self.base, aside)
            shutil.rmtree(aside, ignore_errors=True)

    # ------------------------------------------------------------ reading
    def parts(self) -> list[str]:
        folder = self.root / CHECKSUMS
        return sorted(p.stem for p in folder.glob("*.json")) if folder.exists() else []

    def verify(self) -> list[str]:
        """Check every part's files against their checksums. A part that fails is set aside (its
        pages are then parsed again, since the index no longer names them); returns one line per
        part set aside, for the run's report."""
        problems = []
        for part in self.parts():
            if why := self._fault(part):
                self._set_aside(part)
                problems.append(f"row store part {part}: {why}; set aside in {SET_ASIDE}/, its pages parsed again")
        return problems

    def _fault(self, part: str) -> str | None:
        """Why a part cannot be used as it is, or None."""
        try:
            sums = json.loads((self.root / CHECKSUMS / f"{part}.json").read_text(encoding="utf-8"))["files"]
        except (OSError, ValueError, KeyError, TypeError):
            return "its checksum file cannot be read"
        for name, digest in sorted(sums.items()):
            path = self.root / name / f"{part}.parquet"
            try:
                if sha256_file(path) != digest:
                    return f"the {name} file changed on disk since it was written (checksum mismatch)"
            except OSError as exc:
                return f"the {name} file cannot be read ({exc.strerror or exc})"
        return None

    def _set_aside(self, part: str) -> None:
        """Move a part's files out of the store (its checksum file first: the part is gone), for a look."""
        self._index = None
        aside = self.state_dir / SET_ASIDE / part
        aside.mkdir(parents=True, exist_ok=True)
        for folder in [self.root / CHECKSUMS, *(self.root / name for name in _PART_TABLES)]:
            for path in folder.glob(f"{part}.*"):
                os.replace(path, aside / f"{folder.name}-{path.name}")

    def index(self) -> dict[str, str]:
        """key -> part, for every kept document (the first part when a key was kept twice). Read from
        the documents files once per store, then kept up to date by this store's own writes."""
        if self._index is None:
            self._index = {}
            files = self.files(DOCUMENTS, self.parts())
            if files:
                with duckdb.connect() as con:
                    rows = con.execute(f"SELECT {KEY}, filename FROM {read_parquet(files, filename=True)} ORDER BY filename").fetchall()
                for key, filename in rows:
                    self._index.setdefault(key, Path(filename).stem)
        return self._index

    def files(self, name: str, parts: list[str]) -> list[Path]:
        """The part files of table `name` among `parts` (a part without rows for a table has no file)."""
        folder = self.root / name
        return [folder / f"{p}.parquet" for p in parts if (folder / f"{p}.parquet").exists()]

    # ------------------------------------------------------------ upkeep
    def prune(self, live: set[str]) -> int:
        """Delete folders of older parsers and parts with no live document; merge the live rows
        into one part per table when parts pile up. Returns the number of parts deleted."""
        if self.base.exists():
            for folder in self.base.iterdir():
                if folder != self.root:
                    shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(self.state_dir / "cache", ignore_errors=True)  # pickles of roledata before the row store
        index = self.index()
        by_part: dict[str, set[str]] = {}
        for key, part in index.items():
            by_part.setdefault(part, set()).add(key)
        dead = [p for p in self.parts() if not (by_part.get(p, set()) & live)]
        self._delete(dead)
        self._remove_orphans()
        # Parts pile up as small runs add one each: merge when they are far more than a cold run makes.
        if len(self.parts()) > MERGE_ABOVE + 2 * len(live) // 200:
            self._merge(live, index)
        return len(dead)

    def _remove_orphans(self) -> None:
        """Files of killed writes: temporary files, and part files whose checksum file never came."""
        parts = set(self.parts())
        for folder in self.root.iterdir() if self.root.exists() else ():
            for path in folder.iterdir():
                if path.name.startswith(".") or (folder.name != CHECKSUMS and path.stem not in parts):
                    path.unlink(missing_ok=True)

    def _delete(self, parts: list[str]) -> None:
        self._index = None  # read again when next asked
        for part in parts:
            (self.root / CHECKSUMS / f"{part}.json").unlink(missing_ok=True)  # first: the part is gone
            for name in _PART_TABLES:
                (self.root / name / f"{part}.parquet").unlink(missing_ok=True)

    def _merge(self, live: set[str], index: dict[str, str]) -> None:
        """All live rows into one new part, each document's rows from the part the index names,
        written by DuckDB (which spills to disk: no table is held in memory), then the old parts deleted."""
        old = self.parts()
        part = stable_id("merged", *sorted(live), length=24)
        owners = pa.table({KEY: pa.array(sorted(live & set(index)), pa.string()),
                           "_part": pa.array([index[k] for k in sorted(live & set(index))], pa.string())})
        sums = {}
        with duckdb.connect(config=duckdb_config(self.base / ".merge.tmp")) as con:
            con.register("owners", owners)
            for name in _PART_TABLES:
                files = self.files(name, old)
                if not files:
                    continue
                target = self.root / name / f"{part}.parquet"
                tmp = temporary_beside(target)
                con.execute(f"COPY (SELECT t.* EXCLUDE (filename) FROM {read_parquet(files, filename=True)} AS t "
                            f"JOIN owners AS o ON t.{KEY} = o.{KEY} AND {part_of('t.filename')} = o._part) "
                            f"TO {sql_string(tmp)} (FORMAT parquet)")
                sums[name] = sha256_file(tmp)
                os.replace(tmp, target)
        shutil.rmtree(self.base / ".merge.tmp", ignore_errors=True)
        self._seal(part, sums)  # the merged part exists from here on
        self._delete([p for p in old if p != part])


# Every file a part may have: a table's rows, and its documents.
_PART_TABLES = [t.name for t in EXTRACTED_TABLES] + [DOCUMENTS]


def part_of(filename: str) -> str:
    """SQL: the part name of a part file's path (its stem)."""
    return f"regexp_extract({filename}, '([^/]+)\\.parquet$', 1)"


def row_rejects_json(rejects: list[tuple[str, str, str]]) -> str | None:
    return json.dumps(rejects, ensure_ascii=False) if rejects else None
