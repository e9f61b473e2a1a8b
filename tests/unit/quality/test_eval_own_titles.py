"""`roledata eval` scores each document's title from its own primary `role_documents` row: two
postings of one role, each written its own way, are each right with their own title."""
from __future__ import annotations

import json
import shutil

from roledata.quality.evaluate import evaluate_documents
from roledata.quality.gold import load_gold
from tests.conftest import PAGES

MARKET = PAGES / "market"


def test_each_document_of_one_role_is_scored_on_its_own_title(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    # One role (machine-learning-engineer), two spellings: the role's canonical title comes from m01.
    for name in ("m01_quarry-lane-logistics.txt", "m14_redwood-civic-labs.txt"):
        shutil.copy(MARKET / name, raw / name)
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"docs": {
        "m01_quarry-lane-logistics.txt": {"title": ["Machine Learning Engineer"]},
        "m14_redwood-civic-labs.txt": {"title": ["Machine-Learning Engineer"]}}}), encoding="utf-8")
    result = evaluate_documents(raw, load_gold(gold))
    title = result.fields["title"]
    assert (title.gold, title.found, title.extracted, title.correct) == (2, 2, 2, 2)
    assert {d.file: d.title for d in result.docs} == {
        "m01_quarry-lane-logistics.txt": "Machine Learning Engineer",
        "m14_redwood-civic-labs.txt": "Machine-Learning Engineer"}

    # The roles dimension's title would be wrong for m14: its gold does not accept it.
    gold.write_text(json.dumps({"docs": {"m14_redwood-civic-labs.txt": {"title": ["Machine Learning Engineer"]}}}),
                    encoding="utf-8")
    wrong = evaluate_documents(raw, load_gold(gold))
    assert wrong.fields["title"].found == 0 and wrong.docs[0].missed["title"] == ["Machine Learning Engineer"]
