"""The benchmark corpus generator: deterministic, every page distinct, both page shapes,
and each page about its own role as the parser reads it."""
from __future__ import annotations

from collections import Counter

import pytest

from benchmarks.make_corpus import TITLE_SPACE, Permutation, make_corpus, make_title
from roledata.extract.document import process_document
from roledata.text import slugify
from roledata.extract.document import check_documents
from tests.conftest import PAGES, RAW

PAGES_CHECKED = 200


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """200 pages (seed 7) and what the parser makes of each."""
    paths = make_corpus(tmp_path_factory.mktemp("corpus"), PAGES_CHECKED, seed=7, raw=RAW, templates=PAGES)
    results = [process_document(p.name, p.read_bytes()) for p in paths]
    return paths, results


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    first = [p.read_bytes() for p in make_corpus(tmp_path / "a", 30, seed=3, raw=RAW)]
    again = [p.read_bytes() for p in make_corpus(tmp_path / "b", 30, seed=3, raw=RAW)]
    other = [p.read_bytes() for p in make_corpus(tmp_path / "c", 30, seed=4, raw=RAW)]
    assert first == again
    assert all(a != b for a, b in zip(first, other))
    # A smaller corpus is the start of a bigger one with the same seed.
    assert [p.read_bytes() for p in make_corpus(tmp_path / "d", 10, seed=3, raw=RAW)] == first[:10]


def test_titles_are_distinct_roles():
    slugs = {slugify(make_title(n)) for n in range(TITLE_SPACE)}
    assert len(slugs) == TITLE_SPACE >= 200_000  # 100,000 pages draw from twice as many roles
    order = Permutation(TITLE_SPACE, 7)
    drawn = [order(i) for i in range(5000)]
    assert len(set(drawn)) == len(drawn) and all(0 <= n < TITLE_SPACE for n in drawn)


def test_no_two_pages_alike_and_both_shapes(corpus):
    paths, results = corpus
    data = [p.read_bytes() for p in paths]
    assert len(set(data)) == len(data)
    samples = {p.read_bytes() for folder in (RAW, PAGES / "guides", PAGES / "postings") for p in folder.iterdir()}
    assert not samples & set(data)
    formats = Counter(r.document["source_format"] for r in results)
    postings = formats["job_posting"] / len(results)  # postings, and the odd guide written like one
    assert 0.3 <= postings <= 0.6, formats
    assert formats["jobdescription_org"] and formats["aipathly"] and formats["generic"], formats
    assert {p.suffix for p in paths} == {".txt", ".md"}
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in paths)
    assert all(f"\n{bullet}" in text for bullet in ("- ", "* ", "• "))


def _words(slug: str) -> str:
    """A role id with plurals folded: a plural guide title ("... Engineers") is the same role."""
    return "-".join(word.rstrip("s") for word in slug.split("-"))


def test_each_page_is_about_its_own_role(corpus):
    paths, results = corpus
    rejected = [p.name for p, r in zip(paths, results) if r.reject_reason]
    assert len(rejected) <= PAGES_CHECKED // 100, rejected
    primary = {p.name: next(row for row in r.tables["role_documents"] if row["is_primary"])
               for p, r in zip(paths, results) if not r.reject_reason}
    role_ids = Counter(row["role_id"] for row in primary.values())
    assert len(role_ids) >= 0.95 * PAGES_CHECKED, role_ids.most_common(5)
    # The title the parser reads is the one the file is named after (its role id).
    named = sum(_words(row["role_id"]) == _words(name.split("_", 1)[1].rsplit(".", 1)[0])
                for name, row in primary.items())
    assert named >= 0.95 * PAGES_CHECKED


def test_rows_pass_the_row_checks(corpus):
    _, results = corpus
    fresh = [r for r in results if not r.reject_reason]
    check_documents(fresh)
    rows = sum(len(rows) for r in fresh for rows in r.tables.values())
    rejects = [reject[:2] for r in fresh for reject in r.row_rejects]
    assert rows > 20 * len(fresh)
    assert len(rejects) <= rows // 200, Counter(rejects).most_common(5)
