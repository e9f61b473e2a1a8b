"""Stand-ins the tests share: documents held in memory, a free port, pages parsed in this process,
a salary row that passes every check, and text that trips up case folding."""
from __future__ import annotations

import socket
from datetime import datetime

from hypothesis import strategies as st

from roledata.extract.document import DocumentResult, check_documents, process_document
from roledata.run.sources import DocumentSource, iter_documents
from roledata.text import display_path


class MemorySource:
    """Documents held in memory, behind the same two methods as a folder."""

    def __init__(self, documents: dict[str, bytes]):
        self.documents = dict(documents)

    def list_paths(self) -> list[str]:
        return sorted(self.documents)

    def read(self, source_path: str) -> bytes:
        return self.documents[source_path]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def parse_batch(source: DocumentSource, paths: list[str], seen_at: datetime) -> list[DocumentResult]:
    """Read, parse and row-check pages in this process, as `DocumentResult`s (no row store)."""
    results = []
    for path, data, error in iter_documents(source, paths):
        if data is None:
            results.append(DocumentResult({"document_id": None, "source_path": display_path(path),
                                           "reason": error}, None, {}, error))
        else:
            results.append(process_document(path, data, seen_at))
    check_documents(results)
    return results


# A salary row and the text it quotes: the row checks (unit/contract/test_checks.py) and the checks
# across pages (unit/run/test_stage.py) start from it.
SALARY_PAGE = "Pay: $120,000 - $180,000 and more"


def salary_row(**over) -> dict:
    row = {"salary_id": "s1", "role_id": "widget-lead", "pay_component": "unspecified", "statistic": "range",
           "amount_min": 120_000.0, "amount_max": 180_000.0, "open_ended": False, "currency": "USD", "period": "year",
           "annual_min_usd": 120_000.0, "annual_max_usd": 180_000.0, "segment_type": "overall", "segment": None,
           "experience_years_min": None, "experience_years_max": None, "reference_year": 2024,
           "amount_text": "$120,000 - $180,000", "document_id": "d1", "section_heading": None,
           "char_start": 0, "char_end": 24, "text": SALARY_PAGE[0:24]}
    row.update(over)
    return row


# Letters IGNORECASE pairs with ASCII ("İ", "ı", "ſ", Kelvin sign), digits of other scripts,
# superscripts (isdigit but not \d), line breaks of every kind, markers, colons and sentence ends: text
# that tests the cheap checks (unit/test_text.py, unit/parse/test_structure.py, unit/extract/test_context.py).
TRICKY_CHARACTERS = st.sampled_from(list("abcAB sS iIkK\u0130\u0131\u017f\u212a0\u0660\u00b2\n\r\x0c\u2028\t\u00a0"
                                         "-*•#1.:;!?()ΣσLEDled"))
TRICKY_TEXT = st.text(TRICKY_CHARACTERS, max_size=60)
