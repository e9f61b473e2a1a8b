"""Row checks, a batch at a time; failing rows become rejects with their reasons.

Per row: the provenance invariant (needs the document texts), then the
pandera schema built from the declarations (`roledata.contract`) (types, codes, ranges, row checks).
Checks across rows and tables (unique keys, `role_id` and `skill_id`
references) run over the whole run in `roledata.run.stage`.
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import TYPE_CHECKING

from roledata.contract.columns import Table

if TYPE_CHECKING:
    import pandas as pd

# pandas is imported where rows are checked (see roledata.contract.frames).

from roledata.contract.frames import pandera_schema, to_frame
from roledata.text import stable_id


def _payload(row: pd.Series) -> str:
    return json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False, default=str)


def _plain(value):
    import numpy as np
    import pandas as pd

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
        import pandas as pd

        for idx, why in reasons.items():
            row = frame.loc[idx]
            doc_id = row.get("document_id") if "document_id" in frame.columns else None
            self.add(None if pd.isna(doc_id) else doc_id, table, "; ".join(sorted(set(why))), _payload(row))


def check_rows(table: Table, frame: pd.DataFrame, texts: dict[str, str], log: RejectLog) -> pd.DataFrame:
    """The checks one row answers alone: provenance against its document's text,
    then the pandera schema (types, codes, ranges, row checks). Failing rows go
    to `log` with every reason they fail; the rest are returned.

    Checks across rows (unique keys, references) need the whole run: see `roledata.run.stage`.
    """
    import pandas as pd
    from pandera.errors import SchemaErrors  # with pandera itself, when rows are first checked

    reasons: dict[int, list[str]] = defaultdict(list)
    if table.has_provenance and len(frame):
        for idx, doc_id, start, end, text in zip(frame.index, frame["document_id"], frame["char_start"],
                                                  frame["char_end"], frame["text"]):
            source = texts.get(doc_id)
            if source is None or pd.isna(start) or pd.isna(end) or source[int(start):int(end)] != text:
                reasons[idx].append("provenance: text != document_text[char_start:char_end]")
    try:
        pandera_schema(table).validate(frame, lazy=True)  # imports pandera on first use
    except SchemaErrors as err:
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
