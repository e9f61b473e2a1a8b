"""The rows every page gives are those of the implementation before the last speed-up: a speed-up
must change no row. `benchmarks/digests/<corpus>.json` holds a digest per document and table
(`python benchmarks/run.py --save-digests` rewrites them when a change of rows is intended)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.rows_digest import document_rows

ROOT = Path(__file__).resolve().parents[2]
CORPORA = {"samples": ROOT / "raw", "guides": ROOT / "tests" / "pages" / "guides",
           "postings": ROOT / "tests" / "pages" / "postings", "unseen": ROOT / "tests" / "pages" / "unseen"}


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_every_table_of_every_page_is_as_before(corpus):
    expected = json.loads((ROOT / "benchmarks" / "digests" / f"{corpus}.json").read_text(encoding="utf-8"))
    now = document_rows([CORPORA[corpus]])
    assert now["bytes"] == expected["bytes"], "the pages themselves changed: save the digests again"
    differing = {table: sorted(doc for doc in expected[table] if now[table].get(doc) != expected[table][doc])
                 for table in expected}
    assert {t: docs for t, docs in differing.items() if docs} == {}
    assert set(expected["documents"]) == set(expected["bytes"]) and len(expected["bytes"]) == len(now["bytes"])
