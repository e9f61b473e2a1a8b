"""The catalog reads what it shows of a snapshot's changes.json as a stream (`load_changes`): counts, the
first documents per table, how many there are, the ids of all of them; a broken file reads as "not
recorded"."""
from __future__ import annotations

import json

from roledata.catalog.pages import SHOWN_DOCUMENTS, change_summary, load_changes


def _write(folder, previous, tables):
    (folder / "changes.json").write_text(json.dumps({"previous_snapshot": previous, "tables": tables}, indent=2))


def test_counts_the_first_documents_and_every_id(tmp_path):
    docs = [{"document_id": f"d{i:02}", "source_path": f"p{i:02}.txt"} for i in range(12)]
    _write(tmp_path, "20260101T000000000000Z", {
        "roles": {"added": 12, "removed": 0, "changed": 0, "documents": docs, "rows": [{"pay": 1.5}]},
        "skills": {"added": 0, "removed": 1, "changed": 2, "documents": docs[10:] + [{"document_id": "gone",
                                                                                       "source_path": "old.txt"}]},
        "duties": {"added": 0, "removed": 0, "changed": 0, "documents": []}})
    changes = load_changes(tmp_path)
    assert changes["previous_snapshot"] == "20260101T000000000000Z"
    assert changes["tables"]["roles"] == {"added": 12, "removed": 0, "changed": 0,
                                          "documents": docs[:SHOWN_DOCUMENTS], "document_count": 12}
    assert changes["tables"]["skills"]["document_count"] == 3
    assert change_summary(changes) == {"kind": "changed", "tables": [("roles", 12, 0, 0), ("skills", 0, 1, 2)],
                                       "documents": 13, "previous": "20260101T000000000000Z"}


def test_a_first_snapshot_and_a_broken_file(tmp_path):
    _write(tmp_path, None, {"roles": {"added": 1, "removed": 0, "changed": 0,
                                      "documents": [{"document_id": "d1", "source_path": "a.txt"}]}})
    assert change_summary(load_changes(tmp_path))["kind"] == "first"
    (tmp_path / "changes.json").write_text('{"previous_snapshot": null, "tables": {"roles": {"added": 1,')
    assert load_changes(tmp_path) is None
    assert change_summary(load_changes(tmp_path / "missing")) == {"kind": "unknown", "tables": [], "documents": 0,
                                                                  "previous": None}
