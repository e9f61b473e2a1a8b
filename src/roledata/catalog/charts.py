"""The catalog's charts: horizontal bar charts as inline SVG (no script, nothing fetched).

`bar_chart` draws any list of `Bar`s; `pay_chart`, `skills_chart`,
`growth_charts` and `role_pay_chart` turn the rows `roledata.catalog.queries`
reads into bars. Nothing here reads a file or runs SQL.
"""
from __future__ import annotations

import html
import math
import textwrap
from dataclasses import dataclass, field

from markupsafe import Markup

from roledata.catalog.labels import (
    PAY_GROUPS, category_name, format_compact, format_growth, format_number, format_usd_range, growth_period,
    listed_order,
)
from roledata.contract import codes


@dataclass
class Bar:
    """One row of a horizontal bar chart: a bar from lo to hi, darker bands inside, a marker (a median),
    or a group heading."""

    label: str
    lo: float = 0.0
    hi: float = 0.0
    bands: list[tuple[float, float, str]] = field(default_factory=list)
    href: str | None = None
    value_text: str = ""
    heading: bool = False
    marker: float | None = None
    marker_text: str = ""
    tip: str = ""  # the bar's tooltip; `label: value_text` when empty


LEGEND_STYLES = {  # legend key -> (fill, opacity)
    "range": ("#9cc3e6", 1.0), "segment": ("#1f5f9e", 0.75), "bar": ("#3b82c4", 1.0), "cut": ("#3b82c4", 1.0),
    "median": ("#c2410c", 1.0),
}
MARKER_WIDTH = 3


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
        return "$0" if value == 0 else ("−" if value < 0 else "") + "$" + format_compact(abs(value))
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
        tip = bar.tip or f"{bar.label}: {bar.value_text}"
        parts.append(f'<rect class="range{" cut" if is_cut else ""}" x="{x0:.1f}" y="{by:.1f}" '
                     f'width="{max(3.0, x1 - x0):.1f}" height="{bar_h}" fill="{fill}"><title>{e(tip)}</title></rect>')
        for b_lo, b_hi, b_name in bar.bands:
            parts.append(f'<rect class="segment" x="{x(b_lo):.1f}" y="{by + 3:.1f}" width="{max(3.0, x(b_hi) - x(b_lo)):.1f}" '
                         f'height="{bar_h - 6}" fill="{LEGEND_STYLES["segment"][0]}" fill-opacity="{LEGEND_STYLES["segment"][1]}">'
                         f'<title>{e(b_name)}</title></rect>')
        if bar.marker is not None:
            parts.append(f'<rect class="median" x="{x(bar.marker) - MARKER_WIDTH / 2:.1f}" y="{by - 3:.1f}" '
                         f'width="{MARKER_WIDTH}" height="{bar_h + 6}" fill="{LEGEND_STYLES["median"][0]}">'
                         f'<title>{e(bar.marker_text)}</title></rect>')
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
        if key == "median":  # a marker across the bar, as drawn
            parts.append(f'<g class="legend"><rect x="{lx + 5:.0f}" y="{ly - 12}" width="{MARKER_WIDTH}" height="14" '
                         f'fill="{fill}"/>')
        else:
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


# What the market pay charts draw, in the words of their legends (the snapshot page and the role pages).
MARKET_LEGEND = [
    ("range", "lowest to highest figure the documents state (median, average, range or single figure; a year, USD)"),
    ("segment", "middle half of the documents' midpoints (25th to 75th percentile)"),
    ("median", "median of the documents' midpoints"),
]
ROLE_MARKET_LEGEND = [
    ("range", "lowest to highest figure: of all the documents, or of one document"),
    ("segment", "middle half of the documents' midpoints (25th to 75th percentile)"),
    ("median", "median of the documents' midpoints; on one document's bar, its midpoint"),
]
PAY_KINDS = {"base": "base pay", "total": "total pay"}


def _documents(count: int) -> str:
    return f"{count:,} document{'' if count == 1 else 's'}"


def market_bar(label: str, row: dict, href: str | None = None) -> Bar:
    """One bar of pay across documents: the spread of their figures, the middle half of their midpoints
    as a band (two documents or more), the median of their midpoints as a marker. `row`: documents,
    lo, p25, median, p75, hi (`queries.market_pay`, or a role's own summary)."""
    lo, hi, median = row["lo"], row["hi"], row["median"]
    band = [] if row["documents"] < 2 else [(row["p25"], row["p75"], f"middle half of the {row['documents']} "
                                             f"documents' midpoints: {format_usd_range(row['p25'], row['p75'])}")]
    median_text = format_usd_range(median, median)
    value = f"median {median_text} · {_documents(row['documents'])}"
    tip = (f"{label}: figures {format_usd_range(lo, hi)} across {_documents(row['documents'])}; median midpoint "
           f"{median_text}" + (f", middle half {format_usd_range(row['p25'], row['p75'])}" if band else ""))
    return Bar(label, lo, hi, band, href, value, marker=median,
               marker_text=f"median of the documents' midpoints: {median_text}", tip=tip)


def pay_chart(rows: list[dict], pages: dict[str, str] | None = None) -> Markup:
    """The snapshot's pay chart: per role (best paid first), base pay and total pay on rows of their own,
    each across the role's documents (`market_bar`). `rows`: `queries.market_pay`; `pages`: role_id -> its
    page's file name, for the links."""
    bars = []
    for row in rows:
        href = f"roles/{pages[row['role_id']]}" if pages and row["role_id"] in pages else None
        bars.append(market_bar(f"{row['title']} · {PAY_KINDS[row['pay']]}", row, href))
    return bar_chart(bars, unit="usd", caption="pay per role across its documents (annual USD)", legend=MARKET_LEGEND,
                     value_w=210)


def role_market_chart(spreads: dict[str, dict], documents: list[dict], most: int = 40) -> Markup | None:
    """A role's pay across its documents: per kind of pay (base, total), a bar for all its documents
    (`market_bar`), then one bar per document (its figures' span, its midpoint marked), lowest midpoint
    first, when at most `most` documents state it (beyond that, the bar for all of them alone: the
    role page's table lists every document). `spreads`: kind -> the role's summary; `documents`: the
    role's documents (`queries` section)."""
    bars = []
    for kind, spread in spreads.items():
        bars.append(Bar(PAY_KINDS[kind].capitalize(), heading=True))
        bars.append(market_bar(f"all {_documents(spread['documents'])}", spread))
        paid = sorted((d for d in documents if d[f"{kind}_midpoint"] is not None),
                      key=lambda d: (d[f"{kind}_midpoint"], d["source_path"] or ""))
        for doc in paid if len(paid) <= most else []:
            lo, mid, hi = doc[f"{kind}_low"], doc[f"{kind}_midpoint"], doc[f"{kind}_high"]
            bars.append(Bar(doc["source_path"] or doc["document_id"], lo, hi, [], None, format_usd_range(lo, hi),
                            marker=mid, marker_text=f"this document's midpoint: {format_usd_range(mid, mid)}"))
    if not bars:
        return None
    return bar_chart(bars, unit="usd", caption="pay across the role's documents (annual USD)", legend=ROLE_MARKET_LEGEND,
                     label_chars=40, value_w=210)


def skills_chart(skills: list[tuple]) -> Markup:
    """A small chart per skill category, all on one scale. `skills`: (category, name, roles) rows of
    `queries.top_skills`."""
    by_category: dict[str, list[Bar]] = {}
    for category, name, count in skills:
        noun = "role" if count == 1 else "roles"
        by_category.setdefault(category, []).append(Bar(name, 0.0, float(count), value_text=f"{count:,} {noun}"))
    if not by_category:
        return Markup("<p>No skills in this snapshot.</p>")
    top = max(b.hi for bars in by_category.values() for b in bars)
    cells = []
    for category in sorted(by_category, key=lambda c: (listed_order(codes.SKILL_CATEGORY, c), c)):
        bars = by_category[category]
        chart = bar_chart(bars, unit="count", legend=[],
                          caption=f"{category_name(category)}: roles asking for each skill", label_chars=20,
                          plot_w=150, value_w=64, ticks=3, top=top)
        cells.append(Markup('<figure class="skill-category"><figcaption>{0}</figcaption>{1}</figure>').format(
            category_name(category), chart))
    legend = Markup(legend_svg([("bar", "number of roles whose page asks for the skill (same scale in every category)")]))
    return Markup('<div class="legend-row">{0}</div><div class="grid">{1}</div>').format(legend, Markup("").join(cells))


def growth_charts(growth: list[tuple], pages: dict[str, str] | None = None) -> list[tuple[str, str, Markup]]:
    """One chart per metric of the percentage figures: (metric code, metric name, chart). Each label
    names the role, what is measured and the period; one outlier is cut rather than flattening the rest.
    `growth`: rows of `queries.top_growth_figures`; `pages`: role_id -> its page's file name."""
    by_metric: dict[str, list] = {}
    for row in growth:
        by_metric.setdefault(row[0], []).append(row)
    out = []
    for metric in sorted(by_metric, key=lambda m: (listed_order(codes.GROWTH_METRIC, m), m)):
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
        metric_name = codes.GROWTH_METRIC.label(metric)
        out.append((metric, metric_name, bar_chart(
            bars, unit="percent", caption=f"{metric_name} (percent)", legend=legend, cap=cap)))
    return out


def role_pay_chart(figures: list[dict], market: dict | None = None) -> Markup:
    """One bar per annual USD figure of a role (its `salaries` rows), grouped by kind of pay under a heading
    each, in the order the role page lists them (`labels.PAY_GROUPS`, then the statistics in order); each
    labelled with its page when the figures come from more than one. With `market` (the role's top
    occupation and its OEWS wages), the OEWS distribution first, on the same scale: p10 to p90, the
    middle half (p25 to p75) darker, the median a line."""
    bars, group = [], None
    several = len({f["document_id"] for f in figures}) > 1
    if market and market.get("annual_p10") is not None and market.get("annual_p90") is not None:
        bands = []
        if market.get("annual_p25") is not None and market.get("annual_p75") is not None:
            bands.append((market["annual_p25"], market["annual_p75"], "OEWS p25 to p75"))
        if market.get("annual_median") is not None:
            bands.append((market["annual_median"], market["annual_median"], "OEWS median"))
        bars.append(Bar(f"OEWS May 2025, {market['occupation_title']} ({market['soc_code']}): p10 to p90",
                        market["annual_p10"], market["annual_p90"], bands, None,
                        f"median {format_usd_range(market['annual_median'], market['annual_median'])}"
                        if market.get("annual_median") is not None else format_usd_range(market["annual_p10"],
                                                                                         market["annual_p90"])))
    for f in figures:
        lo = f["annual_min_usd"] if f["annual_min_usd"] is not None else f["annual_max_usd"]
        hi = f["annual_max_usd"] if f["annual_max_usd"] is not None else f["annual_min_usd"]
        if lo is None:
            continue
        if f["pay_component"] != group:
            group = f["pay_component"]
            bars.append(Bar(PAY_GROUPS.label(group), heading=True))
        label = codes.STATISTIC.label(f["statistic"]).capitalize() + " · " + codes.SEGMENT_TYPE.label(f["segment_type"])
        label += f": {f['segment']}" if f["segment"] else ""
        label += f" · {f['source_path']}" if several and f["source_path"] else ""
        text = format_usd_range(lo, hi) + ("+" if f["annual_max_usd"] is None or f["open_ended"] else "")
        bars.append(Bar(label, lo, hi, [], None, text))
    legend = [("range", "one figure: lowest to highest amount, per year in USD (+: no upper amount)")]
    if len(bars) and bars[0].bands:
        legend.append(("segment", "OEWS: the middle half of employees' wages (p25 to p75) and the median"))
    return bar_chart(bars, unit="usd", caption="pay figures of the role (annual USD)" + (
        ", beside the OEWS wages of its occupation" if market else ""), legend=legend, label_chars=52)
