"""What the catalog's pages print for a code or a value: names people read and values formatted.

The words for a code live once, in `roledata.contract.codes`; this module adds
the catalog's own rules (a skill category capitalised, a pay period's default,
money with its currency sign) and the markup of a single value or source.
"""
from __future__ import annotations

import html
import math
import re
from datetime import datetime, timezone

from markupsafe import Markup, escape

from roledata.contract import codes
from roledata.contract.codes import CodeList

CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}  # other currencies are written with their ISO code
UNLISTED = 99  # where a code missing from its code list sorts: after every listed code
# How a role page groups and orders pay: by component (base first, total after), then by statistic with
# the percentiles in their order, never in page order.
PAY_GROUPS = CodeList({"base": "Base pay", "unspecified": "Pay (base or total not stated)", "total": "Total pay",
                       "total_cash": "Total cash"})
STATISTIC_ORDER = CodeList({code: codes.STATISTIC.label(code) for code in (
    "minimum", "p10", "p25", "median", "p75", "p90", "maximum", "average", "range", "point")})


# ------------------------------------------------------------------ names people read
def category_name(code: str | None) -> str:
    """`ml_framework` -> `ML frameworks`; an unknown code as words."""
    if code is None:
        return "Uncategorized"
    return codes.SKILL_CATEGORY.labels.get(code) or code.replace("_", " ").capitalize()


def listed_order(code_list: CodeList, code: str | None) -> int:
    """`code`'s place in `code_list`, for sorting (0 first); UNLISTED for a code the list lacks."""
    return code_list.rank(code) if code in code_list.labels else UNLISTED


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
    """True, False, None -> `yes`, `no`, `NULL`."""
    return "NULL" if value is None else ("yes" if value else "no")


def format_money(amount, currency: str | None = "USD", compact: bool = False) -> str:
    """`180000.0, USD` -> `$180,000` (compact: `$180K`, `$1.2M`); other currencies keep their code."""
    if amount is None:
        return "—"
    currency = (currency or "").upper()
    sign = CURRENCY_SIGNS.get(currency)
    if compact:
        number = format_compact(amount)
    else:
        number = f"{amount:,.0f}" if float(amount).is_integer() or abs(amount) >= 1000 else f"{amount:,.2f}"
    if amount < 0:
        number = number.lstrip("-")
    text = f"{sign}{number}" if sign else f"{number} {currency}".strip()
    return ("−" if amount < 0 else "") + text


def format_compact(amount: float) -> str:
    """The size of `amount` in a few characters, sign dropped: `1250000` -> `1.2M`, `65e9` -> `65B`."""
    value = abs(amount)
    for limit, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if value >= limit:
            scaled = value / limit
            return (f"{scaled:,.1f}".rstrip("0").rstrip(".") if scaled < 10 else f"{scaled:,.0f}") + suffix
    return f"{value:,.0f}"


def format_usd_range(lo: float, hi: float) -> str:
    """Two annual USD amounts as a short range: `$150K–$280K`; one amount when they are equal."""
    lo_t, hi_t = format_money(lo, "USD", compact=True), format_money(hi, "USD", compact=True)
    return lo_t if lo == hi else f"{lo_t}–{hi_t}"


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
    words = codes.PERIOD.labels.get(period or "year", f"per {period}")
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
    """Years of experience asked for: `5+ years`, `3 years`, `3–5 years`."""
    if years_max is None:
        return f"{years_min}+ years"
    if years_min == years_max:
        return f"{years_min} years"
    return f"{years_min}–{years_max} years"


def format_timestamp(created_at: str) -> str:
    """An ISO timestamp as people read it: 2026-11-22 02:14 UTC."""
    try:
        moment = datetime.fromisoformat(created_at).astimezone(timezone.utc)
    except (TypeError, ValueError):
        return str(created_at)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def format_bytes(count: float) -> str:
    """A file size: `900 bytes`, `1.5 KB`, ... up to GB."""
    if count < 1024:
        return f"{count:,.0f} bytes"
    for unit in ("KB", "MB", "GB"):
        count /= 1024
        if count < 1024 or unit == "GB":
            return f"{count:,.1f} {unit}"


# ------------------------------------------------------------------ one value or source as markup
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
