"""Parquet snapshots: `snapshots/<snapshot_id>/<table>.parquet` + manifest.json
+ datapackage.json, written in a temporary folder and renamed into place,
then `snapshots/LATEST` replaced. A snapshot appears whole or not at all."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow.parquet as pq

from roledata import CONTRACT_VERSION, PARSER_VERSION
from roledata.catalog import write_changes
from roledata.schema import TABLES, DUCKDB_TYPES, arrow_schema, frictionless_schema

if TYPE_CHECKING:
    from roledata.stage import FinalTables


def publish_snapshot(snapshots_dir: Path, tables: FinalTables, snapshot_id: str, created_at: datetime,
                     accuracy: dict | None = None) -> Path:
    """Write the snapshot folder; `accuracy` (the parser's figures on the reference set) goes in its manifest."""
    snapshots_dir.mkdir(parents=True, exist_ok=True)
    final = snapshots_dir / snapshot_id
    tmp = snapshots_dir / f".tmp-{snapshot_id}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        listing: dict[str, dict] = {}
        resources = []
        for table in TABLES:
            path = tmp / f"{table.name}.parquet"
            rows = 0
            with pq.ParquetWriter(path, arrow_schema(table)) as writer:  # streamed: one batch in memory
                for batch in tables.batches(table.name):
                    writer.write_batch(batch)
                    rows += batch.num_rows
            digest, size = _sha256(path), path.stat().st_size
            listing[table.name] = {
                "rows": rows, "sha256": digest, "bytes": size, "path": path.name,
                "columns": [{"name": c.name, "type": DUCKDB_TYPES[c.dtype]} for c in table.columns],
            }
            resources.append({
                "name": table.name, "path": path.name, "format": "parquet",
                "mediatype": "application/vnd.apache.parquet", "bytes": size, "hash": f"sha256:{digest}",
                "description": table.description, "schema": frictionless_schema(table),
            })
        manifest = {"snapshot_id": snapshot_id, "created_at": created_at.isoformat(),
                    "parser_version": PARSER_VERSION, "contract_version": CONTRACT_VERSION, "tables": listing,
                    "accuracy": accuracy}
        package = {"profile": "data-package", "name": "roledata", "id": snapshot_id,
                   "title": "roledata: AI role descriptions as a normalized dataset",
                   "created": created_at.isoformat(), "version": PARSER_VERSION, "resources": resources}
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        previous = latest_snapshot(snapshots_dir)
        write_changes(tmp, snapshots_dir / previous if previous and previous != snapshot_id else None)
        (tmp / "datapackage.json").write_text(json.dumps(package, indent=2) + "\n", encoding="utf-8")
        if final.exists() and latest_snapshot(snapshots_dir) != snapshot_id:
            shutil.rmtree(final)  # left by an earlier attempt of this same run (a task retry)
        os.rename(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final


def mark_latest(snapshots_dir: Path, snapshot_id: str) -> None:
    tmp = snapshots_dir / ".LATEST.tmp"
    tmp.write_text(snapshot_id + "\n", encoding="utf-8")
    os.replace(tmp, snapshots_dir / "LATEST")


def latest_snapshot(snapshots_dir: Path) -> str | None:
    path = snapshots_dir / "LATEST"
    return path.read_text(encoding="utf-8").strip() if path.exists() else None


def list_snapshots(snapshots_dir: Path) -> list[dict]:
    """Complete snapshots, newest first, from their manifests."""
    out = []
    if not snapshots_dir.exists():
        return out
    for folder in sorted(snapshots_dir.iterdir(), reverse=True):
        manifest = folder / "manifest.json"
        if folder.is_dir() and not folder.name.startswith(".") and manifest.exists():
            out.append(json.loads(manifest.read_text(encoding="utf-8")))
    return out


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_snapshot_table(snapshots_dir: Path, snapshot_id: str, name: str,
                        columns: list[str] | None = None) -> list[dict]:
    """One table of a published snapshot, as rows (columns the snapshot lacks are absent)."""
    path = snapshots_dir / snapshot_id / f"{name}.parquet"
    return pq.read_table(path, columns=columns).to_pylist()


def remove_unpublished(snapshots_dir: Path) -> None:
    """Delete half-written snapshot folders and LATEST temp files left by killed runs."""
    if not snapshots_dir.exists():
        return
    for path in snapshots_dir.glob(".tmp-*"):
        shutil.rmtree(path, ignore_errors=True)
    (snapshots_dir / ".LATEST.tmp").unlink(missing_ok=True)
