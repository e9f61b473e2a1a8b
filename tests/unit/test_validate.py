"""Validation sends bad rows to rejects with the failing check, and keeps the rest."""
from __future__ import annotations

import pandas as pd
import pytest

from roledata.schema import TABLES_BY_NAME, to_frame
from roledata.validate import RejectLog, validate_table, validate_tables

DOC = "Pay: $120,000 - $180,000 and more"


def salary(**over) -> dict:
    row = {"salary_id": "s1", "role_id": "widget-lead", "pay_component": "unspecified", "statistic": "range",
           "amount_min": 120_000.0, "amount_max": 180_000.0, "open_ended": False, "currency": "USD", "period": "year",
           "annual_min_usd": 120_000.0, "annual_max_usd": 180_000.0, "segment_type": "overall", "segment": None,
           "experience_years_min": None, "experience_years_max": None, "reference_year": 2024,
           "amount_text": "$120,000 - $180,000", "document_id": "d1", "section_heading": None,
           "char_start": 0, "char_end": 24, "text": DOC[0:24]}
    row.update(over)
    return row


def run(rows):
    log = RejectLog("run1", {"d1": "page.txt"})
    table = TABLES_BY_NAME["salaries"]
    kept = validate_table(table, to_frame(table, rows), {"d1": DOC}, log)
    return kept, log.rows


@pytest.mark.parametrize(("bad", "reason"), [
    pytest.param({"amount_min": 200_000.0, "annual_min_usd": 200_000.0}, "amount_min <= amount_max", id="max below min"),
    pytest.param({"amount_min": 5_000.0, "amount_max": 8_000.0, "annual_min_usd": 5_000.0, "annual_max_usd": 8_000.0},
                 "annual salary between $10,000 and $10,000,000", id="implausibly low"),
    pytest.param({"amount_min": 175_000.0, "amount_max": 2_100_000.0, "annual_min_usd": 175_000.0, "annual_max_usd": 2_100_000.0},
                 "amount_max at most 10 times amount_min", id="typo ten times"),
    pytest.param({"statistic": "mode"}, "statistic: isin(['range', 'average'", id="unknown code"),
    pytest.param({"text": "Pay: $999"}, "provenance: text != document_text[char_start:char_end]", id="provenance mismatch"),
])
def test_bad_row_is_rejected_with_reason(bad, reason):
    kept, rejects = run([salary(), salary(salary_id="s2", **bad)])
    assert list(kept["salary_id"]) == ["s1"]
    assert len(rejects) == 1
    assert rejects[0]["reason"].startswith(reason)
    assert (rejects[0]["table_name"], rejects[0]["source_path"], rejects[0]["run_id"]) == ("salaries", "page.txt", "run1")
    assert '"salary_id": "s2"' in rejects[0]["payload"]


def test_duplicate_primary_key_rejected():
    kept, rejects = run([salary(), salary()])
    assert len(kept) == 1
    assert rejects[0]["reason"] == "duplicate primary key (salary_id)"


def test_whole_column_failure_rejects_every_row():
    # A column of the wrong kind fails as a whole (pandera reports a null index).
    table = TABLES_BY_NAME["salaries"]
    frame = to_frame(table, [salary(), salary(salary_id="s2")])
    frame["open_ended"] = pd.Series(["yes", "no"], dtype="string")
    log = RejectLog("run1", {})
    kept = validate_table(table, frame, {"d1": DOC}, log)
    assert len(kept) == 0 and len(log.rows) == 2


def test_child_rows_need_a_known_role():
    log = RejectLog("run1", {})
    rows = {"roles": [], "salaries": [salary()]}
    frames = validate_tables(rows, {"d1": DOC}, log)
    assert len(frames["salaries"]) == 0
    assert log.rows[0]["reason"] == "role_id not in roles"
