"""The extractor registry: one extractor per extracted table, all of one shape."""
from __future__ import annotations

import inspect

from roledata.contract.tables import EXTRACTED_TABLES
from roledata.extract import EXTRACTORS


def test_every_extracted_table_but_role_documents_has_one_extractor():
    # The page's `role_documents` rows come first and make the context every extractor reads;
    # `roles` is no extracted table: the run builds it across pages from `role_documents`.
    assert set(EXTRACTORS) == {t.name for t in EXTRACTED_TABLES} - {"role_documents"}
    assert "roles" not in {t.name for t in EXTRACTED_TABLES}


def test_every_extractor_takes_the_outline_and_the_page_context():
    for table, extract in EXTRACTORS.items():
        assert list(inspect.signature(extract).parameters) == ["outline", "context"], table
