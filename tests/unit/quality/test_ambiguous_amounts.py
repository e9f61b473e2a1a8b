"""The gold's `ambiguous_amounts`: figures that are neither clearly pay nor clearly not count neither way."""
from __future__ import annotations

from roledata.quality.gold import FIELDS
from roledata.quality.scoring import FieldScore, score_document


def _salaries(gold: dict, rows: list[dict]) -> tuple[FieldScore, object]:
    scores = {f: FieldScore(f) for f in FIELDS}
    roles = [{"role_id": "r", "title": "Kiln Operator", "is_primary": True}]
    doc = score_document("kiln.txt", gold, "parsed", None, {"roles": roles, "salaries": rows}, scores, {})
    return scores["salaries"], doc


def row(lo, hi, period="year"):
    return {"role_id": "r", "amount_min": lo, "amount_max": hi, "period": period}


def test_a_row_on_an_ambiguous_figure_is_left_out_of_precision():
    gold = {"salaries": [{"shapes": [[41000, 52000]]}], "ambiguous_amounts": [58, 61000],
            "not_salary_amounts": [3000]}
    rows = [row(41000, 52000), row(58, 58, "hour"), row(61000, None), row(39000, 39000)]
    s, doc = _salaries(gold, rows)
    # found 1 of 1; scored: the range and the unlisted 39,000 (the two ambiguous rows are not scored)
    assert (s.gold, s.found, s.extracted, s.correct, s.forbidden) == (1, 1, 2, 1, 0)
    assert doc.wrong["salaries"] == ["39000/year"]


def test_an_ambiguous_figure_finds_no_gold_fact_and_a_gold_figure_still_counts():
    gold = {"salaries": [{"shapes": [[72000, 72000]]}], "ambiguous_amounts": [80000]}
    s, doc = _salaries(gold, [row(80000, 80000)])
    assert (s.gold, s.found, s.extracted, s.correct) == (1, 0, 0, 0)
    assert doc.missed["salaries"] == ["72000/year"]
