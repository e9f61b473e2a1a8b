"""The one error a reader raises: the file is of its format but cannot be read, and why."""
from __future__ import annotations


class Unreadable(Exception):
    """A document a reader cannot read (broken, password-protected, no text, too costly): its message
    is the reject's reason."""
