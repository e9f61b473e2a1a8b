"""The static catalog of published snapshots, rebuilt after every run.

    snapshots/index.html                   every snapshot: id, date, what changed, rows per table, size, downloads
    snapshots/latest                       the LATEST snapshot's folder (a relative symlink, replaced atomically;
                                           a folder with a redirecting index.html where symlinks are unsupported)
    snapshots/<id>.zip                     the whole snapshot in one file (written to a temporary name, then renamed)
    snapshots/<id>/index.html              contents, downloads, roles, charts, what changed, data dictionary, first rows
    snapshots/<id>/roles/index.html        every role of the snapshot
    snapshots/<id>/roles/<role_id>.html    one role: pay, skills, duties, growth, education, experience,
                                           certifications, each figure with its source text and page
    snapshots/<id>/changes.json            rows added, removed and changed per table since the previous snapshot

Pages are plain HTML (Jinja2 templates in roledata/templates/) with inline
CSS and inline SVG charts: no script, no CDN, nothing fetched; they work
opened from disk as well as served by `roledata catalog serve`. Everything is
derived from the snapshot folders, so a page or zip that is missing (a run
killed after its commit, or pages made by an older catalog) is simply made
next time. Pages read only what they show: first rows, per-role rows capped
at ROLE_ROWS per section, and aggregates computed by DuckDB over the Parquet.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import html
import json
import math
import os
import re
import shutil
import textwrap
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import jinja2
from markupsafe import Markup, escape

from roledata.publish.snapshot import latest_snapshot, list_snapshots, pruned_snapshots
from roledata.contract.columns import DUCKDB_TYPES
from roledata.contract.tables import TABLES

CATALOG_VERSION = "2"  # pages made by another version are made again (written in each page's <head>)
FIRST_ROWS = 5
CHART_ROLES = 40  # the pay chart shows the best-paid roles beyond this many
LIST_ROLES = 200  # the snapshot page lists this many roles; roles/index.html lists them all
ROLE_ROWS = 25  # rows per section of a role page; the rest are counted, and named in the Parquet files
CATALOG_MEMORY = "512MB"  # DuckDB's share while the catalog is built; beyond it, it spills to disk
LATEST_LINK = "latest"
TEMPLATES = Path(__file__).resolve().parent / "templates"
_MARKER = f'<meta name="roledata-catalog" content="{CATALOG_VERSION}">'


def _write(path: Path, text: str) -> None:
    """Atomically: a reader (or the catalog server) never sees half a file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


# ------------------------------------------------------------------ names people read
CATEGORY_NAMES = {  # skills.category codes
    "programming_language": "Programming languages", "ml_framework": "ML frameworks",
    "cloud_platform": "Cloud platforms", "mlops": "MLOps", "data_platform": "Data platforms",
    "vector_database": "Vector databases", "llm_tooling": "LLM tooling", "responsible_ai": "Responsible AI",
    "developer_tool": "Developer tools", "ml_technique": "ML techniques", "domain_knowledge": "Domain knowledge",
    "soft_skill": "Soft skills",
}
METRIC_NAMES = {  # growth_stats.metric codes
    "job_growth": "Job growth", "postings_growth": "Job postings growth", "title_growth": "Job title growth",
    "jobs_created": "Jobs created", "market_size": "Market size", "market_cagr": "Market growth per year (CAGR)",
    "adoption_rate": "Adoption rate", "investment": "Investment", "other": "Other figures",
}
SEGMENT_NAMES = {  # salaries.segment_type codes
    "overall": "Overall", "experience_level": "Experience level", "location": "Location", "industry": "Industry",
    "title_variant": "Title variant", "company_type": "Company type", "era": "Era",
}
STATISTIC_NAMES = {  # salaries.statistic codes
    "range": "range", "average": "average", "median": "median", "p10": "10th percentile",
    "p25": "25th percentile", "p75": "75th percentile", "p90": "90th percentile", "minimum": "minimum",
    "maximum": "maximum", "point": "single figure",
}
PAY_NAMES = {"base": "base pay", "total": "total pay", "total_cash": "total cash", "unspecified": "pay"}
EDUCATION_NAMES = {
    "high_school": "High school", "associate": "Associate degree", "bachelor": "Bachelor's degree",
    "master": "Master's degree", "mba": "MBA", "doctorate": "Doctorate (PhD)", "bootcamp": "Bootcamp",
}
SCOPE_NAMES = {"total": "in total", "leadership": "leading people", "domain": "in the field",
               "hands_on": "hands-on"}
RELATION_NAMES = {"career_from": "comes from", "career_to": "leads to", "see_also": "see also", "alias": "same role as"}
BASIS_NAMES = {"total_compensation": "of total compensation", "base_salary": "of base salary", "unspecified": ""}
PERIOD_WORDS = {"year": "a year", "month": "a month", "week": "a week", "day": "a day", "hour": "an hour"}
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}  # other currencies are written with their ISO code


def category_name(code: str | None) -> str:
    """`ml_framework` -> `ML frameworks`; an unknown code as words."""
    if code is None:
        return "Uncategorized"
    return CATEGORY_NAMES.get(code) or code.replace("_", " ").capitalize()


def _name(names: dict[str, str], code: str | None) -> str:
    if code is None:
        return ""
    return names.get(code) or code.replace("_", " ")


# ------------------------------------------------------------------ formatting values
def format_number(value) -> str:
    """Ints as they are; whole floats without `.0` and with thousands separators; others to 2 decimals."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return format_bool(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return str(value)
        if value.is_integer():
            return f"{value:,.0f}"
        if abs(value) >= 1:
            return f"{value:,.2f}".rstrip("0").rstrip(".")
        return f"{value:.3g}"
    return str(value)


def format_bool(value) -> str:
    return "NULL" if value is None else ("yes" if value else "no")


def format_money(amount, currency: str | None = "USD", compact: bool = False) -> str:
    """`180000.0, USD` -> `$180,000` (compact: `$180K`, `$1.2M`); other currencies keep their code."""
    if amount is None:
        return "—"
    currency = (currency or "").upper()
    sign = CURRENCY_SIGNS.get(currency)
    if compact:
        number = _compact(amount)
    else:
        number = f"{amount:,.0f}" if float(amount).is_integer() or abs(amount) >= 1000 else f"{amount:,.2f}"
    if amount < 0:
        number = number.lstrip("-")
    text = f"{sign}{number}" if sign else f"{number} {currency}".strip()
    return ("−" if amount < 0 else "") + text


def _compact(amount: float) -> str:
    value = abs(amount)
    for limit, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if value >= limit:
            scaled = value / limit
            return (f"{scaled:,.1f}".rstrip("0").rstrip(".") if scaled < 10 else f"{scaled:,.0f}") + suffix
    return f"{value:,.0f}"


def format_pay(amount_min, amount_max, currency: str | None, period: str | None = "year",
               open_ended: bool = False) -> str:
    """A pay figure as written in words: `$150,000 – $280,000 a year`, `up to $250,000`, `$500,000+`."""
    lo, hi = format_money(amount_min, currency), format_money(amount_max, currency)
    if amount_min is None and amount_max is None:
        text = "—"
    elif amount_min is None:
        text = f"up to {hi}"
    elif amount_max is None:
        text = f"{lo}+"  # no upper number: "over X", "X+"
    elif amount_min == amount_max:
        text = lo + ("+" if open_ended else "")
    else:
        text = f"{lo} – {hi}" + ("+" if open_ended else "")
    words = PERIOD_WORDS.get(period or "year", f"per {period}")
    return f"{text} {words}" if text != "—" else text


def format_growth(value, value_max, unit: str | None, is_lower_bound: bool = False) -> str:
    """`40, None, percent, True` -> `40%+`; `3, multiple` -> `3×`; money in its currency."""
    plus = "+" if is_lower_bound else ""
    if unit == "percent":
        one = lambda v: format_number(v) + "%"  # noqa: E731
    elif unit == "multiple":
        one = lambda v: format_number(v) + "×"  # noqa: E731
    elif unit == "count" or not unit:
        one = format_number
    else:
        one = lambda v: format_money(v, unit)  # noqa: E731
    if value_max is not None and value_max != value:
        return f"{one(value)} – {one(value_max)}{plus}"
    return one(value) + plus


def growth_period(start, end, label: str | None) -> str:
    """The period a growth figure covers, in words: `2022–2032`, `by 2030`, `since 2014`, or the page's words."""
    if label:
        return label
    if start is not None and end is not None:
        return f"{start}–{end}" if start != end else str(start)
    if end is not None:
        return f"by {end}"
    if start is not None:
        return f"since {start}"
    return "period not stated"


def format_years(years_min, years_max) -> str:
    if years_max is None:
        return f"{years_min}+ years"
    if years_min == years_max:
        return f"{years_min} years"
    return f"{years_min}–{years_max} years"


_HEX_ID = re.compile(r"[0-9a-f]{16,}")
_MONEY_COLUMNS = {("salaries", "amount_min"): "currency", ("salaries", "amount_max"): "currency",
                  ("salaries", "annual_min_usd"): None, ("salaries", "annual_max_usd"): None}


def short_id(value: str) -> Markup:
    """A long hex id as its first 8 characters; the whole id in the title (hover, copy from the page source)."""
    return Markup('<span class="id" title="{0}">{1}…</span>').format(value, value[:8])


def format_cell(table: str, column: str, value, row: dict | None = None) -> Markup:
    """One value of a first-rows table, as people read it (the Parquet files keep the raw value)."""
    row = row or {}
    if value is None:
        return Markup('<span class="null">NULL</span>')
    if isinstance(value, bool):
        return escape(format_bool(value))
    if (table, column) in _MONEY_COLUMNS:
        currency_column = _MONEY_COLUMNS[(table, column)]
        return escape(format_money(value, row.get(currency_column) if currency_column else "USD"))
    if table == "growth_stats" and column in ("value", "value_max"):
        return escape(format_growth(value, None, row.get("unit")))
    if table == "bonuses" and column in ("pct_min", "pct_max"):
        return escape(format_number(value) + "%")
    if isinstance(value, str) and (column == "document_id" or column.endswith("_id")) and _HEX_ID.fullmatch(value):
        return short_id(value)
    if isinstance(value, datetime):
        return escape(value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))
    if isinstance(value, (list, tuple)):
        return escape(", ".join(str(v) for v in value)) if value else Markup('<span class="null">(empty list)</span>')
    if isinstance(value, (int, float)):
        return escape(format_number(value))
    text = str(value)
    if len(text) <= 100:
        return escape(text)
    return Markup('<span title="{0}">{1}…</span>').format(text[:2000], text[:97].rstrip())


def _when(created_at: str) -> str:
    """An ISO timestamp as people read it: 2026-11-22 02:14 UTC."""
    try:
        moment = datetime.fromisoformat(created_at).astimezone(timezone.utc)
    except (TypeError, ValueError):
        return str(created_at)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _size(count: float) -> str:
    if count < 1024:
        return f"{count:,.0f} bytes"
    for unit in ("KB", "MB", "GB"):
        count /= 1024
        if count < 1024 or unit == "GB":
            return f"{count:,.1f} {unit}"


_SAFE_ROLE = re.compile(r"[a-z0-9][a-z0-9-]{0,120}")


def role_page_name(role_id: str) -> str:
    """The file name of a role's page: its slug, or a digest for an id that is no safe file name."""
    if _SAFE_ROLE.fullmatch(role_id) and role_id != "index":
        return f"{role_id}.html"
    return f"role-{hashlib.sha1(role_id.encode()).hexdigest()[:16]}.html"


# ------------------------------------------------------------------ sql
def _parquet(folder: Path, name: str) -> str:
    return "read_parquet('" + str(folder / f"{name}.parquet").replace("'", "''") + "')"


# ------------------------------------------------------------------ charts
@dataclass
class Bar:
    """One row of a horizontal bar chart: a bar from lo to hi, darker bands inside, or a group heading."""

    label: str
    lo: float = 0.0
    hi: float = 0.0
    bands: list[tuple[float, float, str]] = field(default_factory=list)
    href: str | None = None
    value_text: str = ""
    heading: bool = False


LEGEND_STYLES = {  # legend key -> (fill, opacity)
    "range": ("#9cc3e6", 1.0), "segment": ("#1f5f9e", 0.75), "bar": ("#3b82c4", 1.0), "cut": ("#3b82c4", 1.0),
}


def nice_ticks(lo: float, hi: float, count: int = 6) -> list[float]:
    """Round tick values covering lo..hi (1, 2, 2.5 or 5 times a power of ten apart)."""
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    if hi - lo <= 0:
        hi = lo + 1
    raw = (hi - lo) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude * count >= hi - lo - 1e-9)
    first, last = math.floor(lo / step + 1e-9), math.ceil(hi / step - 1e-9)
    return [round(i * step, 10) for i in range(first, last + 1)]


def _tick_text(value: float, unit: str) -> str:
    if unit == "usd":
        return "$0" if value == 0 else ("−" if value < 0 else "") + "$" + _compact(abs(value))
    if unit == "percent":
        return format_number(float(value)) + "%"
    return format_number(float(value))


def _wrap(label: str, width: int) -> list[str]:
    return textwrap.wrap(label, width, break_long_words=True, break_on_hyphens=False) or [""]


def bar_chart(bars: list[Bar], *, unit: str, caption: str, legend: list[tuple[str, str]],
              cap: float | None = None, label_chars: int = 44, plot_w: int = 520, value_w: int = 150,
              ticks: int = 6, top: float | None = None) -> Markup:
    """A horizontal bar chart as inline SVG: labelled ticks on both axes' ends, gridlines, a legend above,
    labels wrapped (never cut), the value printed at each bar's end. Bars past `cap` are cut at the
    scale's end and drawn with a break mark; their value is printed in full."""
    if not any(not b.heading for b in bars):
        return Markup("<p>No figures in this snapshot.</p>")
    e = html.escape
    label_w, line_h = 7 * label_chars + 16, 14
    left = label_w
    top_value = max([b.hi for b in bars if not b.heading] + ([top] if top is not None else []))
    low_value = min(min(b.lo for b in bars if not b.heading), 0.0)
    ticks = nice_ticks(low_value, cap if cap is not None and cap < top_value else top_value, ticks)
    d_lo, d_hi = ticks[0], ticks[-1]
    scale = plot_w / (d_hi - d_lo)

    def x(v: float) -> float:
        return left + (min(max(v, d_lo), d_hi) - d_lo) * scale

    parts, ly = _legend_parts(legend, left, left + plot_w + value_w)
    axis_y = ly + 22
    rows_top = axis_y + 8
    layout, y = [], rows_top
    for bar in bars:
        lines = _wrap(bar.label, label_chars)
        h = max(22, line_h * len(lines) + 8)
        layout.append((bar, lines, y, h))
        y += h
    bottom = y
    # Gridlines and tick labels (above and below the bars).
    for t in ticks:
        tx = x(t)
        parts.append(f'<line class="grid" x1="{tx:.1f}" y1="{rows_top - 4}" x2="{tx:.1f}" y2="{bottom + 2}" '
                     f'stroke="{"#9aa5b1" if t == 0 else "#dde3e8"}" stroke-width="1"/>')
        for ty in (axis_y, bottom + 16):
            parts.append(f'<text class="tick" x="{tx:.1f}" y="{ty}" text-anchor="middle">{e(_tick_text(t, unit))}</text>')
    for bar, lines, y, h in layout:
        label = "".join(f'<tspan x="{left - 8}" dy="{0 if i == 0 else line_h}">{e(line)}</tspan>'
                        for i, line in enumerate(lines))
        text_y = y + (h - line_h * (len(lines) - 1)) / 2 + 4
        weight = ' font-weight="600"' if bar.heading else ""
        anchor_x = left - 8 if not bar.heading else 4
        text = f'<text x="{anchor_x}" y="{text_y:.1f}" text-anchor="{"end" if not bar.heading else "start"}"{weight}>'
        if bar.heading:
            text += f"{e(bar.label)}</text>"
        else:
            text += f"{label}</text>"
        parts.append(f'<a href="{e(bar.href)}">{text}</a>' if bar.href else text)
        if bar.heading:
            parts.append(f'<line x1="4" y1="{y + h - 2}" x2="{left + plot_w}" y2="{y + h - 2}" stroke="#ccd3da"/>')
            continue
        bar_h = min(h - 8, 14)
        by = y + (h - bar_h) / 2
        x0, x1 = x(bar.lo), x(bar.hi)
        is_cut = bar.hi > d_hi
        kind = "range" if bar.bands or unit == "usd" else "bar"
        fill, _ = LEGEND_STYLES[kind]
        tip = f"{bar.label}: {bar.value_text}"
        parts.append(f'<rect class="range{" cut" if is_cut else ""}" x="{x0:.1f}" y="{by:.1f}" '
                     f'width="{max(3.0, x1 - x0):.1f}" height="{bar_h}" fill="{fill}"><title>{e(tip)}</title></rect>')
        for b_lo, b_hi, b_name in bar.bands:
            parts.append(f'<rect class="segment" x="{x(b_lo):.1f}" y="{by + 3:.1f}" width="{max(3.0, x(b_hi) - x(b_lo)):.1f}" '
                         f'height="{bar_h - 6}" fill="{LEGEND_STYLES["segment"][0]}" fill-opacity="{LEGEND_STYLES["segment"][1]}">'
                         f'<title>{e(b_name)}</title></rect>')
        if is_cut:
            parts.append(_break_mark(x1 - 8, by - 1, bar_h + 2))
        parts.append(f'<text class="value" x="{max(x0, x1) + 6:.1f}" y="{by + bar_h - 3:.1f}">{e(bar.value_text)}</text>')
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + plot_w + value_w}" height="{bottom + 24}" '
           f'role="img" aria-label="{e(caption)}"><title>{e(caption)}</title>' + "".join(parts) + "</svg>")
    return Markup(svg)


def _legend_parts(legend: list[tuple[str, str]], left: float, right: float) -> tuple[list[str], int]:
    """Legend entries (a swatch and its words) from `left`, wrapping at `right`; and the last line's baseline."""
    parts, lx, ly = [], left, 14
    if not legend:
        return parts, -6
    for key, words in legend:
        fill, opacity = LEGEND_STYLES.get(key, ("#3b82c4", 1.0))
        width = 24 + 6.6 * len(words)
        if lx + width > right and lx > left:
            lx, ly = left, ly + 18
        parts.append(f'<g class="legend"><rect x="{lx:.0f}" y="{ly - 10}" width="14" height="10" fill="{fill}" '
                     f'fill-opacity="{opacity}"/>')
        if key == "cut":
            parts.append(_break_mark(lx + 10, ly - 11, 12))
        parts.append(f'<text x="{lx + 19:.0f}" y="{ly}">{html.escape(words)}</text></g>')
        lx += width + 14
    return parts, ly


def legend_svg(legend: list[tuple[str, str]]) -> str:
    """A legend on its own, for a group of charts that share it."""
    parts, ly = _legend_parts(legend, 4, 900)
    width = max(24 + 6.6 * len(words) for _, words in legend) + 20
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{ly + 8}" role="img" '
            f'aria-label="legend">' + "".join(parts) + "</svg>")


def _break_mark(x: float, y: float, h: float) -> str:
    """Two white slanted strokes across a bar: it goes on past the scale."""
    return (f'<path class="break" d="M{x:.1f},{y + h:.1f} L{x + 4:.1f},{y:.1f} M{x + 5:.1f},{y + h:.1f} L{x + 9:.1f},{y:.1f}" '
            f'stroke="#fff" stroke-width="2"/>')


def outlier_cap(values: list[float]) -> float | None:
    """Where to end a scale so one outlier does not flatten the rest: the largest value within
    4 times the median, when some value lies beyond that; None when none does."""
    positive = sorted(v for v in values if v > 0)
    if len(positive) < 2:
        return None
    median = positive[len(positive) // 2] if len(positive) % 2 else (positive[len(positive) // 2 - 1] + positive[len(positive) // 2]) / 2
    kept = [v for v in positive if v <= 4 * median]
    return max(kept) if kept and len(kept) < len(positive) else None


def _usd_range(lo: float, hi: float) -> str:
    lo_t, hi_t = format_money(lo, "USD", compact=True), format_money(hi, "USD", compact=True)
    return lo_t if lo == hi else f"{lo_t}–{hi_t}"


PAY_LEGEND = [("range", "lowest to highest figure for the role"),
              ("segment", "one segment's figure (experience level, location, industry, ...)")]


def pay_chart(con: duckdb.DuckDBPyConnection, folder: Path, pages: dict[str, str] | None = None) -> Markup:
    """One bar per role (the best-paid CHART_ROLES), from its lowest to its highest annual USD figure."""
    salaries, roles = _parquet(folder, "salaries"), _parquet(folder, "roles")
    rows = con.execute(f"""
        WITH figures AS (
            SELECT s.role_id, r.title, s.segment_type, s.segment,
                   coalesce(s.annual_min_usd, s.annual_max_usd) AS lo, coalesce(s.annual_max_usd, s.annual_min_usd) AS hi
            FROM {salaries} s JOIN {roles} r USING (role_id)
            WHERE s.annual_min_usd IS NOT NULL OR s.annual_max_usd IS NOT NULL),
        top AS (SELECT role_id, max(hi) AS best FROM figures GROUP BY role_id ORDER BY best DESC, role_id LIMIT {CHART_ROLES})
        SELECT f.role_id, f.title, f.segment_type, f.segment, f.lo, f.hi, t.best
        FROM figures f JOIN top t USING (role_id)
        ORDER BY t.best DESC, f.title, f.lo, f.hi""").fetchall()
    by_role: dict[str, list] = {}
    titles: dict[str, str] = {}
    for role_id, title, segment_type, segment, lo, hi, _ in rows:
        titles[role_id] = title
        by_role.setdefault(role_id, []).append((lo, hi, segment_type, segment))
    bars = []
    for role_id, figures in by_role.items():
        lo, hi = min(f[0] for f in figures), max(f[1] for f in figures)
        bands = [(f_lo, f_hi, f"{_name(SEGMENT_NAMES, st)}: {seg}: {_usd_range(f_lo, f_hi)}")
                 for f_lo, f_hi, st, seg in figures if seg]
        href = f"roles/{pages[role_id]}" if pages and role_id in pages else None
        bars.append(Bar(titles[role_id], lo, hi, bands, href, _usd_range(lo, hi)))
    return bar_chart(bars, unit="usd", caption="pay range per role (annual USD)", legend=PAY_LEGEND)


def skills_chart(con: duckdb.DuckDBPyConnection, folder: Path, per_category: int = 5) -> Markup:
    rows = con.execute(f"""
        SELECT category, name, roles FROM (
            SELECT k.category, k.name, count(DISTINCT rs.role_id) AS roles,
                   row_number() OVER (PARTITION BY k.category ORDER BY count(DISTINCT rs.role_id) DESC, k.name) AS rank
            FROM {_parquet(folder, 'role_skills')} rs JOIN {_parquet(folder, 'skills')} k USING (skill_id)
            GROUP BY k.category, k.name)
        WHERE rank <= {per_category} ORDER BY category, roles DESC, name""").fetchall()
    by_category: dict[str, list[Bar]] = {}
    for category, name, count in rows:
        noun = "role" if count == 1 else "roles"
        by_category.setdefault(category, []).append(Bar(name, 0.0, float(count), value_text=f"{count:,} {noun}"))
    if not by_category:
        return Markup("<p>No skills in this snapshot.</p>")
    order = {code: i for i, code in enumerate(CATEGORY_NAMES)}
    top = max(b.hi for bars in by_category.values() for b in bars)
    cells = []
    for category in sorted(by_category, key=lambda c: (order.get(c, 99), c)):
        bars = by_category[category]
        chart = bar_chart(bars, unit="count", legend=[],
                          caption=f"{category_name(category)}: roles asking for each skill", label_chars=20,
                          plot_w=150, value_w=64, ticks=3, top=top)
        cells.append(Markup('<figure class="skill-category"><figcaption>{0}</figcaption>{1}</figure>').format(
            category_name(category), chart))
    legend = Markup(legend_svg([("bar", "number of roles whose page asks for the skill (same scale in every category)")]))
    return Markup('<div class="legend-row">{0}</div><div class="grid">{1}</div>').format(legend, Markup("").join(cells))


def growth_charts(con: duckdb.DuckDBPyConnection, folder: Path, pages: dict[str, str] | None = None,
                  limit: int = 25) -> list[tuple[str, str, Markup]]:
    """One chart per metric of the percentage figures: (metric code, metric name, chart). Each label
    names the role, what is measured and the period; one outlier is cut rather than flattening the rest."""
    rows = con.execute(f"""
        SELECT metric, role_id, title, subject, value, coalesce(value_max, value) AS hi, is_lower_bound,
               period_start, period_end, period_label, source_name FROM (
            SELECT g.*, r.title,
                   row_number() OVER (PARTITION BY g.metric ORDER BY coalesce(g.value_max, g.value) DESC, g.stat_id) AS rank
            FROM {_parquet(folder, 'growth_stats')} g JOIN {_parquet(folder, 'roles')} r USING (role_id)
            WHERE g.unit = 'percent')
        WHERE rank <= {limit} ORDER BY metric, rank""").fetchall()  # rank breaks ties: the same page every build
    by_metric: dict[str, list] = {}
    for row in rows:
        by_metric.setdefault(row[0], []).append(row)
    out = []
    order = {code: i for i, code in enumerate(METRIC_NAMES)}
    for metric in sorted(by_metric, key=lambda m: (order.get(m, 99), m)):
        bars = []
        for _, role_id, title, subject, value, hi, lower, start, end, label, source in by_metric[metric]:
            what = f"{title} — {subject}" if subject else title
            words = f"{what} ({growth_period(start, end, label)})" + (f", {source}" if source else "")
            href = f"roles/{pages[role_id]}" if pages and role_id in pages else None
            lo = float(value) if hi != value else 0.0
            bars.append(Bar(words, min(0.0, float(value)) if hi == value else 0.0, float(hi),
                            [(lo, float(hi), f"{format_number(value)}% to {format_number(hi)}%")] if hi != value else [],
                            href, format_growth(value, hi if hi != value else None, "percent", lower)))
        cap = outlier_cap([b.hi for b in bars])
        legend = [("bar", "percent growth stated on the page")]
        if cap is not None:
            legend.append(("cut", "bar cut at the scale's end; its value is printed"))
        out.append((metric, _name(METRIC_NAMES, metric), bar_chart(
            bars, unit="percent", caption=f"{_name(METRIC_NAMES, metric)} (percent)", legend=legend, cap=cap)))
    return out


# ------------------------------------------------------------------ per-role data
PROVENANCE_COLUMNS = ("document_id", "section_heading", "char_start", "char_end", "text")
_ROLE_SECTIONS = {  # table -> (columns, order within a role)
    "salaries": (("salary_id", "pay_component", "statistic", "amount_min", "amount_max", "open_ended", "currency",
                  "period", "annual_min_usd", "annual_max_usd", "segment_type", "segment", "reference_year"),
                 "t.segment_type = 'overall' DESC, t.segment_type, coalesce(t.annual_max_usd, t.annual_min_usd) DESC NULLS LAST, t.salary_id"),
    "bonuses": (("bonus_id", "pct_min", "pct_max", "basis"), "t.document_id, t.char_start"),
    "duties": (("duty_id", "ordinal", "category"), "t.document_id, t.ordinal"),
    "growth_stats": (("stat_id", "metric", "subject", "value", "value_max", "unit", "is_lower_bound", "period_start",
                      "period_end", "period_label", "source_name"), "t.metric, t.document_id, t.char_start"),
    "education_requirements": (("education_id", "level", "onet_rl", "requirement", "fields"),
                               "t.onet_rl DESC, t.requirement, t.document_id, t.char_start"),
    "experience_requirements": (("experience_id", "years_min", "years_max", "scope"), "t.document_id, t.char_start"),
    "certifications": (("certification_id", "name", "issuer", "requirement"), "t.name, t.document_id"),
    "related_roles": (("relation_id", "related_role_id", "related_title", "relation"), "t.relation, t.related_title"),
}


def _arrow_rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    """The query's rows as dicts, through Arrow (much faster than fetchall for many rows)."""
    relation = con.sql(sql)
    table = relation.to_arrow_table() if hasattr(relation, "to_arrow_table") else relation.arrow()
    data = table.to_pydict()
    names = list(data)
    return [dict(zip(names, values)) for values in zip(*data.values())]


def _role_section_queries(folder: Path) -> dict[str, str]:
    """Per section of a role page, the query of every role's rows (at most ROLE_ROWS, with provenance and
    the document's source_path, and `total`, how many the role has in all), ordered by role_id."""
    documents = _parquet(folder, "documents")
    queries = {}
    for name, (columns, order) in _ROLE_SECTIONS.items():
        wanted = ", ".join(f"t.{c}" for c in ("role_id", *columns, *PROVENANCE_COLUMNS))
        queries[name] = f"""
            SELECT * EXCLUDE (n) FROM (
                SELECT {wanted}, d.source_path,
                       row_number() OVER (PARTITION BY t.role_id ORDER BY {order}) AS n,
                       count(*) OVER (PARTITION BY t.role_id) AS total
                FROM {_parquet(folder, name)} t LEFT JOIN {documents} d USING (document_id))
            WHERE n <= {ROLE_ROWS} ORDER BY role_id, n"""
    # Skills: one row per skill (a role's rows from several documents summed), strongest requirement first.
    queries["skills"] = f"""
        SELECT * EXCLUDE (n) FROM (
            SELECT *, row_number() OVER (PARTITION BY role_id ORDER BY strength, mentions DESC, name) AS n,
                   count(*) OVER (PARTITION BY role_id) AS total FROM (
                SELECT rs.role_id, k.name, k.category, sum(rs.mention_count) AS mentions,
                       min(CASE rs.requirement WHEN 'required' THEN 0 WHEN 'preferred' THEN 1 ELSE 2 END) AS strength,
                       count(DISTINCT rs.document_id) AS documents
                FROM {_parquet(folder, 'role_skills')} rs JOIN {_parquet(folder, 'skills')} k USING (skill_id)
                GROUP BY rs.role_id, k.skill_id, k.name, k.category))
        WHERE n <= {ROLE_ROWS * 3} ORDER BY role_id, n"""
    return queries


def _grouped(reader) -> Iterator[tuple[str, list[dict]]]:
    """(role_id, its rows) from an Arrow batch reader of rows ordered by role_id."""
    role_id, rows = None, []
    for batch in reader:
        data = batch.to_pydict()
        names = list(data)
        for values in zip(*data.values()):
            row = dict(zip(names, values))
            if row["role_id"] != role_id and rows:
                yield role_id, rows
                rows = []
            role_id = row["role_id"]
            rows.append(row)
    if rows:
        yield role_id, rows


def role_sections(con: duckdb.DuckDBPyConnection, folder: Path,
                  role_ids: list[str]) -> Iterator[tuple[str, dict[str, list[dict]], dict[str, int]]]:
    """For each of `role_ids` (sorted), its rows per section and how many it has in all per section.
    Streamed: one cursor per section reads its rows in role_id order, so memory holds a role, not the
    dataset (a catalog of 100,000 roles drew in 3 GB when every role's rows were gathered first)."""
    # Each section's rows are stored first (a table DuckDB can spill), then read by one cursor each:
    # ten sorted query results held open at once would all have to stay in memory.
    queries = _role_section_queries(folder)
    for name, sql in queries.items():
        con.execute(f"CREATE OR REPLACE TABLE role_section_{name} AS {sql}")
    streams = {name: _grouped(con.cursor().sql(f"SELECT * FROM role_section_{name}").to_arrow_reader(20_000))
               for name in queries}
    heads: dict[str, tuple[str, list[dict]] | None] = {name: next(stream, None) for name, stream in streams.items()}
    for role_id in role_ids:
        found: dict[str, list[dict]] = {}
        totals: dict[str, int] = {}
        for name, stream in streams.items():
            while heads[name] is not None and heads[name][0] < role_id:  # rows of a role not in the list
                heads[name] = next(stream, None)
            if heads[name] is not None and heads[name][0] == role_id:
                rows = heads[name][1]
                if name == "skills":
                    for row in rows:
                        row["requirement"] = ("required", "preferred", "mentioned")[row["strength"]]
                found[name], totals[name] = rows, rows[0]["total"]
                heads[name] = next(stream, None)
            else:
                found[name], totals[name] = [], 0
        yield role_id, found, totals


def role_list(con: duckdb.DuckDBPyConnection, folder: Path) -> list[dict]:
    """Every role with what its line in a list shows: pay range (annual USD), skills, source page."""
    return _arrow_rows(con, f"""
        WITH pay AS (SELECT role_id, min(coalesce(annual_min_usd, annual_max_usd)) AS pay_lo,
                            max(coalesce(annual_max_usd, annual_min_usd)) AS pay_hi, count(*) AS pay_figures
                     FROM {_parquet(folder, 'salaries')} GROUP BY role_id),
             sk AS (SELECT role_id, count(DISTINCT skill_id) AS skills FROM {_parquet(folder, 'role_skills')} GROUP BY role_id)
        SELECT r.role_id, r.title, r.aliases, r.family, r.seniority, r.summary, r.is_primary, r.title_source,
               r.document_id, r.section_heading, r.char_start, r.char_end, r.text, d.source_path,
               pay.pay_lo, pay.pay_hi, coalesce(pay.pay_figures, 0) AS pay_figures, coalesce(sk.skills, 0) AS skills
        FROM {_parquet(folder, 'roles')} r LEFT JOIN {_parquet(folder, 'documents')} d USING (document_id)
        LEFT JOIN pay USING (role_id) LEFT JOIN sk USING (role_id)
        ORDER BY r.is_primary DESC, lower(r.title), r.role_id""")


def source_html(row: dict, quote: bool = True) -> Markup:
    """Where a row was read from: its exact text (quoted), the page, the section heading and the characters;
    the document id in the tooltip. Built with plain string formatting: a role page has hundreds of these."""
    e = html.escape
    where = e(row["source_path"] or "unknown page")
    if row["section_heading"]:
        where += f', under “{e(row["section_heading"])}”'
    where += f', characters {row["char_start"]}–{row["char_end"]}'
    text = f'<span class="quote">“{e(row["text"])}”</span>' if quote else ""
    return Markup(f'{text}<span class="src" title="document {e(row["document_id"] or "")}">{where}</span>')


def role_pay_chart(figures: list[dict]) -> Markup:
    """One bar per annual USD figure of a role, labelled with its segment and statistic."""
    bars = []
    for f in figures:
        lo = f["annual_min_usd"] if f["annual_min_usd"] is not None else f["annual_max_usd"]
        hi = f["annual_max_usd"] if f["annual_max_usd"] is not None else f["annual_min_usd"]
        if lo is None:
            continue
        label = _name(SEGMENT_NAMES, f["segment_type"]) + (f": {f['segment']}" if f["segment"] else "")
        label += f" ({_name(STATISTIC_NAMES, f['statistic'])}, {_name(PAY_NAMES, f['pay_component'])})"
        text = _usd_range(lo, hi) + ("+" if f["annual_max_usd"] is None or f["open_ended"] else "")
        bars.append(Bar(label, lo, hi, [], None, text))
    return bar_chart(bars, unit="usd", caption="pay figures of the role (annual USD)",
                     legend=[("range", "one figure: lowest to highest amount, per year in USD (+: no upper amount)")],
                     label_chars=52)


# ------------------------------------------------------------------ pages
_ENV: jinja2.Environment | None = None


def _env() -> jinja2.Environment:
    global _ENV
    if _ENV is None:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                                 trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
        env.filters.update(num=format_number, money=format_money, when=_when, size=_size, yesno=format_bool,
                           category=category_name, short_id=short_id)
        env.globals.update(
            marker=Markup(_MARKER), style=Markup(_STYLE), format_pay=format_pay, format_growth=format_growth,
            growth_period=growth_period, format_years=format_years, format_cell=format_cell,
            usd_range=_usd_range, source=source_html, names={"segment": SEGMENT_NAMES, "statistic": STATISTIC_NAMES, "pay": PAY_NAMES,
                                         "metric": METRIC_NAMES, "education": EDUCATION_NAMES, "scope": SCOPE_NAMES,
                                         "relation": RELATION_NAMES, "basis": BASIS_NAMES},
            name=_name, DUCKDB_TYPES=DUCKDB_TYPES)
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


@contextlib.contextmanager
def _connect(folder: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A DuckDB for the catalog's queries: capped, spilling beside the snapshots (removed after; a
    killed build's is removed by the next), so 100,000 roles fit in bounded memory."""
    spill = folder.parent / f".catalog-{os.getpid()}.tmp"
    try:
        with duckdb.connect(config={"memory_limit": CATALOG_MEMORY, "preserve_insertion_order": True,
                                    "temp_directory": str(spill)}) as con:
            yield con
    finally:
        shutil.rmtree(spill, ignore_errors=True)


def snapshot_page(folder: Path, manifest: dict, roles: list[dict] | None = None,
                  pages: dict[str, str] | None = None) -> str:
    with _connect(folder) as con:
        if roles is None:
            roles = role_list(con, folder)
        if pages is None:
            pages = {r["role_id"]: role_page_name(r["role_id"]) for r in roles}
        pay = pay_chart(con, folder, pages)
        skills = skills_chart(con, folder)
        growth = growth_charts(con, folder, pages)
        tables = []
        for table in TABLES:
            columns, first = _first_rows(con, folder, table.name)
            tables.append({"table": table, "columns": columns, "rows": first})
    return _render("snapshot.html", manifest=manifest, sid=manifest["snapshot_id"], roles=roles[:LIST_ROLES],
                   role_count=len(roles), pages=pages, pay_chart=pay, skills_chart=skills, growth=growth,
                   changes=_load_changes(folder), tables=tables, chart_roles=CHART_ROLES)


def _first_rows(con: duckdb.DuckDBPyConnection, folder: Path, name: str) -> tuple[list[str], list[list[Markup]]]:
    cursor = con.execute(f"SELECT * FROM {_parquet(folder, name)} LIMIT {FIRST_ROWS}")
    columns = [d[0] for d in cursor.description]
    rows = [dict(zip(columns, row)) for row in cursor.fetchall()]
    return columns, [[format_cell(name, c, row[c], row) for c in columns] for row in rows]


def _load_changes(folder: Path) -> dict | None:
    path = folder / "changes.json"
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def change_summary(changes: dict | None) -> dict:
    """What changed since the previous snapshot, for the index: kind (unknown, first, none, changed),
    the tables with changes and how many documents they come from."""
    if changes is None:
        return {"kind": "unknown", "tables": [], "documents": 0, "previous": None}
    previous = changes.get("previous_snapshot")
    tables = [(name, c["added"], c["removed"], c["changed"]) for name, c in changes.get("tables", {}).items()
              if c["added"] or c["removed"] or c["changed"]]
    documents = len({d["document_id"] for c in changes.get("tables", {}).values() for d in c.get("documents", [])})
    kind = "first" if previous is None else ("changed" if tables else "none")
    return {"kind": kind, "tables": tables, "documents": documents, "previous": previous}


def role_page(role: dict, found: dict[str, list[dict]], counts: dict[str, int], pages: dict[str, str],
              manifest: dict) -> str:
    """One role's page from its rows per section (`role_sections`) and their totals."""
    skills: dict[str, list[dict]] = {}
    for skill in found["skills"]:
        skills.setdefault(skill["category"], []).append(skill)
    order = {code: i for i, code in enumerate(CATEGORY_NAMES)}
    growth: dict[str, list[dict]] = {}
    for stat in found["growth_stats"]:
        growth.setdefault(stat["metric"], []).append(stat)
    duties: dict[str, list[dict]] = {}
    for duty in found["duties"]:
        duties.setdefault(duty["category"] or "", []).append(duty)
    return _render("role.html", role=role, sid=manifest["snapshot_id"], manifest=manifest, found=found, counts=counts,
                   pay_chart=role_pay_chart(found["salaries"]) if found["salaries"] else None,
                   skills=sorted(skills.items(), key=lambda kv: (order.get(kv[0], 99), kv[0])),
                   growth=sorted(growth.items(), key=lambda kv: list(METRIC_NAMES).index(kv[0]) if kv[0] in METRIC_NAMES else 99),
                   duties=list(duties.items()), pages=pages, role_rows=ROLE_ROWS)


def write_role_pages(folder: Path, manifest: dict, roles: list[dict], pages: dict[str, str],
                     previous: Path | None = None) -> Path:
    """`roles/` of a snapshot: written whole in a hidden folder, then renamed into place.

    A role whose page would show exactly what it showed in the `previous` snapshot (same rows,
    same links, same catalog code) gets that page again with the snapshot id updated, instead
    of being rendered: a run that changed 1% of the pages renders about 1% of the role pages."""
    target = folder / "roles"
    tmp = folder / f".roles.{os.getpid()}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    sid = manifest["snapshot_id"]
    try:
        by_id = {role["role_id"]: role for role in roles}
        with _connect(folder) as con:
            for role_id, found, counts in role_sections(con, folder, sorted(by_id)):
                role, name = by_id[role_id], pages[role_id]
                inputs = _role_inputs(role, found, counts, pages)
                page = _reused_page(previous, name, inputs, sid) if previous is not None else None
                if page is None:
                    page = role_page(role, found, counts, pages, manifest) + _inputs_marker(inputs)
                (tmp / name).write_text(page, encoding="utf-8")
        (tmp / "index.html").write_text(_render("roles.html", roles=roles, pages=pages, sid=sid,
                                                manifest=manifest), encoding="utf-8")
        old = folder / f".roles.{os.getpid()}.old"
        if target.exists():
            os.rename(target, old)
        os.rename(tmp, target)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


@functools.lru_cache(maxsize=1)
def _catalog_code() -> str:
    """A digest of the code that draws a role page: change it and no page is reused."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for template in sorted((Path(__file__).parent / "templates").glob("*")):
        digest.update(template.read_bytes())
    return digest.hexdigest()


def _role_inputs(role: dict, found: dict[str, list[dict]], counts: dict[str, int], pages: dict[str, str]) -> str:
    """A digest of everything a role's page shows, except the snapshot id."""
    related = {r["related_role_id"]: pages.get(r["related_role_id"]) for r in found.get("related_roles", [])}
    text = json.dumps([_catalog_code(), role, found, counts, related], sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _inputs_marker(inputs: str) -> str:
    return f"\n<!-- roledata role page inputs {inputs} -->\n"


def _reused_page(previous: Path, name: str, inputs: str, sid: str) -> str | None:
    """The previous snapshot's page for this role when it was drawn from the same inputs, with the
    snapshot id (title and breadcrumbs: the only place a role page names it) updated."""
    try:
        page = (previous / "roles" / name).read_text(encoding="utf-8")
    except OSError:
        return None
    if not page.endswith(_inputs_marker(inputs)):
        return None
    return page.replace(previous.name, sid, 2)  # the title and the breadcrumbs, at the top


def index_page(snapshots: list[dict], latest: str | None, changes: dict[str, dict | None] | None = None,
               pruned: list[dict] | None = None) -> str:
    changes = changes or {}
    entries = []
    for m in snapshots:
        sid = m["snapshot_id"]
        entries.append({"manifest": m, "sid": sid, "latest": sid == latest,
                        "size": sum(info["bytes"] for info in m["tables"].values()),
                        "rows": sum(info["rows"] for info in m["tables"].values()),
                        "changes": change_summary(changes.get(sid))})
    return _render("index.html", entries=entries, latest=latest, latest_link=LATEST_LINK, pruned=pruned or [])


def _is_current(page: Path) -> bool:
    """A page made by this catalog version (older pages lack the role pages, formatting and contents)."""
    try:
        with open(page, encoding="utf-8") as fh:
            return _MARKER in fh.read(600)
    except OSError:
        return False


def link_latest(snapshots_dir: Path, snapshot_id: str) -> Path:
    """`snapshots/latest`: a relative symlink to the snapshot's folder, swapped in atomically (a temporary
    link renamed over the old one). Where symlinks are not supported, a folder whose index.html
    redirects to the snapshot's page."""
    target = snapshots_dir / LATEST_LINK
    tmp = snapshots_dir / f".{LATEST_LINK}.{os.getpid()}.tmp"
    tmp.unlink(missing_ok=True)
    try:
        os.symlink(snapshot_id, tmp, target_is_directory=True)
    except OSError:  # a file system (or a Windows account) without symlinks
        return _latest_folder(target, snapshot_id)
    try:
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)  # the fallback folder of an earlier build
        os.replace(tmp, target)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _latest_folder(target: Path, snapshot_id: str) -> Path:
    if target.is_symlink() or target.is_file():
        target.unlink()
    target.mkdir(exist_ok=True)
    _write(target / "index.html", _render("redirect.html", sid=snapshot_id))
    return target


def write_zip(snapshots_dir: Path, snapshot_id: str) -> Path:
    target = snapshots_dir / f"{snapshot_id}.zip"
    tmp = snapshots_dir / f".{snapshot_id}.zip.tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as archive:  # Parquet is compressed already
        for path in sorted((snapshots_dir / snapshot_id).iterdir()):
            if path.is_file() and not path.name.startswith("."):
                archive.write(path, f"{snapshot_id}/{path.name}")
    os.replace(tmp, target)
    return target


def build_snapshot_pages(folder: Path, manifest: dict) -> None:
    """The snapshot's role pages, then its page (last: an index.html of this version means all are there)."""
    with _connect(folder) as con:
        roles = role_list(con, folder)
    pages = {r["role_id"]: role_page_name(r["role_id"]) for r in roles}
    previous = (_load_changes(folder) or {}).get("previous_snapshot")
    earlier = folder.parent / previous if previous else None
    write_role_pages(folder, manifest, roles, pages, earlier if earlier is not None and earlier.is_dir() else None)
    _write(folder / "index.html", snapshot_page(folder, manifest, roles, pages))


def build_catalog(snapshots_dir: Path) -> Path:
    """Make whatever is missing (zip, pages) for every snapshot, then `latest` and the index."""

    # `latest` is a link to a snapshot folder: not a snapshot of its own.
    seen: set[str] = set()
    snapshots = []
    for manifest in list_snapshots(snapshots_dir):
        if manifest["snapshot_id"] not in seen and (snapshots_dir / manifest["snapshot_id"]).is_dir():
            seen.add(manifest["snapshot_id"])
            snapshots.append(manifest)
    for leftover in [*snapshots_dir.glob(".*.tmp"), *snapshots_dir.glob("*.zip")]:
        if leftover.suffix == ".tmp" or not (snapshots_dir / leftover.stem).is_dir():
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)  # a killed catalog build, or the zip of a removed snapshot
    for manifest in snapshots:
        folder = snapshots_dir / manifest["snapshot_id"]
        for leftover in [*folder.glob(".roles.*.tmp"), *folder.glob(".roles.*.old")]:
            shutil.rmtree(leftover, ignore_errors=True)
        if not (snapshots_dir / f"{manifest['snapshot_id']}.zip").exists():
            write_zip(snapshots_dir, manifest["snapshot_id"])
        if not _is_current(folder / "index.html"):
            build_snapshot_pages(folder, manifest)
    latest = latest_snapshot(snapshots_dir)
    if latest and latest in seen:
        link_latest(snapshots_dir, latest)
    index = snapshots_dir / "index.html"
    changes = {m["snapshot_id"]: _load_changes(snapshots_dir / m["snapshot_id"]) for m in snapshots}
    _write(index, index_page(snapshots, latest, changes, pruned_snapshots(snapshots_dir)))
    return index
