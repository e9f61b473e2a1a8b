"""One raw document in (a file, or a row of a posting export), its rows for every table out (or a reject)."""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone

from roledata import PARSER_VERSION
from roledata.contract.checks import RejectLog, check_rows, frame_rows
from roledata.contract.tables import EXTRACTED_TABLES
from roledata import formats
from roledata.extract import PageTooCostly, extract_tables
from roledata.extract.fields import field_posting_facts, field_salaries, field_title
from roledata.extract.identity import assign_row_ids
from roledata.formats.errors import Unreadable
from roledata.formats.html import read_html
from roledata.parse import parse_outline
from roledata.text import LazyPattern, decode_bytes, display_path, mojibake_samples, sha256_hex, unicode_by_bom

_BINARY_SNIFF = 8192
_HTML_START = LazyPattern(r"\A\ufeff?\s*<(?:!doctype\s+html|html|head|body)\b", re.I)
_HTML_TAG = LazyPattern(r"</?(?:p|div|span|a|h[1-6]|ul|ol|li|table|tr|td|br|body|head|script|style)\b[^>]*>", re.I)


@dataclass
class DocumentResult:
    """One page's outcome: its `documents` row, its decoded text (None when unreadable), its rows
    per table (none when rejected) and the reason it was rejected, if it was."""

    document: dict
    text: str | None
    tables: dict[str, list[dict]] = field(default_factory=dict)
    reject_reason: str | None = None
    # Rows the row checks refused, as (table, reason, payload); see `validate.check_documents`.
    row_rejects: list[tuple[str, str, str]] = field(default_factory=list)


def process_document(source_path: str, data: bytes, seen_at: datetime | None = None,
                     document_id: str | None = None) -> DocumentResult:
    """Read, parse and extract one document: a file, or one row of a posting export (`source_path`
    `<file>#<label>`, `data` the row's bytes). Never raises on bad input: a document that cannot be
    read becomes a rejected `documents` row with the reason."""
    seen_at = seen_at or datetime.now(timezone.utc)
    document_id = document_id or sha256_hex(data)
    doc = {"document_id": document_id, "source_path": display_path(source_path), "source_format": "generic",
           "encoding": None, "byte_count": len(data), "char_count": None, "status": "parsed",
           "status_reason": None, "warning": None, "first_seen_at": seen_at, "parser_version": PARSER_VERSION,
           "text_origin": formats.text_origin_of(source_path), "fields": None}
    if not data:
        return _rejected(doc, None, "empty document: 0 bytes")
    try:
        read = (formats.read_export_row(data) if formats.row_of(source_path) is not None
                else formats.read_file(source_path, data))
    except Unreadable as exc:
        doc["text_origin"] = _origin_by_name(source_path)
        return _rejected(doc, None, str(exc))
    except Exception as exc:  # a reader's bug, or a library's on a file it chokes on: one document, never the run
        doc["text_origin"] = _origin_by_name(source_path)
        return _rejected(doc, None, f"cannot read {doc['text_origin']}: {type(exc).__name__}: {str(exc)[:200]}")
    if read is None:  # a text or Markdown file, read as it always was
        reason = _unreadable_reason(data)
        if reason:
            return _rejected(doc, None, reason)
        text, encoding = decode_bytes(data)
        doc.update(encoding=encoding, char_count=len(text))
        if not text.strip():
            return _rejected(doc, text, "empty document: only white space")
        if _HTML_START.match(text) or len(_HTML_TAG.findall(text, 0, 100_000)) >= 10:
            # HTML saved under a text name, or a page's HTML pasted into a text file: read as HTML.
            try:
                main, fields = read_html(text)
            except Unreadable as exc:
                return _rejected(doc, text, str(exc))
            read = formats.Read(main, "html", encoding, fields)
    if read is not None:
        text = read.text
        doc.update(encoding=read.encoding, char_count=len(text), text_origin=read.text_origin,
                   fields=json.dumps(read.fields, ensure_ascii=False, sort_keys=True) if read.fields else None)
        if not text.strip():
            return _rejected(doc, text, "empty document: no text")
    if garbled := mojibake_samples(text):
        doc["warning"] = ("mojibake: UTF-8 text decoded twice (" + ", ".join(repr(g) for g in garbled)
                          + "); rows keep the text as written")
    parsed = text if read is None or read.parse_end is None else text[:read.parse_end]
    if reason := not_a_role(parsed) or too_long(parsed):
        return _rejected(doc, text, reason)
    try:
        outline = parse_outline(parsed)
        doc["source_format"] = outline.source_format
        if read is not None and (by_field := field_title(text, read.field_spans)) is not None:
            outline.title_choice, outline.title = by_field, by_field.span
        if outline.title is None:
            return _rejected(doc, text, "not about a role: no role title, duties, skills or pay found")
        failures: list[tuple[str, str, str]] = []
        tables = extract_tables(outline, document_id, failures, doc["source_path"])
        if read is not None and read.text_origin == "export" and read.fields:
            _add_field_rows(tables, text, read, document_id, failures, doc["source_path"])
    except PageTooCostly as exc:
        return _rejected(doc, text, str(exc))
    except Exception as exc:  # a parser bug must cost one document, never the run
        return _rejected(doc, text, f"parser error: {type(exc).__name__}: {exc}")
    return DocumentResult(doc, text, tables, row_rejects=failures)


def _origin_by_name(source_path: str) -> str:
    """What a document that could not be read was meant to be, by its name."""
    if formats.row_of(source_path) is not None:
        return "export"
    found = formats.READERS.get(formats.extension(source_path))
    return found[1] if found else formats.text_origin_of(source_path)


def _add_field_rows(tables: dict[str, list[dict]], text: str, read: formats.Read, document_id: str,
                    failures: list[tuple[str, str, str]], source_path: str) -> None:
    """The rows an export row's fields give (`origin = 'field'`): its title (the primary role's row is
    marked), its pay cells as a salary and its company, location, remote flag and job type as posting
    facts, beside what the text gave."""
    role = tables["role_documents"][0]
    if role.get("title_source") == "field":
        role["origin"] = "field"
    salaries, problems = field_salaries(text, read.fields, document_id, role["role_id"])
    tables["salaries"] = [*tables.get("salaries", []), *salaries]
    facts = field_posting_facts(text, read.fields, document_id, role["role_id"])
    tables["posting_facts"] = [*tables.get("posting_facts", []), *facts]
    for problem in problems:
        failures.append(("salaries", problem, json.dumps({k: v["value"] for k, v in read.fields.items()},
                                                         ensure_ascii=False)))
    if salaries or facts:
        assign_row_ids(tables, source_path)


def not_a_role(text: str) -> str | None:
    """Why a readable document is plainly not a role page (a table of file names, say)."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    tabbed = sum("\t" in ln for ln in lines)
    if len(lines) >= 3 and tabbed >= 0.6 * len(lines):
        return f"not about a role: a tab-separated table ({tabbed} of {len(lines)} lines), not a role page"
    return None


# The longest line read as text. Prose lines run to a few thousand characters; a longer one is a
# dump (text pulled from a PDF or a page's script) that no sentence split can make sense of.
MAX_LINE = 200_000


def too_long(text: str) -> str | None:
    """Why a page is too long to read as text (one line over MAX_LINE characters), or None."""
    if len(text) <= MAX_LINE:
        return None
    longest = max(map(len, text.splitlines()), default=0)
    if longest > MAX_LINE:
        return f"page too long to read as text: {longest:,} characters in one line (limit {MAX_LINE:,})"
    return None


def _unreadable_reason(data: bytes) -> str | None:
    if not data:
        return "empty document: 0 bytes"
    if b"\x00" in data[:_BINARY_SNIFF] and unicode_by_bom(data) is None:  # UTF-16 text is half NUL bytes
        return "binary file: NUL bytes in the first 8 KiB"
    return None


def _rejected(doc: dict, text: str | None, reason: str) -> DocumentResult:
    doc.update(status="rejected", status_reason=reason)
    return DocumentResult(doc, text, {}, reason)


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
