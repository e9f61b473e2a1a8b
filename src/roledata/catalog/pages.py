"""The catalog's pages, each rendered to text from the Jinja2 templates in catalog/templates/.

Pages are plain HTML with inline CSS and inline SVG charts: no script, no CDN,
nothing fetched; they work opened from disk as well as served by `roledata
catalog serve`. Writing them to disk is `roledata.catalog.build`'s job.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import ijson
import jinja2
from markupsafe import Markup

from roledata.catalog.charts import (
    PAY_KINDS, growth_charts, pay_chart, role_market_chart, role_pay_chart, skills_chart,
)
from roledata.catalog.labels import (
    PAY_GROUPS, category_name, format_bool, format_bytes, format_cell, format_growth, format_money, format_number,
    format_pay, format_timestamp, format_usd_range, format_years, growth_period, listed_order, short_id, source_html,
)
from roledata.catalog.queries import (
    SPREAD_COLUMNS, CHART_ROLES, DOCUMENT_ROWS, PAY_ROWS, ROLE_ROWS, connect, first_rows, market_pay, reject_summary,
    role_list, top_growth_figures, top_skills,
)
from roledata.contract import codes
from roledata.contract.columns import DUCKDB_TYPES
from roledata.contract.tables import TABLES
from roledata.reference import attribution

CATALOG_VERSION = "3"  # pages made by another version are made again (written in each page's <head>)
MARKER = f'<meta name="roledata-catalog" content="{CATALOG_VERSION}">'
LIST_ROLES = 200  # the snapshot page lists this many roles; roles/index.html lists them all
LATEST_LINK = "latest"  # snapshots/latest: the newest snapshot's folder, linked from the index
TEMPLATES = Path(__file__).resolve().parent / "templates"
# The code lists whose labels the templates print: `names.segment.label(code)`.
_CODE_LISTS = {"segment": codes.SEGMENT_TYPE, "statistic": codes.STATISTIC, "pay": codes.PAY_COMPONENT,
               "metric": codes.GROWTH_METRIC, "education": codes.EDUCATION_LEVEL, "scope": codes.EXPERIENCE_SCOPE,
               "relation": codes.RELATION, "basis": codes.BONUS_BASIS}
_SAFE_ROLE = re.compile(r"[a-z0-9][a-z0-9-]{0,120}")


def role_page_name(role_id: str) -> str:
    """The file name of a role's page: its slug, or a digest for an id that is no safe file name."""
    if _SAFE_ROLE.fullmatch(role_id) and role_id != "index":
        return f"{role_id}.html"
    return f"role-{hashlib.sha1(role_id.encode()).hexdigest()[:16]}.html"


# ------------------------------------------------------------------ templates
_ENV: jinja2.Environment | None = None


def _env() -> jinja2.Environment:
    global _ENV
    if _ENV is None:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                                 trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
        env.filters.update(num=format_number, money=format_money, when=format_timestamp, size=format_bytes,
                           yesno=format_bool, category=category_name, short_id=short_id)
        env.globals.update(
            marker=Markup(MARKER), style=Markup(_STYLE), format_pay=format_pay, format_growth=format_growth,
            growth_period=growth_period, format_years=format_years, format_cell=format_cell,
            usd_range=format_usd_range, source=source_html, names=_CODE_LISTS, DUCKDB_TYPES=DUCKDB_TYPES)
        _ENV = env
    return _ENV


_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:78rem;padding:1rem 1.5rem 3rem;color:#1d232a}
h1{font-size:1.7rem;margin:.6rem 0 .3rem} h2{margin-top:2.2rem;border-bottom:2px solid #dde3e8;padding-bottom:.2rem}
h3{margin:1.4rem 0 .3rem} a{color:#0b5cad} .crumbs{font-size:.9rem}
nav.toc{background:#f4f7f9;border:1px solid #dde3e8;border-radius:6px;padding:.4rem 1.2rem;margin:1rem 0;font-size:.92rem}
nav.toc ol{margin:.3rem 0} nav.toc ol ol{font-size:.85rem;margin:0;padding-left:1.2rem}
nav.toc ol.inline{padding:0} nav.toc ol.inline li{display:inline} nav.toc ol.inline li+li:before{content:" · "}
table{border-collapse:collapse;margin:.5rem 0 1.2rem;font-size:.88rem}
th,td{border:1px solid #ccd3da;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#eef2f5} td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td table{margin:0;font-size:.82rem} td table td,td table th{padding:.05rem .4rem}
.cell{max-width:22rem;min-width:3rem;overflow-wrap:break-word} .scroll,.chart{overflow-x:auto}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(23.5rem,1fr));gap:.2rem 1rem}
figure{margin:0} figcaption{font-weight:600;font-size:.9rem;margin:.4rem 0 0}
.null,.muted{color:#66727f} .muted{font-size:.85rem} .id{font-family:ui-monospace,monospace;font-size:.82rem}
.quote{font-style:italic;max-width:34rem} .src{display:block;color:#66727f;font-size:.78rem;font-style:normal}
.badge{display:inline-block;background:#e3eefa;border-radius:4px;padding:0 .35rem;font-size:.8rem;margin-left:.3rem}
.summary{max-width:60rem} dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.5rem 0}
dl.facts dt{font-weight:600} dl.facts dd{margin:0}
ul.skills{columns:3 15rem;padding-left:1.2rem;margin:.2rem 0 1rem} ol.duties li{margin:.15rem 0}
svg text{font-size:12px;font-family:system-ui,sans-serif;fill:#1d232a} svg a text{fill:#0b5cad}
svg text.tick{fill:#5b6875;font-size:11px} svg text.value{font-size:11px}
"""


def _render(template: str, **context) -> str:
    return _env().get_template(template).render(**context)


# ------------------------------------------------------------------ pages
def snapshot_page(folder: Path, manifest: dict, roles: list[dict] | None = None,
                  pages: dict[str, str] | None = None) -> str:
    """`<id>/index.html` of the snapshot in `folder` (its `manifest`): contents, downloads, roles, charts,
    what changed, data dictionary, first rows. `roles` (`queries.role_list`) and `pages` (role_id -> its
    page's file name) are read and named here when not given."""
    with connect(folder) as con:
        if roles is None:
            roles = role_list(con, folder)
        if pages is None:
            pages = {r["role_id"]: role_page_name(r["role_id"]) for r in roles}
        pay = pay_chart(market_pay(con, folder), pages)
        rejects = reject_summary(con, folder)
        skills = skills_chart(top_skills(con, folder))
        growth = growth_charts(top_growth_figures(con, folder), pages)
        tables = []
        for table in TABLES:
            if (first := first_rows(con, folder, table.name)) is None:  # an older snapshot, before the table
                tables.append({"table": table, "columns": [], "rows": [], "present": False})
                continue
            columns, rows = first
            cells = [[format_cell(table.name, c, row[c], row) for c in columns] for row in rows]
            tables.append({"table": table, "columns": columns, "rows": cells, "present": True})
    return _render("snapshot.html", manifest=manifest, sid=manifest["snapshot_id"], roles=roles[:LIST_ROLES],
                   role_count=len(roles), pages=pages, pay_chart=pay, skills_chart=skills, growth=growth,
                   changes=load_changes(folder), tables=tables, chart_roles=CHART_ROLES, rejects=rejects)


SHOWN_DOCUMENTS = 10  # documents named per table in a snapshot page's "What changed"


def load_changes(folder: Path) -> dict | None:
    """What the catalog shows of the snapshot's changes.json, read as a stream: the previous snapshot, per
    table its counts, its first `SHOWN_DOCUMENTS` documents and how many there are (`document_count`), and
    the ids of every document behind a change (`document_ids`). A first snapshot of 100,000 postings lists
    every page under every table: 170 MB of JSON, several times that as Python objects when read whole; here
    one table's documents at a time. None when the file is missing or unreadable."""
    path = folder / "changes.json"
    if not path.exists():
        return None
    try:
        previous = previous_snapshot(folder)
        tables, ids = {}, set()
        with path.open("rb") as f:
            for name, change in ijson.kvitems(f, "tables"):
                documents = change.get("documents", [])
                ids.update(d.get("document_id") for d in documents)
                tables[name] = {"added": change["added"], "removed": change["removed"], "changed": change["changed"],
                                "documents": documents[:SHOWN_DOCUMENTS], "document_count": len(documents)}
    except (OSError, ValueError, KeyError, TypeError, AttributeError, ijson.JSONError):
        return None
    return {"previous_snapshot": previous, "tables": tables, "document_ids": ids}


def previous_snapshot(folder: Path) -> str | None:
    """The snapshot the one in `folder` was compared with (`changes.json`, read up to that key only); None
    for a first snapshot, or when the file is missing or unreadable."""
    try:
        with (folder / "changes.json").open("rb") as f:
            return next(ijson.items(f, "previous_snapshot"), None)
    except (OSError, ValueError, ijson.JSONError):
        return None


def change_summary(changes: dict | None) -> dict:
    """What changed since the previous snapshot, for the index: kind (unknown, first, none, changed),
    the tables with changes and how many documents they come from."""
    if changes is None:
        return {"kind": "unknown", "tables": [], "documents": 0, "previous": None}
    previous = changes["previous_snapshot"]
    tables = [(name, c["added"], c["removed"], c["changed"]) for name, c in changes["tables"].items()
              if c["added"] or c["removed"] or c["changed"]]
    kind = "first" if previous is None else ("changed" if tables else "none")
    return {"kind": kind, "tables": tables, "documents": len(changes["document_ids"]), "previous": previous}


def role_page(role: dict, found: dict[str, list[dict]], counts: dict[str, int], pages: dict[str, str],
              manifest: dict) -> str:
    """One role's page from its rows per section (`role_sections`) and their totals."""
    skills: dict[str, list[dict]] = {}
    for skill in found["skills"]:
        skills.setdefault(skill["category"], []).append(skill)
    growth: dict[str, list[dict]] = {}
    for stat in found["growth_stats"]:
        growth.setdefault(stat["metric"], []).append(stat)
    duties: dict[str, list[dict]] = {}
    for duty in found["duties"]:
        duties.setdefault(duty["category"] or "", []).append(duty)
    pay: dict[str, list[dict]] = {}  # by component, in the order the query gives (labels.PAY_GROUPS)
    for figure in found["salaries"]:
        pay.setdefault(figure["pay_component"], []).append(figure)
    spreads = role_spreads(role)
    occupations = found.get("occupations", [])
    market = next((o for o in occupations if o["rank"] == 1 and o["soc_code"] is not None), None)
    return _render("role.html", role=role, sid=manifest["snapshot_id"], manifest=manifest, found=found, counts=counts,
                   pay_chart=role_pay_chart(found["salaries"], market) if found["salaries"] else None,
                   market_chart=role_market_chart(spreads, found["documents"]), spreads=spreads,
                   pay_groups=[(PAY_GROUPS.label(component), rows) for component, rows in pay.items()],
                   pay_kinds=PAY_KINDS, pay_rows=PAY_ROWS, document_rows=DOCUMENT_ROWS,
                   occupations=occupations, market=market, credits=[s["credit"] for s in attribution()["sources"]],
                   skills=sorted(skills.items(), key=lambda kv: (listed_order(codes.SKILL_CATEGORY, kv[0]), kv[0])),
                   growth=sorted(growth.items(), key=lambda kv: listed_order(codes.GROWTH_METRIC, kv[0])),
                   duties=list(duties.items()), pages=pages, role_rows=ROLE_ROWS)


def role_spreads(role: dict) -> dict[str, dict]:
    """kind of pay -> the role's pay across its documents (`queries.role_list`'s `base_*`, `total_*`),
    for the kinds some document states."""
    return {kind: {c: role[f"{kind}_{c}"] for c in SPREAD_COLUMNS} for kind in PAY_KINDS if role[f"{kind}_documents"]}


def role_list_page(roles: list[dict], pages: dict[str, str], manifest: dict) -> str:
    """`roles/index.html`: every role of the snapshot (`queries.role_list`), linked to its page."""
    return _render("roles.html", roles=roles, pages=pages, sid=manifest["snapshot_id"], manifest=manifest)


def index_page(snapshots: list[dict], latest: str | None, changes: dict[str, dict | None] | None = None,
               pruned: list[dict] | None = None) -> str:
    """`snapshots/index.html` from every snapshot's manifest, the LATEST id, each snapshot's changes.json
    (by id) and the snapshots retention removed."""
    changes = changes or {}
    entries = []
    for m in snapshots:
        sid = m["snapshot_id"]
        entries.append({"manifest": m, "sid": sid, "latest": sid == latest,
                        "size": sum(info["bytes"] for info in m["tables"].values()),
                        "rows": sum(info["rows"] for info in m["tables"].values()),
                        "changes": change_summary(changes.get(sid))})
    return _render("index.html", entries=entries, latest=latest, latest_link=LATEST_LINK, pruned=pruned or [])


def redirect_page(snapshot_id: str) -> str:
    """`latest/index.html` where symlinks are unsupported: a page that sends the browser to the snapshot's."""
    return _render("redirect.html", sid=snapshot_id)
