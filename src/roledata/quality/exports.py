"""Accuracy on a posting export scored twice: from its own columns, and from its text alone.

Each row named in the gold is read as a run reads it (`formats.exports`), then
scored (`roledata.quality.scoring`) on two sets of rows:

- `fields`: what the row's structured cells give (`origin = 'field'`): the title
  cell, and the salary of the pay cells (amounts with their interval); and the
  posting's facts (employer, location, arrangement, type) as a run reads them
  from the whole row, its cells written under the description (`posting_facts`
  reads them there like any label, and prefers what the text states first);
  those are scored where the row's cells state the gold fact;
- `text`: what the description alone gives, read as any posting's text (the
  title cell left out, so the title too must come from the text); the posting's
  facts are scored where the description states them.

Rows pass the same row checks a run applies before they are scored.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from roledata.extract.document import check_documents, process_document
from roledata.extract.skills import skills_table
from roledata.formats.exports import is_export, read_export
from roledata.formats import read_export_row
from roledata.quality.evaluate import EvalResult
from roledata.quality.gold import FIELDS, Gold
from roledata.quality.scoring import FieldScore, score_document

MODES = ("fields", "text")


def evaluate_export(export: Path, gold: Gold, columns: dict[str, str] | None = None) -> dict[str, EvalResult]:
    """mode -> the export's scores, for every row the gold names (keyed by the row's key value:
    `load_gold(..., by_record=True)`)."""
    assert is_export(export.name)
    rows: dict[str, bytes] = {}
    texts: dict[tuple[str, str], str] = {}  # (mode, key) -> what states a fact, for the posting fields' recall
    with open(export, "rb") as stream:
        for label, data in read_export(stream, export.name, columns or {}):
            key = label.split("=", 1)[1]
            if key in gold.docs:
                rows[key] = data
    vocabulary = {s["skill_id"]: s for s in skills_table()}
    results = {}
    for mode in MODES:
        outcomes = {}
        for key, data in rows.items():
            row = read_export_row(data)
            description = row.field_spans.get("description")
            body = row.text[description[0]:description[1]] if description else ""
            if mode == "fields":
                result = process_document(f"{export.name}#{key}", data)
                texts[mode, key] = row.text.replace(body, "", 1) if body else row.text  # the cells
            else:
                result = process_document(f"{export.name}-{key}.txt", body.encode("utf-8"))  # a text page, not a row
                texts[mode, key] = body
            outcomes[key] = result
        check_documents([r for r in outcomes.values() if r.reject_reason is None])
        scores = {f: FieldScore(f, recall_only=f in gold.recall_only) for f in FIELDS}
        counts, reasons, docs = Counter(), Counter(), []
        for key in sorted(gold.docs):
            result = outcomes.get(key)
            if result is None:
                status, reason, tables = "lost", "row not in the export", {}
            elif result.reject_reason is not None:
                status, reason, tables = "rejected", result.reject_reason, {}
                reasons[reason[:80]] += 1
            else:
                status, reason, tables = "parsed", None, _of_mode(result.tables, mode)
            counts[status] += 1
            docs.append(score_document(key, gold.docs[key], status, reason, tables, scores, vocabulary,
                                       texts.get((mode, key))))
        documents = {"total": len(gold.docs), **{k: counts.get(k, 0) for k in ("parsed", "lost", "rejected", "crashed")}}
        results[mode] = EvalResult(str(export), gold.path, scores, documents, dict(reasons.most_common()), docs)
    return results


def _of_mode(tables: dict[str, list[dict]], mode: str) -> dict[str, list[dict]]:
    """The rows scored in a mode: from the fields, the title and pay the cells give and the posting's
    facts; from the text, all."""
    if mode == "text":
        return tables
    return {"role_documents": [r for r in tables.get("role_documents", []) if r.get("origin") == "field"],
            "salaries": [s for s in tables.get("salaries", []) if s.get("origin") == "field"],
            "posting_facts": tables.get("posting_facts", [])}
