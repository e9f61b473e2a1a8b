"""What an extractor reads besides the outline: a bullet holding a digit never groups the bullets
after it (`is_group_label`)."""
from __future__ import annotations

from hypothesis import given

from roledata.extract.context import is_group_label
from tests.helpers import TRICKY_TEXT


@given(TRICKY_TEXT)
def test_group_label_digit_check(text: str) -> None:
    if text and any(ch.isdigit() for ch in text):
        assert not is_group_label(text)
