"""Row ids from what a row is about, not from where it sits in the page's bytes.

A row's id is a hash of its table, the page's path, the row's role and the
columns that say *what* the row describes (a salary's component, statistic,
segment and period; a duty's text; a growth figure's metric and period),
plus an occurrence number among the page's rows that describe the same thing.
The figures themselves (amounts, percentages, years) are left out, so:

- editing a pay figure keeps the salary row's id: `changes.json` reports one
  changed row with its before and after values, not a removal and an addition;
- editing a page elsewhere leaves its other rows' ids as they were (offsets,
  ordinals and `document_id` move, ids do not); only a row describing the same
  thing as an earlier one on the page (the second "median" of one segment,
  say) takes its id from its rank among them;
- the same page read again gives the same ids (the contract's stability rule).

The page's path (relative to the raw folder) is part of the hash: two sites'
pages about the same role each keep their own salary rows (an analyst wants
both medians), and a file edited in place keeps its path. A file renamed or
moved gets new ids, as a new source would.
"""
from __future__ import annotations

import unicodedata

from roledata.contract.tables import IDENTITY
from roledata.text import LazyPattern, stable_id

_SPACE = LazyPattern(r"\s+")


def normalized(value: object) -> str:
    """Case, Unicode compatibility forms, runs of white space and trailing punctuation do not make another row."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    folded = unicodedata.normalize("NFKC", value).casefold()
    return _SPACE.sub(" ", folded).strip(" .;:,")


def assign_row_ids(tables: dict[str, list[dict]], source_path: str) -> None:
    """Set every id column of one page's rows, in place, from the rows' content."""
    for name, (id_column, columns) in IDENTITY.items():
        seen: dict[tuple, int] = {}
        for row in tables.get(name, ()):
            what = (row.get("role_id"), *(normalized(row.get(c)) for c in columns))
            occurrence = seen.get(what, 0)
            seen[what] = occurrence + 1
            row[id_column] = stable_id(name, source_path, *what, occurrence)
