"""A run's rows on their way to the warehouse, one batch at a time.

Memory holds one batch, never the corpus: each parsed batch is checked row
by row (provenance against its own documents' text, then the pandera
schema) and appended to Parquet parts under the run's staging folder; the
texts are dropped with the batch. The checks that need every batch at once
run in DuckDB over those parts when the last batch is in:

- a role listed on several pages is one role, and the page about it wins;
- primary keys are unique (the first row, in page order, is kept);
- every `role_id` exists in `roles`, every `skill_id` in `skills`.

Every row carries `_row`, its place in page order, so the final tables come
out in the same order whatever the batch size or the number of workers.
"""
from __future__ import annotations

import shutil
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from roledata.document import DocumentResult
from roledata.schema import DATA_TABLES, EXTRACTED_TABLES, TABLES, TABLES_BY_NAME, Table, arrow_schema
from roledata.validate import RejectLog, check_rows, frame_rows

if TYPE_CHECKING:
    from roledata.report import RunReport

ROW = "_row"
_REFERENCES = (("role_id", "roles", "role_id"), ("skill_id", "skills", "skill_id"))
# The run's own records (run log, reject log) are final as written; every other table is checked.
CHECKED = DATA_TABLES
# DuckDB's share of the run's memory; beyond it the global checks spill to disk.
DUCKDB_MEMORY_LIMIT = "1GB"


class Stage:
    """Checked rows of one run as Parquet parts under `folder` (removed by `close`)."""

    def __init__(self, folder: Path, log: RejectLog, first_seen: dict[str, pd.Timestamp], report: RunReport):
        self.folder = folder
        self.log = log
        self.first_seen = first_seen
        self.report = report  # its document counts and warnings are kept here, batch by batch
        self._seen_ids: dict[str, str] = {}
        self._next_row: dict[str, int] = defaultdict(int)
        self._parts = 0
        shutil.rmtree(folder, ignore_errors=True)
        for table in TABLES:
            (folder / table.name).mkdir(parents=True)

    def add(self, results: list[DocumentResult]) -> None:
        """Append one parsed batch (rows already through `validate.check_documents`);
        bad documents and rows go to the reject log."""
        rows = self._accept_documents(results)
        self._parts += 1
        documents = TABLES_BY_NAME["documents"]
        # Document rows are checked here: first_seen_at is only known now.
        self._write(documents, check_rows(documents, frame_rows(documents, rows.pop("documents"), self.log), {}, self.log))
        for name, table_rows in rows.items():
            if table_rows:
                self._write(TABLES_BY_NAME[name], frame_rows(TABLES_BY_NAME[name], table_rows, self.log))

    def _accept_documents(self, results: list[DocumentResult]) -> dict[str, list[dict]]:
        """Document-level decisions: unreadable, same bytes as another file, rejected by the parser."""
        rows: dict[str, list[dict]] = {t.name: [] for t in EXTRACTED_TABLES}
        rows["documents"] = []
        report, log = self.report, self.log
        for result in sorted(results, key=lambda r: r.document["source_path"]):
            doc = result.document
            report.documents_seen += 1
            doc_id = doc.get("document_id")
            if doc_id is None:  # the file could not be read at all
                report.documents_rejected += 1
                log.add(None, None, result.reject_reason or "unreadable", None, source_path=doc["source_path"])
                continue
            log.paths[doc_id] = doc["source_path"]
            if doc_id in self._seen_ids:
                report.documents_rejected += 1
                log.add(doc_id, None, f"duplicate: same bytes as {self._seen_ids[doc_id]}", None,
                        source_path=doc["source_path"])
                continue
            self._seen_ids[doc_id] = doc["source_path"]
            if doc_id in self.first_seen:
                doc["first_seen_at"] = self.first_seen[doc_id]
            rows["documents"].append(doc)
            if result.reject_reason:
                report.documents_rejected += 1
                log.add(doc_id, None, result.reject_reason, None)
                continue
            if result.from_cache and doc_id in self.first_seen:  # same bytes as the last run: rows reused
                report.documents_unchanged += 1
            else:
                report.documents_parsed += 1
            if doc.get("warning"):
                report.warnings.append({"source_path": doc["source_path"], "warning": doc["warning"]})
            for table_name, reason, payload in result.row_rejects:
                log.add(doc_id, table_name, reason, payload)
            for name, table_rows in result.tables.items():
                rows[name].extend(table_rows)
        return rows

    def _write(self, table: Table, frame: pd.DataFrame) -> None:
        if not len(frame):
            return
        start = self._next_row[table.name]
        self._next_row[table.name] = start + len(frame)
        arrow = pa.Table.from_pandas(frame[table.column_names], schema=arrow_schema(table), preserve_index=False)
        arrow = arrow.append_column(ROW, pa.array(range(start, start + len(frame)), pa.int64()))
        pq.write_table(arrow, self.folder / table.name / f"part-{self._parts:06d}.parquet")

    def finish(self, skills: pd.DataFrame) -> FinalTables:
        """Run the checks across batches (against the shipped skill vocabulary)."""
        return FinalTables(self, skills)

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


class FinalTables:
    """The run's final tables as DuckDB views over the staged parts: `final_<table>`."""

    def __init__(self, stage: Stage, skills: pd.DataFrame):
        self.con = duckdb.connect(config={"memory_limit": DUCKDB_MEMORY_LIMIT, "preserve_insertion_order": True,
                                          "temp_directory": str(stage.folder / "duckdb.tmp")})
        self._log = stage.log
        for table in CHECKED:
            if table.name == "skills":
                self._register("staged_skills", table, skills)
            else:
                self._staged_view(table, stage.folder / table.name)
        self._merge_roles()
        for table in CHECKED:
            self._drop_duplicate_keys(table)
        self._check_references()

    def put(self, name: str, frame: pd.DataFrame) -> None:
        """A final table kept whole in memory and not checked here (the run log, the reject log)."""
        self._register(f"final_{name}", TABLES_BY_NAME[name], frame)

    def _register(self, view: str, table: Table, frame: pd.DataFrame) -> None:
        frame = frame[table.column_names].reset_index(drop=True)
        arrow = pa.Table.from_pandas(frame, schema=arrow_schema(table), preserve_index=False)
        self.con.register(view, arrow.append_column(ROW, pa.array(range(len(frame)), pa.int64())))

    def _staged_view(self, table: Table, folder: Path) -> None:
        if any(folder.glob("*.parquet")):
            self.sql(f"CREATE VIEW staged_{table.name} AS SELECT * FROM read_parquet('{_sql_path(folder)}/*.parquet')")
        else:
            empty = pa.Table.from_pylist([], schema=arrow_schema(table).append(pa.field(ROW, pa.int64())))
            self.con.register(f"staged_{table.name}", empty)

    def _merge_roles(self) -> None:
        """A role listed on several pages is one role; the page about it wins.

        Rows of pages that describe the role itself are all kept here, so a
        second page about the same role is rejected as a duplicate key with
        its reason, not dropped; listed mentions of it are folded silently.
        """
        self.sql(f"""
            CREATE TEMP TABLE merged_roles AS
            SELECT * EXCLUDE (listed_rank, described) FROM (
                SELECT *, row_number() OVER (PARTITION BY role_id, is_primary ORDER BY {ROW}) AS listed_rank,
                          bool_or(is_primary) OVER (PARTITION BY role_id) AS described
                FROM staged_roles)
            WHERE is_primary OR (NOT described AND listed_rank = 1)""")

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
        for column, parent, parent_column in _REFERENCES:
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
            self.sql(f"CREATE TEMP VIEW final_{table.name} AS SELECT * FROM keyed_{table.name} "
                     f"WHERE TRUE {excluded}")

    def _reject(self, table: Table, rows_table: str, reason: str, source: str) -> None:
        rejected = self.con.execute(
            f"SELECT * FROM {source} WHERE {ROW} IN (SELECT {ROW} FROM {rows_table}) ORDER BY {ROW}").fetchdf()
        if len(rejected):
            frame = rejected.drop(columns=[ROW])
            self._log.add_rows(table.name, frame, {idx: [reason] for idx in frame.index})

    # ---------------------------------------------------------------- reading
    def select_sql(self, name: str) -> str:
        """The table in page order. Staged parts are written in that order and DuckDB
        keeps insertion order through filters, so only the merged roles need a sort
        (a sort of a big table with its text would need far more memory)."""
        columns = ", ".join(f'"{c}"' for c in TABLES_BY_NAME[name].column_names)
        order = f" ORDER BY {ROW}" if name == "roles" else ""
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

    def close(self) -> None:
        # Dropped, not only closed: Prefect keeps a failed task's arguments (this object) until exit,
        # and DuckDB objects still alive then are reported as leaks.
        self.con.close()
        self.con = None

    def __enter__(self) -> FinalTables:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
