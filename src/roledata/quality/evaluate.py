"""Extraction accuracy against gold answers, over a folder: `roledata eval` and `make accuracy`.

Every document named in a gold file (`roledata.quality.gold`) is read from
the raw folder and run through `process_document` (the library itself: no
warehouse, no Prefect), and its rows are compared with the gold's answers,
field by field (`roledata.quality.scoring`).

Rows are scored as a run would publish them: after the row checks that send
failing rows (implausible pay, a code outside the contract) to `rejects`.
A lost, rejected or crashed document finds nothing, so its facts are misses.
"""
from __future__ import annotations

import hashlib

import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from roledata.extract.document import check_documents, process_document
from roledata.extract.skills import skills_table
from roledata.quality.gold import FIELDS, Gold
from roledata.quality.occupations import OccupationScore, score_occupations
from roledata.quality.scoring import DocumentScore, FieldScore, score_document

_FIXED_SEEN_AT = datetime(2000, 1, 1, tzinfo=timezone.utc)


@dataclass
class EvalResult:
    raw_dir: str
    gold_path: str
    fields: dict[str, FieldScore]
    documents: dict[str, int]
    rejected_reasons: dict[str, int]
    docs: list[DocumentScore]
    occupations: OccupationScore | None = None  # when occupation gold was given

    def worst(self, n: int) -> list[DocumentScore]:
        ranked = sorted((d for d in self.docs if d.missed_count), key=lambda d: (-d.missed_count, d.file))
        return ranked[:n]

    def to_dict(self, details: bool = True) -> dict:
        """Everything as JSON-ready data. details=False keeps, per document, only its status and
        missed counts per field, named by a digest of its name: no text read from the pages, their
        names or their gold (for corpora whose text must not be copied into the project; an export's
        record keys can spell out its title and employer)."""
        docs = [d.to_dict() if details else
                {"file": "#" + hashlib.sha256(d.file.encode("utf-8")).hexdigest()[:16], "status": d.status, "missed_count": d.missed_count,
                 "missed": {k: len(v) for k, v in d.missed.items()},
                 "wrong": {k: len(v) for k, v in d.wrong.items()},
                 "forbidden": {k: len(v) for k, v in d.forbidden.items()}}
                for d in self.docs]
        return {"raw_dir": self.raw_dir, "gold": self.gold_path, "documents": self.documents,
                "rejected_reasons": self.rejected_reasons,
                "fields": {name: s.to_dict() for name, s in self.fields.items()},
                "occupations": self.occupations.to_dict(details) if self.occupations else None,
                "docs": docs}


# ------------------------------------------------------------------ the whole folder

def read_documents(raw_dir: Path, names: list[str],
                   texts: dict[str, str] | None = None) -> dict[str, tuple[str, str | None, dict[str, list[dict]]]]:
    """(status, reason, tables) per file: parsed, rejected, crashed or lost (each decoded text goes
    to `texts` when given). The rows are those
    a run would publish: they go through the same row checks (provenance, the contract's types,
    codes and ranges, plausible pay) that move failing rows to `rejects`."""
    out: dict[str, tuple[str, str | None, dict[str, list[dict]]]] = {}
    parsed = []
    for name in names:
        path = raw_dir / name
        if not path.is_file():
            out[name] = ("lost", "file not found", {})
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            out[name] = ("lost", f"{type(exc).__name__}: {exc.strerror or exc}", {})
            continue
        try:
            result = process_document(name, data, _FIXED_SEEN_AT)
        except Exception as exc:  # process_document should never raise; if it does, count it
            out[name] = ("crashed", f"parser error: {type(exc).__name__}: {exc}", {})
            continue
        reason = result.document.get("status_reason")
        if texts is not None and result.text is not None:
            texts[name] = result.text
        if result.document.get("status") == "rejected":
            out[name] = ("crashed" if str(reason or "").startswith("parser error") else "rejected", reason, {})
            continue
        parsed.append((name, result))
    check_documents([result for _, result in parsed])
    for name, result in parsed:
        out[name] = ("parsed", result.document.get("status_reason"), result.tables)
    return out


def _skill_vocabulary() -> dict[str, dict]:
    return {s["skill_id"]: s for s in skills_table()}


def evaluate_documents(raw_dir: str | Path, gold: Gold, occupation_gold: dict[str, list[str]] | None = None) -> EvalResult:
    """Score every document the gold names (read from `raw_dir`) against its answers; with
    `occupation_gold` (file -> acceptable SOC codes), also the occupation of each one's primary role."""
    raw_dir = Path(raw_dir)
    scores = {f: FieldScore(f, recall_only=f in gold.recall_only) for f in FIELDS}
    vocabulary = _skill_vocabulary()
    docs: list[DocumentScore] = []
    counts = Counter()
    reasons: Counter = Counter()
    names = sorted(gold.docs)
    texts: dict[str, str] = {}
    read = read_documents(raw_dir, sorted(set(names) | set(occupation_gold or ())), texts)
    for name in names:
        status, reason, tables = read[name]
        counts[status] += 1
        if status in ("rejected", "crashed"):
            reasons[_short(reason or "", 80)] += 1
        docs.append(score_document(name, gold.docs[name], status, reason, tables, scores, vocabulary,
                                   texts.get(name)))
    documents = {"total": len(gold.docs), **{k: counts.get(k, 0) for k in ("parsed", "lost", "rejected", "crashed")}}
    occupations = score_occupations(read, occupation_gold) if occupation_gold else None
    return EvalResult(str(raw_dir), gold.path, scores, documents, dict(reasons.most_common()), docs, occupations)


# ------------------------------------------------------------------ output

def _pct(v: float | None) -> str:
    return "-" if v is None else f"{100 * v:.1f}%"


def _short(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _list(items: list[str], width: int) -> str:
    return _short(", ".join(items), width) if items else "(none)"


def format_table(result: EvalResult, worst: int = 10) -> str:
    """The readable report: one row per scored field, the documents line, the worst misses."""
    header = ["field", "gold facts", "found", "recall", "extracted", "correct", "precision", "forbidden"]
    rows = []
    for name in FIELDS:
        s = result.fields[name]
        if not s.documents and not s.forbidden:
            continue
        precision = _pct(s.precision) + ("*" if s.recall_only and s.precision is not None else "")
        forbidden = str(s.forbidden) if name in ("salaries", "growth") else "-"
        rows.append([name, str(s.gold), str(s.found), _pct(s.recall), str(s.extracted), str(s.correct),
                     precision, forbidden])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
             for r in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    if not rows:
        lines.append("(no field of the gold was scored)")
    if any(result.fields[f].recall_only for f in FIELDS):
        marked = ", ".join(f for f in FIELDS if result.fields[f].recall_only)
        lines.append(f"* recall only ({marked}): the gold lists only some of these facts, "
                     "so precision is a lower bound")
    if result.occupations is not None:
        o = result.occupations
        lines.append(f"occupation: top-1 {_pct(o.top1_accuracy)}, top-3 {_pct(o.top3_accuracy)} "
                     f"({o.documents} documents with occupation gold, {o.uncoded} not coded)")
    d = result.documents
    lines.append(f"documents: {d['total']} in gold, {d['parsed']} parsed, {d['lost']} lost, "
                 f"{d['rejected']} rejected, {d['crashed']} crashed")
    for reason, n in result.rejected_reasons.items():
        lines.append(f"  {n} x {reason}")
    bad = result.worst(worst)
    if bad:
        lines.append(f"worst misses (documents with the most missed gold facts, top {len(bad)}):")
        for doc in bad:
            status = "" if doc.status == "parsed" else f" [{doc.status}: {_short(doc.reason or '', 60)}]"
            lines.append(f"  {doc.file}: {doc.missed_count} missed{status}")
            for fname, missed in doc.missed.items():
                got = doc.extracted.get(fname, [])
                lines.append(f"    {fname}: expected {_list(missed, 70)}; extracted {_list(got, 70)}")
    return "\n".join(lines)


def write_json(result: EvalResult | dict, path: str | Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = result.to_dict() if isinstance(result, EvalResult) else result
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")


