"""Demand and market numbers: job growth, CAGR, market sizes, adoption, investment.

A percentage is a growth stat only when its sentence speaks of growth or
adoption; pay percentages (bonuses, "Top 10%") are left to `salaries`. The
same fact repeated on a page (the "40%+ year-over-year" of the summary and
of the outlook) is kept once, at its first mention, taking a `source_name`
from a later mention when the first names none.
"""
from __future__ import annotations

import re

from roledata.extract.context import Sentence, iter_sentences, provenance
from roledata.extract.money import Money, find_money, find_percents
from roledata.parse.outline import Outline
from roledata.text import split_span, stable_id

_SKIP = frozenset({"cover_letter", "related_roles", "salary"})
_GROWTH_CUE = re.compile(r"\b(?:increas\w*|grow\w*|growth|ris(?:e|es|ing)|up|jump\w*|surg\w*|CAGR|expan\w*|project\w*|demand)\b", re.I)
_PAY_CONTEXT = re.compile(r"\b(?:bonus\w*|salar\w*|earn\w*|pay|compensation|acceptance rate)\b", re.I)
_ADOPTION = re.compile(r"%\s+of\s+(?:companies|organizations|organisations|enterprises|businesses|firms)\b[^.]*\b(?:use|using|adopt\w*|deploy\w*)", re.I)
_SOURCES = (
    ("LinkedIn", re.compile(r"\bLinkedIn\b")),
    ("Bureau of Labor Statistics", re.compile(r"\bBureau of Labor Statistics\b|\bBLS\b")),
    ("World Economic Forum", re.compile(r"\bWorld Economic Forum\b|\bWEF\b")),
    ("Gartner", re.compile(r"\bGartner\b")),
    ("McKinsey", re.compile(r"\bMcKinsey\b")),
    ("Indeed", re.compile(r"\bIndeed\b")),
    ("Glassdoor", re.compile(r"\bGlassdoor\b")),
    ("Stanford AI Index", re.compile(r"\bAI Index\b")),
    ("Statista", re.compile(r"\bStatista\b")),
    ("PwC", re.compile(r"\bPwC\b")),
    ("IDC", re.compile(r"\bIDC\b")),
)
_YEAR = r"(?:19|20)\d\d"
_FROM_TO = re.compile(rf"\b(?:from|between)\s+(?P<a>{_YEAR})\s+(?:to|and|-|–)\s+(?P<b>{_YEAR})\b")
_THROUGH = re.compile(rf"\b(?:through|by|until|to)\s+(?P<b>{_YEAR})\b")
_SINCE = re.compile(rf"\bsince\s+(?P<label>(?:Q[1-4]\s+)?(?P<a>{_YEAR}))\b")
_IN_YEAR = re.compile(rf"\bin\s+(?P<b>{_YEAR})\b")
_PERIOD_LABEL = re.compile(r"\b(?:year[- ]over[- ]year|YoY|annually|per year|month[- ]over[- ]month|in the (?:past|last) (?:\w+ )?(?:years?|months?))\b", re.I)
_MULTIPLES = {"doubled": 2.0, "tripled": 3.0, "quadrupled": 4.0, "quintupled": 5.0}
# Every growth row is read off a figure: a digit or a multiple word. Most sentences have neither.
_FIGURE = re.compile(r"\d|doubled|tripled|quadrupled|quintupled", re.I)
_MULTIPLE = re.compile(r"\b(?P<word>doubled|tripled|quadrupled|quintupled)\b|\b(?P<n>\d+(?:\.\d+)?)(?:x|-fold)\b", re.I)
_JOBS = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)?)\s*(?P<scale>million|thousand|k)?\s+(?:new\s+)?(?:jobs|positions|roles)\b", re.I
)
_SUBJECT_AFTER = re.compile(r"\b(?:increase|growth|rise|jump|surge)(?:\s+projected)?\s+(?:in|for|of)\s+(?P<subj>[^,.;]+?)(?=\s+(?:from|between|since|by|through|over|across|in\s+(?:19|20)\d\d)\b|[,.;]|$)", re.I)
_SUBJECT_FOR = re.compile(r"\b(?:growth|demand)\s+for\s+(?P<subj>[^,.;]+?)\s+(?:is|are|was|has)\b", re.I)
_SUBJECT_BEFORE = re.compile(r"^(?:The\s+)?(?P<subj>[A-Z][^,.;]{2,80}?)\s+(?:have|has|is|are|grew|rose)\b")


_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:with|while|but|up from|and)\s+|\s+and\s+(?:a|an)\s+(?=\d)")


def extract_growth(outline: Outline, document_id: str, role_id: str) -> list[dict]:
    rows: list[dict] = []
    for sentence in iter_sentences(outline, _SKIP):
        if not _FIGURE.search(sentence.span.text):
            continue
        found: list[dict] = []
        pending: list[dict] = []  # rows of clauses joined by "and a" to the next one
        for clause, joined_to_next in _clauses(sentence):
            rows_here = (_percent_rows(clause, document_id, role_id) + _multiple_rows(clause, document_id, role_id)
                         + _money_rows(clause, document_id, role_id, sentence.span.text)
                         + _jobs_rows(clause, document_id, role_id))
            for row in pending:
                # "a 300% increase in X and a 428% rise in Y since Q2 2022": the period covers both.
                if rows_here and not any(row[k] for k in ("period_start", "period_end", "period_label")):
                    row.update({k: rows_here[0][k] for k in ("period_start", "period_end", "period_label")})
            pending = rows_here if joined_to_next else []
            found.extend(rows_here)
        if found:
            source = next((name for name, rx in _SOURCES if rx.search(sentence.span.text)), None)
            for row in found:
                row["source_name"] = source
            rows.extend(found)
    return _dedupe(rows)


def _clauses(sentence: Sentence) -> list[tuple[Sentence, bool]]:
    """Clauses carry their own numbers and periods ("Demand up 40%+
    year-over-year; 15% growth projected through 2032"); the flag says the
    clause is coordinated with the next by "and a"."""
    return [(Sentence(piece, sentence.line, sentence.section, sentence.label, sentence.group),
             separator.strip().startswith("and"))
            for piece, separator in split_span(sentence.span, _CLAUSE_BREAK)]


def _base(sentence: Sentence, document_id: str, role_id: str, start: int, metric: str) -> dict:
    """Columns shared by every stat; provenance is the whole line sentence the clause sits in."""
    row = {
        "stat_id": stable_id(document_id, role_id, metric, start),
        "role_id": role_id,
        "metric": metric,
        "source_name": None,
    }
    row.update(_periods(sentence.span.text))
    row.update(provenance(document_id, sentence.section, sentence.span))
    return row


def _periods(text: str) -> dict:
    start = end = None
    label = None
    if m := _FROM_TO.search(text):
        start, end = int(m.group("a")), int(m.group("b"))
    elif m := _SINCE.search(text):
        start, label = int(m.group("a")), "since " + m.group("label")
    elif m := _THROUGH.search(text):
        end = int(m.group("b"))
    if m := _PERIOD_LABEL.search(text):
        label = m.group(0).lower().replace(" ", "-") if "over" in m.group(0).lower() else m.group(0)
    return {"period_start": start, "period_end": end, "period_label": label}


def _percent_rows(sentence: Sentence, document_id: str, role_id: str) -> list[dict]:
    text = sentence.span.text
    context = f"{sentence.label.text if sentence.label else ''} {text}"
    if _PAY_CONTEXT.search(context):
        return []
    rows = []
    for pct in find_percents(sentence.span):
        metric = _percent_metric(text)
        if metric is None:
            continue
        row = _base(sentence, document_id, role_id, pct.span.start, metric)
        row.update(subject=_subject(text), value=pct.value, value_max=pct.value_max, unit="percent",
                   is_lower_bound=pct.is_lower_bound)
        rows.append(row)
    return rows


def _percent_metric(text: str) -> str | None:
    low = text.lower()
    if "cagr" in low or "compound annual" in low:
        return "market_cagr"
    if _ADOPTION.search(text):
        return "adoption_rate"
    if not _GROWTH_CUE.search(text):
        return None
    return _growth_metric(text)


def _growth_metric(text: str) -> str:
    """What grew: postings, titles, jobs, or something else."""
    low = text.lower()
    if "posting" in low:
        return "postings_growth"
    if re.search(r"\b(?:job titles|titles|positions|roles)\b", low) and "job growth" not in low:
        return "title_growth"
    if re.search(r"\b(?:jobs?|employment|occupation\w*|category|workers|engineers)\b", low):
        return "job_growth"
    if "demand" in low:
        return "postings_growth"
    return "other"


def _subject(text: str) -> str | None:
    for rx in (_SUBJECT_FOR, _SUBJECT_AFTER, _SUBJECT_BEFORE):
        if m := rx.search(text):
            return m.group("subj").strip()
    return None


def _multiple_rows(sentence: Sentence, document_id: str, role_id: str) -> list[dict]:
    rows = []
    for m in _MULTIPLE.finditer(sentence.span.text):
        value = _MULTIPLES[m.group("word").lower()] if m.group("word") else float(m.group("n"))
        metric = _growth_metric(sentence.span.text)
        row = _base(sentence, document_id, role_id, sentence.span.start + m.start(), metric)
        row.update(subject=_subject(sentence.span.text), value=value, value_max=None, unit="multiple",
                   is_lower_bound=False)
        rows.append(row)
    return rows


def _money_rows(sentence: Sentence, document_id: str, role_id: str, whole: str) -> list[dict]:
    text = sentence.span.text
    low = whole.lower()
    rows = []
    for money in find_money(sentence.span):
        if "market" in low and money.scale in {"million", "billion", "trillion"}:
            metric = "market_size"
        elif re.search(r"\b(?:invest\w*|allocat\w*|fund\w*)\b", low):
            metric = "investment"
        else:
            continue
        row = _base(sentence, document_id, role_id, money.span.start, metric)
        row.update(_money_period(text, money))
        row.update(subject=_money_subject(text) if metric == "investment" else _money_subject(whole), value=money.amount_min if money.amount_min is not None else money.amount_max,
                   value_max=money.amount_max if money.is_range else None, unit=money.currency,
                   is_lower_bound=money.open_ended)
        rows.append(row)
    return rows


def _money_period(text: str, money: Money) -> dict:
    """The year right after an amount: "$9.460 million by 2029", "$3.775 million in 2024"."""
    tail = text[text.find(money.span.text) + len(money.span.text):][:20]
    if m := re.match(rf"\s*(?:by|in|through)\s+({_YEAR})", tail):
        return {"period_end": int(m.group(1))}
    return {}


def _money_subject(text: str) -> str | None:
    if m := re.search(r"\b(?:[Tt]he\s+)?(?P<subj>(?:[\w-]+\s+){1,3}market)\b", text):
        return m.group("subj")
    if m := re.search(r"\b(?:for|in)\s+(?:its\s+|the\s+)?(?P<subj>[A-Z][\w-]*(?:\s+[\w-]+){0,3}?)(?=[,.;]|$)", text):
        return m.group("subj")
    return None


def _jobs_rows(sentence: Sentence, document_id: str, role_id: str) -> list[dict]:
    text = sentence.span.text
    if not re.search(r"\b(?:creat\w*|add\w*|new)\b", text, re.I):
        return []
    rows = []
    for m in _JOBS.finditer(text):
        scale = {"million": 1e6, "thousand": 1e3, "k": 1e3}.get((m.group("scale") or "").lower(), 1)
        value = float(m.group("num").replace(",", "")) * scale
        before = text[max(0, m.start() - 25):m.start()].lower()
        row = _base(sentence, document_id, role_id, sentence.span.start + m.start(), "jobs_created")
        row.update(subject=None, value=value, value_max=None, unit="count",
                   is_lower_bound=bool(re.search(r"(?:over|more than|at least)\s*$", before)))
        rows.append(row)
    return rows


def _dedupe(rows: list[dict]) -> list[dict]:
    kept: dict[tuple, dict] = {}
    for row in rows:
        key = (row["value"], row["value_max"], row["unit"], row["period_start"], row["period_end"], row["period_label"])
        if key in kept:
            if kept[key]["source_name"] is None and row["source_name"]:
                kept[key]["source_name"] = row["source_name"]
            continue
        kept[key] = row
    return list(kept.values())
