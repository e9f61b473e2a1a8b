"""The run's occupation tables: the shipped `occupations` and `occupation_wages`, and
`role_occupations`, computed once per role from the final tables after the checks across pages.

A role is coded from its title and aliases, the text of its duties and summary,
and, for a role its page is about (`is_primary`), the text of that page
(`roledata.occupations.matcher.code_role`). A role no occupation fits gets one
row: rank 1, soc_code NULL, method `none`, and the reason.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from roledata.occupations.matcher import MAX_CANDIDATES, TEXT_CHARS, Candidate, code_role, forget_reference
from roledata.reference import ESCO_OCCUPATION, load
from roledata.occupations.text import normalize_title

_FLAGS = ("is_aggregate", "is_annual_only", "is_hourly_only", "has_unpublished_wages", "is_top_coded")


def occupations_table() -> list[dict]:
    """The `occupations` rows, from the shipped reference table."""
    return [{"soc_code": r["soc_code"], "title": r["title"], "major_code": r["major_code"],
             "major_title": r["major_title"], "job_zone": int(r["job_zone"]) if r["job_zone"] else None,
             "isco_code": r["isco_code"] or None, "isco_codes": [c for c in r["isco_codes"].split("|") if c]}
            for r in load("occupations")]


def wages_table() -> list[dict]:
    """The `occupation_wages` rows, from the shipped reference table (an empty cell is NULL)."""
    rows = []
    for r in load("occupation_wages"):
        row: dict = {"soc_code": r["soc_code"], "oews_code": r["oews_code"], "oews_title": r["oews_title"]}
        for column, value in r.items():
            if column in _FLAGS:
                row[column] = value == "1"
            elif column not in row:
                row[column] = (int(value) if column == "employment" else float(value)) if value else None
        rows.append(row)
    return rows


@lru_cache(maxsize=1)
def _isco() -> dict[str, str]:
    return {r["soc_code"]: r["isco_code"] for r in load("occupations") if r["isco_code"]}


@lru_cache(maxsize=1)
def _esco() -> dict[str, list[tuple[str, str, bool]]]:
    """Folded label -> (ESCO id, ISCO-08 group, is the preferred label)."""
    out: dict[str, list[tuple[str, str, bool]]] = {}
    for r in load("esco_occupations"):
        out.setdefault(r["key"], []).append((r["esco_id"], r["isco_code"], r["is_preferred"] == "1"))
    return out


def esco_occupation(candidate: Candidate) -> str | None:
    """The ESCO occupation that carries the O*NET title matched as its own label: its preferred label,
    or an alternative label when ESCO files it in the occupation's ISCO-08 group. None otherwise."""
    if not candidate.matched_title:
        return None
    found = _esco().get(normalize_title(candidate.matched_title), [])
    preferred = [esco for esco, _, is_preferred in found if is_preferred]
    same_group = [esco for esco, isco, _ in found if isco == _isco().get(candidate.soc_code)]
    chosen = preferred[:1] or same_group[:1]
    return ESCO_OCCUPATION + chosen[0] if chosen else None


def role_occupation_rows(roles: Iterable[tuple]) -> list[dict]:
    """`role_occupations` rows for (role_id, title, aliases, duty texts, page text) tuples."""
    rows = []
    for role_id, title, aliases, duties, page_text in roles:
        try:
            candidates, reason = code_role(title or "", tuple(aliases or ()), tuple(t for t in duties or () if t),
                                           (page_text or "")[:TEXT_CHARS])
        except Exception as exc:  # one role the matcher cannot read never stops a run: it gets no occupation
            candidates, reason = [], f"internal error while coding: {type(exc).__name__}: {exc}"
        for rank, c in enumerate(candidates[:MAX_CANDIDATES], start=1):
            rows.append({"role_id": role_id, "rank": rank, "soc_code": c.soc_code, "onet_soc_code": c.onet_soc_code,
                         "isco_code": _isco().get(c.soc_code), "esco_occupation_uri": esco_occupation(c),
                         "method": c.method, "confidence": c.confidence, "matched_title": c.matched_title,
                         "reason": c.reason})
        if not candidates:
            rows.append({"role_id": role_id, "rank": 1, "soc_code": None, "onet_soc_code": None, "isco_code": None,
                         "esco_occupation_uri": None, "method": "none", "confidence": 0.0, "matched_title": None,
                         "reason": reason})
    return rows


# SQL over a run's final tables (`final_<table>`): each role with its duties (and summary) and, when its
# page is about it, that page's text (its sections, in order), cut to what the matcher reads.
# Roles are read a slice at a time (at most `ROLE_SLICE` of them, by their place in page order, holding
# at most `ROLE_SLICE_DUTIES` duties past their first role): the page text of every document at once is
# an aggregate DuckDB holds in memory (100,000 exported postings ran out of its cap), and the duties of
# every role at once a list Python holds.
ROLE_SLICE = 5_000
ROLE_SLICE_DUTIES = 50_000


def release_reference() -> None:
    """Let go of the matcher's reference (about 110 MB of O*NET, SOC and ESCO tables and their indexes). A role
    coded afterwards loads it again, which takes a few seconds."""
    forget_reference()
    for cached in (_isco, _esco, load):
        cached.cache_clear()


def role_inputs_sql(low: int, high: int | None) -> str:
    """SQL: (role_id, title, aliases, duties, page text) of the final roles whose `_row` is in
    [low, high) (`high` None: to the end), in page order."""
    upper = "" if high is None else f" AND _row < {int(high)}"
    return f"""
WITH r AS (SELECT * FROM final_roles WHERE _row >= {int(low)}{upper}),
     du AS (SELECT role_id, list(text ORDER BY _row) AS texts FROM final_duties
            WHERE role_id IN (SELECT role_id FROM r) GROUP BY role_id),
     page AS (SELECT document_id, left(string_agg(text, chr(10) ORDER BY _row), {TEXT_CHARS}) AS text
              FROM final_sections WHERE document_id IN (SELECT document_id FROM r WHERE is_primary)
              GROUP BY document_id)
SELECT r.role_id, r.title, r.aliases,
       list_concat(coalesce(du.texts, []), CASE WHEN r.summary IS NULL THEN [] ELSE [r.summary] END) AS duties,
       CASE WHEN r.is_primary THEN page.text END AS page_text
FROM r
LEFT JOIN du ON du.role_id = r.role_id
LEFT JOIN page ON page.document_id = r.document_id
ORDER BY r._row"""


def document_role_inputs(tables: dict[str, list[dict]]) -> tuple | None:
    """One page's rows (`process_document`) as the input `role_occupation_rows` takes for its primary
    role, read as the run reads the final tables (`role_inputs_sql`); None when no role is primary."""
    role = next((r for r in tables.get("role_documents", []) if r.get("is_primary")), None)
    if role is None:
        return None
    duties = [d["text"] for d in tables.get("duties", []) if d.get("role_id") == role["role_id"]]
    duties += [role["summary"]] if role.get("summary") else []
    page = "\n".join(s["text"] for s in tables.get("sections", []) if s.get("text") is not None)[:TEXT_CHARS]
    return role["role_id"], role.get("title"), role.get("aliases"), duties, page
