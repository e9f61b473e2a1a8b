"""Row checks, a batch at a time: bad rows go to rejects with the failing check, the rest are kept."""
from __future__ import annotations

import pandas as pd
import pytest

from roledata.contract.checks import RejectLog, check_rows
from roledata.contract.frames import to_frame
from roledata.contract.tables import TABLES_BY_NAME
from tests.helpers import SALARY_PAGE, salary_row


def run(rows):
    log = RejectLog("run1", {"d1": "page.txt"})
    table = TABLES_BY_NAME["salaries"]
    kept = check_rows(table, to_frame(table, rows), {"d1": SALARY_PAGE}, log)
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
    kept, rejects = run([salary_row(), salary_row(salary_id="s2", **bad)])
    assert list(kept["salary_id"]) == ["s1"]
    assert len(rejects) == 1
    assert rejects[0]["reason"].startswith(reason)
    assert (rejects[0]["table_name"], rejects[0]["source_path"], rejects[0]["run_id"]) == ("salaries", "page.txt", "run1")
    assert '"salary_id": "s2"' in rejects[0]["payload"]


def test_whole_column_failure_rejects_every_row():
    # A column of the wrong kind fails as a whole (pandera reports a null index).
    table = TABLES_BY_NAME["salaries"]
    frame = to_frame(table, [salary_row(), salary_row(salary_id="s2")])
    frame["open_ended"] = pd.Series(["yes", "no"], dtype="string")
    log = RejectLog("run1", {})
    kept = check_rows(table, frame, {"d1": SALARY_PAGE}, log)
    assert len(kept) == 0 and len(log.rows) == 2
