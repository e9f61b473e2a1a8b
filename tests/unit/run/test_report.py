"""The end-of-run report and the progress bar."""
from __future__ import annotations

import io
import sys
from datetime import datetime, timezone

from roledata.run.report import RunReport, progress_bar, report_lines, report_markdown


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_shows_in_a_terminal_for_long_runs(monkeypatch):
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.delenv("ROLEDATA_NO_PROGRESS", raising=False)
    with progress_bar(99) as bar:
        bar.reached(99)
    assert screen.getvalue() == ""  # short runs: no bar
    with progress_bar(400) as bar:
        for staged in (100, 200, 300, 400):  # batches staged so far
            bar.reached(staged)
    assert "parsing" in screen.getvalue() and "400/400" in screen.getvalue()


def test_progress_bar_moves_page_by_page_and_never_back(monkeypatch):
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.delenv("ROLEDATA_NO_PROGRESS", raising=False)
    with progress_bar(400) as bar:
        for _ in range(150):  # pages parsed in this process, one by one
            bar.page()
        bar.reached(100)  # a staged total behind what was parsed here moves nothing
    assert "150/400" in screen.getvalue() and "pages/s" in screen.getvalue()


def test_no_progress_bar_when_not_a_terminal(capsys):
    with progress_bar(10_000) as bar:
        bar.page()
        bar.reached(10_000)
    assert capsys.readouterr() == ("", "")


def test_report_lists_counts_rejects_and_warnings():
    report = RunReport("20261121T060000000000Z", datetime(2026, 11, 21, 6, tzinfo=timezone.utc), status="succeeded",
                       documents_seen=3, documents_parsed=1, documents_unchanged=1, documents_rejected=1,
                       row_counts={"documents": 2, "roles": 4}, snapshot_id="20261121T060000000000Z",
                       rejects=[{"source_path": "bad|name.txt", "document_id": None, "table_name": None,
                                 "reason": "empty document: 0 bytes"}],
                       warnings=[{"source_path": "m.txt", "warning": "mojibake: ..."}])
    assert report_lines(report) == [
        "run 20261121T060000000000Z: succeeded",
        "documents: 3 seen, 1 parsed, 1 unchanged, 1 rejected",
        "rows: documents 2, roles 4",
        "rejects: 1 (documents and rows)",
        "  1 x empty document",
        "    bad|name.txt: empty document: 0 bytes",
        "warning m.txt: mojibake: ...",
    ]
    markdown = report_markdown(report)
    assert "| rejected | 1 |" in markdown
    assert "| bad\\|name.txt |  | empty document: 0 bytes |" in markdown
