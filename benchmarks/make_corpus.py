"""Make a benchmark corpus of N role pages that looks like a real crawl.

    python benchmarks/make_corpus.py OUT_DIR --pages 10000 [--seed 7] [--raw raw] [--templates tests/pages]

Two shapes, as in real corpora (about 60/40):
- career-guide pages, from the long sample pages in raw/ and the shorter
  guide pages in tests/pages/guides/ (text and Markdown, other encodings);
- job postings, from tests/pages/postings/.
Templates the parser rejects (a file manifest, a cookie notice) are left out.

Every page gets its own role. A title is seniority x industry x domain x
function ("Senior Healthcare Computer Vision Engineer", "Staff MLOps Platform
Architect", "Lead Conversational AI Product Manager"; a function takes only
the seniorities real postings give it), or an executive form ("Head of
Fintech Fraud Detection Research"): 234,000 titles, every one a distinct
role id, role-headed as the parser wants it. Page i takes title number P(i)
of a seeded permutation P (a small Feistel network), so titles never repeat
and the first N pages of a bigger corpus are the N-page corpus. Half the
postings add a team area to their title line (", Search", " - Payments",
" (Maps)"); guides never do (the parser drops a bracket on many guide
layouts, and the area alone must not be what tells two roles apart). The
title replaces the template's own everywhere it appears: the title line
gets the full title, other mentions the title without area, in the plural,
lower case or after "a"/"an" as the template wrote them.

Then, per page and from a generator seeded by (seed, page number): pay and
percentage figures scaled (one factor a page, so ranges stay ordered, and
rounded the way pages round), the page sections after the title's in another
order and sometimes one or two of them dropped, and one bullet style
(`-`, `*`, `•`). Pages are written in their template's encoding.

Same seed and N, same bytes (for the same templates and parser: a template
is cut along the title and sections the parser finds). Templates are cut into
literal text and slots once, so a page costs a join, not a parse: 100,000 pages take about 10 s.
Pages average about 3.2 KB (the samples in raw/ are 15-22 KB, the test pages
1-2.5 KB). On 10,000 pages (seed 7) 99.9% of the primary role ids the parser
extracts are distinct and no page is rejected. Nothing is committed: the
corpus is written where you say.
"""
from __future__ import annotations

import argparse
import functools
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from roledata.extract.document import process_document
from roledata.parse import parse_outline
from roledata.parse.outline import section_ranges
from roledata.parse.role_nouns import ROLE_NOUNS
from roledata.text import decode_bytes, slugify

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "tests" / "pages"
POSTING_SHARE = 0.4

# ---------------------------------------------------------------- titles
# Seniorities a function takes: every title reads like one a company would post.
_IC = ("", "Junior", "Associate", "Senior", "Staff", "Senior Staff", "Principal", "Lead", "Founding")
_IC_TOP = ("", "Senior", "Staff", "Senior Staff", "Principal", "Lead", "Distinguished", "Founding")
_SCIENCE = ("", "Junior", "Associate", "Senior", "Staff", "Principal", "Lead", "Distinguished", "Founding")
_MANAGER = ("", "Associate", "Senior", "Staff", "Principal", "Lead", "Group", "Founding")
_ADVISOR = ("", "Junior", "Associate", "Senior", "Principal", "Lead")
FUNCTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Engineer", _IC_TOP),
    ("Software Engineer", _IC),
    ("Research Engineer", _IC_TOP),
    ("Platform Engineer", _IC),
    ("Infrastructure Engineer", _IC),
    ("Reliability Engineer", _IC),
    ("Quality Engineer", _IC),
    ("Data Engineer", _IC),
    ("Developer", _IC),
    ("Research Scientist", _SCIENCE),
    ("Applied Scientist", _SCIENCE),
    ("Data Scientist", _SCIENCE),
    ("Researcher", _SCIENCE),
    ("Architect", ("", "Senior", "Staff", "Principal", "Lead", "Chief", "Distinguished")),
    ("Solutions Architect", ("", "Associate", "Senior", "Staff", "Principal", "Lead")),
    ("Platform Architect", ("", "Senior", "Staff", "Principal", "Lead")),
    ("Product Manager", _MANAGER),
    ("Technical Program Manager", _MANAGER),
    ("Engineering Manager", ("", "Senior", "Staff", "Principal", "Group")),
    ("Tech Lead", ("", "Senior", "Staff", "Principal")),
    ("Analyst", _ADVISOR),
    ("Consultant", _ADVISOR),
    ("Specialist", _ADVISOR),
    ("Product Owner", ("", "Associate", "Senior", "Lead")),
)
DOMAINS = (
    "AI", "Machine Learning", "Deep Learning", "Generative AI", "Computer Vision", "NLP",
    "Natural Language Processing", "Conversational AI", "Speech Recognition", "Speech Synthesis",
    "Recommender Systems", "Search Relevance", "Ranking", "Reinforcement Learning", "Robotics", "Perception",
    "Autonomy", "MLOps", "LLM", "LLMOps", "AI Safety", "Responsible AI", "AI Security", "Multimodal AI",
    "Edge AI", "Embedded ML", "Time Series Forecasting", "Sales Forecasting", "Fraud Detection",
    "Anomaly Detection", "Causal Inference", "Experimentation", "Knowledge Graph", "Information Retrieval",
    "Retrieval-Augmented Generation", "Vector Search", "Model Evaluation", "Model Optimization",
    "Distributed Training", "GPU Compute", "Feature Store", "Synthetic Data", "Data Labeling", "Document AI",
    "Medical Imaging", "Geospatial AI", "Audio ML", "Video Understanding", "Agentic AI", "Foundation Model",
    "Personalization", "AI Governance",
)
# An industry before the domain ("Senior Healthcare NLP Engineer"), first: none.
INDUSTRIES = ("", "Healthcare", "Fintech", "Retail", "Automotive", "Insurance", "Gaming", "Biotech", "Legal",
              "Energy", "Logistics", "Ads", "Media", "Telecom", "Cybersecurity", "Climate", "Manufacturing",
              "Public Sector", "Travel", "EdTech")
# Executive forms: "<exec> <industry> <domain> <team>", the team empty for "Head of Computer Vision".
EXECUTIVES = ("Head of", "Director of", "Senior Director of", "VP of", "Vice President of")
TEAMS = ("", "Engineering", "Research", "Product", "Platform", "Infrastructure", "Data Science",
         "Applied Science", "Solutions")
# A posting's title sometimes names the team's area: ", Search", " - Payments", " (Maps)".
AREAS = ("Search", "Ads Ranking", "Payments", "Healthcare", "Autonomous Driving", "Trust & Safety",
         "Recommendations", "Developer Platform", "Fraud Prevention", "Supply Chain", "Public Sector",
         "Financial Services", "Retail", "Cloud", "Maps", "Insurance", "Gaming", "Growth", "Core Platform")
AREA_SHARE = 0.5  # of postings
_PAIRS = tuple((seniority, function) for function, seniorities in FUNCTIONS for seniority in seniorities)
_FIELDS = tuple(" ".join(w for w in (industry, domain) if w) for industry in INDUSTRIES for domain in DOMAINS)
_REGULAR = len(_PAIRS) * len(_FIELDS)
TITLE_SPACE = _REGULAR + len(EXECUTIVES) * len(_FIELDS) * len(TEAMS)


def make_title(number: int) -> str:
    """Title number `number` (< TITLE_SPACE): "Senior Healthcare Computer Vision Engineer"."""
    if number < _REGULAR:
        (seniority, function), field = _PAIRS[number // len(_FIELDS)], _FIELDS[number % len(_FIELDS)]
        return " ".join(w for w in (seniority, field, function) if w)
    number -= _REGULAR
    number, team = divmod(number, len(TEAMS))
    executive, field = divmod(number, len(_FIELDS))
    return " ".join(w for w in (EXECUTIVES[executive], _FIELDS[field], TEAMS[team]) if w)


class Permutation:
    """A seeded bijection of range(n): a 4-round Feistel network on the next even
    power of two, walked until it lands inside range(n)."""

    def __init__(self, n: int, seed: int):
        bits = max(2, (n - 1).bit_length())
        bits += bits % 2
        self.n, self.half, self.mask = n, bits // 2, (1 << (bits // 2)) - 1
        rng = random.Random(f"titles-{seed}")
        self.keys = [rng.getrandbits(32) for _ in range(4)]

    def _round(self, x: int, key: int) -> int:
        x = (x * 0x9E3779B1 + key) & 0xFFFFFFFF
        x ^= x >> 15
        x = (x * 0x85EBCA6B) & 0xFFFFFFFF
        x ^= x >> 13
        return x & self.mask

    def __call__(self, i: int) -> int:
        if not 0 <= i < self.n:
            raise IndexError(f"{i} outside range({self.n})")
        x = i
        while True:
            left, right = x >> self.half, x & self.mask
            for key in self.keys:
                left, right = right, left ^ self._round(right, key)
            x = (left << self.half) | right
            if x < self.n:
                return x


def plural(title: str) -> str:
    """"Data Scientist" -> "Data Scientists"; "Head of AI" -> "Heads of AI"."""
    if " of " in title:
        head, rest = title.split(" of ", 1)
        words = head.split(" ")
        return " ".join([*words[:-1], words[-1] + "s"]) + " of " + rest
    return title + "s"


def lower(title: str) -> str:
    """Lower case as prose writes a title: acronyms stay ("senior NLP engineer")."""
    return " ".join(w if sum(c.isupper() for c in w) > 1 or any(c.isdigit() for c in w) else w.lower()
                    for w in title.split(" "))


def article(before: str, phrase: str) -> str:
    """"a" or "an" before `phrase`, capitalised like `before`."""
    first = phrase.split(" ", 1)[0]
    acronym = sum(c.isupper() for c in first) > 1
    vowel = first[0] in "AEFHILMNORSX" if acronym else first[0].lower() in "aeiou"
    word = "an" if vowel else "a"
    return word.capitalize() if before[0].isupper() else word


# ---------------------------------------------------------------- templates

@dataclass(frozen=True)
class Slot:
    kind: str  # title, money, percent, bullet
    text: str = ""  # title: the article as written ("" for none); money: currency; bullet: indent
    full: bool = False  # title: with the area (the title line, or the template's title with its own area)
    many: bool = False  # title: plural
    low: bool = False  # title: lower case
    number: str = ""  # money: digits as written; percent: the figure
    suffix: str = ""  # money: K or M


@dataclass
class Template:
    name: str
    shape: str  # guide or posting
    suffix: str  # .txt or .md
    encoding: str
    parts: list[list]  # the page head, then each top-level section: literal text and slots
    pinned: frozenset[int]  # parts holding the title line: they and the parts before them stay put


_MONEY = r"(?P<cur>[$£])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<unit>[KkMm](?![A-Za-z]))?"
_PERCENT = r"(?<![\d.,])(?P<pct>\d{1,3})%"
_BULLET = r"^(?P<indent>[ \t]*)[-*•] (?=\S)"
_LEVEL_WORD = re.compile(r"\s+(?:[IVX]{1,4}|[1-9])$")
_AREA_CUT = re.compile(r"\s*\([^()]*\)\s*$|(?:,\s+|\s+[-–—|]\s+).*$")


def _title_variants(title: str) -> dict[str, tuple[bool, bool, bool]]:
    """Every way the page may write its title -> (full, plural, lower) of its replacement."""
    bare = title
    while (cut := _AREA_CUT.sub("", bare)) != bare and cut:
        bare = cut
    variants: dict[str, tuple[bool, bool, bool]] = {}
    has_area = bare != title
    for name, full in ((title, has_area), (bare, False), (_LEVEL_WORD.sub("", bare), False)):
        words = name.split(" ")
        many = words[-1].endswith("s") and words[-1][:-1].lower() in ROLE_NOUNS
        one = " ".join([*words[:-1], words[-1][:-1]]) if many else name
        for form, is_many in ((one, False), (plural(one), True)):
            variants.setdefault(form, (full, is_many, False))
            if lower(form) != form:
                variants.setdefault(lower(form), (full, is_many, True))
    return variants


def _cut(text: str, pattern: re.Pattern[str], variants: dict, title_at: int) -> list:
    pieces: list = []
    at = 0
    for m in pattern.finditer(text):
        if m.start() > at:
            pieces.append(text[at:m.start()])
        at = m.end()
        if m.group("title") is not None:
            full, many, low = variants[m.group("title")]
            full = full or m.start("title") == title_at
            pieces.append(Slot("title", m.group("art") or "", full, many, low))
        elif m.group("cur") is not None:
            pieces.append(Slot("money", m.group("cur"), number=m.group("num"), suffix=m.group("unit") or ""))
        elif m.group("pct") is not None:
            pieces.append(Slot("percent", number=m.group("pct")))
        else:
            pieces.append(Slot("bullet", m.group("indent")))
    if at < len(text):
        pieces.append(text[at:])
    return pieces


_MOVABLE_KINDS = frozenset({"duties", "requirements", "qualifications", "skills", "salary", "benefits",
                            "education", "experience", "certifications"})


def _section_starts(text: str, outline) -> list[int]:
    """Where the parts that may change places start: the top-level sections after the first, or on
    a page with fewer than 4 (a posting), every section from the first about duties, requirements,
    pay and the like (the company, location and intro lines stay on top). Each from the start of
    its heading line ("## Pay" starts at "#")."""
    ranges = section_ranges(outline.sections, len(text))

    def start(section) -> int:
        return text.rfind("\n", 0, ranges[section.ordinal][0]) + 1

    top = [s for s in outline.sections if s.level == 1]
    if len(top) >= 4:
        return [start(s) for s in top[1:]]
    first = next((n for n, s in enumerate(outline.sections) if s.kind in _MOVABLE_KINDS), None)
    units = outline.sections[first:] if first is not None else []
    return [start(s) for s in units] if len(units) >= 3 else []


def load_template(path: Path, shape: str) -> Template | None:
    """A page cut into literal text and slots, or None when the parser finds no role on it."""
    data = path.read_bytes()
    if process_document(path.name, data).reject_reason:
        return None
    text, encoding = decode_bytes(data)
    outline = parse_outline(text)
    if outline.title is None:
        return None
    title = outline.title
    variants = _title_variants(title.text)
    mention = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
    pattern = re.compile(rf"(?:(?<!\w)(?P<art>[Aa]n?) )?(?<![\w-])(?P<title>{mention})(?![\w-])"
                         rf"|{_MONEY}|{_PERCENT}|{_BULLET}", re.M)
    bounds = sorted(set(_section_starts(text, outline)) | {0, len(text)})
    parts, pinned = [], set()
    for number, (start, end) in enumerate(zip(bounds, bounds[1:])):
        parts.append(_cut(text[start:end], pattern, variants, title.start - start))
        if start <= title.start < end:
            pinned.add(number)
    if not any(isinstance(p, Slot) and p.kind == "title" and p.full for part in parts for p in part):
        return None  # the title line was not found again: the page would keep its own title
    return Template(path.name, shape, path.suffix, encoding, parts, frozenset(pinned))


def load_templates(raw: Path, templates: Path | None) -> list[Template]:
    """Guide templates (raw/ and <templates>/guides) and posting templates (<templates>/postings)."""
    found = [(p, "guide") for p in sorted(raw.iterdir()) if p.is_file()]
    if templates is not None:
        for folder, shape in (("guides", "guide"), ("postings", "posting")):
            if (templates / folder).is_dir():
                found += [(p, shape) for p in sorted((templates / folder).iterdir()) if p.is_file()]
    found = [(p, shape) for p, shape in found if p.suffix in (".txt", ".md")]
    # Cut once per process for the same files (a test makes several corpora).
    key = tuple((str(p.resolve()), shape, p.stat().st_size, p.stat().st_mtime_ns) for p, shape in found)
    loaded = _load_all(key)
    if not loaded:
        raise SystemExit(f"no usable template pages in {raw} or {templates}")
    return loaded


@functools.lru_cache(maxsize=4)
def _load_all(files: tuple[tuple[str, str, int, int], ...]) -> list[Template]:
    return [t for path, shape, _, _ in files if (t := load_template(Path(path), shape))]


# ---------------------------------------------------------------- pages

BULLETS = ("- ", "* ", "• ")


def _money(slot: Slot, factor: float) -> str:
    digits = slot.number.replace(",", "")
    value = float(digits) * factor
    if slot.suffix:
        amount = f"{value:.0f}" if value >= 10 else f"{value:.1f}"
    elif "," in slot.number:
        amount = f"{round(value, -3):,.0f}" if value >= 1000 else f"{value:.0f}"
    elif "." in slot.number:
        amount = f"{value:.{len(digits.split('.')[1])}f}"
    else:
        amount = f"{round(value, -2):.0f}" if value >= 1000 else f"{value:.0f}"
    return slot.text + amount + slot.suffix


def render(template: Template, core: str, rng: random.Random) -> tuple[str, str]:
    """(page, its full title): one page from `template` about role `core`, the title's area
    (postings only), figures, section order and bullets drawn from `rng`."""
    qualifier = ""
    if template.shape == "posting" and rng.random() < AREA_SHARE:
        separator = rng.choice((", ", ", ", " - ", " – ", " ("))
        qualifier = separator + rng.choice(AREAS) + (")" if separator == " (" else "")
    forms: dict[tuple[bool, bool, bool], str] = {}
    for full in (False, True):
        for many in (False, True):
            name = plural(core) if many else core
            name += qualifier if full else ""
            forms[full, many, False], forms[full, many, True] = name, lower(name)
    money, percent = rng.uniform(0.8, 1.25), rng.uniform(0.7, 1.4)
    bullet = rng.choice(BULLETS)
    # The head and the section holding the title line stay first; the sections after them move.
    kept = max(template.pinned, default=0) + 1
    order = list(range(kept, len(template.parts)))
    if len(template.parts) >= 4 and len(order) >= 2:
        if rng.random() < 0.5:
            rng.shuffle(order)
        for _ in range(rng.choice((0, 0, 1, 2))):
            if len(order) > 2:
                order.pop(rng.randrange(len(order)))
    out: list[str] = []
    for number in (*range(kept), *order):
        if out and not out[-1].endswith("\n"):
            out.append("\n")
        for piece in template.parts[number]:
            if type(piece) is str:
                out.append(piece)
            elif piece.kind == "title":
                name = forms[piece.full, piece.many, piece.low]
                out.append(f"{article(piece.text, name)} {name}" if piece.text else name)
            elif piece.kind == "money":
                out.append(_money(piece, money))
            elif piece.kind == "percent":
                value = int(piece.number)
                out.append(f"{min(100, max(1, round(value * percent))) if value else 0}%")
            else:
                out.append(piece.text + bullet)
    return "".join(out), core + qualifier


def make_corpus(out: Path, pages: int, seed: int = 7, raw: Path = Path("raw"), *,
                templates: Path | None = TEMPLATES, posting_share: float = POSTING_SHARE) -> list[Path]:
    """Write `pages` pages to `out` (see the module doc); returns their paths in page order."""
    if pages > TITLE_SPACE:
        raise SystemExit(f"at most {TITLE_SPACE:,} pages: that many distinct titles")
    loaded = load_templates(raw, templates)
    guides = [t for t in loaded if t.shape == "guide"]
    postings = [t for t in loaded if t.shape == "posting"] or guides
    guides = guides or postings
    titles = Permutation(TITLE_SPACE, seed)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(pages):
        rng = random.Random(f"{seed}-{i}")
        pool = postings if rng.random() < posting_share else guides
        template = pool[rng.randrange(len(pool))]
        page, title = render(template, make_title(titles(i)), rng)
        try:
            data = page.encode(template.encoding)
        except UnicodeEncodeError:
            data = page.encode("utf-8")
        path = out / f"{i:06d}_{slugify(title)}{template.suffix}"
        path.write_bytes(data)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--raw", type=Path, default=ROOT / "raw", help="long sample guides [default: raw/]")
    parser.add_argument("--templates", type=Path, default=TEMPLATES,
                        help="folder with guides/ and postings/ template pages [default: tests/pages]")
    parser.add_argument("--posting-share", type=float, default=POSTING_SHARE)
    args = parser.parse_args(argv)
    written = make_corpus(args.out, args.pages, args.seed, args.raw, templates=args.templates,
                          posting_share=args.posting_share)
    print(f"{len(written)} pages in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
