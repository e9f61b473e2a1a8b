"""Text pages rendered into the formats people keep (a saved web page, a Word document, a PDF), by
libraries, for the tests that read them back: headings (the parser's own section headings of the
text page) as headings, bullets as list items, other lines as paragraphs. The HTML page gets the
cruft a saved career page has around its article: header, navigation, cookie banner, related
links and footer."""
from __future__ import annotations

import html
import io
import re

from roledata.parse import parse_outline
from roledata.parse.structure import split_lines


def blocks(text: str) -> list[tuple[str, str]]:
    """(kind, text) per non-blank line: `heading` (a section heading the parser finds in the text page),
    `bullet` (its marker dropped) or `paragraph`."""
    outline = parse_outline(text)
    headings = {s.heading.start for s in outline.sections if s.heading is not None}
    out = []
    for line in split_lines(text):
        if line.is_bullet:
            out.append(("bullet", line.text))
        elif line.content.start in headings:
            out.append(("heading", line.text))
        else:
            out.append(("paragraph", line.text))
    return out


CRUFT_TOP = """<header class="site-header"><a class="logo" href="/">Career Compass</a>
<nav aria-label="main"><ul><li><a href="/roles">Browse roles</a></li><li><a href="/salaries">Salary tools</a></li>
<li><a href="/login">Sign in</a></li></ul></nav></header>
<div id="cookie-consent" class="cookie-banner"><p>We use cookies to remember your settings and to count visits.
Choose Accept to allow all cookies.</p><button>Accept</button><button>Reject</button></div>"""
CRUFT_BOTTOM = """<aside class="related-roles"><h3>You may also like</h3><ul><li><a href="/r/1">Data Steward</a></li>
<li><a href="/r/2">Platform Owner</a></li></ul></aside>
<footer class="site-footer"><p>Copyright 2026 Career Compass. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms of use</a></li></ul></footer>"""


def to_html(text: str, title: str) -> bytes:
    body: list[str] = []
    in_list = False
    for kind, content in blocks(text):
        if kind == "bullet" and not in_list:
            body.append("<ul>")
            in_list = True
        elif kind != "bullet" and in_list:
            body.append("</ul>")
            in_list = False
        escaped = html.escape(content)
        body.append({"heading": f"<h2>{escaped}</h2>", "bullet": f"<li>{escaped}</li>",
                     "paragraph": f"<p>{escaped}</p>"}[kind])
    if in_list:
        body.append("</ul>")
    page = (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)} | Career "
            f"Compass</title>\n<style>.cookie-banner{{position:fixed;bottom:0}}</style>\n"
            f"<script>window.analytics = {{page: function () {{ return 'tracked'; }}}};</script></head>\n<body>\n"
            f"{CRUFT_TOP}\n<main><article>\n" + "\n".join(body) + f"\n</article></main>\n{CRUFT_BOTTOM}\n"
            "<script>analytics.page();</script></body></html>\n")
    return page.encode("utf-8")


def to_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for kind, content in blocks(text):
        if kind == "heading":
            document.add_heading(content, level=2)
        elif kind == "bullet":
            document.add_paragraph(content, style="List Bullet")
        else:
            document.add_paragraph(content)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def to_pdf(text: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    font = _unicode_font(pdfmetrics, TTFont)
    styles = getSampleStyleSheet()
    for name in ("BodyText", "Heading2"):
        styles[name].fontName = font
    out = io.BytesIO()
    flow = []
    for kind, content in blocks(text):
        escaped = html.escape(content)
        if kind == "heading":
            flow.append(Paragraph(escaped, styles["Heading2"]))
        elif kind == "bullet":
            flow.append(Paragraph(f"• {escaped}", styles["BodyText"]))
        else:
            flow.append(Paragraph(escaped, styles["BodyText"]))
    SimpleDocTemplate(out, pagesize=A4, title="role page").build(flow)
    return out.getvalue()


_FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
          "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")


def _unicode_font(pdfmetrics, ttfont) -> str:
    """A TrueType font with every character of the pages (reportlab's built-in Helvetica lacks some
    dashes, arrows and symbols and writes other characters in their place), registered with
    reportlab. Debian's fonts-dejavu-core has one; `make test` installs it."""
    from pathlib import Path

    for path in _FONTS:
        if Path(path).exists():
            pdfmetrics.registerFont(ttfont("PageFont", path))
            return "PageFont"
    raise RuntimeError(f"no Unicode TrueType font at {' or '.join(_FONTS)}: install Debian's fonts-dejavu-core "
                       "(`make test` does)")


def comparable(rows: list[dict]) -> list[dict]:
    """Rows without what depends on where the text sits or which file it is (offsets, ids, the
    document's id). Inside a multi-line text (a section's) blank lines and the glyph of a bullet
    (`  • ` or `- `) are layout, not words: a rendered page has no blank lines, and its list items
    come back as `- `."""
    drop = re.compile(r"(_id|^char_start|^char_end)$")
    keep = ("role_id", "skill_id", "related_role_id")
    return [{k: _layout_free(v) if isinstance(v, str) else v
             for k, v in row.items() if not drop.search(k) or k in keep} for row in rows]


def _layout_free(text: str) -> str:
    return re.sub(r"(?m)^[ \t]*[-*•·▪◦‣–—][ \t]+", "- ", re.sub(r"\n\s*\n", "\n", text))
