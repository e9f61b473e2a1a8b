"""Row checks, a batch at a time; failing rows become rejects with their reasons.

Per row: the provenance invariant (needs the document texts), then the
pandera schema built from the declarations (`roledata.contract`) (types, codes, ranges, row checks).
Checks across rows and tables (unique keys, `role_id` and `skill_id`
references) run over the whole run in `roledata.run.stage`.
"""
from __future__ import annotations

import json
from collections import defaultdict

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow as pa_arrow

from roledata.extract.document import DocumentResult
from roledata.contract.columns import Table
from roledata.contract.export import arrow_schema
from roledata.contract.frames import pandera_schema, to_frame
from roledata.contract.tables import EXTRACTED_TABLES
from roledata.run.store import KEY, POS, ParsedBatch, documents_schema, row_rejects_json
from roledata.text import stable_id


def _payload(row: pd.Series) -> str:
    return json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False, default=str)


def _plain(value):
    if isinstance(value, (list, tuple, np.ndarray)):
        return [_plain(v) for v in value]
    if value is None or (not isinstance(value, (list, dict)) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


class RejectLog:
    """Collects rejects of one run."""

    def __init__(self, run_id: str, paths: dict[str, str]):
        self.run_id = run_id
        self.paths = paths
        self.rows: list[dict] = []
        self._ids: set[str] = set()

    def add(self, document_id: str | None, table_name: str | None, reason: str, payload: str | None,
            source_path: str | None = None) -> None:
        source_path = source_path if source_path is not None else self.paths.get(document_id or "")
        # The id is the reject's content, not the run's: the same reject seen by the next run keeps it.
        reject_id = stable_id(document_id, source_path, table_name, reason, payload)
        repeat = 1
        while reject_id in self._ids:  # the very same row rejected twice keeps both entries
            reject_id = stable_id(document_id, source_path, table_name, reason, payload, repeat)
            repeat += 1
        self._ids.add(reject_id)
        self.rows.append({
            "reject_id": reject_id,
            "run_id": self.run_id,
            "document_id": document_id,
            "source_path": source_path,
            "table_name": table_name,
            "reason": reason,
            "payload": payload,
            "first_run_id": self.run_id,
            "last_run_id": self.run_id,
        })

    def add_rows(self, table: str, frame: pd.DataFrame, reasons: dict[int, list[str]]) -> None:
        for idx, why in reasons.items():
            row = frame.loc[idx]
            doc_id = row.get("document_id") if "document_id" in frame.columns else None
            self.add(None if pd.isna(doc_id) else doc_id, table, "; ".join(sorted(set(why))), _payload(row))


def check_rows(table: Table, frame: pd.DataFrame, texts: dict[str, str], log: RejectLog) -> pd.DataFrame:
    """The checks one row answers alone: provenance against its document's text,
    then the pandera schema (types, codes, ranges, row checks). Failing rows go
    to `log` with every reason they fail; the rest are returned.

    Checks across rows (unique keys, references) need the whole run: see `stage`.
    """
    reasons: dict[int, list[str]] = defaultdict(list)
    if table.has_provenance and len(frame):
        for idx, doc_id, start, end, text in zip(frame.index, frame["document_id"], frame["char_start"],
                                                  frame["char_end"], frame["text"]):
            source = texts.get(doc_id)
            if source is None or pd.isna(start) or pd.isna(end) or source[int(start):int(end)] != text:
                reasons[idx].append("provenance: text != document_text[char_start:char_end]")
    try:
        pandera_schema(table).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        for _, case in err.failure_cases.iterrows():
            # A row check spanning columns is reported once per column; its name is the reason.
            whole_row = case["schema_context"] == "DataFrameSchema" or pd.isna(case["column"])
            why = f"{case['check']}" if whole_row else f"{case['column']}: {case['check']}"
            if pd.isna(case["index"]):
                # A whole-column failure (missing column, wrong type): every row fails.
                for idx in frame.index:
                    reasons[idx].append(why)
            else:
                reasons[case["index"]].append(why)
    if reasons:
        log.add_rows(table.name, frame, reasons)
        frame = frame.drop(index=list(reasons))
    return frame


def frame_rows(table: Table, rows: list[dict], log: RejectLog) -> pd.DataFrame:
    """Rows as a typed frame indexed by their position in `rows`; when the batch
    will not convert as a whole, keep the rows that do and reject the rest."""
    try:
        return to_frame(table, rows)
    except (ValueError, TypeError):
        pass
    good, positions = [], []
    for position, row in enumerate(rows):
        try:
            to_frame(table, [row])
            good.append(row)
            positions.append(position)
        except (ValueError, TypeError) as row_exc:
            log.add(row.get("document_id"), table.name, f"type error: {row_exc}", json.dumps(row, default=str))
    frame = to_frame(table, good)
    frame.index = positions
    return frame


def check_documents(results: list[DocumentResult]) -> None:
    """Row checks for parsed documents kept as `DocumentResult`s (the evaluation, tests),
    in place: a failing row moves from `result.tables` to `result.row_rejects` with its
    reasons. A run uses `check_batch`, which gives Arrow tables for the row store."""
    fresh = {r.document["document_id"]: r for r in results if r.tables}
    if not fresh:
        return
    texts = {doc_id: r.text or "" for doc_id, r in fresh.items()}
    log = RejectLog("", {})
    for table in EXTRACTED_TABLES:
        rows = [row for r in fresh.values() for row in r.tables.get(table.name, ())]
        if not rows:
            continue
        kept = check_rows(table, frame_rows(table, rows, log), texts, log).index
        by_document: dict[str, list[dict]] = defaultdict(list)
        for position in kept:
            by_document[rows[position]["document_id"]].append(rows[position])
        for doc_id, result in fresh.items():
            result.tables[table.name] = by_document.get(doc_id, [])
    for entry in log.rows:
        fresh[entry["document_id"]].row_rejects.append((entry["table_name"], entry["reason"], entry["payload"]))


def check_batch(results: list[DocumentResult], keys: dict[str, str]) -> ParsedBatch:
    """Row checks for a freshly parsed batch, where it was parsed, and its rows straight into
    one Arrow table per table (`keys`: document_id -> store key). Rows failing a check travel
    with their document as `row_rejects`, beside the extractor errors already there."""
    texts = {r.document["document_id"]: r.text or "" for r in results}
    log = RejectLog("", {})
    tables: dict[str, pa_arrow.Table] = {}
    for table in EXTRACTED_TABLES:
        rows, positions = [], []
        for result in results:
            for position, row in enumerate(result.tables.get(table.name, ())):
                rows.append(row)
                positions.append(position)
        if not rows:
            continue
        kept = check_rows(table, frame_rows(table, rows, log), texts, log)
        arrow = pa_arrow.Table.from_pandas(kept[table.column_names], schema=arrow_schema(table), preserve_index=False)
        arrow = arrow.append_column(KEY, pa_arrow.array([keys[rows[i]["document_id"]] for i in kept.index],
                                                        pa_arrow.string()))
        tables[table.name] = arrow.append_column(POS, pa_arrow.array([positions[i] for i in kept.index],
                                                                      pa_arrow.int64()))
    refused: dict[str, list] = defaultdict(list)
    for entry in log.rows:
        refused[entry["document_id"]].append((entry["table_name"], entry["reason"], entry["payload"]))
    documents = []
    for result in results:
        doc_id = result.document["document_id"]
        documents.append(dict(result.document, **{
            KEY: keys[doc_id], "reject_reason": result.reject_reason,
            "row_rejects": row_rejects_json([*result.row_rejects, *refused.get(doc_id, [])])}))
    return ParsedBatch(pa_arrow.Table.from_pylist(documents, schema=documents_schema()), tables)
