"""A run's rows on their way to the warehouse: the row store's parts, checked across pages.

Rows never pass through memory as a whole: parsed batches are row-checked
where they are parsed (provenance against their own documents' text, then
the pandera schema) and kept as Parquet parts in the row store
(`roledata.run.store`), a part per batch. A run's tables are DuckDB views over
the parts that hold its documents, whether parsed now or in an earlier run;
the checks that need every page at once run there:

- primary keys are unique (the first row, in page order, is kept);
- the `roles` dimension is built from every page's `role_documents` rows: one
  role however many pages describe or list it, the first page about it
  giving its title (describing a role twice is never a reject);
- every `role_id` exists in `roles`, every `skill_id` in `skills`, every `soc_code` in `occupations`;

then `role_occupations` is computed once per role from the final tables
(`roledata.occupations.coding`).

Every row carries `_row`, its place in page order (path order, then its order
in the page), so the final tables come out in the same order whatever the
batch size, the number of workers or the run that parsed a page.
"""
from __future__ import annotations

import json
import shutil
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa

from roledata.contract.checks import RejectLog, check_rows, frame_rows
from roledata.contract.columns import Table
from roledata.contract.export import arrow_schema
from roledata.contract.tables import DATA_TABLES, DERIVED_TABLES, FOREIGN_KEYS, SHIPPED_TABLES, TABLES_BY_NAME
from roledata.contract.frames import to_frame
from roledata.occupations.coding import (ROLE_SLICE, ROLE_SLICE_DUTIES, occupations_table, release_reference,
                                         role_inputs_sql, role_occupation_rows, wages_table)
from roledata.run.occupation_cache import OccupationCache
from roledata.run.plan import DUPLICATE, EXPORT, REJECTED, UNREADABLE, Entry
from roledata.run.report import RunReport
from roledata.run.store import DOCUMENTS, KEY, POS, ParsedBatch, RowStore, part_of
from roledata.sql import DUCKDB_MEMORY_LIMIT, duckdb_config, read_parquet

if TYPE_CHECKING:
    import pandas as pd


ROW = "_row"
_PAGE_ROWS = 1 << 24  # _row = page rank * this + the row's place in its page
DOCUMENT_SLICE = 10_000  # pages whose `documents` rows are built and checked at a time
CODING_MEMORY_LIMIT = "256MB"  # DuckDB's cap while roles are coded (`FinalTables._code_occupations`)
PUBLISH_MEMORY_LIMIT = "256MB"  # ... and while the snapshot's files are written (`run.commit.finish`)
# The run's own records (run log, reject log) are final as written; every other table is checked,
# but those computed from the checked ones, which are checked as they are made.
CHECKED = tuple(t for t in DATA_TABLES if t.name not in DERIVED_TABLES)


class Stage:
    """One run's way into the row store, and its reject log."""

    def __init__(self, folder: Path, store: RowStore, log: RejectLog, first_seen: dict[str, pd.Timestamp],
                 report: RunReport):
        self.folder = folder  # DuckDB's spill space for the checks across pages (removed by `close`)
        self.store = store
        self.log = log
        self.first_seen = first_seen
        self.report = report  # its document counts and warnings are kept here
        self.parsed: set[str] = set()  # keys parsed by this run
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)

    def add(self, batch: ParsedBatch) -> None:
        """Keep one parsed, row-checked batch in the row store."""
        self.store.put(batch)
        self.parsed.update(batch.keys)

    def finish(self, entries: list[Entry], skills: pd.DataFrame,
               shipped: dict[str, pd.DataFrame] | None = None) -> FinalTables:
        """Run the checks across pages (against the shipped skill vocabulary and, unless `shipped`
        gives others, the shipped occupation tables)."""
        return FinalTables(self, entries, {**(shipped or shipped_tables()), "skills": skills})

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def accept_documents(stage: Stage, entries: list[Entry], kept: list[dict],
                     first_rank: int = 0) -> tuple[list[dict], list[int], list[tuple[str, int]]]:
    """Document-level decisions, in path order: unreadable, same bytes as another file, rejected by the
    parser, or in. Returns the `documents` rows, their ranks, and (key, rank) of the pages whose rows go on."""
    report, log = stage.report, stage.log
    info = {row[KEY]: row for row in kept}
    documents, ranks, pages = [], [], []
    for rank, entry in enumerate(entries, start=first_rank):
        if entry.state == EXPORT:  # the file of an export: its rows are the documents
            continue
        report.documents_seen += 1
        if entry.state == REJECTED:  # an export refused whole: one reject, naming why
            report.documents_rejected += 1
            log.add(entry.document_id, None, entry.reason or "rejected", None, source_path=entry.source_path)
            continue
        if entry.state == UNREADABLE:
            report.documents_rejected += 1
            log.add(None, None, entry.reason or "unreadable", None, source_path=entry.source_path)
            continue
        if entry.state == DUPLICATE:
            report.documents_rejected += 1
            log.add(entry.document_id, None, f"duplicate: same bytes as {entry.reason}", None,
                    source_path=entry.source_path)
            continue
        row = info.get(entry.key)
        if row is None:  # its batch never reached the store (cannot happen short of a bug): say so
            report.documents_rejected += 1
            log.add(entry.document_id, None, "internal error: no parse result for this page", None,
                    source_path=entry.source_path)
            continue
        doc_id = row["document_id"]
        log.paths[doc_id] = entry.source_path
        doc = {c: row[c] for c in TABLES_BY_NAME["documents"].column_names}
        doc["source_path"] = entry.source_path
        doc["first_seen_at"] = stage.first_seen.get(doc_id, stage.report.started_at)
        documents.append(doc)
        ranks.append(rank)
        if row["reject_reason"]:
            report.documents_rejected += 1
            log.add(doc_id, None, row["reject_reason"], None)
            continue
        if entry.key in stage.parsed:
            report.documents_parsed += 1
        else:  # its rows were kept in the row store from an earlier parse of the same bytes and path
            report.documents_unchanged += 1
        if doc.get("warning"):
            report.warnings.append({"source_path": entry.source_path, "warning": doc["warning"]})
        for table_name, reason, payload in json.loads(row["row_rejects"] or "[]"):
            log.add(doc_id, table_name, reason, payload)
        pages.append((entry.key, rank))
    return documents, ranks, pages


class FinalTables:
    """The run's final tables as DuckDB views over the staged parts: `final_<table>`."""

    def __init__(self, stage: Stage, entries: list[Entry], shipped: dict[str, pd.DataFrame]):
        self.con = duckdb.connect(config=duckdb_config(stage.folder / "duckdb.tmp", ordered=True))
        self._log = stage.log
        store = stage.store
        self._state_dir = store.state_dir
        index = store.index()
        parts = sorted({index[e.key] for e in entries if e.key in index})
        # Each page's rows come from the one part the index names (a key kept twice never doubles).
        owned = [(e.key, index[e.key]) for e in entries if e.key in index]
        self.con.register("owners", pa.table({KEY: pa.array([k for k, _ in owned], pa.string()),
                                              "_part": pa.array([p for _, p in owned], pa.string())}))
        self._documents(stage, entries, store.files(DOCUMENTS, parts), index)
        for table in CHECKED:
            if table.name in SHIPPED_TABLES:
                self._register(f"staged_{table.name}", table, shipped[table.name])
            elif table.name not in ("documents", "roles"):  # roles: built below from role_documents
                self._staged_view(table, store.files(table.name, parts))
        for table in CHECKED:
            if table.name != "roles":
                self._drop_duplicate_keys(table)
        self._build_roles()
        self._drop_duplicate_keys(TABLES_BY_NAME["roles"])  # one row per role_id by construction
        self._check_references()
        self._code_occupations(release=len(entries) > DOCUMENT_SLICE)

    def _documents(self, stage: Stage, entries: list[Entry], files: list[Path], index: dict[str, str]) -> None:
        """The `documents` rows (checked here: first_seen_at is only known now) and `run_docs`, the
        pages whose rows go on, with their part and their rank in path order. Built and checked
        `DOCUMENT_SLICE` pages at a time: a 100,000-row export's documents as Python rows at once
        held hundreds of MB. Row-check rejects are logged after every page's own, as in one slice."""
        table = TABLES_BY_NAME["documents"]
        if files:  # the store's rows of the run's documents
            self.sql(f"CREATE TEMP TABLE kept_documents AS SELECT t.* EXCLUDE (filename) FROM {_owned(files)}")
        checks = RejectLog(self._log.run_id, self._log.paths)
        pages: list[tuple[str, int]] = []
        for low in range(0, max(len(entries), 1), DOCUMENT_SLICE):
            part = entries[low:low + DOCUMENT_SLICE]
            kept = self._kept_documents([e.key for e in part if e.key in index]) if files else []
            documents, ranks, part_pages = accept_documents(stage, part, kept, first_rank=low)
            checked = check_rows(table, frame_rows(table, documents, checks), {}, checks)
            arrow = pa.Table.from_pandas(checked[table.column_names], schema=arrow_schema(table), preserve_index=False)
            self.con.register("documents_slice", arrow.append_column(
                ROW, pa.array([ranks[i] * _PAGE_ROWS for i in checked.index], pa.int64())))
            self.sql(f"{'INSERT INTO staged_documents' if low else 'CREATE TEMP TABLE staged_documents AS'} "
                     "SELECT * FROM documents_slice")
            self.con.unregister("documents_slice")
            pages += part_pages
        if files:
            self.sql("DROP TABLE kept_documents")  # spent: its memory is DuckDB's again for the checks below
        for row in checks.rows:
            self._log.add(row["document_id"], row["table_name"], row["reason"], row["payload"], row["source_path"])
        self.con.register("run_docs", pa.table({KEY: pa.array([k for k, _ in pages], pa.string()),
                                                "_part": pa.array([index[k] for k, _ in pages], pa.string()),
                                                "_rank": pa.array([r for _, r in pages], pa.int64())}))

    def _kept_documents(self, keys: list[str]) -> list[dict]:
        """The kept `documents` rows of these pages (through Arrow: a missing value is None)."""
        self.con.register("slice_keys", pa.table({KEY: pa.array(keys, pa.string())}))
        try:
            return self.con.sql(f"SELECT * FROM kept_documents WHERE {KEY} IN (SELECT {KEY} FROM slice_keys)"
                                ).to_arrow_table().to_pylist()
        finally:
            self.con.unregister("slice_keys")

    def put(self, name: str, frame: pd.DataFrame) -> None:
        """A final table kept whole in memory and not checked here (the run log, the reject log)."""
        self._register(f"final_{name}", TABLES_BY_NAME[name], frame)

    def _register(self, view: str, table: Table, frame: pd.DataFrame) -> None:
        frame = frame[table.column_names].reset_index(drop=True)
        arrow = pa.Table.from_pandas(frame, schema=arrow_schema(table), preserve_index=False)
        self.con.register(view, arrow.append_column(ROW, pa.array(range(len(frame)), pa.int64())))

    def _staged_view(self, table: Table, files: list[Path]) -> None:
        if files:
            self.sql(f"CREATE VIEW staged_{table.name} AS SELECT t.* EXCLUDE ({KEY}, {POS}, filename), "
                     f"r._rank * {_PAGE_ROWS} + t.{POS} AS {ROW} FROM {read_parquet(files, filename=True)} "
                     f"AS t JOIN run_docs AS r ON t.{KEY} = r.{KEY} AND {part_of('t.filename')} = r._part")
        else:
            empty = pa.Table.from_pylist([], schema=arrow_schema(table).append(pa.field(ROW, pa.int64())))
            self.con.register(f"staged_{table.name}", empty)

    def _build_roles(self) -> None:
        """The role dimension from the pages' `role_documents` rows (their keys already unique).

        Per role, one row: its chosen document is the first in page order that
        describes it, else the first that lists it; that row gives the title,
        family, seniority, summary, title_source and provenance. Its aliases are
        the chosen row's, then every other title and alias its other documents
        use, in page order, each once (case ignored, the title itself left out),
        so a role on one page keeps exactly that page's aliases. `document_count`
        counts its documents; `is_primary` is true when some document is about it.
        """
        self.sql(f"""
            CREATE TEMP TABLE merged_roles AS
            WITH ranked AS (
                SELECT *, row_number() OVER (PARTITION BY role_id ORDER BY is_primary DESC, {ROW}) AS pick,
                          count(*) OVER (PARTITION BY role_id) AS document_count
                FROM keyed_role_documents),
            chosen AS (SELECT * FROM ranked WHERE pick = 1),
            other_names AS (
                SELECT role_id, {ROW}, unnest(names) AS name, unnest(range(len(names))) AS place
                FROM (SELECT role_id, {ROW}, list_prepend(title, coalesce(aliases, []::VARCHAR[])) AS names
                      FROM ranked WHERE pick > 1)),
            new_names AS (
                SELECT o.role_id, o.name, o.{ROW}, o.place,
                       row_number() OVER (PARTITION BY o.role_id, lower(o.name) ORDER BY o.{ROW}, o.place) AS seen
                FROM other_names AS o JOIN chosen AS c USING (role_id)
                WHERE lower(o.name) <> lower(c.title)
                  AND NOT list_contains(list_transform(coalesce(c.aliases, []::VARCHAR[]), lambda a: lower(a)), lower(o.name))),
            extra AS (SELECT role_id, list(name ORDER BY {ROW}, place) AS names FROM new_names WHERE seen = 1
                      GROUP BY role_id)
            SELECT c.role_id, c.title,
                   CASE WHEN e.names IS NULL THEN c.aliases
                        ELSE list_concat(coalesce(c.aliases, []::VARCHAR[]), e.names) END AS aliases,
                   c.family, c.seniority, c.summary, c.is_primary, c.title_source, c.document_count, c.origin,
                   c.document_id, c.section_heading, c.char_start, c.char_end, c.text, c.{ROW}
            FROM chosen AS c LEFT JOIN extra AS e USING (role_id)""")

    def _source(self, name: str) -> str:
        return "merged_roles" if name == "roles" else f"staged_{name}"

    def _drop_duplicate_keys(self, table: Table) -> None:
        key = ", ".join(table.primary_key)
        source = self._source(table.name)
        self.sql(f"""
            CREATE TEMP TABLE dup_{table.name} AS
            SELECT {ROW} FROM (
                SELECT {ROW}, row_number() OVER (PARTITION BY {key} ORDER BY {ROW}) AS key_rank FROM {source})
            WHERE key_rank > 1""")
        self._reject(table, f"dup_{table.name}", f"duplicate primary key ({', '.join(table.primary_key)})", source)
        self.sql(f"CREATE TEMP VIEW keyed_{table.name} AS SELECT * FROM {source} "
                 f"WHERE {ROW} NOT IN (SELECT {ROW} FROM dup_{table.name})")

    def _check_references(self) -> None:
        missing_by_table: dict[str, list[str]] = defaultdict(list)
        for column, parent, parent_column in FOREIGN_KEYS:
            for table in CHECKED:
                if table.name == parent or column not in table.column_names:
                    continue
                name = f"missing_{column}_{table.name}"
                self.sql(f"""
                    CREATE TEMP TABLE {name} AS SELECT {ROW} FROM keyed_{table.name} AS t
                    WHERE NOT EXISTS (SELECT 1 FROM keyed_{parent} AS p WHERE p.{parent_column} = t.{column})""")
                self._reject(table, name, f"{column} not in {parent}", f"keyed_{table.name}")
                missing_by_table[table.name].append(name)
        for table in CHECKED:
            excluded = " ".join(f"AND {ROW} NOT IN (SELECT {ROW} FROM {m})" for m in missing_by_table[table.name])
            # Materialized once, in page order: the digests, counts, database and snapshot all read it.
            self.sql(f"CREATE TEMP TABLE final_{table.name} AS SELECT * FROM keyed_{table.name} "
                     f"WHERE TRUE {excluded} ORDER BY {ROW}")

    def _code_occupations(self, release: bool) -> None:
        """`role_occupations`: each final role coded once (its rows checked like any others).

        The matcher's reference and DuckDB's cap would be in memory together: while roles are coded
        DuckDB has only their inputs to read, so its cap is lowered (the final tables spill to disk)
        and restored after. `release`: let go of the matcher's reference once the roles are coded (a
        big run: its memory counts for more than loading it again, should the process run again).
        """
        table = TABLES_BY_NAME["role_occupations"]
        with self.memory_cap(CODING_MEMORY_LIMIT):
            rows = OccupationCache(self._state_dir).rows(self._role_inputs(), role_occupation_rows)
        if release:
            release_reference()
        checked = check_rows(table, frame_rows(table, rows, self._log), {}, self._log)
        self._register("final_role_occupations", table, checked)

    def _role_inputs(self) -> Iterator[list[tuple]]:
        """The roles' coding inputs (`role_inputs_sql`), a slice at a time: at most ROLE_SLICE roles and,
        past the first role, ROLE_SLICE_DUTIES duties (a title shared by 100,000 postings holds the
        duties of every one of them)."""
        weights = self.sql(f"""
            SELECT r.{ROW}, coalesce(d.n, 0) FROM final_roles AS r
            LEFT JOIN (SELECT role_id, count(*) AS n FROM final_duties GROUP BY role_id) AS d USING (role_id)
            ORDER BY r.{ROW}""")
        starts: list[int] = []
        roles = duties = 0
        for row, n in weights:
            if not starts or roles == ROLE_SLICE or duties + n > ROLE_SLICE_DUTIES:
                starts.append(row)
                roles = duties = 0
            roles += 1
            duties += n
        for i, low in enumerate(starts):
            yield self.sql(role_inputs_sql(low, starts[i + 1] if i + 1 < len(starts) else None))

    def _reject(self, table: Table, rows_table: str, reason: str, source: str) -> None:
        rejected = self.con.execute(
            f"SELECT * FROM {source} WHERE {ROW} IN (SELECT {ROW} FROM {rows_table}) ORDER BY {ROW}").fetchdf()
        if len(rejected):
            frame = rejected.drop(columns=[ROW])
            self._log.add_rows(table.name, frame, {idx: [reason] for idx in frame.index})

    # ---------------------------------------------------------------- reading
    def select_sql(self, name: str) -> str:
        """The table in page order: path order, then the rows' order in their page. The checked
        tables were stored in that order, and DuckDB keeps insertion order through a scan
        (`preserve_insertion_order`); the run's own records are sorted here."""
        columns = ", ".join(f'"{c}"' for c in TABLES_BY_NAME[name].column_names)
        order = "" if name in {t.name for t in CHECKED} else f" ORDER BY {ROW}"  # derived ones too
        return f"SELECT {columns} FROM final_{name}{order}"

    def count(self, name: str, where: str = "true") -> int:
        return int(self.sql(f"SELECT count(*) FROM final_{name} WHERE {where}")[0][0])

    def batches(self, name: str, rows: int = 100_000) -> Iterator[pa.RecordBatch]:
        """The table in page order, in Arrow batches with the contract's types."""
        schema = arrow_schema(TABLES_BY_NAME[name])
        for batch in self.con.sql(self.select_sql(name)).to_arrow_reader(rows):
            yield batch.cast(schema)

    def column(self, name: str, column: str) -> list:
        return [r[0] for r in self.sql(f'SELECT "{column}" FROM final_{name}')]

    def sql(self, statement: str) -> list[tuple]:
        """Run one statement to the end (DuckDB 2 streams results: an unread one blocks the next)."""
        return self.con.execute(statement).fetchall()

    @contextmanager
    def memory_cap(self, limit: str) -> Iterator[None]:
        """DuckDB's cap lowered to `limit`, with one thread, for a while, then both back as they were; the
        final tables spill to disk meanwhile, and a lower cap gives the memory back at once. One thread: each
        thread of a scan in table order holds a batch of its own (256 MB with two threads ran out while the
        snapshot was written)."""
        threads = self.sql("SELECT current_setting('threads')")[0][0]
        self.sql(f"SET memory_limit = '{limit}'")
        self.sql("SET threads = 1")
        try:
            yield
        finally:
            if self.con is not None:  # closed inside (`publish_snapshot`'s `tables_written`): nothing to restore
                self.sql(f"SET memory_limit = '{DUCKDB_MEMORY_LIMIT}'")
                self.sql(f"SET threads = {threads}")

    def close(self) -> None:
        # Dropped, not only closed: Prefect keeps a failed task's arguments (this object) until exit,
        # and DuckDB objects still alive then are reported as leaks. Closing twice is harmless.
        if self.con is not None:
            self.con.close()
            self.con = None

    def __enter__(self) -> FinalTables:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def shipped_tables() -> dict[str, pd.DataFrame]:
    """The occupation tables shipped with roledata, as the contract's frames."""
    return {"occupations": to_frame(TABLES_BY_NAME["occupations"], occupations_table()),
            "occupation_wages": to_frame(TABLES_BY_NAME["occupation_wages"], wages_table())}


def _owned(files: list[Path]) -> str:
    """SQL: the rows of these part files that belong to the part `owners` names for their key."""
    return (f"{read_parquet(files, filename=True)} AS t "
            f"JOIN owners AS o ON t.{KEY} = o.{KEY} AND {part_of('t.filename')} = o._part")



