"""Make a benchmark corpus of N role pages by varying the sample pages.

    python benchmarks/make_corpus.py OUT_DIR --pages 10000 [--seed 7] [--raw raw]

Each page starts from one sample and gets, chosen by a seeded random
generator (the same seed and N always give the same bytes):
- another role title, everywhere the sample's title appears;
- other pay and percentage figures (scaled, rounded the way pages round);
- page sections in another order, and sometimes one or two dropped;
- another bullet style (`-`, `*`, `•`).
Page sizes and structure therefore look like the real families. Nothing
is committed: the corpus is written where you say.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

from roledata.parse import parse_outline
from roledata.parse.outline import section_ranges
from roledata.text import slugify

SENIORITY = ["Senior", "Staff", "Principal", "Lead", "Head of", "Director of", "VP of", "Chief"]
DOMAIN = ["AI", "Machine Learning", "MLOps", "Computer Vision", "NLP", "Generative AI", "AI Platform",
          "Applied AI", "Data Science", "Robotics AI", "Conversational AI", "AI Safety"]
ROLE = ["Engineer", "Engineering", "Scientist", "Architect", "Research", "Product", "Infrastructure"]
BULLETS = ["- ", "* ", "• "]
_MONEY = re.compile(r"\$(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)([KkMm]?)")
_PERCENT = re.compile(r"(?<![\d.])(\d{1,3})%")
_BULLET = re.compile(r"^(\s*)[-*•] ", re.M)


def make_title(rng: random.Random) -> str:
    seniority, domain, role = rng.choice(SENIORITY), rng.choice(DOMAIN), rng.choice(ROLE)
    if seniority.endswith(" of"):
        return f"{seniority} {domain} {role}" if role not in ("Engineer", "Scientist", "Architect") else f"{seniority} {domain}"
    return f"{seniority} {domain} {role if role in ('Engineer', 'Scientist', 'Architect') else 'Engineer'}"


def _scale_money(match: re.Match[str], factor: float) -> str:
    digits, suffix = match.group(1), match.group(2)
    value = float(digits.replace(",", "")) * factor
    if suffix:
        return f"${value:.0f}{suffix}" if value >= 10 else f"${value:.1f}{suffix}"
    return f"${round(value, -3):,.0f}" if value >= 1000 else f"${value:.0f}"


def vary(text: str, rng: random.Random) -> str:
    outline = parse_outline(text)
    if outline.title is not None:
        text = text.replace(outline.title.text, make_title(rng))
        outline = parse_outline(text)
    factor = rng.uniform(0.8, 1.25)
    text = _MONEY.sub(lambda m: _scale_money(m, factor), text)
    text = _PERCENT.sub(lambda m: f"{max(1, round(int(m.group(1)) * rng.uniform(0.7, 1.4)))}%", text)
    text = _reorder_sections(text, rng)
    bullet = rng.choice(BULLETS)
    return _BULLET.sub(lambda m: m.group(1) + bullet, text)


def _reorder_sections(text: str, rng: random.Random) -> str:
    """Shuffle the page sections after the first; sometimes drop one or two."""
    outline = parse_outline(text)
    top = [s for s in outline.sections if s.level == 1]
    if len(top) < 4:
        return text
    ranges = section_ranges(outline.sections, len(text))
    spans = [ranges[s.ordinal] for s in top]
    head, body = text[:spans[1][0]], [text[start:end] for start, end in spans[1:]]
    body = [part if part.endswith("\n") else part + "\n" for part in body]
    if rng.random() < 0.5:
        rng.shuffle(body)
    for _ in range(rng.choice([0, 0, 1, 2])):
        body.pop(rng.randrange(len(body)))
    return head + "".join(body)


def make_corpus(out: Path, pages: int, seed: int = 7, raw: Path = Path("raw")) -> list[Path]:
    samples = [p.read_text(encoding="utf-8") for p in sorted(raw.iterdir()) if p.is_file()]
    if not samples:
        raise SystemExit(f"no sample pages in {raw}")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(pages):
        rng = random.Random(f"{seed}-{i}")
        page = vary(samples[i % len(samples)], rng)
        title = parse_outline(page).title
        path = out / f"{i:06d}_{slugify(title.text if title else 'page')}.txt"
        path.write_text(page, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--raw", type=Path, default=Path(__file__).resolve().parents[1] / "raw")
    args = parser.parse_args(argv)
    written = make_corpus(args.out, args.pages, args.seed, args.raw)
    print(f"{len(written)} pages in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
