"""The `sections` table: one row per heading of the outline, with the text it spans."""
from __future__ import annotations

from roledata.extract.context import PageContext
from roledata.parse.outline import Outline, section_ranges


def extract_sections(outline: Outline, context: PageContext) -> list[dict]:
    """Each (sub-)section in page order: its heading, kind, level and parent, and the text
    from its heading to the next section's (`section_ranges`)."""
    ranges = section_ranges(outline.sections, len(outline.text))
    rows = []
    for s in outline.sections:
        start, end = ranges[s.ordinal]
        rows.append({"document_id": context.document_id, "ordinal": s.ordinal, "heading": s.heading_text,
                     "kind": s.kind, "level": s.level,
                     "parent_ordinal": s.parent.ordinal if s.parent else None,
                     "section_heading": s.heading_text, "char_start": start, "char_end": end,
                     "text": outline.text[start:end]})
    return rows
