"""The static catalog of published snapshots, rebuilt after every run.

    snapshots/index.html               every snapshot: id, date, parser, rows, size, downloads
    snapshots/<id>.zip                 the whole snapshot in one file (written to a temporary name, then renamed)
    snapshots/<id>/index.html          downloads, charts, what changed, data dictionary, first rows
    snapshots/<id>/changes.json        rows added, removed and changed per table since the previous snapshot

Pages are plain HTML with inline SVG charts: no script, no CDN, nothing
fetched; they work opened from disk as well as served by `roledata catalog
serve`. Everything is derived from the snapshot folders, so a page or zip
that is missing (a run killed after its commit) is simply made next time.
"""
from __future__ import annotations

import html
import json
import os
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from roledata.schema import DATA_TABLES, DUCKDB_TYPES, TABLES, TABLES_BY_NAME

FIRST_ROWS = 5
CHART_ROLES = 40  # the pay chart shows the best-paid roles beyond this many

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d232a}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}
th,td{border:1px solid #ccd3da;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#eef2f5} td.num{text-align:right} code{font-size:.85rem}
.cell{max-width:28rem;overflow-wrap:anywhere} .scroll{overflow-x:auto} svg text{font-size:11px;font-family:system-ui,sans-serif}
"""


def _page(title: str, body: str) -> str:
    return (f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<style>{_STYLE}</style></head><body>\n{body}\n</body></html>\n")


def _write(path: Path, text: str) -> None:
    """Atomically: a reader (or the catalog server) never sees half a file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


# ------------------------------------------------------------------ changes
def write_changes(folder: Path, previous: Path | None) -> None:
    """`changes.json` of the snapshot in `folder` against the one in `previous` (None: the first)."""
    changes: dict = {"previous_snapshot": previous.name if previous else None, "tables": {}}
    with duckdb.connect() as con:
        paths = _source_paths(con, [f for f in (folder, previous) if f is not None])
        for table in DATA_TABLES:  # the run log and reject log describe runs, not pages: no diff
            changes["tables"][table.name] = _table_changes(con, table.name, folder, previous, paths)
    _write(folder / "changes.json", json.dumps(changes, indent=2) + "\n")


def _parquet(folder: Path, name: str) -> str:
    return "read_parquet('" + str(folder / f"{name}.parquet").replace("'", "''") + "')"


def _source_paths(con: duckdb.DuckDBPyConnection, folders: list[Path]) -> dict[str, str]:
    paths: dict[str, str] = {}
    for folder in folders:
        for doc_id, path in con.execute(f"SELECT document_id, source_path FROM {_parquet(folder, 'documents')}").fetchall():
            paths.setdefault(doc_id, path)
    return paths


def _table_changes(con: duckdb.DuckDBPyConnection, name: str, folder: Path, previous: Path | None,
                   paths: dict[str, str]) -> dict:
    """Rows added, removed and changed (same key, other values), and the documents they come from."""
    table = TABLES_BY_NAME[name]
    new = _parquet(folder, name)
    doc = "document_id" if "document_id" in table.column_names else "NULL"
    if previous is None:
        added, removed, changed = con.execute(f"SELECT {doc} FROM {new}").fetchall(), [], []
    else:
        old = _parquet(previous, name)
        key = ", ".join(f'"{c}"' for c in table.primary_key)
        # first_seen_at is carried over between runs; a diff of it would be noise.
        values = [f'"{c}"' for c in table.column_names if c != "first_seen_at"]
        added = con.execute(f"SELECT {doc} FROM {new} WHERE ({key}) NOT IN (SELECT ({key}) FROM {old})").fetchall()
        removed = con.execute(f"SELECT {doc} FROM {old} WHERE ({key}) NOT IN (SELECT ({key}) FROM {new})").fetchall()
        differs = f"({', '.join('n.' + v for v in values)}) IS DISTINCT FROM ({', '.join('o.' + v for v in values)})"
        changed = con.execute(f"SELECT {'n.' + doc if doc != 'NULL' else doc} FROM {new} AS n "
                              f"JOIN {old} AS o USING ({key}) WHERE {differs}").fetchall()
    ids = sorted({r[0] for r in added + removed + changed if r[0]})
    return {"added": len(added), "removed": len(removed), "changed": len(changed),
            "documents": [{"document_id": d, "source_path": paths.get(d)} for d in ids]}


# ------------------------------------------------------------------ charts
def _svg(width: int, height: int, parts: list[str], label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
            f'aria-label="{html.escape(label)}">' + "".join(parts) + "</svg>")


def _bar_rows(rows: list[tuple[str, float, float, list[tuple[float, float, str]]]], label: str,
              unit: str) -> str:
    """Horizontal bars from lo to hi, one row each; inner bands (segments) drawn darker."""
    if not rows:
        return "<p>No figures in this snapshot.</p>"
    left, width, row_h = 260, 560, 18
    top = max(hi for _, _, hi, _ in rows) or 1
    scale = width / top
    parts = []
    for i, (name, lo, hi, bands) in enumerate(rows):
        y = 20 + i * row_h
        parts.append(f'<text x="{left - 6}" y="{y + 12}" text-anchor="end">{html.escape(name[:40])}</text>')
        parts.append(f'<rect class="range" x="{left + lo * scale:.1f}" y="{y + 3}" width="{max(2, (hi - lo) * scale):.1f}" '
                     f'height="{row_h - 6}" fill="#9cc3e6"><title>{html.escape(name)}: {_fmt(lo, unit)} to '
                     f'{_fmt(hi, unit)}</title></rect>')
        for b_lo, b_hi, b_name in bands:
            parts.append(f'<rect class="segment" x="{left + b_lo * scale:.1f}" y="{y + 6}" '
                         f'width="{max(2, (b_hi - b_lo) * scale):.1f}" height="{row_h - 12}" fill="#1f6fb2" '
                         f'fill-opacity="0.35"><title>{html.escape(b_name)}: {_fmt(b_lo, unit)} to '
                         f'{_fmt(b_hi, unit)}</title></rect>')
        parts.append(f'<text x="{left + hi * scale + 4:.1f}" y="{y + 12}">{_fmt(hi, unit)}</text>')
    parts.append(f'<text x="{left}" y="12">0</text><text x="{left + width}" y="12" text-anchor="end">'
                 f'{_fmt(top, unit)}</text>')
    return _svg(left + width + 90, 30 + len(rows) * row_h, parts, label)


def _fmt(value: float, unit: str) -> str:
    if unit == "usd":
        return f"${value / 1000:,.0f}K"
    if unit == "percent":
        return f"{value:g}%"
    return f"{value:g}"


def pay_chart(con: duckdb.DuckDBPyConnection, folder: Path) -> str:
    salaries, roles = _parquet(folder, "salaries"), _parquet(folder, "roles")
    rows = con.execute(f"""
        SELECT r.title, coalesce(s.segment, s.segment_type),
               coalesce(s.annual_min_usd, s.annual_max_usd), coalesce(s.annual_max_usd, s.annual_min_usd)
        FROM {salaries} s JOIN {roles} r USING (role_id)
        WHERE s.annual_min_usd IS NOT NULL OR s.annual_max_usd IS NOT NULL
        ORDER BY r.title""").fetchall()
    by_role: dict[str, list] = {}
    for title, segment, lo, hi in rows:
        by_role.setdefault(title, []).append((lo, hi, segment))
    bars = [(title, min(b[0] for b in bands), max(b[1] for b in bands), bands) for title, bands in by_role.items()]
    bars = sorted(bars, key=lambda b: -b[2])[:CHART_ROLES]
    return _bar_rows(sorted(bars, key=lambda b: b[0]), "pay range per role (annual USD)", "usd")


def skills_chart(con: duckdb.DuckDBPyConnection, folder: Path, per_category: int = 5) -> str:
    rows = con.execute(f"""
        SELECT category, name, roles FROM (
            SELECT k.category, k.name, count(DISTINCT rs.role_id) AS roles,
                   row_number() OVER (PARTITION BY k.category ORDER BY count(DISTINCT rs.role_id) DESC, k.name) AS rank
            FROM {_parquet(folder, 'role_skills')} rs JOIN {_parquet(folder, 'skills')} k USING (skill_id)
            GROUP BY k.category, k.name)
        WHERE rank <= {per_category} ORDER BY category, roles DESC, name""").fetchall()
    bars = [(f"{category}: {name}", 0.0, float(count), []) for category, name, count in rows]
    return _bar_rows(bars, "most requested skills by category (roles asking)", "count")


def growth_chart(con: duckdb.DuckDBPyConnection, folder: Path, limit: int = 40) -> str:
    rows = con.execute(f"""
        SELECT r.title || ' - ' || g.metric, g.value, coalesce(g.value_max, g.value)
        FROM {_parquet(folder, 'growth_stats')} g JOIN {_parquet(folder, 'roles')} r USING (role_id)
        WHERE g.unit = 'percent' ORDER BY coalesce(g.value_max, g.value) DESC LIMIT {limit}""").fetchall()
    bars = [(name, 0.0, float(hi), [(float(lo), float(hi), name)] if hi != lo else []) for name, lo, hi in rows]
    return _bar_rows(bars, "growth figures per role (percent)", "percent")


# ------------------------------------------------------------------ pages
def snapshot_page(folder: Path, manifest: dict) -> str:
    sid = manifest["snapshot_id"]
    e = html.escape
    body = [f"<h1>roledata snapshot {e(sid)}</h1>",
            f"<p>Published {_when(manifest['created_at'])}, parser {e(manifest['parser_version'])}, "
            f"contract {e(str(manifest.get('contract_version', '')))}. <a href=\"../index.html\">All snapshots</a></p>",
            "<h2>Download</h2><ul>",
            f'<li><a href="../{e(sid)}.zip" download>{e(sid)}.zip</a> (the whole snapshot)</li>']
    for name, info in manifest["tables"].items():
        body.append(f'<li><a href="{e(info["path"])}" download>{e(info["path"])}</a> '
                    f'({info["rows"]:,} rows, {_size(info["bytes"])})</li>')
    body.append('<li><a href="manifest.json">manifest.json</a>, <a href="datapackage.json">datapackage.json</a>, '
                '<a href="changes.json">changes.json</a></li></ul>')
    with duckdb.connect() as con:
        body += ['<h2>Pay ranges</h2><p>One bar per role from its lowest to its highest annual USD figure; '
                 'the darker bands are the page\'s segments (experience levels, locations, ...).</p>',
                 f'<div id="pay-chart">{pay_chart(con, folder)}</div>',
                 '<h2>Most requested skills</h2>', f'<div id="skills-chart">{skills_chart(con, folder)}</div>',
                 '<h2>Growth</h2>', f'<div id="growth-chart">{growth_chart(con, folder)}</div>']
        body.append(_changes_html(folder))
        body.append('<h2 id="data-dictionary">Data dictionary</h2>')
        for table in TABLES:
            body.append(f'<h3 id="table-{table.name}">{table.name}</h3><p>{e(table.description)} '
                        f'Primary key: <code>{e(", ".join(table.primary_key))}</code>.</p>')
            body.append("<table class=\"dictionary\"><tr><th>column</th><th>type</th><th>null</th><th>description</th></tr>")
            for c in table.columns:
                body.append(f"<tr><td><code>{e(c.name)}</code></td><td>{DUCKDB_TYPES[c.dtype]}</td>"
                            f"<td>{'yes' if c.nullable else 'no'}</td><td>{e(c.description)}</td></tr>")
            body.append("</table>")
            body.append(_first_rows(con, folder, table.name))
    return _page(f"roledata snapshot {sid}", "\n".join(body))


def _first_rows(con: duckdb.DuckDBPyConnection, folder: Path, name: str) -> str:
    cursor = con.execute(f"SELECT * FROM {_parquet(folder, name)} LIMIT {FIRST_ROWS}")
    columns = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    if not rows:
        return "<p>No rows.</p>"
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    cells = "".join("<tr>" + "".join(f'<td class="cell">{html.escape(_short(v))}</td>' for v in row) + "</tr>"
                    for row in rows)
    return f"<p>First {len(rows)} rows:</p><div class=\"scroll\"><table class=\"rows\"><tr>{head}</tr>{cells}</table></div>"


def _short(value) -> str:
    text = "NULL" if value is None else str(value)
    return text if len(text) <= 160 else text[:157] + "..."


def _changes_html(folder: Path) -> str:
    path = folder / "changes.json"
    if not path.exists():
        return "<h2>What changed</h2><p>Not recorded for this snapshot.</p>"
    changes = json.loads(path.read_text(encoding="utf-8"))
    prev = changes["previous_snapshot"]
    out = ["<h2>What changed</h2>",
           f"<p>Against {html.escape(prev)}.</p>" if prev else "<p>The first snapshot: every row is new.</p>",
           '<table class="changes"><tr><th>table</th><th>added</th><th>removed</th><th>changed</th><th>documents</th></tr>']
    for name, c in changes["tables"].items():
        docs = ", ".join(html.escape(d["source_path"] or d["document_id"]) for d in c["documents"][:10])
        more = f" and {len(c['documents']) - 10} more" if len(c["documents"]) > 10 else ""
        out.append(f"<tr><td>{name}</td><td class=\"num\">{c['added']}</td><td class=\"num\">{c['removed']}</td>"
                   f"<td class=\"num\">{c['changed']}</td><td>{docs}{more}</td></tr>")
    out.append("</table>")
    return "\n".join(out)


def index_page(snapshots: list[dict], latest: str | None) -> str:
    e = html.escape
    body = ["<h1>roledata snapshots</h1>",
            "<p>AI role descriptions as a normalized dataset. Each snapshot is a folder of Parquet files "
            "(open them with DuckDB, pandas, Polars or Spark) with a Frictionless datapackage.json.</p>",
            '<table class="snapshots"><tr><th>snapshot</th><th>published</th><th>parser</th><th>rows per table</th>'
            "<th>size</th><th>download</th></tr>"]
    for m in snapshots:
        sid = m["snapshot_id"]
        counts = ", ".join(f"{name} {info['rows']:,}" for name, info in m["tables"].items())
        size = sum(info["bytes"] for info in m["tables"].values())
        mark = " (latest)" if sid == latest else ""
        files = "".join(f'<li><a href="{e(sid)}/{e(info["path"])}" download>{e(info["path"])}</a></li>'
                        for info in m["tables"].values())
        body.append(f'<tr><td><a href="{e(sid)}/index.html">{e(sid)}</a>{mark}</td><td>{_when(m["created_at"])}</td>'
                    f"<td>{e(m['parser_version'])}</td><td>{e(counts)}</td><td class=\"num\">{_size(size)}</td>"
                    f'<td><a href="{e(sid)}.zip" download>{e(sid)}.zip</a>'
                    f"<details><summary>Parquet files</summary><ul>{files}</ul></details></td></tr>")
    body.append("</table>")
    return _page("roledata snapshots", "\n".join(body))


def _when(created_at: str) -> str:
    """An ISO timestamp as people read it: 2026-11-22 02:14 UTC."""
    try:
        moment = datetime.fromisoformat(created_at).astimezone(timezone.utc)
    except (TypeError, ValueError):
        return html.escape(str(created_at))
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _size(count: float) -> str:
    if count < 1024:
        return f"{count:,.0f} bytes"
    for unit in ("KB", "MB", "GB"):
        count /= 1024
        if count < 1024 or unit == "GB":
            return f"{count:,.1f} {unit}"


def write_zip(snapshots_dir: Path, snapshot_id: str) -> Path:
    target = snapshots_dir / f"{snapshot_id}.zip"
    tmp = snapshots_dir / f".{snapshot_id}.zip.tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as archive:  # Parquet is compressed already
        for path in sorted((snapshots_dir / snapshot_id).iterdir()):
            if path.is_file() and not path.name.startswith("."):
                archive.write(path, f"{snapshot_id}/{path.name}")
    os.replace(tmp, target)
    return target


def build_catalog(snapshots_dir: Path) -> Path:
    """Make whatever is missing (zip, page) for every snapshot, then the index."""
    from roledata.publish import latest_snapshot, list_snapshots  # publish writes changes.json with this module

    snapshots = list_snapshots(snapshots_dir)
    for leftover in [*snapshots_dir.glob(".*.tmp"), *snapshots_dir.glob("*.zip")]:
        if leftover.suffix == ".tmp" or not (snapshots_dir / leftover.stem).is_dir():
            leftover.unlink(missing_ok=True)  # a killed catalog build, or the zip of a removed snapshot
    for manifest in snapshots:
        folder = snapshots_dir / manifest["snapshot_id"]
        if not (snapshots_dir / f"{manifest['snapshot_id']}.zip").exists():
            write_zip(snapshots_dir, manifest["snapshot_id"])
        if not (folder / "index.html").exists():
            _write(folder / "index.html", snapshot_page(folder, manifest))
    index = snapshots_dir / "index.html"
    _write(index, index_page(snapshots, latest_snapshot(snapshots_dir)))
    return index
