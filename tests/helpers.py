"""Stand-ins the tests share: documents held in memory, a free port, pages parsed in this process."""
from __future__ import annotations

import socket
from datetime import datetime

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
