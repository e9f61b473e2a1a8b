"""Scoring one document: its rows against its gold answers, field by field.

How facts are matched (kept deliberately modest, so a figure means the same
thing from one run to the next):

- **title**: a document whose gold says `"not_a_role": true` is right when
  it is rejected with a reason starting "not about a role", wrong when it is
  given a title. Otherwise, the document's own primary title (its `role_documents` row with
  `is_primary`: the title as this document writes it, never the `roles` dimension's title, which
  another document about the same role may have given) against the acceptable titles. Both sides are compared after `norm_title`: Unicode NFKC,
  case folded, white space collapsed, no spaces around "/", "&" read as
  "and". Recall = accuracy (documents with an acceptable title / documents
  scored); precision = the same over documents that produced a title.
- **salaries**: a gold salary is found when some salaries row has
  (amount_min, amount_max) equal to one of its `shapes` (null = NULL) and
  `period` equal to the gold period ("year" when the gold states none).
  A gold `role` other than "self" restricts the match to rows of a role whose
  title equals it (`norm_title`); "self" or no role: rows of any role.
  `salaries_unverified` is ignored.
- **growth**: `{"percent": x}` matches a growth_stats row with unit percent,
  value x and no other upper figure; `{"percent_range": [a, b]}` matches
  value a with value_max b exactly (a row inside the range is not the
  range); `{"value": v, "unit": u}` (the sample gold) matches that unit
  (case-insensitive, so "usd" = "USD") and value. Periods are not compared.
  When a document's gold growth is written only in the percent forms, only
  its percent rows are scored for precision (the gold lists no other kind).
- **education**: distinct degree levels, compared to
  `education_requirements.level` (the gold uses the same codes; a few
  spellings such as "phd" or "masters" are mapped).
- **experience**: `[min, max]` years against (years_min, years_max), with 0
  and null both meaning "no lower end" ("less than 5 years" is [0, 5] or
  [null, 5]). An open `[a, null]` beside a closed `[a, b]` in the same
  document is one fact with two acceptable shapes ("1-6+ years").
- **certifications**: the names match when, after `norm_name`, every word of
  one is among the words of the other (containment either way).
- **tools** (gold `tools` or `technologies`): a name matches a role_skills
  row whose skill's name or alias equals it (`norm_name`), or a
  skill_candidates term. Precision counts role_skills rows of technology
  categories only (not techniques, domain knowledge or soft skills).
- **related_roles**: titles against `related_roles.related_title`
  (`norm_title`).
- `not_salary_amounts` / `not_growth_percents`: an extracted salary with
  either amount equal to one of them (a percent growth row with value or
  value_max equal) is a *forbidden hit*, counted whatever else it matches.
- `*_optional` (salaries, growth, experience): rows matching them are left out
  of precision; missing them is no miss.
- `ambiguous_amounts`: figures that are neither clearly pay nor clearly not (a
  hypothetical example, a per-mile rate, pay with benefits counted in): a
  salary row with either amount among them counts neither way: it is left
  out of precision, and (being no gold fact) it finds nothing.

- **employer**, **location**, **work_arrangement**, **employment_type**: one
  gold fact per document, from an export's structured fields, scored against
  `posting_facts` as `roledata.quality.posting_scoring` says (recall over the
  documents whose text states the gold fact, precision over those of them
  that gave a row).

Recall = gold facts found / gold facts, one row finding at most one fact (a
fact listed twice needs two rows). Precision = extracted rows that match some
gold fact / extracted rows scored, over the documents whose gold has the
field. A lost, rejected or crashed document finds nothing, so its facts are
misses.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Callable

from roledata.quality.gold import norm_name, norm_title
from roledata.quality.posting_scoring import posting_facts

_TECH_CATEGORIES = frozenset({"programming_language", "ml_framework", "cloud_platform", "mlops", "data_platform",
                              "vector_database", "llm_tooling", "responsible_ai", "developer_tool"})
_EDUCATION_ALIASES = {"phd": "doctorate", "ph.d.": "doctorate", "doctoral": "doctorate", "masters": "master",
                      "master's": "master", "bachelors": "bachelor", "bachelor's": "bachelor",
                      "associates": "associate", "associate's": "associate", "high school": "high_school"}


@dataclass
class FieldScore:
    field: str
    gold: int = 0        # gold facts (title: documents scored)
    found: int = 0       # gold facts found
    extracted: int = 0   # extracted rows scored for precision
    correct: int = 0     # of those, rows matching a gold fact
    forbidden: int = 0   # rows hitting a not_* figure
    documents: int = 0   # documents whose gold has the field
    recall_only: bool = False

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.extracted if self.extracted else None

    def to_dict(self) -> dict:
        return {**asdict(self), "recall": self.recall, "precision": self.precision}


@dataclass
class DocumentScore:
    file: str
    status: str  # parsed | rejected | crashed | lost
    reason: str | None = None
    title: str | None = None
    missed: dict[str, list[str]] = field(default_factory=dict)         # gold facts not found
    wrong: dict[str, list[str]] = field(default_factory=dict)          # extracted rows matching no gold fact
    extracted: dict[str, list[str]] = field(default_factory=dict)      # every scored row, short
    forbidden: dict[str, list[str]] = field(default_factory=dict)

    @property
    def missed_count(self) -> int:
        return sum(len(v) for v in self.missed.values())

    def to_dict(self) -> dict:
        return {**asdict(self), "missed_count": self.missed_count}


# ------------------------------------------------------------------ numbers

def _num(v) -> float | None:
    if v is None:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if f != f else round(f, 4)  # NaN -> None


def _same(a, b) -> bool:
    a, b = _num(a), _num(b)
    return a == b


def _fmt(v) -> str:
    v = _num(v)
    if v is None:
        return "?"
    return f"{v:.0f}" if v.is_integer() else f"{v:g}"


def _pair(lo, hi) -> str:
    lo, hi = _num(lo), _num(hi)
    if lo is not None and hi is None:
        return f"{_fmt(lo)}+"
    if lo is None and hi is not None:
        return f"up to {_fmt(hi)}"
    if lo == hi:
        return _fmt(lo)
    return f"{_fmt(lo)}-{_fmt(hi)}"


# ------------------------------------------------------------------ matching

@dataclass
class _Fact:
    label: str
    test: Callable[[dict], bool]


@dataclass
class _Row:
    label: str
    data: dict


@dataclass
class _Outcome:
    gold: int
    found: int
    missed: list[str]
    scored: list[_Row]        # rows counted for precision
    correct: int
    wrong: list[str]


def _max_matching(candidates: list[list[int]]) -> dict[int, int]:
    """A maximum one-to-one matching of facts to rows (Kuhn's algorithm): row -> fact."""
    owner: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or assign(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(candidates)):
        assign(i, set())
    return owner


def _match(facts: list[_Fact], rows: list[_Row], optional: list[_Fact] = ()) -> _Outcome:
    candidates = [[j for j, r in enumerate(rows) if f.test(r.data)] for f in facts]
    found = set(_max_matching(candidates).values())
    missed = [f.label for i, f in enumerate(facts) if i not in found]
    scored, correct, wrong = [], 0, []
    for j, r in enumerate(rows):
        hit = any(j in c for c in candidates)
        if not hit and any(f.test(r.data) for f in optional):
            continue
        scored.append(r)
        if hit:
            correct += 1
        else:
            wrong.append(r.label)
    return _Outcome(len(facts), len(found), missed, scored, correct, wrong)


def _salary_facts(entries: list) -> list[_Fact]:
    facts = []
    for entry in entries or []:
        if not isinstance(entry, dict):
            continue
        shapes = {(_num(s[0]), _num(s[1])) for s in entry.get("shapes") or [] if isinstance(s, (list, tuple)) and len(s) == 2}
        period = entry.get("period") or "year"
        role = entry.get("role")
        role_key = norm_title(role) if role and role != "self" else None

        def test(row: dict, shapes=shapes, period=period, role_key=role_key) -> bool:
            return ((_num(row.get("amount_min")), _num(row.get("amount_max"))) in shapes
                    and row.get("period") == period
                    and (role_key is None or row.get("_role_title") == role_key))

        first = next(iter(entry.get("shapes") or [[None, None]]))
        label = f"{_pair(*first)}/{period}" + (f" [{role}]" if role_key else "")
        facts.append(_Fact(label, test))
    return facts


def _ambiguous_facts(amounts: list | None) -> list[_Fact]:
    """One optional fact for the gold's `ambiguous_amounts`: a row with either amount among them."""
    values = {_num(v) for v in amounts or []} - {None}
    if not values:
        return []
    return [_Fact("ambiguous", lambda row: _num(row.get("amount_min")) in values or _num(row.get("amount_max")) in values)]


def _growth_fact(entry: dict) -> _Fact | None:
    if not isinstance(entry, dict):
        return None
    if entry.get("percent") is not None:
        unit, lo, hi, exact_range = "percent", entry["percent"], None, False
    elif isinstance(entry.get("percent_range"), (list, tuple)) and len(entry["percent_range"]) == 2:
        unit, (lo, hi), exact_range = "percent", entry["percent_range"], True
    elif entry.get("value") is not None:
        unit, lo, hi, exact_range = str(entry.get("unit") or "percent"), entry["value"], None, False
    else:
        return None

    def test(row: dict) -> bool:
        if str(row.get("unit") or "").casefold() != unit.casefold() or not _same(row.get("value"), lo):
            return False
        if exact_range:
            return _same(row.get("value_max"), hi)
        return row.get("value_max") is None or _same(row.get("value_max"), lo)

    label = (f"{_fmt(lo)}-{_fmt(hi)}" if exact_range else _fmt(lo)) + ("%" if unit == "percent" else f" {unit}")
    return _Fact(label, test)


def _growth_label(row: dict) -> str:
    value = _fmt(row.get("value")) + (f"-{_fmt(row.get('value_max'))}" if row.get("value_max") is not None else "")
    unit = row.get("unit")
    return value + ("%" if unit == "percent" else f" {unit}")


def _experience_shapes(entries: list) -> list[set[tuple]]:
    """Gold experience entries -> facts, each a set of acceptable (min, max) shapes."""
    shapes: list[tuple] = []
    for e in entries or []:
        if isinstance(e, (list, tuple)) and len(e) == 2:
            s = _exp_shape(e[0], e[1])
            if s not in shapes:
                shapes.append(s)
    facts: list[set[tuple]] = []
    for s in shapes:
        if s[0] is not None and s[1] is None:  # "a+" beside "a-b": one fact
            twin = next((f for f in facts if any(x[0] == s[0] and x[1] is not None for x in f)), None)
            if twin is not None:
                twin.add(s)
                continue
        elif s[1] is not None:
            twin = next((f for f in facts if any(x[0] == s[0] and x[0] is not None and x[1] is None for x in f)), None)
            if twin is not None:
                twin.add(s)
                continue
        facts.append({s})
    return facts


def _exp_shape(lo, hi) -> tuple:
    lo = _num(lo)
    return (None if not lo else lo, _num(hi))


def _experience_facts(entries: list) -> list[_Fact]:
    out = []
    for shapes in _experience_shapes(entries):
        first = sorted(shapes, key=lambda s: (s[1] is None, s))[0]
        out.append(_Fact(f"{_pair(*first)} years",
                         lambda row, shapes=shapes: _exp_shape(row.get("years_min"), row.get("years_max")) in shapes))
    return out


def _words_contained(a: str, b: str) -> bool:
    wa, wb = set(norm_name(a).split()), set(norm_name(b).split())
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _names(entries) -> list[str]:
    return [str(x) for x in entries or [] if isinstance(x, str) and x.strip()]


# ------------------------------------------------------------------ scoring one document

def score_document(name: str, gold: dict, status: str, reason: str | None, tables: dict[str, list[dict]],
                   scores: dict[str, FieldScore], vocabulary: dict[str, dict], text: str | None = None) -> DocumentScore:
    """Compare one document's rows with its gold, adding to `scores`. `text`: the decoded document
    (the posting fields count a gold fact for recall only where the text states it)."""
    # The document's own roles: one `role_documents` row per role it describes (primary) or lists.
    roles = tables.get("role_documents", [])
    role_titles = {r.get("role_id"): norm_title(r.get("title")) for r in roles}
    primary = next((r.get("title") for r in roles if r.get("is_primary")), None)
    doc = DocumentScore(name, status, reason, primary)

    def record(fname: str, outcome: _Outcome, all_rows: list[_Row]) -> None:
        s = scores[fname]
        s.documents += 1
        s.gold += outcome.gold
        s.found += outcome.found
        s.extracted += len(outcome.scored)
        s.correct += outcome.correct
        if outcome.missed:
            doc.missed[fname] = outcome.missed
        if outcome.wrong:
            doc.wrong[fname] = outcome.wrong
        if all_rows:
            doc.extracted[fname] = [r.label for r in all_rows]

    if gold.get("not_a_role") or "title" in gold:
        s = scores["title"]
        s.documents += 1
        s.gold += 1
        if primary is not None:
            s.extracted += 1
            doc.extracted["title"] = [primary]
        if gold.get("not_a_role"):  # right when rejected as not about a role, wrong when given a title
            if primary is not None:
                doc.wrong["title"] = [primary]
            elif status == "rejected" and (reason or "").startswith("not about a role"):
                s.found += 1
            else:
                doc.missed["title"] = ["(rejected as not about a role)"]
        elif primary is not None and norm_title(primary) in {norm_title(t) for t in _names(gold["title"])}:
            s.found += 1
            s.correct += 1
        else:
            doc.missed["title"] = [" | ".join(_names(gold["title"])[:3]) or "?"]

    salaries = [dict(r, _role_title=role_titles.get(r.get("role_id"))) for r in tables.get("salaries", [])]
    salary_rows = [_Row(f"{_pair(r.get('amount_min'), r.get('amount_max'))}/{r.get('period')}", r) for r in salaries]
    if "salaries" in gold:
        optional = _salary_facts(gold.get("salaries_optional")) + _ambiguous_facts(gold.get("ambiguous_amounts"))
        record("salaries", _match(_salary_facts(gold["salaries"]), salary_rows, optional), salary_rows)
    if "not_salary_amounts" in gold:
        banned = {_num(v) for v in gold["not_salary_amounts"] or []} - {None}
        hits = [r.label for r in salary_rows
                if _num(r.data.get("amount_min")) in banned or _num(r.data.get("amount_max")) in banned]
        scores["salaries"].forbidden += len(hits)
        if hits:
            doc.forbidden["salaries"] = hits

    growth = tables.get("growth_stats", [])
    if "growth" in gold:
        entries = [e for e in gold["growth"] or [] if isinstance(e, dict)]
        optional = [e for e in gold.get("growth_optional") or [] if isinstance(e, dict)]
        percent_only = bool(entries + optional) and all(
            ("percent" in e or "percent_range" in e) for e in entries + optional)
        rows = [_Row(_growth_label(r), r) for r in growth if not percent_only or r.get("unit") == "percent"]
        facts = [f for f in map(_growth_fact, entries) if f]
        record("growth", _match(facts, rows, [f for f in map(_growth_fact, optional) if f]), rows)
    if "not_growth_percents" in gold:
        banned = {_num(v) for v in gold["not_growth_percents"] or []} - {None}
        hits = [_growth_label(r) for r in growth if r.get("unit") == "percent"
                and (_num(r.get("value")) in banned or _num(r.get("value_max")) in banned)]
        scores["growth"].forbidden += len(hits)
        if hits:
            doc.forbidden["growth"] = hits

    if "education" in gold:
        levels = []
        for level in _names(gold["education"]):
            code = _EDUCATION_ALIASES.get(level.strip().casefold(), level.strip().casefold())
            if code not in levels:
                levels.append(code)
        facts = [_Fact(code, lambda row, code=code: row.get("level") == code) for code in levels]
        rows = [_Row(str(r.get("level")), r) for r in tables.get("education_requirements", [])]
        record("education", _match(facts, rows), rows)

    if "experience" in gold:
        rows = [_Row(f"{_pair(*_exp_shape(r.get('years_min'), r.get('years_max')))} years", r)
                for r in tables.get("experience_requirements", [])]
        record("experience", _match(_experience_facts(gold["experience"]), rows,
                                    _experience_facts(gold.get("experience_optional"))), rows)

    if "certifications" in gold:
        facts = [_Fact(n, lambda row, n=n: _words_contained(n, row.get("name") or "")) for n in _names(gold["certifications"])]
        rows = [_Row(str(r.get("name")), r) for r in tables.get("certifications", [])]
        record("certifications", _match(facts, rows), rows)

    if "tools" in gold or "technologies" in gold:
        wanted = list(dict.fromkeys(_names(gold.get("tools")) + _names(gold.get("technologies"))))
        rows = []
        for r in tables.get("role_skills", []):
            skill = vocabulary.get(r.get("skill_id"))
            if skill is None or skill["category"] not in _TECH_CATEGORIES:
                continue
            rows.append(_Row(skill["name"], {"_names": {norm_name(n) for n in [skill["name"], *(skill["aliases"] or [])]}}))
        rows += [_Row(str(r.get("term")), {"_names": {norm_name(r.get("term"))}}) for r in tables.get("skill_candidates", [])]
        facts = [_Fact(n, lambda row, key=norm_name(n): key in row["_names"]) for n in wanted]
        record("tools", _match(facts, rows), rows)

    if "related_roles" in gold:
        facts = [_Fact(t, lambda row, key=norm_title(t): norm_title(row.get("related_title")) == key)
                 for t in _names(gold["related_roles"])]
        rows = [_Row(str(r.get("related_title")), r) for r in tables.get("related_roles", [])]
        record("related_roles", _match(facts, rows), rows)

    for fname, fact in posting_facts(gold, text or "").items():
        s = scores[fname]
        # A location row that names no place ("Remote") claims none: it is not scored.
        rows = [r for r in tables.get("posting_facts", []) if r.get("fact") == fname
                and (fname != "location" or r.get("country"))]
        hit = any(fact.matches(r) for r in rows)
        s.documents += 1
        if fact.stated:
            s.gold += 1
            s.found += hit
            if not hit:
                doc.missed[fname] = [fact.label]
        if rows and fact.stated:  # a gold fact the text does not state can neither confirm nor refute a row
            s.extracted += 1
            s.correct += hit
            doc.extracted[fname] = [str(r.get("value")) for r in rows]
            if not hit:
                doc.wrong[fname] = [str(r.get("value")) for r in rows]
    return doc


