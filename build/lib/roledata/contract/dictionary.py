"""The data dictionary in Markdown (`roledata tables`, docs/DATA_DICTIONARY.md), from the declarations."""
from __future__ import annotations

from roledata.contract.columns import DUCKDB_TYPES, range_text
from roledata.contract.tables import TABLES
from roledata.contract.views import VIEWS


def data_dictionary() -> str:
    """Markdown data dictionary: every table and column, from the declarations."""
    out = ["# roledata data dictionary", "",
           "Generated from the declarations in `src/roledata/contract/` by `roledata tables`; do not edit by hand.", ""]
    for table in TABLES:
        out += [f"## {table.name}", "", table.description, "",
                f"Primary key: `{', '.join(table.primary_key)}`" + ("; every row carries provenance." if table.has_provenance else ""), "",
                "| column | type | null | allowed values | description |", "|---|---|---|---|---|"]
        for c in table.columns:
            allowed = ", ".join(f"`{x}`" for x in c.codes) if c.codes else range_text(c)
            out.append(f"| `{c.name}` | {DUCKDB_TYPES[c.dtype]} | {'yes' if c.nullable else 'no'} | {allowed} | {c.description} |")
        for check in table.checks:
            out.append(f"\nRow check: {check.name}.")
        out.append("")
    return "\n".join(out) + "\n" + views_dictionary()


def views_dictionary() -> str:
    """Markdown for the warehouse's views (the end of `data_dictionary()`): what each joins, its columns."""
    out = ["# Views in roledata.duckdb", ""]
    for view in VIEWS:
        out += [f"## {view.name}", "", view.description, "", "| column | description |", "|---|---|"]
        out += [f"| `{name}` | {text} |" for name, text in view.columns]
        out.append("")
    return "\n".join(out)
