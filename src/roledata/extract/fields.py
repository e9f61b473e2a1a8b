"""Rows taken from a document's structured fields (an export row's columns), `origin = 'field'`.

An export row's title cell is the role's title (`title_source = 'field'`), its pay
cells (min, max or median amount, interval, currency) are a `salaries` row, and its
company, location, remote flag and job type are `posting_facts` rows. Both
point at their cells in the document's stored text (`formats.exports.read_row`
writes them there), so their provenance holds like any other row's. Pay the
description states too is read from the text as usual (`origin = 'text'`): where
the field and the text disagree, both rows are there to compare.
"""
from __future__ import annotations

import re

from roledata.extract.money import ANNUAL_FACTOR
from roledata.extract.places import Place, read_places
from roledata.extract.posting_cues import employment_types
from roledata.parse.titles import TitleChoice
from roledata.text import LazyPattern, Span

# Pay intervals as exports write them -> salaries.period.
INTERVALS = {"year": "year", "yearly": "year", "annual": "year", "annually": "year", "month": "month",
             "monthly": "month", "week": "week", "weekly": "week", "day": "day", "daily": "day", "hour": "hour",
             "hourly": "hour"}
_NUMBER = LazyPattern(r"^\$?\s*(\d[\d,]*(?:\.\d+)?)$")


def field_title(text: str, spans: dict[str, tuple[int, int]]) -> TitleChoice | None:
    """The title cell as the page's title, where the row has one."""
    if "title" not in spans:
        return None
    start, end = spans["title"]
    return TitleChoice(Span(start, end, text[start:end]), "field", float("inf"))


def field_salaries(text: str, fields: dict, document_id: str, role_id: str) -> tuple[list[dict], list[str]]:
    """The pay cells as one `salaries` row (none when the row has no amount), and why pay cells that are
    there could not make one (an interval or currency missing or unknown)."""
    amounts = {name: _amount(fields[name]["value"]) for name in ("min_amount", "max_amount", "med_amount")
               if name in fields}
    amounts = {name: value for name, value in amounts.items() if value is not None}
    if not amounts:
        return [], []
    interval = fields.get("interval", {}).get("value")
    period = INTERVALS.get((interval or "").strip().lower())
    currency = (fields.get("currency", {}).get("value") or "").strip().upper()
    problems = []
    if period is None:
        problems.append(f"pay fields without a known interval ({interval!r})")
    if not re.fullmatch(r"[A-Z]{3}", currency):
        problems.append(f"pay fields without an ISO 4217 currency ({currency or None!r})")
    if problems:
        return [], problems
    low, high = amounts.get("min_amount"), amounts.get("max_amount")
    if low is None and high is None:
        low = high = amounts["med_amount"]
        statistic = "median"
    else:
        statistic = "range" if low is not None and high is not None and low != high else "point"
    used = [name for name in ("min_amount", "max_amount", "med_amount") if name in amounts]
    start = min(fields[name]["char_start"] for name in used)
    end = max(fields[name]["char_end"] for name in used)
    span = Span(start, end, text[start:end])
    factor = ANNUAL_FACTOR[period]
    is_usd = currency == "USD"
    row = {
        "role_id": role_id, "pay_component": "base", "statistic": statistic,
        "amount_min": low, "amount_max": high, "open_ended": False, "currency": currency, "period": period,
        "annual_min_usd": low * factor if is_usd and low is not None else None,
        "annual_max_usd": high * factor if is_usd and high is not None else None,
        "segment_type": "overall", "segment": None, "experience_years_min": None, "experience_years_max": None,
        "reference_year": None, "amount_text": span.text, "origin": "field",
        "document_id": document_id, "section_heading": None, "char_start": span.start, "char_end": span.end,
        "text": span.text,
    }
    return [row], []


def _amount(value: str) -> float | None:
    m = _NUMBER.match(value.strip())
    if not m:
        return None
    amount = float(m.group(1).replace(",", ""))
    return amount if amount > 0 else None


# Remote flags as exports write them: LinkedIn's remote_allowed is 1.0 or blank, JobSpy's is_remote True/False.
_TRUE = frozenset({"1", "1.0", "true", "yes", "y", "t"})


def field_posting_facts(text: str, fields: dict, document_id: str, role_id: str) -> list[dict]:
    """`posting_facts` rows from the export's own cells (`origin = 'field'`): the company as employer, the
    location read into places, a remote flag that is set as work_arrangement remote (a blank or false
    flag says nothing: "not flagged" is not on-site), and the job type's words as employment types.
    Each row points at its cell, written in the document's text under the description."""
    rows = []

    def add(fact: str, value: str, start: int, end: int, place: Place | None = None) -> None:
        rows.append({"fact_id": None, "role_id": role_id, "fact": fact, "value": value,
                     "city": place.city if place else None, "region": place.region if place else None,
                     "country": place.country if place else None, "remote_scope": None, "origin": "field",
                     "document_id": document_id, "section_heading": None, "char_start": start,
                     "char_end": end, "text": text[start:end]})

    for name, cell in fields.items():
        start, end = cell["char_start"], cell["char_end"]
        value = text[start:end].strip()
        if not value or text[start:end] != value:
            continue
        if name == "company":
            add("employer", value, start, end)
        elif name == "location":
            found = read_places(Span(start, end, value))
            add("location", value, start, end, found[0].place if found else None)
        elif name == "is_remote" and value.lower() in _TRUE:
            add("work_arrangement", "remote", start, end)
        elif name == "job_type":
            for code in employment_types(value):
                add("employment_type", code, start, end)
    return rows
