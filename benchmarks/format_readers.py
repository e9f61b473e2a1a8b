"""How the candidate readers do on the sample pages rendered as saved web pages and PDFs: the measure
behind the choice of trafilatura (HTML) and pdfminer.six (PDF).

    python benchmarks/format_readers.py

Each of the five samples in raw/ is rendered by tests/formats_render.py (a web page with a site's
header, navigation, cookie banner, related links and footer; a PDF by reportlab) and read back by
every candidate installed. Per candidate: the share of the page's lines (bullet markers aside)
that come back as lines of their own, the share of the cruft's lines that leak in, and the time.
Candidates not installed are skipped.
"""
from __future__ import annotations

import io
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.formats_render import CRUFT_BOTTOM, CRUFT_TOP, blocks, to_html, to_pdf  # noqa: E402

_TAGS = re.compile(r"<[^>]+>")


def _lines(text: str) -> set[str]:
    return {re.sub(r"^(?:[-*•]\s+|\|\s*)", "", " ".join(line.split())).strip() for line in text.splitlines()} - {""}


def html_candidates() -> dict:
    found = {}
    try:
        import trafilatura
        found["trafilatura"] = lambda h: trafilatura.extract(h, include_tables=True, favor_recall=True) or ""
    except ImportError:
        pass
    try:
        import html_text
        found["html-text"] = html_text.extract_text
    except ImportError:
        pass
    try:
        import justext
        found["justext"] = lambda h: "\n".join(p.text for p in justext.justext(h.encode(), justext.get_stoplist("English"))
                                               if not p.is_boilerplate)
    except ImportError:
        pass
    try:
        from selectolax.lexbor import LexborHTMLParser
        found["selectolax (body text)"] = lambda h: LexborHTMLParser(h).body.text(separator="\n")
    except ImportError:
        pass
    return found


def pdf_candidates() -> dict:
    found = {}
    try:
        from roledata.formats.pdf import read_pdf
        found["pdfminer.six (paragraph boxes)"] = lambda d: read_pdf(d)[0]
    except ImportError:
        pass
    try:
        from pypdf import PdfReader
        found["pypdf"] = lambda d: "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(d)).pages)
    except ImportError:
        pass
    return found


def measure(kind: str, candidates: dict, render) -> None:
    samples = sorted((ROOT / "raw").glob("*.txt"))
    cruft = _lines("\n".join(_TAGS.sub("\n", CRUFT_TOP + CRUFT_BOTTOM).splitlines()))
    print(f"{kind}: lines of the page kept as lines / cruft lines leaked / seconds (5 samples)")
    for name, read in candidates.items():
        kept = total = leaked = 0
        started = time.perf_counter()
        for sample in samples:
            text = sample.read_text(encoding="utf-8")
            want = {" ".join(t.split()) for _, t in blocks(text)}
            got = _lines(read(render(text)))
            kept += len(want & got)
            total += len(want)
            leaked += len(cruft & got)
        seconds = time.perf_counter() - started
        print(f"  {name:32} {100 * kept / total:5.1f}%  {leaked:3d} of {len(cruft) * len(samples)}  {seconds:5.2f} s")


if __name__ == "__main__":
    measure("HTML", html_candidates(), lambda t: to_html(t, "Role").decode("utf-8"))
    measure("PDF", pdf_candidates(), to_pdf)
