"""Page-family detection and parsing into an `Outline`."""
from __future__ import annotations

from roledata.parse import aipathly, generic, jobdescription_org
from roledata.parse.outline import Outline

_FAMILIES = (("jobdescription_org", jobdescription_org), ("aipathly", aipathly))
_MIN_SCORE = 3


def detect_format(text: str) -> str:
    """`jobdescription_org`, `aipathly`, or `generic` when neither fits well."""
    scored = [(module.looks_like(text), name) for name, module in _FAMILIES]
    best_score, best = max(scored)
    return best if best_score >= _MIN_SCORE else "generic"


def parse_outline(text: str) -> Outline:
    fmt = detect_format(text)
    module = {"jobdescription_org": jobdescription_org, "aipathly": aipathly}.get(fmt, generic)
    return module.parse(text)


__all__ = ["detect_format", "parse_outline", "Outline"]
