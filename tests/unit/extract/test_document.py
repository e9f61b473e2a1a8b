"""One document in, rows or a reject out: decoding and whole-document rejects."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from roledata.extract.document import process_document
from tests.helpers import MemorySource, parse_batch

PAGE = "Overview\nThe Café Data Lead is a role that runs data teams — well.\nSalary\n- Range: $90,000 - $120,000\n"


@pytest.mark.parametrize(("data", "reason"), [
    pytest.param(b"", "empty document: 0 bytes", id="empty"),
    pytest.param(b"  \n\t\n", "empty document: only white space", id="white space"),
    pytest.param(b"GIF89a\x00\x01\x02", "binary file: NUL bytes in the first 8 KiB", id="binary"),
    pytest.param(b"- a bullet\n- another\n", "not about a role: no role title, duties, skills or pay found", id="no title"),
    # HTML in a text file is read as HTML now (formats/html.py): this page is about no role.
    pytest.param(b"<html><body><p>Nothing about a role</p></body></html>",
                     "not about a role: no role title, duties, skills or pay found", id="html"),
])
def test_whole_document_rejects(data, reason):
    result = process_document("page.txt", data)
    assert (result.document["status"], result.document["status_reason"], result.reject_reason) == ("rejected", reason, reason)
    assert result.tables == {}


def test_non_utf8_is_decoded_not_rejected():
    result = process_document("page.txt", PAGE.encode("cp1252"))
    assert (result.document["status"], result.document["encoding"]) == ("parsed", "cp1252")
    title = result.tables["role_documents"][0]
    assert title["title"] == "Café Data Lead"
    assert result.text[title["char_start"]:title["char_end"]] == "Café Data Lead"
    assert result.tables["salaries"][0]["amount_min"] == 90_000


def test_document_id_is_the_sha256_of_the_bytes():
    import hashlib

    data = PAGE.encode("utf-8")
    assert process_document("a.txt", data).document["document_id"] == hashlib.sha256(data).hexdigest()


def test_parse_batch_reads_through_any_source():
    source = MemorySource({"b.txt": PAGE.encode("utf-8"), "a.txt": b""})
    results = parse_batch(source, source.list_paths(), datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert [(r.document["source_path"], r.document["status"]) for r in results] == [("a.txt", "rejected"), ("b.txt", "parsed")]


def test_mojibake_is_parsed_as_written_with_a_warning():
    text = "Data Platform Lead\nThe Data Platform Lead\u00e2\u20ac\u2122s team runs Caf\u00c3\u00a9 data.\n"
    result = process_document("m.txt", text.encode("utf-8"))
    assert result.document["status"] == "parsed"
    assert result.document["warning"] == ("mojibake: UTF-8 text decoded twice ('â€™', 'Ã©'); "
                                          "rows keep the text as written")
    assert result.tables["role_documents"][0]["title"] == "Data Platform Lead"


def test_bytes_outside_cp1252_fall_back_to_latin1():
    page = "Responsable Données IA\nSalaire : 52 000 EUR\n- Tenir les jeux de données à jour\n".encode("latin-1")
    result = process_document("l.txt", page + b"\x81 note\n")
    assert (result.document["encoding"], result.tables["role_documents"][0]["title"]) == ("latin-1", "Responsable Données IA")
    assert result.tables["role_documents"][0]["title_source"] == "first_line"


def test_file_names_that_are_not_utf8_are_stored_escaped():
    import os

    name = os.fsdecode(b"r\xe9sum\xe9.txt")
    assert process_document(name, b"Resume Lead\n").document["source_path"] == "r\\xe9sum\\xe9.txt"
