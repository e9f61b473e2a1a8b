"""Demand and market numbers: job growth, CAGR, market sizes, adoption, investment.

A percentage is a growth stat only when its sentence speaks of growth or
adoption; pay percentages (bonuses, "Top 10%", 401(k) matches, travel) are
not growth. In a sentence that also names pay ("Pay sits near $X a year,
and hiring is projected to grow 7.9%"), the figure's own phrase decides.

Besides sentences, figures are read off headings ("Job Outlook, 2020-30: 22%
(Faster than average)", "Projected to grow 30% by 2028") and stat cards:
a short figure line whose label is the line above ("Growth Rate" / "+7.9%")
or below ("+9%" / "Job Growth"), dated by the headings over it ("Job
Outlook (2022–2032)"). "8%..13%" and "12% to 18%" are ranges.

The metric comes from what grew: the sentence's subject ("Employment of X"
is job growth, "Job postings for X" posting growth), else the figure's label
and headings (a projection under "Job Outlook" is job growth). Not growth:
the all-occupations baseline ("Across all occupations, growth averages
4 percent"), risks, survey shares and what people say or plan, a duty's
target ("Grow repeat orders by 20%"), and a card about money ("Revenue
Growth" / "+38%" is growth of another kind, never job growth).

The same fact repeated on a page (the "40%+ year-over-year" of the summary and
of the outlook) is kept once, at its first mention, taking a `source_name`
(and a period, when the first states none) from a later mention.

Periods and sources are read in `growth_periods`.
"""
from __future__ import annotations

import re

from roledata.extract.context import PageContext, Sentence, iter_sentences, provenance
from roledata.extract.growth_periods import PERIOD_KEYS, context_period, money_period, periods, source_of
from roledata.extract.money import Percent, find_money, find_percents
from roledata.parse.outline import Outline
from roledata.parse.structure import Line, Section, split_label
from roledata.text import LazyPattern, Span, split_span

_SKIP = frozenset({"cover_letter", "related_roles"})
_GROWTH_CUE = LazyPattern(r"\b(?:increas\w*|grow\w*|grew|growth|ris(?:e|es|ing)|rose|risen|climb\w*|soar\w*|up(?!\s+to\b)|jump\w*|surg\w*|CAGR|expan\w*|project\w*|demand|"
                          r"outlook|(?:faster|slower) than (?:the )?average)\b", re.I)
# Salary sections speak of pay and duty sections of the work; a figure there is growth only when it
# names the occupation's outlook.
_NOT_MARKET_KINDS = frozenset({"salary", "duties"})
# A sentence that opens with a verb of change in the imperative is a target set for the role
# ("Grow repeat orders by 20%", "Cut scrap 15%"), not a statistic about it.
_TARGET = LazyPattern(r"^(?:increase|grow|improve|reduce|cut|boost|drive|raise|lift|decrease|lower|expand|"
                      r"scale|double|triple|accelerate|shorten|halve)\s+(?!in\b|of\b|by\b|at\b|from\b|to\b|rates?\b)",
                      re.I)
_EMPLOYMENT_CUE = LazyPattern(r"\b(?:employment|job (?:outlook|growth)|outlook|projected|percent change)\b", re.I)
# A phrase of a longer sentence: "pay sits near $X a year, and hiring is projected to grow 7.9% ..."
_PHRASE_BREAK = LazyPattern(r"[,;()·|]|\s[—–]\s|\s+(?:and|with|while|but|whereas)\s+")
# Job growth read off the context (heading, label) of a figure whose sentence names no subject.
_JOB_CONTEXT = LazyPattern(r"\b(?:jobs?|employment|occupations?|careers?|outlook|workforce|projected growth|"
                         r"(?:faster|slower) than (?:the )?average)\b", re.I)
# What grew when it is not work: a card labelled "Revenue Growth" or "Sales Growth" is no job growth.
_NOT_JOB_CONTEXT = LazyPattern(r"\b(?:market|revenue|sales|profits?|margins?|spending|budgets?|invest\w*|funding|segment|"
                               r"customers?|users?|subscribers?|traffic|prices?|valuation|stock|GDP|economy)\b", re.I)
_PAY_CONTEXT = LazyPattern(r"\b(?:bonus\w*|salar\w*|earn\w*|pay|compensation|wages?|raises?|income|acceptance rate)\b", re.I)
_ADOPTION = LazyPattern(r"%\s+of\s+(?:companies|organizations|organisations|enterprises|businesses|firms)\b[^.]*\b(?:use|using|adopt\w*|deploy\w*)", re.I)
_MULTIPLES = {"doubled": 2.0, "tripled": 3.0, "quadrupled": 4.0, "quintupled": 5.0}
# Every growth row is read off a figure: a digit or a multiple word. Most sentences have neither.
_FIGURE = LazyPattern(r"\d|doubled|tripled|quadrupled|quintupled", re.I)
_DIGIT = LazyPattern(r"\d")


def _has_figure(text: str) -> bool:
    """`_FIGURE.search(text)`, cheaper: a digit scan, and the multiple words only where "led" is."""
    return _DIGIT.search(text) is not None or ("led" in text.lower() and _FIGURE.search(text) is not None)
_MULTIPLE = LazyPattern(r"\b(?P<word>doubled|tripled|quadrupled|quintupled)\b|\b(?P<n>\d+(?:\.\d+)?)(?:x|-fold)\b", re.I)
_JOBS = LazyPattern(
    r"(?P<num>\d+(?:[.,]\d+)?)\s*(?P<scale>million|thousand|k)?\s+(?:new\s+)?(?:jobs|positions|roles)\b", re.I
)
_SUBJECT_AFTER = LazyPattern(r"\b(?:increase|growth|rise|jump|surge)(?:\s+projected)?\s+(?:in|for|of)\s+(?P<subj>[^,.;]+?)(?=\s+(?:from|between|since|by|through|over|across|in\s+(?:19|20)\d\d)\b|[,.;]|$)", re.I)
_SUBJECT_FOR = LazyPattern(r"\b(?:growth|demand)\s+for\s+(?P<subj>[^,.;]+?)\s+(?:is|are|was|has)\b", re.I)
_SUBJECT_BEFORE = LazyPattern(r"^(?:The\s+)?(?P<subj>[A-Z][^,.;]{2,80}?)\s+(?:have|has|is|are|grew|rose)\b")


_CLAUSE_BREAK = LazyPattern(r";\s+|,\s+(?:with|while|but|up from|and)\s+|\s+and\s+(?:a|an)\s+(?=\d)")


def extract_growth(outline: Outline, context: PageContext) -> list[dict]:
    """Every growth, market and demand figure of the page (rules in the module's docstring),
    a fact repeated on the page kept once (`_dedupe`)."""
    document_id, role_id = context.document_id, context.role_id
    rows: list[dict] = []
    for sentence in iter_sentences(outline, _SKIP):
        text = sentence.span.text
        if not _has_figure(text):
            continue
        if sentence.section.kind in _NOT_MARKET_KINDS and not _EMPLOYMENT_CUE.search(
                f"{sentence.label.text if sentence.label else ''} {text}"):
            continue
        if _TARGET.match(text):
            continue  # "Increase first-pass yield by 12%": a duty's target, not a statistic
        rows.extend(_sentence_rows(sentence, document_id, role_id))
    rows.extend(_heading_and_card_rows(outline, document_id, role_id))
    return _dedupe(rows)


def _sentence_rows(sentence: Sentence, document_id: str, role_id: str) -> list[dict]:
    found: list[dict] = []
    pending: list[dict] = []  # rows of clauses joined by "and a" to the next one
    for clause, joined_to_next in _clauses(sentence):
        rows_here = (_percent_rows(clause, document_id, role_id) + _multiple_rows(clause, document_id, role_id)
                     + _money_rows(clause, document_id, role_id, sentence.span.text)
                     + _jobs_rows(clause, document_id, role_id))
        for row in pending:
            # "a 300% increase in X and a 428% rise in Y since Q2 2022": the period covers both.
            if rows_here and not any(row[k] for k in PERIOD_KEYS):
                row.update({k: rows_here[0][k] for k in PERIOD_KEYS})
        pending = rows_here if joined_to_next else []
        found.extend(rows_here)
    if found:
        source = source_of(sentence.span.text)
        for row in found:
            row["source_name"] = source
            if (source == "Bureau of Labor Statistics" and row["unit"] == "percent"
                    and row["metric"] in {"other", "title_growth"}):
                row["metric"] = "job_growth"  # the BLS projects employment
    return found


# ------------------------------------------------------------ headings and stat cards
# A stat card's value line: "+7.9%", "22% (Faster than average)", "Faster than average (8%..13%)".
_CARD_MAX = 70
_CARD_LABEL_MAX = 60
_CARD_CUE = LazyPattern(r"\b(?:growth|grow\w*|outlook|projected|projections?|employment change)\b", re.I)


def _heading_and_card_rows(outline: Outline, document_id: str, role_id: str) -> list[dict]:
    """Figures the sentence walk does not read: headings ("Job Outlook, 2020-30: 22% (...)",
    "Projected to grow 30% by 2028") and stat cards, a short figure line whose label is
    the line above ("Growth Rate" / "+7.9%") or below ("+9%" / "Job Growth")."""
    items: list[tuple[Span, Section, bool]] = []  # (text, section, is_heading) in page order
    for section in outline.sections:
        if section.kind in _SKIP:
            continue
        if section.heading is not None:
            items.append((section.heading, section, True))
        items.extend((line.content, section, False) for line in section.lines)
    rows: list[dict] = []
    for i, (span, section, is_heading) in enumerate(items):
        text = span.text
        if "%" not in text and "percent" not in text:
            continue
        if is_heading and _has_figure(text):
            label, value = split_label(span)
            sentence = Sentence(value, Line(-1, span, False, 0), section, label, None)
            if found := _sentence_rows(sentence, document_id, role_id):
                for row in found:
                    _fill_from_context(row, _heading_context(section))
                rows.extend(found)
                continue
        if len(text) > _CARD_MAX or _GROWTH_CUE.search(_strip_percents(text)) and not _OUTLOOK_WORDS.search(text):
            continue  # a sentence: the sentence walk reads it
        rows.extend(_card_rows(outline.text, items, i, document_id, role_id))
    return rows


_OUTLOOK_WORDS = LazyPattern(r"\b(?:faster|slower) than (?:the )?average\b|^\W*(?:as fast as|little or no change)", re.I)


def _strip_percents(text: str) -> str:
    return re.sub(r"\d[\d.,]*\s*(?:%|percent)", " ", text)


def _card_rows(doc: str, items: list[tuple[Span, Section, bool]], i: int, document_id: str, role_id: str) -> list[dict]:
    span, section, _ = items[i]
    percents = _merge_dotted(find_percents(span), span)
    if not percents or len(percents) > 1:
        return []
    label = None
    for j in (i - 1, i + 1):
        if 0 <= j < len(items):
            other = items[j][0]
            if (len(other.text) <= _CARD_LABEL_MAX and _CARD_CUE.search(other.text)
                    and not find_percents(other) and not _PAY_CONTEXT.search(other.text)):
                label = other
                break
    if label is None:
        own_label, _ = split_label(span)
        if own_label is None or not _CARD_CUE.search(own_label.text):
            return []
        label = own_label
    context = f"{label.text} {span.text}"
    if _PAY_CONTEXT.search(context) or _NOT_GROWTH_PHRASE.search(context) or _NOT_GROWTH_SENTENCE.search(context):
        return []
    pct = percents[0]
    whole = Span.of(doc, min(span.start, label.start), max(span.end, label.end))
    heading = _heading_context(section)
    metric = _growth_metric(context)
    if metric == "other" and not _NOT_JOB_CONTEXT.search(label.text):
        metric = "job_growth"  # a growth card on a career page: the occupation's projected employment
    row = _base(Sentence(whole, Line(-1, whole, False, 0), section, None, None), document_id, role_id, metric)
    row.update(subject=None, value=pct.value, value_max=pct.value_max, unit="percent", is_lower_bound=pct.is_lower_bound)
    if span.text.lstrip().startswith("+") and pct.value_max is None:
        row["is_lower_bound"] = False  # "+7.9%" is a signed change, not "7.9% or more"
    nxt = items[i + 1][0].text if i + 1 < len(items) else ""
    _fill_from_context(row, f"{heading} {nxt if re.search(r'(?i)period|projection', nxt) else ''}")
    row["source_name"] = source_of(context)
    return [row]


def _merge_dotted(percents: list[Percent], span: Span) -> list[Percent]:
    """"8%..13%" is one range."""
    if len(percents) == 2:
        first, second = percents
        between = span.text[first.span.end - span.start:second.span.start - span.start]
        if re.fullmatch(r"\s*\.{2,3}\s*", between):
            whole = span.sub(first.span.start - span.start, second.span.end - span.start)
            return [Percent(whole, first.value, second.value, False)]
    return percents


def _heading_context(section: Section) -> str:
    """The headings above a figure: "Job Outlook (2022–2032)" dates a "Growth Rate" card."""
    parts = [section.heading_text or ""]
    if section.parent is not None:
        parts.append(section.parent.heading_text or "")
    return " ".join(parts)


def _fill_from_context(row: dict, context: str) -> None:
    """Period and metric from a figure's label or headings when its own text states none."""
    if row["period_start"] is None and row["period_end"] is None:
        row.update(context_period(context))
    if row["metric"] == "other" and _JOB_CONTEXT.search(context) and not _NOT_JOB_CONTEXT.search(row["text"]):
        row["metric"] = "job_growth"


def _clauses(sentence: Sentence) -> list[tuple[Sentence, bool]]:
    """Clauses carry their own numbers and periods ("Demand up 40%+
    year-over-year; 15% growth projected through 2032"); the flag says the
    clause is coordinated with the next by "and a"."""
    return [(Sentence(piece, sentence.line, sentence.section, sentence.label, sentence.group),
             separator.strip().startswith("and"))
            for piece, separator in split_span(sentence.span, _CLAUSE_BREAK)]


def _base(sentence: Sentence, document_id: str, role_id: str, metric: str) -> dict:
    """Columns shared by every stat; provenance is the whole line sentence the clause sits in."""
    row = {
        "stat_id": None,
        "role_id": role_id,
        "metric": metric,
        "source_name": None,
    }
    row.update(periods(sentence.span.text))
    row.update(provenance(document_id, sentence.section, sentence.span))
    return row


def _percent_rows(sentence: Sentence, document_id: str, role_id: str) -> list[dict]:
    text = sentence.span.text
    label = sentence.label.text if sentence.label else ""
    if label and _PAY_CONTEXT.search(label):
        return []
    percents = _merge_dotted(find_percents(sentence.span), sentence.span)
    if not percents:
        return []
    pay = bool(_PAY_CONTEXT.search(text))
    # "well above the average for all occupations" compares; "(All occupations average 4%.)" states the baseline.
    baseline = bool(_NOT_GROWTH_SENTENCE.search(_COMPARATIVE.sub(" ", text)))
    rows = []
    for pct in percents:
        rel = pct.span.start - sentence.span.start
        if baseline:
            continue
        phrase = _phrase(text, rel, rel + len(pct.span.text))
        if _NOT_GROWTH_PHRASE.search(phrase):
            continue
        if pay:
            # "pay sits near $X a year, and hiring is projected to grow 7.9%": the figure's own phrase decides.
            if _PAY_CONTEXT.search(phrase) or not _STRONG_GROWTH.search(phrase):
                continue
            metric = _growth_metric(phrase)
        else:
            metric = _percent_metric(text)
            if metric is None and label:
                metric = _percent_metric(f"{label} {text}")
            if metric is None:
                continue
            if metric not in {"market_cagr", "adoption_rate"} and re.match(r"\s*of\b", text[rel + len(pct.span.text):]):
                continue  # "24% of respondents": a share, not a change
        subject = _subject(text)
        if subject and metric not in {"market_cagr", "adoption_rate"} and (own := _growth_metric(subject)) != "other":
            metric = own  # what grew is the sentence's subject: "Employment of X", "Job postings for X"
        row = _base(sentence, document_id, role_id, metric)
        row.update(subject=subject, value=pct.value, value_max=pct.value_max, unit="percent",
                   is_lower_bound=pct.is_lower_bound)
        if label:
            _fill_from_context(row, label)
        if (row["metric"] == "other" and not _NOT_JOB_CONTEXT.search(text)
                and _JOB_CONTEXT.search(f"{phrase} {label} {_heading_context(sentence.section)}")):
            row["metric"] = "job_growth"  # "Growth outlook: 22%", a projection under "Job Outlook"
        rows.append(row)
    return rows


_STRONG_GROWTH = LazyPattern(r"\b(?:grow\w*|grew|growth|increas\w*|project\w*)\b", re.I)
_COMPARATIVE = LazyPattern(r"\b(?:than|as fast as|above|below|ahead of|behind|outpac\w*)\b[^,.;()]*", re.I)
_NOT_GROWTH_SENTENCE = LazyPattern(
    r"\ball (?:occupations|jobs|careers|workers|industries)\b|\b(?:national|overall|economy-wide) average\b|"
    r"\b(?:labou?r market|economy) as a whole\b", re.I)
_NOT_GROWTH_PHRASE = LazyPattern(
    # Survey shares are opinions, not growth: "58% say they plan to expand", "44% of respondents reported ...".
    r"\b(?:risk|probability|likelihood|chance|survey\w*|respondents|says?|said|report(?:s|ed)?|plan(?:s|ned|ning)? to|"
    r"unemployment|turnover|attrition|travel\w*|"
    r"401\(?k\)?|match(?:ing)?|commission|incentive|equity|discount|tuition|contribution)\b", re.I)


def _phrase(text: str, start: int, end: int) -> str:
    """The stretch of `text` around [start, end) between phrase breaks."""
    left = max((m.end() for m in _PHRASE_BREAK.finditer(text, 0, start)), default=0)
    m = _PHRASE_BREAK.search(text, end)
    return text[left:m.start() if m else len(text)]


def _percent_metric(text: str) -> str | None:
    low = text.lower()
    if "cagr" in low or "compound annual" in low:
        return "market_cagr"
    if _ADOPTION.search(text):
        return "adoption_rate"
    if not _GROWTH_CUE.search(text):
        return None
    metric = _growth_metric(text)
    if metric == "other" and _MARKET_ANNUAL.search(text):
        return "market_cagr"  # "the segment ... expanding at roughly 23% a year"
    return metric


_MARKET_ANNUAL = LazyPattern(r"\b(?:market|segment|industry)\b.*\b(?:a year|per year|annually|per annum)\b", re.I)


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
        row = _base(sentence, document_id, role_id, metric)
        row.update(subject=_subject(sentence.span.text), value=value, value_max=None, unit="multiple",
                   is_lower_bound=False)
        rows.append(row)
    return rows


_INVESTMENT = LazyPattern(r"\b(?:invest\w*|allocat\w*|fund\w*)\b")


def _money_rows(sentence: Sentence, document_id: str, role_id: str, whole: str) -> list[dict]:
    text = sentence.span.text
    low = whole.lower()
    market, investment = "market" in low, _INVESTMENT.search(low) is not None
    if not (market or investment):
        return []  # money of any other kind (pay, prices) is no growth figure: no need to read it
    rows = []
    for money in find_money(sentence.span):
        if market and money.scale in {"million", "billion", "trillion"}:
            metric = "market_size"
        elif investment:
            metric = "investment"
        else:
            continue
        row = _base(sentence, document_id, role_id, metric)
        row.update(money_period(text, money))
        row.update(subject=_money_subject(text) if metric == "investment" else _money_subject(whole), value=money.amount_min if money.amount_min is not None else money.amount_max,
                   value_max=money.amount_max if money.is_range else None, unit=money.currency,
                   is_lower_bound=money.open_ended)
        rows.append(row)
    return rows


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
        row = _base(sentence, document_id, role_id, "jobs_created")
        row.update(subject=None, value=value, value_max=None, unit="count",
                   is_lower_bound=bool(re.search(r"(?:over|more than|at least)\s*$", before)))
        rows.append(row)
    return rows


def _dedupe(rows: list[dict]) -> list[dict]:
    """One row per fact. The same figure with no period beside one with a period is the same
    fact ("hiring is projected to grow 7.9%" in the summary, "Job Outlook (2024–2034) +7.9%" in a card)."""
    kept: dict[tuple, dict] = {}
    undated: dict[tuple, dict] = {}
    out: list[dict] = []
    for row in rows:
        figure = (row["value"], row["value_max"], row["unit"])
        key = figure + tuple(row[k] for k in PERIOD_KEYS)
        dated = any(row[k] is not None for k in PERIOD_KEYS)
        first = kept.get(key)
        if first is None and not dated:
            first = next((r for k, r in kept.items() if k[:3] == figure), None)
        elif first is None and figure in undated:
            first = undated.pop(figure)
            first.update({k: row[k] for k in PERIOD_KEYS})
            kept[key] = first
        if first is not None:
            if first["source_name"] is None and row["source_name"]:
                first["source_name"] = row["source_name"]
            if first["metric"] == "other":
                first["metric"] = row["metric"]
            continue
        kept[key] = row
        if not dated:
            undated[figure] = row
        out.append(row)
    return out
