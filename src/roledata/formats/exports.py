"""Posting exports: one posting a row, in CSV, JSON Lines or Parquet; each row is one document.

A run's plan streams an export (`read_export`) and gives each row:

- its bytes: the row's cells and the column mapping as one JSON object
  (`documents.document_id` is their sha256, so an edited row, and only it, is
  parsed again);
- its label, from the row's own key (`job_id=3904`, `id=…`, `job_url=…`),
  else from its content (`sha256=…`): the row's `source_path` is
  `<file>#<label>`, and its rows' ids hash that path, so they stay put when
  other rows are added, edited or removed.

Columns are mapped to roledata's fields by name (`ALIASES`: JobSpy's output and
the LinkedIn, Glassdoor and Google Jobs export shapes), or by the user
(`--columns title=job_title,description=body`). An export without a description
column is a reject naming the columns it has. A row's text (`read_row`) is the
title cell, a blank line and the description cell (line ends made LF), which
the parser reads; after it come the other mapped cells as `column: value`
lines, so a row taken from a field (`origin = 'field'`) points at its cell in
the same stored text.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import PurePosixPath
from typing import BinaryIO

from roledata.formats.errors import Unreadable
from roledata.text import sha256_hex

EXPORT_EXTENSIONS = (".csv", ".jsonl", ".ndjson", ".parquet")
ROW_MARK = "#"  # <file>#<label>: a row of an export
MAX_CELL = 10 * 1024 * 1024  # the largest cell read; csv's own default (128 KiB) is under some descriptions

# roledata's fields and the column names that hold them, first match wins (case and spaces folded).
# "" is the unnamed first column pandas writes for its index (Glassdoor's export keys its rows so).
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "job_id", "posting_id", ""),
    "title": ("title", "job_title", "position", "position_title"),
    "description": ("description", "job_description", "description_text", "body"),
    "company": ("company", "company_name", "employer", "hiring_organization"),
    "location": ("location", "job_location"),
    "is_remote": ("is_remote", "remote_allowed", "work_from_home", "remote"),
    "job_type": ("job_type", "formatted_work_type", "schedule_type", "employment_type", "work_type"),
    "experience_level": ("job_level", "formatted_experience_level", "experience_level"),
    "date_posted": ("date_posted", "listed_time", "posted_at", "date"),
    "min_amount": ("min_amount", "min_salary", "salary_min"),
    "max_amount": ("max_amount", "max_salary", "salary_max"),
    "med_amount": ("med_amount", "med_salary", "median_salary"),
    "interval": ("interval", "pay_period", "salary_interval"),
    "currency": ("currency", "salary_currency"),
    "job_url": ("job_url", "job_posting_url", "url", "link"),
}
FIELDS = tuple(ALIASES)
# The fields written after the description, in this order (the pay cells side by side: a salary
# taken from them points at one span).
BLOCK_ORDER = ("company", "location", "is_remote", "job_type", "experience_level", "date_posted",
               "min_amount", "max_amount", "med_amount", "interval", "currency", "job_url", "id")


class ExportError(Unreadable):
    """The export as a whole cannot be read: its one reject's reason."""


def is_export(path: str) -> bool:
    return PurePosixPath(path).suffix.lower() in EXPORT_EXTENSIONS


def row_of(source_path: str) -> tuple[str, str] | None:
    """(file, label) when `source_path` names a row of an export (`jobs.csv#job_id=3904`), else None."""
    file, mark, label = source_path.partition(ROW_MARK)
    return (file, label) if mark and label and is_export(file) else None


def parse_columns(text: str | None) -> dict[str, str]:
    """`title=job_title,description=body` -> {"title": "job_title", "description": "body"}; ValueError
    naming what is wrong."""
    mapping: dict[str, str] = {}
    for item in (text or "").split(","):
        if not item.strip():
            continue
        field, equals, column = item.partition("=")
        field = field.strip()
        if not equals or not column.strip():
            raise ValueError(f"{item.strip()!r} is not field=column")
        if field not in ALIASES:
            raise ValueError(f"{field!r} is no field (fields: {', '.join(FIELDS)})")
        mapping[field] = column.strip()
    return mapping


def map_columns(columns: list[str], given: dict[str, str]) -> dict[str, str]:
    """field -> column name, for the columns an export has: the user's mapping, else the aliases."""
    folded = {_fold(c): c for c in reversed(columns)}  # the first of two look-alike columns wins
    mapping = {}
    for field, aliases in ALIASES.items():
        if field in given:
            if given[field] in columns:
                mapping[field] = given[field]
            continue
        for alias in aliases:
            if alias in folded:
                mapping[field] = folded[alias]
                break
    return mapping


def _fold(name: str) -> str:
    return re.sub(r"[\s_]+", "_", name.strip().lower())


def read_export(stream: BinaryIO, path: str, given: dict[str, str]) -> Iterator[tuple[str, bytes]]:
    """(label, row bytes) for every row of an export, streamed: memory holds one batch of rows.
    Raises `ExportError` for an export that cannot be read (broken quote, not UTF-8, not Parquet,
    no description column): the whole file is then one reject."""
    suffix = PurePosixPath(path).suffix.lower()
    rows = {".csv": _csv_rows, ".jsonl": _jsonl_rows, ".ndjson": _jsonl_rows, ".parquet": _parquet_rows}[suffix](stream)
    columns = next(rows)
    mapping = map_columns(columns, given)
    if "description" not in mapping:
        shown = ", ".join(repr(c) for c in columns[:40]) + (", …" if len(columns) > 40 else "")
        missing = f" (--columns names {given['description']!r}, which it does not have)" if "description" in given else ""
        raise ExportError(f"export without a description column{missing}: its columns are {shown}; "
                          "name yours with --columns description=COLUMN,title=COLUMN")
    header = json.dumps(mapping, ensure_ascii=False)
    labels: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        cells = json.dumps(row, ensure_ascii=False, default=_plain)
        data = f'{{"columns": {header}, "row": {cells}}}'.encode("utf-8")
        label = _label(row, mapping, data)
        if label in labels:
            raise ExportError(f"two rows with the same key {label} (rows {labels[label]} and {number}): "
                              "a row's key must name one posting")
        labels[label] = number
        yield label, data


def _label(row: dict, mapping: dict[str, str], data: bytes) -> str:
    for field in ("id", "job_url"):
        column = mapping.get(field)
        value = _cell(row.get(column)) if column is not None else None
        if value:
            return f"{column or 'row'}={value}"
    return f"sha256={sha256_hex(data)[:16]}"


def _csv_rows(stream: BinaryIO) -> Iterator:
    csv.field_size_limit(MAX_CELL)
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    reader = csv.reader(text, strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise ExportError("empty export: no header row")
        yield header
        for record in reader:
            if not record:
                continue
            if len(record) != len(header):
                raise ExportError(f"broken CSV: the record ending on line {reader.line_num} has {len(record)} "
                                  f"cells, the header {len(header)}")
            yield dict(zip(header, record))
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise ExportError(f"broken CSV: a quoted cell opened after line {_last_line(reader)} never closes "
                              "(a quote missing)") from None
        raise ExportError(f"broken CSV near line {reader.line_num}: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ExportError(f"export not in UTF-8: byte 0x{exc.object[exc.start]:02x} on line "
                          f"{_first_bad_line(stream)} cannot be decoded; save it as UTF-8") from None


def _first_bad_line(stream: BinaryIO) -> int | str:
    """The number of the first line that is not UTF-8 (the decoder reads ahead in chunks, so its
    error does not say), read again from the start; "?" when the stream cannot go back."""
    try:
        stream.seek(0)
        for number, raw in enumerate(stream, start=1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                return number
    except (OSError, ValueError):
        pass
    return "?"


def _last_line(reader) -> int:
    return max(1, reader.line_num)


def _jsonl_rows(stream: BinaryIO) -> Iterator:
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    columns_given = False
    for number, raw in enumerate(stream, start=1):
        try:
            line = decoder.decode(raw)
        except UnicodeDecodeError:
            raise ExportError(f"export not in UTF-8: line {number} cannot be decoded; save it as UTF-8") from None
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise ExportError(f"broken JSON Lines: line {number} is not JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise ExportError(f"broken JSON Lines: line {number} is not a JSON object")
        if not columns_given:
            columns_given = True
            yield list(row)
        yield row
    if not columns_given:
        raise ExportError("empty export: no rows")


def _parquet_rows(stream: BinaryIO) -> Iterator:
    import pyarrow as pa  # with pyarrow's Parquet reader, only when an export is read
    import pyarrow.parquet as pq

    try:
        reader = pq.ParquetFile(stream)
        yield list(reader.schema_arrow.names)
        for batch in reader.iter_batches(batch_size=256):
            yield from batch.to_pylist()
    except (pa.ArrowException, OSError) as exc:
        raise ExportError(f"broken Parquet file: {str(exc)[:200]}") from None


def _plain(value: object) -> object:
    """A Parquet cell JSON cannot hold as it is (dates, decimals, bytes) as text."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _cell(value: object) -> str | None:
    """A cell as text, or None when it is empty (NaN, None, blank)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False) \
        if isinstance(value, (list, dict)) else str(value)
    return text.strip() or None


@dataclass
class Row:
    """One export row as roledata reads it."""
    text: str
    parse_end: int
    fields: dict  # field -> {"column", "value", "char_start", "char_end"}
    spans: dict[str, tuple[int, int]]


def read_row(data: bytes) -> Row:
    """A row's text: the title cell, a blank line, the description cell (what the parser reads), then
    a `column: value` line per other mapped cell; its fields with their spans in that text."""
    try:
        decoded = json.loads(data.decode("utf-8"))
        mapping, row = decoded["columns"], decoded["row"]
    except (ValueError, KeyError, TypeError):
        raise Unreadable("export row that cannot be read back (not roledata's row form)") from None
    title = _lines(_cell(row.get(mapping["title"])) if "title" in mapping else None)
    description = _lines(_cell(row.get(mapping["description"])))
    parts, spans = [], {}
    if title:
        title = " ".join(title.split())
        spans["title"] = (0, len(title))
        parts.append(title + "\n\n")
    start = sum(map(len, parts))
    if description:
        spans["description"] = (start, start + len(description))
        parts.append(description + "\n")
    text = "".join(parts)
    parse_end = len(text)
    block = []
    for field in BLOCK_ORDER:
        value = _cell(row.get(mapping[field])) if field in mapping else None
        if value is None:
            continue
        value = " ".join(value.split())
        line_start = len(text) + 1 + sum(len(b) for b in block)
        label = f"{mapping[field] or 'row'}: "
        spans[field] = (line_start + len(label), line_start + len(label) + len(value))
        block.append(f"{label}{value}\n")
    if block:
        text += "\n" + "".join(block)
    fields = {f: {"column": mapping[f], "value": text[s:e], "char_start": s, "char_end": e}
              for f, (s, e) in spans.items() if f != "description"}
    return Row(text, parse_end, fields, spans)


def _lines(text: str | None) -> str | None:
    """A cell's line ends as LF (CRLF and CR are how exports store them), its ends trimmed."""
    if text is None:
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n").strip() or None
