"""The plan of a run: which pages must be read and parsed, against the listing of the last run;
a page changed after the plan is parsed as it is now."""
from __future__ import annotations

import os

from roledata.run.parallel import read_pages
from roledata.run.plan import DUPLICATE, KEPT, PARSE, UNREADABLE, listing, parse_batches, plan
from roledata.run.store import document_key
from roledata.settings import Settings
from roledata.text import sha256_hex


def _folder(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    pages = {"a.txt": b"Widget Lead\nThe Widget Lead runs widgets.\n", "b.txt": b"Gadget Lead\nRuns gadgets.\n",
             "c.txt": b"Widget Lead\nThe Widget Lead runs widgets.\n", "d.txt": b"Sprocket Lead\nRuns sprockets.\n"}
    for name, data in pages.items():
        (raw / name).write_bytes(data)
    return raw, pages


def test_the_plan_reads_only_what_the_listing_cannot_vouch_for(tmp_path):
    raw, pages = _folder(tmp_path)
    settings = Settings(raw, tmp_path / "warehouse")
    first = plan(settings, sorted(pages), {}, set())
    assert [(e.path, e.state) for e in first] == [("a.txt", PARSE), ("b.txt", PARSE), ("c.txt", DUPLICATE),
                                                 ("d.txt", PARSE)]
    assert first[2].reason == "a.txt" and first[0].document_id == sha256_hex(pages["a.txt"])
    known = listing(first)
    kept = {first[0].key, first[1].key}
    # d.txt unreadable now; a.txt's listed size and mtime vouch for its bytes, so it is not even opened.
    (raw / "d.txt").chmod(0)
    (raw / "a.txt").write_bytes(b"Widget Lead\nThe Widget Lead runs widgets!\n")
    os.utime(raw / "a.txt", ns=(known["a.txt"][1], known["a.txt"][1]))
    try:
        again = plan(settings, sorted(pages), known, kept)
    finally:
        (raw / "d.txt").chmod(0o644)
    states = [(e.path, e.state) for e in again]
    if os.geteuid() == 0:  # root reads a file whatever its mode
        assert states == [("a.txt", KEPT), ("b.txt", KEPT), ("c.txt", DUPLICATE), ("d.txt", PARSE)]
    else:
        assert states == [("a.txt", KEPT), ("b.txt", KEPT), ("c.txt", DUPLICATE), ("d.txt", UNREADABLE)]
    assert again[0].key == document_key(sha256_hex(pages["a.txt"]), "a.txt")


def test_a_page_changed_after_the_plan_is_parsed_as_it_is_now(tmp_path):
    raw, pages = _folder(tmp_path)
    settings = Settings(raw, tmp_path / "warehouse")
    entries = plan(settings, ["b.txt"], {}, set())
    (raw / "b.txt").write_bytes(b"Gadget Lead\nRuns gadgets daily.\n")
    [(path, data, document_id, key)] = read_pages(settings, entries)
    assert (path, data) == ("b.txt", b"Gadget Lead\nRuns gadgets daily.\n")
    assert (document_id, key) == (entries[0].document_id, entries[0].key) == (
        sha256_hex(data), document_key(sha256_hex(data), "b.txt"))


def test_parse_batches_hold_only_pages_to_parse(tmp_path):
    raw, pages = _folder(tmp_path)
    entries = plan(Settings(raw, tmp_path / "warehouse"), sorted(pages), {}, set())
    assert [[e.path for e in batch] for batch in parse_batches(entries, 2)] == [["a.txt", "b.txt"], ["d.txt"]]
    assert parse_batches([], 2) == []
