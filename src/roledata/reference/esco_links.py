"""ESCO skill links (placeholder until the vocabulary step)."""
from __future__ import annotations


def esco_skill_links(path, technology_rows):
    return []
