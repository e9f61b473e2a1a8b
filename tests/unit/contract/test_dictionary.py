"""The data dictionary, generated from the declarations: every table, view and column, and the
committed docs/DATA_DICTIONARY.md the same as the code gives."""
from __future__ import annotations

from roledata.contract.dictionary import data_dictionary, views_dictionary
from roledata.contract.tables import TABLES
from roledata.contract.views import VIEWS


def test_data_dictionary_lists_every_column():
    text = data_dictionary()
    for table in TABLES:
        assert f"## {table.name}" in text
        for col in table.columns:
            assert f"| `{col.name}` |" in text


def test_committed_data_dictionary_matches_the_code():
    from tests.conftest import ROOT

    committed = (ROOT / "docs" / "DATA_DICTIONARY.md").read_text(encoding="utf-8")
    assert committed == data_dictionary() + "\n", "regenerate: .venv/bin/roledata tables > docs/DATA_DICTIONARY.md"


def test_the_views_dictionary_lists_every_view_column():
    text = views_dictionary()
    for view in VIEWS:
        assert f"## {view.name}" in text
        assert all(f"| `{name}` |" in text for name in view.column_names)
