"""The extractor registry: one extractor per extracted table, all of one shape."""
from __future__ import annotations

import inspect

from roledata.contract.tables import EXTRACTED_TABLES
from roledata.extract import EXTRACTORS


def test_every_extracted_table_but_roles_has_one_extractor():
    # `roles` rows come first and make the context every extractor reads.
    assert set(EXTRACTORS) == {t.name for t in EXTRACTED_TABLES} - {"roles"}


def test_every_extractor_takes_the_outline_and_the_page_context():
    for table, extract in EXTRACTORS.items():
        assert list(inspect.signature(extract).parameters) == ["outline", "context"], table
