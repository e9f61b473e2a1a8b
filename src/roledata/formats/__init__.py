"""Readers: a file's bytes in, the text roledata reads out, by format.

Each reader turns one file (or one row of a posting export) into a `Read`:
the text the parser reads, with headings as heading lines, list items as
`- ` bullets and table rows as `| a | b |` rows; its `text_origin`
(`documents.text_origin`); and, where the format has them, structured fields
(`documents.fields`). Every row's provenance points into `Read.text`, which is
stored whole in `document_texts`.

Readers are chosen by extension, then by the bytes (`reader_for`), as `parse`
chooses page families by content. Plain text and Markdown are not read here:
`extract.document` decodes them as it always has. Posting exports (`.csv`,
`.jsonl`, `.parquet`) are many documents per file: `formats.exports` splits
them into rows when a run plans, and each row is read by `exports.read_row`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from roledata.formats import docx, html, pdf
from roledata.formats.errors import Unreadable
from roledata.formats.exports import EXPORT_EXTENSIONS, ROW_MARK, is_export, read_row, row_of

MARKDOWN_EXTENSIONS = (".md", ".markdown")


@dataclass
class Read:
    """What a reader made of a document: the text the parser reads and where it came from."""
    text: str
    text_origin: str  # documents.text_origin
    encoding: str | None = None
    fields: dict | None = None  # documents.fields
    parse_end: int | None = None  # the parser reads text[:parse_end] (an export row's fields follow it)
    field_spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # field -> its value's span in text
    warning: str | None = None


# Binary and markup formats, by extension: (reader, text_origin).
READERS: dict[str, tuple[Callable[[bytes], tuple[str, dict | None]], str]] = {
    ".pdf": (pdf.read_pdf, "pdf"),
    ".docx": (docx.read_docx, "docx"),
    ".html": (html.read_html_bytes, "html"),
    ".htm": (html.read_html_bytes, "html"),
    ".xhtml": (html.read_html_bytes, "html"),
}


def extension(path: str) -> str:
    return PurePosixPath(path).suffix.lower()


def reader_for(path: str, data: bytes) -> tuple[Callable[[bytes], tuple[str, dict | None]], str] | None:
    """The reader of a file that is not plain text or Markdown: by its extension, else by its first
    bytes (a PDF or a Word file saved under another name); None for text."""
    found = READERS.get(extension(path))
    if found is not None:
        return found
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return READERS[".pdf"]
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:4096]:
        return READERS[".docx"]
    return None


def text_origin_of(path: str) -> str:
    """`markdown` for a Markdown file, `text` for any other file read as text."""
    return "markdown" if extension(path) in MARKDOWN_EXTENSIONS else "text"


def read_file(path: str, data: bytes) -> Read | None:
    """A non-text file's `Read`, or None when the file is read as text. Raises `Unreadable` with the
    reason when the file is of its format but cannot be read (broken, locked, no text)."""
    found = reader_for(path, data)
    if found is None:
        return None
    reader, origin = found
    text, fields = reader(data)
    return Read(text, origin, "utf-8" if origin == "html" else None, fields)


def read_export_row(data: bytes) -> Read:
    """One export row's `Read` (its bytes are what `formats.exports` spooled for it)."""
    row = read_row(data)
    return Read(row.text, "export", "utf-8", row.fields, row.parse_end, row.spans)


__all__ = ["EXPORT_EXTENSIONS", "READERS", "ROW_MARK", "Read", "Unreadable", "extension", "is_export",
           "read_export_row", "read_file", "reader_for", "row_of", "text_origin_of"]
