"""Snapshots: `snapshots/<snapshot_id>/<table>.parquet` and `<table>.csv` + manifest.json
+ datapackage.json, written in a temporary folder and renamed into place,
then `snapshots/LATEST` replaced. A snapshot appears whole or not at all.

Parquet is the main download (exact types, lists as lists). Each table is
also written as CSV from its Parquet file, because CSV is what the
Frictionless standard and its tools read everywhere: `datapackage.json`
describes every table as a CSV resource (`<table>`: Table Schema with types,
allowed values, ranges, primary and foreign keys) and lists every Parquet
file as a file resource (`<table>-parquet`: bytes and sha256), so
`frictionless validate datapackage.json` checks every row of every table and
the integrity of every download. (frictionless reads Parquet only through
pandas, which turns list cells into numpy arrays and cannot count a Parquet
file's bytes: every Parquet table resource failed validation.)
"""
from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import pyarrow.parquet as pq

from roledata import CONTRACT_VERSION, PARSER_VERSION
from roledata.publish.changes import write_changes
from roledata.publish.warehouse import FinalTables
from roledata.contract.columns import DUCKDB_TYPES, Table
from roledata.contract.export import arrow_schema, datapackage_schema
from roledata.contract.tables import DATA_TABLES, TABLES
from roledata.files import sha256_file, write_atomic
from roledata.reference import attribution
from roledata.sql import read_parquet, sql_string


# The derived dataset's license. CC BY 4.0: an open license (Open Definition conformant) that data portals
# recognise, that covers database rights as well as copyright, and whose one condition, attribution, keeps the
# link to roledata and its sources. Verbatim excerpts of the pages stay under their publishers' terms.
LICENSE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
           "title": "Creative Commons Attribution 4.0 International"}
CONTRIBUTORS = [{"title": "roledata", "role": "author"}]
# Rows per Parquet row group, and per batch read from the final tables: a reader holds a row group's
# column at once, and 100,000 posting texts in one (about 350 MB) were more than DuckDB's memory cap
# allows when the CSV is written from it.
ROW_GROUP_ROWS = 10_000
# How the CSV files are written (DuckDB COPY): declared whole so no reader has to guess.
CSV_DIALECT = {"delimiter": ",", "lineTerminator": "\n", "quoteChar": '"', "doubleQuote": True,
               "skipInitialSpace": False, "header": True}
DESCRIPTION = (
    "What AI role description pages say, as normalized tables: roles (and the documents behind each role), duties, "
    "skills, pay, bonuses, growth figures, "
    "education and experience asked for, certifications, related roles and FAQs, each row with provenance (the "
    "document, its character span and the exact source text), plus the documents read, the rejects and the runs. "
    "Every table is published twice: `<table>.parquet` (the main download: exact types, lists as lists; resource "
    "`<table>-parquet`) and `<table>.csv` (resource `<table>`: lists as JSON arrays, timestamps ISO 8601 in UTC, "
    "NULL as an empty cell). The license covers roledata's extraction and structure; verbatim excerpts of the pages "
    "(text, summary, question, answer, amount_text and similar columns) remain under their publishers' terms. "
    "The occupations, occupation_wages and role_occupations tables and the skills' O*NET and ESCO columns are derived "
    "from O*NET 30.2 (CC BY 4.0, modified by roledata), BLS OEWS May 2025 and SOC 2018 (public domain) and ESCO v1.1.1 "
    "(European Commission): see `sources` for the credit lines each asks for.")


def table_digests(tables: FinalTables) -> dict[str, str]:
    """A digest of each data table's rows, whatever their order: equal digests, same table
    (the manifest keeps them, so the next run can tell whether anything changed)."""
    digests = {}
    for table in DATA_TABLES:
        columns = ", ".join(f'"{c}"' for c in table.column_names)
        count, total = tables.sql(f"SELECT count(*), coalesce(sum(hash(ROW({columns}))::HUGEINT), 0) "
                                  f"FROM final_{table.name}")[0]
        digests[table.name] = f"{count}:{total:x}"
    return digests


def publish_snapshot(snapshots_dir: Path, tables: FinalTables, snapshot_id: str, created_at: datetime,
                     accuracy: dict | None = None, raw_dir: Path | None = None,
                     digests: dict[str, str] | None = None,
                     tables_written: Callable[[], None] | None = None) -> Path:
    """Write the snapshot folder; `accuracy` (the parser's figures on the reference set) goes in its manifest,
    `raw_dir` (the folder the pages were read from) in the datapackage's sources, `digests` (`table_digests`)
    in the manifest. `tables_written` is called once every table is written, before `changes.json` is computed
    from the files: the caller may let go of `tables` and the memory they hold."""
    snapshots_dir.mkdir(parents=True, exist_ok=True)
    final = snapshots_dir / snapshot_id
    tmp = snapshots_dir / f".tmp-{snapshot_id}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        listing: dict[str, dict] = {}
        resources, files = [], []
        for table in TABLES:
            path = tmp / f"{table.name}.parquet"
            rows = 0
            with pq.ParquetWriter(path, arrow_schema(table)) as writer:  # streamed: one row group in memory
                for batch in tables.batches(table.name, ROW_GROUP_ROWS):
                    writer.write_batch(batch, row_group_size=ROW_GROUP_ROWS)
                    rows += batch.num_rows
            digest, size = sha256_file(path), path.stat().st_size
            csv = tmp / f"{table.name}.csv"
            tables.sql(write_csv_sql(table, path, csv))
            csv_digest, csv_size = sha256_file(csv), csv.stat().st_size
            listing[table.name] = {
                "rows": rows, "sha256": digest, "bytes": size, "path": path.name,
                "columns": [{"name": c.name, "type": DUCKDB_TYPES[c.dtype]} for c in table.columns],
                "csv": {"path": csv.name, "sha256": csv_digest, "bytes": csv_size},
            }
            resources.append({
                "name": table.name, "path": csv.name, "profile": "tabular-data-resource", "format": "csv",
                "mediatype": "text/csv", "encoding": "utf-8", "bytes": csv_size, "hash": f"sha256:{csv_digest}",
                "description": f"{table.description} CSV of {path.name} ({rows} rows).",
                "dialect": CSV_DIALECT, "schema": datapackage_schema(table),
            })
            files.append({
                "name": f"{table.name}-parquet", "type": "file", "path": path.name, "format": "parquet",
                "mediatype": "application/vnd.apache.parquet", "bytes": size, "hash": f"sha256:{digest}",
                "description": f"{table.description} Parquet: the main download, same rows and columns as "
                               f"{csv.name} ({rows} rows), with exact types.",
            })
        manifest = {"snapshot_id": snapshot_id, "created_at": created_at.isoformat(),
                    "parser_version": PARSER_VERSION, "contract_version": CONTRACT_VERSION, "tables": listing,
                    "accuracy": accuracy, "digests": digests}
        package = {"profile": "data-package", "name": "roledata", "id": snapshot_id,
                   "title": "roledata: AI role descriptions as a normalized dataset",
                   "description": DESCRIPTION, "version": PARSER_VERSION, "created": created_at.isoformat(),
                   "licenses": [LICENSE], "sources": _sources(raw_dir, listing["documents"]["rows"]),
                   "contributors": CONTRIBUTORS, "keywords": ["jobs", "roles", "AI", "salaries", "skills", "occupations", "SOC",
                                                                  "O*NET", "OEWS", "ESCO"],
                   "resources": resources + files}
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        if tables_written is not None:
            tables_written()
        previous = latest_snapshot(snapshots_dir)
        spill = snapshots_dir / f".tmp-{snapshot_id}-changes"  # DuckDB's spill space (removed with the others)
        try:
            write_changes(tmp, snapshots_dir / previous if previous and previous != snapshot_id else None, spill)
        finally:
            shutil.rmtree(spill, ignore_errors=True)
        (tmp / "datapackage.json").write_text(json.dumps(package, indent=2) + "\n", encoding="utf-8")
        if final.exists() and latest_snapshot(snapshots_dir) != snapshot_id:
            shutil.rmtree(final)  # left by an earlier attempt of this same run (a task retry)
        os.rename(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final


def write_csv_sql(table: Table, parquet: Path, csv: Path) -> str:
    """DuckDB COPY of a Parquet file to CSV in the datapackage's encoding: lists as JSON arrays,
    timestamps as ISO 8601 in UTC, booleans true/false, NULL as an empty cell (an empty string is `""`)."""
    columns = []
    for c in table.columns:
        if c.dtype == "list":
            columns.append(f'to_json("{c.name}") AS "{c.name}"')
        elif c.dtype == "timestamp":
            columns.append(f"strftime(timezone('UTC', \"{c.name}\"), '%Y-%m-%dT%H:%M:%S.%fZ') AS \"{c.name}\"")
        else:
            columns.append(f'"{c.name}"')
    return (f"COPY (SELECT {', '.join(columns)} FROM {read_parquet(parquet)}) TO {sql_string(csv)} "
            "(FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"', ESCAPE '\"')")


def _sources(raw_dir: Path | None, documents: int) -> list[dict]:
    """The input pages: the raw folder (by name, never an absolute path); each page is a `documents` row.
    Then the official reference data the occupation tables, wages and skill ids come from (O*NET, BLS,
    ESCO), each with its licence and the exact lines its terms ask users to carry (`credit`)."""
    folder = f"the raw folder `{raw_dir.name}`" if raw_dir else "the raw folder"
    source = {"title": f"Role description pages in {folder}: {documents} documents, each a row of the `documents` "
                       "resource (source_path relative to the folder, document_id = sha256 of the file's bytes)"}
    if raw_dir:
        source["path"] = f"{raw_dir.name}/"
    official = [{"title": f"{s['title']} ({s['publisher']})", "path": s["path"], "licenses": [s["license"]],
                 "credit": s["credit"], "changes": s["changes"]} for s in attribution()["sources"]]
    return [source, *official]


def mark_latest(snapshots_dir: Path, snapshot_id: str) -> None:
    write_atomic(snapshots_dir / "LATEST", snapshot_id + "\n")


def latest_snapshot(snapshots_dir: Path, exclude: set[str] = frozenset()) -> str | None:
    """The current snapshot: the one LATEST names, or, when LATEST is missing, empty or names no
    complete snapshot, the newest complete one not in `exclude` (None before the first run)."""
    named = _named_latest(snapshots_dir)
    if named and _is_complete(snapshots_dir / named):
        return named
    return next((s for s in snapshot_ids(snapshots_dir) if s not in exclude), None)


def latest_problem(snapshots_dir: Path) -> str | None:
    """Why LATEST cannot be used as it is, when there are snapshots it should name; None when it can."""
    if not snapshot_ids(snapshots_dir):
        return None
    named = _named_latest(snapshots_dir)
    if named is None:
        return "snapshots/LATEST is missing"
    if not named:
        return "snapshots/LATEST is empty"
    if not _is_complete(snapshots_dir / named):
        return f"snapshots/LATEST names {named!r}, which is no complete snapshot"
    return None


def _named_latest(snapshots_dir: Path) -> str | None:
    try:
        return (snapshots_dir / "LATEST").read_text(encoding="utf-8", errors="replace").strip()
    except FileNotFoundError:
        return None
    except OSError:
        return ""


def _is_complete(folder: Path) -> bool:
    # `latest` is a link to one of them (the catalog's stable address), not a snapshot of its own
    return (folder.name and not folder.name.startswith(".") and folder.is_dir() and not folder.is_symlink()
            and (folder / "manifest.json").is_file())


def snapshot_ids(snapshots_dir: Path) -> list[str]:
    """Complete snapshot folders (a manifest.json written), newest first."""
    if not snapshots_dir.is_dir():
        return []
    return sorted((f.name for f in snapshots_dir.iterdir() if _is_complete(f)), reverse=True)


def list_snapshots(snapshots_dir: Path) -> list[dict]:
    """Complete snapshots, newest first, from their manifests (one that cannot be read is left out)."""
    out = []
    for snapshot_id in snapshot_ids(snapshots_dir):
        try:
            out.append(json.loads((snapshots_dir / snapshot_id / "manifest.json").read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return out


def read_snapshot_table(snapshots_dir: Path, snapshot_id: str, name: str,
                        columns: list[str] | None = None) -> list[dict]:
    """One table of a published snapshot, as rows (columns the snapshot lacks are absent)."""
    path = snapshots_dir / snapshot_id / f"{name}.parquet"
    return pq.ParquetFile(path).read(columns=columns).to_pylist()  # one file: no dataset machinery


def remove_unpublished(snapshots_dir: Path) -> None:
    """Delete half-written snapshot folders and LATEST temp files left by killed runs."""
    if not snapshots_dir.exists():
        return
    for path in snapshots_dir.glob(".tmp-*"):
        shutil.rmtree(path, ignore_errors=True)
    for path in snapshots_dir.glob(".LATEST.*tmp"):
        path.unlink(missing_ok=True)


PRUNED = "pruned.json"  # under the snapshots folder: what retention removed, for the catalog


def prune_snapshots(snapshots_dir: Path, keep: int) -> list[dict]:
    """Remove all but the `keep` newest snapshots (LATEST is always kept) with their zips;
    the removed ones are listed in pruned.json. Returns them. Call it under the run lock."""
    if keep < 1:
        raise ValueError("keep at least 1 snapshot")
    latest = latest_snapshot(snapshots_dir)
    found = list_snapshots(snapshots_dir)  # newest first
    kept = {m["snapshot_id"] for m in found[:keep]} | ({latest} if latest else set())
    removed = []
    for m in found:
        if m["snapshot_id"] in kept:
            continue
        shutil.rmtree(snapshots_dir / m["snapshot_id"], ignore_errors=True)
        (snapshots_dir / f"{m['snapshot_id']}.zip").unlink(missing_ok=True)
        removed.append({"snapshot_id": m["snapshot_id"], "created_at": m["created_at"],
                        "pruned_at": datetime.now(timezone.utc).isoformat(timespec="seconds")})
    if removed:
        history = pruned_snapshots(snapshots_dir) + removed
        write_atomic(snapshots_dir / PRUNED, json.dumps(history, indent=2) + "\n")
    return removed


def pruned_snapshots(snapshots_dir: Path) -> list[dict]:
    try:
        return json.loads((snapshots_dir / PRUNED).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
