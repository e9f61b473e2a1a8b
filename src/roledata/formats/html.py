"""A saved web page's main text, and the posting fields it declares.

The main text comes from trafilatura, chosen by measuring extractors on saved
career pages (`benchmarks/format_readers.py`): it keeps the article and
drops the header, navigation, cookie banner, related links and footer, and its
text output keeps headings as lines of their own, list items as `- ` bullets
and table rows as `| a | b |` rows. A page or fragment trafilatura finds no
article in (a bare `<h2>`/`<p>` fragment pasted into a text file) is read
block by block here, with the same cruft dropped by tag and by name.

The page's `<title>`, `og:title` and a JSON-LD `JobPosting` (title,
hiringOrganization, jobLocation, baseSalary, employmentType, datePosted) are
kept as structured fields (`documents.fields`) for posting facts.

Cost is bounded before any parse: scripts, styles and comments are cut out
first (a page that is megabytes of script has little markup left), and a page
whose remaining markup is over `MAX_MARKUP` characters is a reject.
"""
from __future__ import annotations

import json
import re

from roledata.formats.errors import Unreadable
from roledata.text import LazyPattern, decode_bytes

MAX_MARKUP = 5_000_000  # characters of markup outside scripts and styles: far beyond any job page
_SCRIPT = LazyPattern(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.I | re.S)
# The head holds the title and metadata (read as fields), never the page's text: an empty body is no text.
_HEAD = LazyPattern(r"<head\b[^>]*>.*?</head\s*>", re.I | re.S)
_LD_JSON = LazyPattern(r"<script\b[^>]*type\s*=\s*[\"']?application/ld\+json[^>]*>(.*?)</script\s*>", re.I | re.S)
_TABLE_RULE = LazyPattern(r"^\|(?:\s*:?-{3,}:?\s*\|)+\s*$")  # the `|---|---|` line under a table's header
_CRUFT_NAME = LazyPattern(r"cookie|consent|gdpr|banner|newsletter|subscribe|breadcrumb|share|social|promo|"
                          r"sidebar|related|nav|menu|footer|header|modal|popup", re.I)
_CRUFT_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
               "svg", "iframe", "select")
_BLOCKS = {"p", "div", "section", "article", "main", "blockquote", "pre", "dd", "dt", "address", "figcaption",
           "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "ul", "ol", "table", "body"}
_SPACES = LazyPattern(r"[ \t\u00a0\u2009\u202f]+")


def read_html_bytes(data: bytes) -> tuple[str, dict | None]:
    text, _ = decode_bytes(data)
    return read_html(text)


def read_html(page: str) -> tuple[str, dict | None]:
    """(main text, structured fields or None) of an HTML page or fragment; `Unreadable` when it has no text."""
    fields = page_fields(page)
    markup = _SCRIPT.sub(" ", page)
    cut = len(page) - len(markup)
    markup = _HEAD.sub(" ", markup)
    if len(markup) > MAX_MARKUP:
        raise Unreadable(f"HTML page too large to read: {len(markup):,} characters of markup outside scripts "
                         f"and styles (limit {MAX_MARKUP:,})")
    text = main_text(markup)
    if not text.strip():
        raise Unreadable(f"HTML page without readable text: {len(page):,} characters, "
                         f"{cut:,} of them scripts, styles and comments")
    return text, fields


def main_text(markup: str) -> str:
    """The page's main text, one block a line: trafilatura's article, else every block but the cruft."""
    import trafilatura  # imported when a page is read: commands that read none do not pay its start-up

    extracted = trafilatura.extract(markup, output_format="txt", include_tables=True, include_comments=False,
                                    include_links=False, include_images=False, include_formatting=False,
                                    favor_recall=True, deduplicate=False)
    lines = (extracted or "").splitlines() or _blocks(markup)
    out = []
    for line in lines:
        line = _SPACES.sub(" ", line).strip()
        if line and not _TABLE_RULE.match(line):
            out.append(line)
    return "\n".join(out) + "\n" if out else ""


def _blocks(markup: str) -> list[str]:
    """Every text block of the page, cruft dropped (navigation, header, footer, banners by tag or by
    class/id), headings as lines, list items as bullets, table rows as rows."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return []
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        named = f"{element.get('id', '')} {element.get('class', '')} {element.get('role', '')}"
        if element.tag in _CRUFT_TAGS or (element.tag not in ("body", "html", "main", "article")
                                          and _CRUFT_NAME.search(named)):
            element.drop_tree()
    lines: list[str] = []
    _walk(root, lines, [])
    return lines


def _walk(element, lines: list[str], current: list[str]) -> None:
    """Text in document order, a new line at every block boundary."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in ("li", "tr"):
        _flush(lines, current)
        if tag == "li":
            item = " ".join("".join(element.itertext()).split())
            if item:
                lines.append(f"- {item}")
        else:
            cells = [" ".join("".join(c.itertext()).split()) for c in element if c.tag in ("td", "th")]
            if any(cells):
                lines.append("| " + " | ".join(cells) + " |")
        if element.tail and element.tail.strip():
            current.append(element.tail)
        return
    if tag in _BLOCKS:
        _flush(lines, current)
    if element.text and tag:
        current.append(element.text)
    for child in element:
        _walk(child, lines, current)
    if tag in _BLOCKS:
        _flush(lines, current)
    if element.tail:
        current.append(element.tail)


def _flush(lines: list[str], current: list[str]) -> None:
    text = " ".join("".join(current).split())
    if text:
        lines.append(text)
    current.clear()


# ------------------------------------------------------------------ structured fields
def page_fields(page: str) -> dict | None:
    """The page's `<title>`, `og:title` and JSON-LD `JobPosting`, where present."""
    fields: dict = {}
    if m := re.search(r"<title\b[^>]*>(.*?)</title\s*>", page[:200_000], re.I | re.S):
        if title := _plain(m.group(1)):
            fields["title"] = title
    if m := re.search(r"<meta\b[^>]*property\s*=\s*[\"']og:title[\"'][^>]*>", page[:200_000], re.I):
        if content := re.search(r"content\s*=\s*(\"[^\"]*\"|'[^']*')", m.group(0), re.I):
            fields["og_title"] = _plain(content.group(1)[1:-1])
    for block in _LD_JSON.findall(page):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        if posting := _job_posting(data):
            fields["job_posting"] = posting
            break
    return fields or None


def _plain(markup: str) -> str:
    import lxml.html

    return " ".join(lxml.html.fromstring(f"<span>{markup}</span>").text_content().split()) if markup.strip() else ""


def _job_posting(data) -> dict | None:
    """The first JSON-LD object typed JobPosting (in a list or an @graph too), as plain fields."""
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            kind = item.get("@type")
            if kind == "JobPosting" or (isinstance(kind, list) and "JobPosting" in kind):
                return _posting_fields(item)
            stack.extend(v for k, v in item.items() if k == "@graph")
    return None


def _posting_fields(item: dict) -> dict:
    out: dict = {}
    if isinstance(item.get("title"), str):
        out["title"] = item["title"].strip()
    org = item.get("hiringOrganization")
    if isinstance(org, dict) and isinstance(org.get("name"), str):
        out["hiring_organization"] = org["name"].strip()
    elif isinstance(org, str):
        out["hiring_organization"] = org.strip()
    places = item.get("jobLocation")
    places = places if isinstance(places, list) else [places] if places else []
    locations = []
    for place in places:
        address = place.get("address") if isinstance(place, dict) else None
        if isinstance(address, dict):
            parts = [address.get(k) for k in ("addressLocality", "addressRegion", "addressCountry")]
            parts = [p if isinstance(p, str) else (p or {}).get("name") for p in parts]
            locations.append(", ".join(p for p in parts if p))
        elif isinstance(address, str):
            locations.append(address)
    if locations:
        out["job_location"] = "; ".join(locations)
    if item.get("jobLocationType"):
        out["job_location_type"] = item["jobLocationType"]
    salary = item.get("baseSalary")
    if isinstance(salary, dict):
        value = salary.get("value")
        pay = {"currency": salary.get("currency")}
        if isinstance(value, dict):
            pay.update(min=value.get("minValue"), max=value.get("maxValue"), value=value.get("value"),
                       unit=value.get("unitText"))
        elif isinstance(value, (int, float, str)):
            pay["value"] = value
        out["base_salary"] = {k: v for k, v in pay.items() if v is not None}
    for key, name in (("employmentType", "employment_type"), ("datePosted", "date_posted"),
                      ("validThrough", "valid_through")):
        if item.get(key):
            out[name] = item[key]
    return out
