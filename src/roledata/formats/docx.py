"""A Word document's text (python-docx): paragraphs in order, heading styles as heading lines, list
paragraphs as `- ` bullets, table rows as `| a | b |` rows.

A `.docx` is a zip archive: its entries' sizes are checked from the archive's
directory before anything is expanded, so a zip bomb (a small file that expands
to gigabytes) is a reject that costs nothing. A file that is not a zip (a
password-protected Word document is stored as an encrypted OLE file, an old
`.doc` too) is a reject that says so.
"""
from __future__ import annotations

import io
import zipfile

from roledata.formats.errors import Unreadable

MAX_EXPANDED_BYTES = 100 * 1024 * 1024  # all entries expanded; a long job description's document is under 1 MB
MAX_RATIO = 200  # expanded / compressed, per entry: XML compresses ~10x, a bomb ~1000x
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_docx(data: bytes) -> tuple[str, None]:
    # python-docx is imported when a Word file is read: commands that read none do not pay its start-up.
    import docx as python_docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    _check_archive(data)
    try:
        document = python_docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise Unreadable(f"broken Word document: {type(exc).__name__}: {str(exc)[:200]}") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            if line := _paragraph_line(block):
                lines.append(line)
        elif isinstance(block, Table):
            lines.extend(_table_rows(block))
    if not lines:
        raise Unreadable("Word document without text")
    return "\n".join(lines) + "\n", None


def _check_archive(data: bytes) -> None:
    if data.startswith(_OLE):
        raise Unreadable("not a .docx file: an OLE compound file (a password-protected Word document, or an old "
                         ".doc): save it as an unprotected .docx")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise Unreadable("not a .docx file: not a zip archive")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise Unreadable(f"broken .docx file: {exc}") from None
    expanded = sum(e.file_size for e in entries)
    if expanded > MAX_EXPANDED_BYTES:
        raise Unreadable(f"zip bomb: the .docx expands to {expanded:,} bytes (limit {MAX_EXPANDED_BYTES:,}); not expanded")
    for entry in entries:
        if entry.file_size > 1_000_000 and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise Unreadable(f"zip bomb: {entry.filename} expands {entry.file_size // max(entry.compress_size, 1):,} "
                             f"times ({entry.file_size:,} bytes); not expanded")
    if "word/document.xml" not in {e.filename for e in entries}:
        raise Unreadable("not a .docx file: a zip archive without word/document.xml")


def _paragraph_line(paragraph) -> str:
    text = " ".join(paragraph.text.split())
    if not text:
        return ""
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if style.startswith(("Heading", "Title", "Subtitle")):
        return text  # a heading is a line of its own, as in a text page
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if numbered or style.startswith("List"):
        return f"- {text}"
    return text


def _table_rows(table) -> list[str]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if cells and cells[-1] == text and text:  # a merged cell repeats itself across the columns it spans
                continue
            cells.append(text)
        if any(cells):
            rows.append("| " + " | ".join(cells) + " |")
    return rows
