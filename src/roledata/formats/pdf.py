"""A PDF's text layer, one paragraph a line (pdfminer.six's layout analysis).

pdfminer.six was chosen over pypdf by measuring on PDFs of the sample pages
(`benchmarks/format_readers.py`): pypdf gives the page's printed lines, so a
paragraph wrapped over three lines comes back as three lines (three bullets'
worth of text for the parser), while pdfminer groups the lines of a paragraph
into one text box, which is joined here into one line. A paragraph cut by a
page break is joined again when the first part ends without a sentence end
and the next starts in lower case.

No OCR: a PDF whose pages hold no text (a scan) is a reject that says so, as
are a broken file and a password-protected one. Work is bounded by
`MAX_PAGES`.
"""
from __future__ import annotations

import io

from roledata.formats.errors import Unreadable
from roledata.text import LazyPattern

MAX_PAGES = 300  # a job description or career guide is a few pages; a longer PDF is a book or a report
_BULLET = LazyPattern(r"^[•●▪■◦‣∙·]\s*")
_SENTENCE_END = LazyPattern(r"[.!?:;]\s*$")


def read_pdf(data: bytes) -> tuple[str, None]:
    """The text of every page, a paragraph a line; `Unreadable` for a broken, locked or scanned PDF."""
    # pdfminer is imported when a PDF is read: commands that read none do not pay its start-up.
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextBox
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    if not data[:1024].lstrip().startswith(b"%PDF-"):
        raise Unreadable("not a PDF: the file does not start with %PDF-")
    paragraphs: list[tuple[int, str]] = []  # (page number, paragraph)
    pages = 0
    try:
        for page in extract_pages(io.BytesIO(data), laparams=LAParams(line_margin=0.5), maxpages=MAX_PAGES + 1):
            pages += 1
            if pages > MAX_PAGES:
                raise Unreadable(f"PDF too long to read: over {MAX_PAGES} pages")
            boxes = sorted((b for b in page if isinstance(b, LTTextBox)), key=lambda b: (-b.y1, b.x0))
            for box in boxes:
                lines = [" ".join(line.get_text().split()) for line in box]
                text = " ".join(line for line in lines if line)
                if text:
                    paragraphs.append((pages, text))
    except Unreadable:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise Unreadable(f"password-protected PDF: its text cannot be read ({type(exc).__name__})") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError, IndexError,
            AttributeError, OverflowError, RecursionError) as exc:
        raise Unreadable(f"broken PDF: {type(exc).__name__}: {str(exc)[:200] or 'cannot be parsed'}") from None
    if not paragraphs:
        if pages == 0:
            raise Unreadable("broken PDF: no pages")
        raise Unreadable(f"PDF without a text layer ({pages} page{'s' if pages != 1 else ''} of images, a scan?): "
                         "roledata reads text layers and does not run OCR")
    return "\n".join(_joined(paragraphs)) + "\n", None


def _joined(paragraphs: list[tuple[int, str]]) -> list[str]:
    """Paragraphs as lines, bullets written `- `, a paragraph split by a page break joined again."""
    out: list[str] = []
    last_page = 0
    for page, text in paragraphs:
        text = _BULLET.sub("- ", text)
        if (out and page != last_page and not _SENTENCE_END.search(out[-1]) and text[:1].islower()):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
        last_page = page
    return out
