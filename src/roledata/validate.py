"""Validation: whole tables at once, lazily; failing rows become rejects.

Order per table: the provenance invariant (needs the document texts), the
pandera schema built from `schema.py` (types, codes, ranges, row checks),
then primary-key uniqueness. Then across tables: every `role_id` of a child
table exists in `roles`, every `skill_id` in `skills`.
"""
from __future__ import annotations

import json
from collections import defaultdict

import pandas as pd
import pandera.pandas as pa

from roledata.schema import TABLES_BY_NAME, Table, pandera_schema, to_frame
from roledata.text import stable_id


def _payload(row: pd.Series) -> str:
    return json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False, default=str)


def _plain(value):
    if isinstance(value, list):
        return value
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
        reject_id = stable_id(self.run_id, document_id, source_path, table_name, reason, payload)
        repeat = 1
        while reject_id in self._ids:  # the very same row rejected twice keeps both entries
            reject_id = stable_id(self.run_id, document_id, source_path, table_name, reason, payload, repeat)
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
        })

    def add_rows(self, table: str, frame: pd.DataFrame, reasons: dict[int, list[str]]) -> None:
        for idx, why in reasons.items():
            row = frame.loc[idx]
            doc_id = row.get("document_id") if "document_id" in frame.columns else None
            self.add(None if pd.isna(doc_id) else doc_id, table, "; ".join(sorted(set(why))), _payload(row))


def validate_table(table: Table, frame: pd.DataFrame, texts: dict[str, str], log: RejectLog) -> pd.DataFrame:
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
        cases = err.failure_cases
        for _, case in cases.iterrows():
            # A row check spanning columns is reported once per column; its name is the reason.
            whole_row = case["schema_context"] == "DataFrameSchema" or pd.isna(case["column"])
            why = f"{case['check']}" if whole_row else f"{case['column']}: {case['check']}"
            if pd.isna(case["index"]):
                # A whole-column failure (missing column, wrong type): every row fails.
                for idx in frame.index:
                    reasons[idx].append(why)
            else:
                reasons[case["index"]].append(why)
    dup = frame.duplicated(subset=list(table.primary_key), keep="first")
    for idx in frame.index[dup]:
        reasons[idx].append(f"duplicate primary key ({', '.join(table.primary_key)})")
    if reasons:
        log.add_rows(table.name, frame, reasons)
        frame = frame.drop(index=list(reasons))
    return frame.reset_index(drop=True)


def validate_tables(rows: dict[str, list[dict]], texts: dict[str, str], log: RejectLog) -> dict[str, pd.DataFrame]:
    """Build, validate and cross-check every table; return only the valid rows."""
    frames: dict[str, pd.DataFrame] = {}
    for name, table_rows in rows.items():
        table = TABLES_BY_NAME[name]
        try:
            frame = to_frame(table, table_rows)
        except (ValueError, TypeError) as exc:
            frame = _frame_row_by_row(table, table_rows, log, exc)
        frames[name] = validate_table(table, frame, texts, log)
    _check_references(frames, log)
    return frames


def _frame_row_by_row(table: Table, rows: list[dict], log: RejectLog, exc: Exception) -> pd.DataFrame:
    """When a batch will not convert as a whole, keep the rows that do and reject the rest."""
    good = []
    for row in rows:
        try:
            to_frame(table, [row])
            good.append(row)
        except (ValueError, TypeError) as row_exc:
            log.add(row.get("document_id"), table.name, f"type error: {row_exc}", json.dumps(row, default=str))
    return to_frame(table, good)


_REFERENCES = (("role_id", "roles", "role_id"), ("skill_id", "skills", "skill_id"))


def _check_references(frames: dict[str, pd.DataFrame], log: RejectLog) -> None:
    for column, parent, parent_column in _REFERENCES:
        if parent not in frames:
            continue
        known = set(frames[parent][parent_column])
        for name, frame in frames.items():
            if name == parent or column not in frame.columns or not len(frame):
                continue
            missing = ~frame[column].isin(known)
            if missing.any():
                log.add_rows(name, frame, {idx: [f"{column} not in {parent}"] for idx in frame.index[missing]})
                frames[name] = frame[~missing].reset_index(drop=True)
