"""The benchmark corpus generator: deterministic, varied, and pages the parser reads."""
from __future__ import annotations

from benchmarks.make_corpus import make_corpus
from roledata.document import process_document
from roledata.text import slugify
from tests.conftest import RAW


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    first = [p.read_bytes() for p in make_corpus(tmp_path / "a", 10, seed=3, raw=RAW)]
    again = [p.read_bytes() for p in make_corpus(tmp_path / "b", 10, seed=3, raw=RAW)]
    other = [p.read_bytes() for p in make_corpus(tmp_path / "c", 10, seed=4, raw=RAW)]
    assert first == again
    assert first != other


def test_pages_are_varied_and_parse(tmp_path):
    paths = make_corpus(tmp_path, 20, seed=7, raw=RAW)
    samples = {p.read_bytes() for p in RAW.iterdir()}
    titles = set()
    for path in paths:
        data = path.read_bytes()
        assert data not in samples
        result = process_document(path.name, data)
        assert result.reject_reason is None, path.name
        title = result.tables["roles"][0]["title"]
        assert path.name.endswith(f"_{slugify(title)}.txt")
        titles.add(title)
    assert len(titles) >= 15
    bullets = {line[:2] for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line[:2] in ("- ", "* ", "• ")}
    assert bullets == {"- ", "* ", "• "}
