"""Extraction accuracy against gold answers: `roledata eval` and `make accuracy`.

Every document named in a gold file is read from the raw folder and run
through `process_document` (the library itself: no warehouse, no Prefect),
and its rows are compared with the gold's answers, field by field.

Gold file: ``{"about" | "_about": "...", "docs": {file_name: {...}}}``. Per
document, every key is optional; a document is scored for a field only when
its gold has that field's key.

How facts are matched (kept deliberately modest, so a figure means the same
thing from one run to the next):

- **title**: a document whose gold says `"not_a_role": true` is right when
  it is rejected with a reason starting "not about a role", wrong when it is
  given a title. Otherwise, the primary role's title (`roles.is_primary`) against the
  acceptable titles. Both sides are compared after `norm_title`: Unicode NFKC,
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

Rows are scored as a run would publish them: after the row checks that send
failing rows (implausible pay, a code outside the contract) to `rejects`.

Recall = gold facts found / gold facts, one row finding at most one fact (a
fact listed twice needs two rows). Precision = extracted rows that match some
gold fact / extracted rows scored, over the documents whose gold has the
field. A lost, rejected or crashed document finds nothing, so its facts are
misses.

Salaries are *recall only* for a gold file in which any document has a
`salaries_unverified` key (job postings: the gold lists one salary of the
several a posting may state), or when the caller says so (`--recall-only`).
Precision is still computed and reported, marked, as a lower bound.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from roledata.files import write_atomic
from roledata.run.fingerprint import parser_fingerprint

FIELDS = ("title", "salaries", "growth", "education", "experience", "certifications", "tools", "related_roles")
# Fields whose precision can be declared a lower bound.
RECALL_ONLY_FIELDS = frozenset(FIELDS) - {"title"}
_TECH_CATEGORIES = frozenset({"programming_language", "ml_framework", "cloud_platform", "mlops", "data_platform",
                              "vector_database", "llm_tooling", "responsible_ai", "developer_tool"})
_EDUCATION_ALIASES = {"phd": "doctorate", "ph.d.": "doctorate", "doctoral": "doctorate", "masters": "master",
                      "master's": "master", "bachelors": "bachelor", "bachelor's": "bachelor",
                      "associates": "associate", "associate's": "associate", "high school": "high_school"}
_FIXED_SEEN_AT = datetime(2000, 1, 1, tzinfo=timezone.utc)


class GoldError(ValueError):
    """The gold file cannot be read or is not a gold file."""


@dataclass(frozen=True)
class Gold:
    path: str
    about: str
    docs: dict[str, dict]
    recall_only: frozenset[str]


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


@dataclass
class EvalResult:
    raw_dir: str
    gold_path: str
    fields: dict[str, FieldScore]
    documents: dict[str, int]
    rejected_reasons: dict[str, int]
    docs: list[DocumentScore]

    def worst(self, n: int) -> list[DocumentScore]:
        ranked = sorted((d for d in self.docs if d.missed_count), key=lambda d: (-d.missed_count, d.file))
        return ranked[:n]

    def to_dict(self, details: bool = True) -> dict:
        """Everything as JSON-ready data. details=False keeps, per document, only its status and
        missed counts per field: no text read from the pages or their gold (for corpora whose
        text must not be copied into the project)."""
        docs = [d.to_dict() if details else
                {"file": d.file, "status": d.status, "missed_count": d.missed_count,
                 "missed": {k: len(v) for k, v in d.missed.items()},
                 "wrong": {k: len(v) for k, v in d.wrong.items()},
                 "forbidden": {k: len(v) for k, v in d.forbidden.items()}}
                for d in self.docs]
        return {"raw_dir": self.raw_dir, "gold": self.gold_path, "documents": self.documents,
                "rejected_reasons": self.rejected_reasons,
                "fields": {name: s.to_dict() for name, s in self.fields.items()},
                "docs": docs}


# ------------------------------------------------------------------ gold

def load_gold(path: str | Path, recall_only: set[str] | frozenset[str] = frozenset()) -> Gold:
    """Read and check a gold file; GoldError with one clear message when it is not one."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldError(f"gold file not found: {path}") from None
    except IsADirectoryError:
        raise GoldError(f"gold path is a folder, not a file: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"cannot read the gold file {path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise GoldError(f"gold file is not valid JSON: {path}: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("docs"), dict):
        raise GoldError(f"not a gold file (no \"docs\" object): {path}")
    for name, doc in data["docs"].items():
        if not isinstance(doc, dict):
            raise GoldError(f"gold file {path}: the answers for {name!r} are not an object")
    unknown = set(recall_only) - RECALL_ONLY_FIELDS
    if unknown:
        raise GoldError(f"unknown field(s) for recall only: {', '.join(sorted(unknown))} "
                        f"(choose from {', '.join(sorted(RECALL_ONLY_FIELDS))})")
    declared = set(recall_only)
    if any("salaries_unverified" in doc for doc in data["docs"].values()):
        declared.add("salaries")
    about = data.get("about") or data.get("_about") or ""
    return Gold(str(path), str(about), data["docs"], frozenset(declared))


# ------------------------------------------------------------------ normalisation

def norm_title(text: str | None) -> str:
    """Case folded, white space collapsed, no spaces around "/", "&" read as "and"."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"\s*&\s*", " and ", text)
    text = re.sub(r"\s*/\s*", "/", text)
    return re.sub(r"\s+", " ", text).strip()


def norm_name(text: str | None) -> str:
    """For skill and certification names: case folded, "&" read as "and", punctuation
    other than + and # turned into spaces ("Weights & Biases" = "weights and biases")."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^\w+#]+", " ", text).split())


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

def _skill_vocabulary() -> dict[str, dict]:
    from roledata.extract.skills import skills_table

    return {s["skill_id"]: s for s in skills_table()}


def score_document(name: str, gold: dict, status: str, reason: str | None, tables: dict[str, list[dict]],
                   scores: dict[str, FieldScore], vocabulary: dict[str, dict]) -> DocumentScore:
    """Compare one document's rows with its gold, adding to `scores`."""
    roles = tables.get("roles", [])
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
        record("salaries", _match(_salary_facts(gold["salaries"]), salary_rows,
                                  _salary_facts(gold.get("salaries_optional"))), salary_rows)
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
    return doc


# ------------------------------------------------------------------ the whole folder

def read_documents(raw_dir: Path, names: list[str]) -> dict[str, tuple[str, str | None, dict[str, list[dict]]]]:
    """(status, reason, tables) per file: parsed, rejected, crashed or lost. The rows are those
    a run would publish: they go through the same row checks (provenance, the contract's types,
    codes and ranges, plausible pay) that move failing rows to `rejects`."""
    from roledata.extract.document import process_document
    from roledata.extract.document import check_documents

    out: dict[str, tuple[str, str | None, dict[str, list[dict]]]] = {}
    parsed = []
    for name in names:
        path = raw_dir / name
        if not path.is_file():
            out[name] = ("lost", "file not found", {})
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            out[name] = ("lost", f"{type(exc).__name__}: {exc.strerror or exc}", {})
            continue
        try:
            result = process_document(name, data, _FIXED_SEEN_AT)
        except Exception as exc:  # process_document should never raise; if it does, count it
            out[name] = ("crashed", f"parser error: {type(exc).__name__}: {exc}", {})
            continue
        reason = result.document.get("status_reason")
        if result.document.get("status") == "rejected":
            out[name] = ("crashed" if str(reason or "").startswith("parser error") else "rejected", reason, {})
            continue
        parsed.append((name, result))
    check_documents([result for _, result in parsed])
    for name, result in parsed:
        out[name] = ("parsed", result.document.get("status_reason"), result.tables)
    return out


def evaluate_documents(raw_dir: str | Path, gold: Gold) -> EvalResult:
    """Score every document the gold names (read from `raw_dir`) against its answers."""
    raw_dir = Path(raw_dir)
    scores = {f: FieldScore(f, recall_only=f in gold.recall_only) for f in FIELDS}
    vocabulary = _skill_vocabulary()
    docs: list[DocumentScore] = []
    counts = Counter()
    reasons: Counter = Counter()
    names = sorted(gold.docs)
    read = read_documents(raw_dir, names)
    for name in names:
        status, reason, tables = read[name]
        counts[status] += 1
        if status in ("rejected", "crashed"):
            reasons[_short(reason or "", 80)] += 1
        docs.append(score_document(name, gold.docs[name], status, reason, tables, scores, vocabulary))
    documents = {"total": len(gold.docs), **{k: counts.get(k, 0) for k in ("parsed", "lost", "rejected", "crashed")}}
    return EvalResult(str(raw_dir), gold.path, scores, documents, dict(reasons.most_common()), docs)


# ------------------------------------------------------------------ output

def _pct(v: float | None) -> str:
    return "-" if v is None else f"{100 * v:.1f}%"


def _short(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _list(items: list[str], width: int) -> str:
    return _short(", ".join(items), width) if items else "(none)"


def format_table(result: EvalResult, worst: int = 10) -> str:
    """The readable report: one row per scored field, the documents line, the worst misses."""
    header = ["field", "gold facts", "found", "recall", "extracted", "correct", "precision", "forbidden"]
    rows = []
    for name in FIELDS:
        s = result.fields[name]
        if not s.documents and not s.forbidden:
            continue
        precision = _pct(s.precision) + ("*" if s.recall_only and s.precision is not None else "")
        forbidden = str(s.forbidden) if name in ("salaries", "growth") else "-"
        rows.append([name, str(s.gold), str(s.found), _pct(s.recall), str(s.extracted), str(s.correct),
                     precision, forbidden])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
             for r in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    if not rows:
        lines.append("(no field of the gold was scored)")
    if any(result.fields[f].recall_only for f in FIELDS):
        marked = ", ".join(f for f in FIELDS if result.fields[f].recall_only)
        lines.append(f"* recall only ({marked}): the gold lists only some of these facts, "
                     "so precision is a lower bound")
    d = result.documents
    lines.append(f"documents: {d['total']} in gold, {d['parsed']} parsed, {d['lost']} lost, "
                 f"{d['rejected']} rejected, {d['crashed']} crashed")
    for reason, n in result.rejected_reasons.items():
        lines.append(f"  {n} x {reason}")
    bad = result.worst(worst)
    if bad:
        lines.append(f"worst misses (documents with the most missed gold facts, top {len(bad)}):")
        for doc in bad:
            status = "" if doc.status == "parsed" else f" [{doc.status}: {_short(doc.reason or '', 60)}]"
            lines.append(f"  {doc.file}: {doc.missed_count} missed{status}")
            for fname, missed in doc.missed.items():
                got = doc.extracted.get(fname, [])
                lines.append(f"    {fname}: expected {_list(missed, 70)}; extracted {_list(got, 70)}")
    return "\n".join(lines)


def write_json(result: EvalResult | dict, path: str | Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = result.to_dict() if isinstance(result, EvalResult) else result
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")


# ------------------------------------------------------------------ the reference set

def reference_corpora(root: Path) -> list[tuple[str, Path, Path]]:
    """The project's own pages with gold, as (label, folder, gold file): the samples in raw/
    (tests/gold/seeds.json) and every tests/pages/<name>/ described by tests/gold/<name>.json."""
    gold_dir = root / "tests" / "gold"
    found = []
    if (gold_dir / "seeds.json").is_file() and (root / "raw").is_dir():
        found.append(("samples", root / "raw", gold_dir / "seeds.json"))
    for gold in sorted(gold_dir.glob("*.json")) if gold_dir.is_dir() else []:
        pages = root / "tests" / "pages" / gold.stem
        if gold.stem != "seeds" and pages.is_dir():
            found.append((gold.stem, pages, gold))
    return found


SHIPPED = Path(__file__).resolve().parents[1] / "data" / "reference_accuracy.json"


def reference_accuracy(root: Path) -> dict | None:
    """Recall and precision per field on the reference set (the project's own test pages and the
    samples), with the parser fingerprint they were measured with; None without the test pages."""
    corpora = reference_corpora(root)
    if not corpora:
        return None
    summary = {"parser": parser_fingerprint(),
               "reference_set": "the project's own test pages with hand-written gold answers (tests/pages, tests/gold)",
               "corpora": {}}
    for label, folder, gold in corpora:
        result = evaluate_documents(folder, load_gold(gold))
        summary["corpora"][label] = {
            "documents": result.documents,
            "fields": {name: {"gold": s.gold, "recall": _rounded(s.recall), "precision": _rounded(s.precision)}
                       for name, s in result.fields.items() if s.documents},
            "forbidden_hits": {"salaries": result.fields["salaries"].forbidden,
                               "growth": result.fields["growth"].forbidden},
        }
    return summary


def write_reference_accuracy(root: Path, path: Path = SHIPPED) -> dict | None:
    """Measure the reference set and write what the package ships (`make accuracy` does this): the
    figures every snapshot's manifest carries, keyed by the parser that was measured."""
    summary = reference_accuracy(root)
    if summary is not None:
        write_atomic(path, json.dumps(summary, indent=2) + "\n")
    return summary


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
