"""Derive the compact reference tables roledata ships from the official files (`make reference`).

    python -m roledata.reference.build [--source ../shared/reference] [--out src/roledata/data/reference]
    python -m roledata.reference.build --check   # exit 1 when a shipped table differs from what this makes

Inputs are O*NET 30.2, SOC 2018, the BLS crosswalks, OEWS May 2025 and ESCO
v1.1.1 as published (see that folder's README). Each input's sha256 is checked
against the folder's `SHA256SUMS` before it is read: a changed file stops the
build. Only the CSV and tab-separated files are read (the folder's CSVs made
from the publishers' xlsx files), so building needs nothing beyond the
standard library.

Outputs (CSV, UTF-8, LF, only the columns roledata uses; see `TABLES` in
`roledata.reference`): occupations, O*NET occupations, titles (O*NET
occupation, alternate, short and reported titles, each with its folded key),
duty terms per O*NET occupation (TF-IDF weights of the task statements and
description), technology skills and their UNSPSC commodities, OEWS national
wages per SOC code, ESCO occupation labels, the reviewed ESCO skill links,
and `attribution.json` (each publisher's licence and the lines to credit).
Nothing is downloaded, at build time or at run time.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

from roledata.extract.skills import own_vocabulary
from roledata.extract.technology import examples, ordinary_words, vocabulary_rows
from roledata.occupations.text import ABBREVIATIONS, normalize_title, terms
from roledata.reference import ATTRIBUTION, REFERENCE_DIR, TABLES, reading_built
from roledata.reference.esco_links import UnreviewedLinks, esco_skill_links

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_SOURCE = ROOT.parent / "shared" / "reference"
TERMS_PER_OCCUPATION = 40  # the strongest duty terms kept per O*NET occupation
INPUTS = {
    "occupation_data": "onet/Occupation Data.txt", "alternate_titles": "onet/Alternate Titles.txt",
    "reported_titles": "onet/Sample of Reported Titles.txt", "technology_skills": "onet/Technology Skills.txt",
    "job_zones": "onet/Job Zones.txt", "tasks": "onet/Task Statements.txt",
    "soc_structure": "soc/soc_2018_structure.csv", "onet_to_soc": "crosswalks/2019_to_SOC_Crosswalk.csv",
    "isco_soc2010": "crosswalks/isco08_soc2010_crosswalk.csv", "soc2010_soc2018": "crosswalks/soc2010_soc2018_crosswalk.csv",
    "oews": "oews/national_M2025_dl.csv", "esco_occupations": "esco/occupations_en.csv", "esco_skills": "esco/skills_en.csv",
}


class ReferenceError(RuntimeError):
    """An input is missing or is not the published file (its sha256 differs)."""


# ------------------------------------------------------------------ reading, checked
def checked_inputs(source: Path) -> dict[str, Path]:
    """The inputs, each checked against SHA256SUMS (ReferenceError with the file's name when one differs)."""
    sums_file = source / "SHA256SUMS"
    if not sums_file.is_file():
        raise ReferenceError(f"no SHA256SUMS in {source}: not the reference folder")
    sums = {}
    for line in sums_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, name = line.split(None, 1)
            sums[name.strip().lstrip("*")] = digest
    paths = {}
    for key, name in INPUTS.items():
        path = source / name
        if name not in sums:
            raise ReferenceError(f"{name} is not listed in SHA256SUMS")
        if not path.is_file():
            raise ReferenceError(f"{name} is missing from {source}")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != sums[name]:
            raise ReferenceError(f"{name}: sha256 {digest} differs from SHA256SUMS ({sums[name]})")
        paths[key] = path
    return paths


def _rows(path: Path) -> list[dict[str, str]]:
    """A tab-separated O*NET file (CRLF) or a CSV, as dicts with trimmed cells."""
    delimiter = "\t" if path.suffix == ".txt" else ","
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k.strip(): (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh, delimiter=delimiter)]


# ------------------------------------------------------------------ the tables
def occupation_tables(inputs: dict[str, Path]) -> dict[str, list[dict]]:
    soc_rows = _rows(inputs["soc_structure"])
    majors = {r["soc_code"]: r["soc_title"] for r in soc_rows if r["soc_group"] == "Major"}
    detailed = [r for r in soc_rows if r["soc_group"] == "Detailed"]
    onet = _rows(inputs["occupation_data"])
    to_soc = {r["O*NET-SOC 2019 Code"]: r["2018 SOC Code"] for r in _rows(inputs["onet_to_soc"])}
    zones = {r["O*NET-SOC Code"]: r["Job Zone"] for r in _rows(inputs["job_zones"])}
    isco = isco_by_soc(inputs)
    onet_rows = [{"onet_soc_code": r["O*NET-SOC Code"], "soc_code": to_soc[r["O*NET-SOC Code"]], "title": r["Title"],
                  "job_zone": zones.get(r["O*NET-SOC Code"], "")} for r in onet]
    by_soc: dict[str, list[dict]] = defaultdict(list)
    for row in onet_rows:
        by_soc[row["soc_code"]].append(row)
    occupations = []
    for r in detailed:
        code = r["soc_code"]
        # The job zone of the SOC code's own O*NET occupation (".00"), else of its first one that has a zone.
        zoned = sorted((o for o in by_soc[code] if o["job_zone"]), key=lambda o: o["onet_soc_code"])
        primary, linked = isco.get(code, ("", []))
        occupations.append({"soc_code": code, "title": r["soc_title"], "major_code": r["major_code"],
                            "major_title": majors[r["major_code"]], "job_zone": zoned[0]["job_zone"] if zoned else "",
                            "isco_code": primary, "isco_codes": "|".join(linked)})
    return {"occupations": occupations, "onet_occupations": onet_rows}


def isco_by_soc(inputs: dict[str, Path]) -> dict[str, tuple[str, list[str]]]:
    """SOC 2018 code -> (primary ISCO-08 code, every ISCO-08 code linked), through SOC 2010 (two BLS
    crosswalks: BLS publishes no ISCO-08 to SOC 2018 table). Primary: the only one; else the only one
    BLS marks as a full (not partial) match; else the one whose title shares the most words with the
    SOC title, then the one linked to the fewest SOC 2018 codes (the most specific), then the lowest code."""
    to_2018: dict[str, list[str]] = defaultdict(list)
    soc_titles = {}
    for r in _rows(inputs["soc2010_soc2018"]):
        to_2018[r["soc2010_code"]].append(r["soc2018_code"])
        soc_titles[r["soc2018_code"]] = r["soc2018_title"]
    links: dict[str, dict[str, bool]] = defaultdict(dict)  # soc2018 -> isco -> full match
    isco_titles = {}
    for r in _rows(inputs["isco_soc2010"]):
        isco_titles[r["isco08_code"]] = r["isco08_title"]
        for soc in to_2018.get(r["soc2010_code"], []):
            full = r["part"] != "*"
            links[soc][r["isco08_code"]] = links[soc].get(r["isco08_code"], False) or full
    fanout = Counter(isco for codes in links.values() for isco in codes)

    def shared_words(soc: str, isco: str) -> int:
        return len(set(terms(soc_titles[soc])) & set(terms(isco_titles[isco])))

    out = {}
    for soc, codes in links.items():
        full = [c for c, is_full in codes.items() if is_full]
        primary = (next(iter(codes)) if len(codes) == 1 else full[0] if len(full) == 1
                   else min(codes, key=lambda c: (-shared_words(soc, c), fanout[c], c)))
        out[soc] = (primary, sorted(codes))
    return out


def title_table(inputs: dict[str, Path]) -> list[dict]:
    """Every title O*NET gives an occupation: its own, the alternate titles (with their short forms and the
    two halves of "Long Form (Short)"), and the sample of reported titles; `key` is the folded title."""
    rows = []

    def add(code: str, title: str, kind: str, sources: int) -> None:
        key = normalize_title(title)
        if key:
            rows.append({"onet_soc_code": code, "title": title, "kind": kind, "sources": sources, "key": key})

    for r in _rows(inputs["occupation_data"]):
        add(r["O*NET-SOC Code"], r["Title"], "occupation", 0)
    for r in _rows(inputs["alternate_titles"]):
        code, title = r["O*NET-SOC Code"], r["Alternate Title"]
        sources = len([s for s in r["Source(s)"].split(",") if s.strip()])
        add(code, title, "alternate", sources)
        # "AI Engineer (Artificial Intelligence Engineer)": both halves. A short half whose abbreviation roledata
        # writes out otherwise than O*NET's long half ("AI Technician (Artificial Insemination Technician)")
        # is left out, as is that short title: it would meet the pages' "AI" on the wrong job.
        short_ok = True
        if title.endswith(")") and " (" in title:
            head, _, inner = title[:-1].partition(" (")
            short, long_ = (head, inner) if len(head) <= len(inner) else (inner, head)
            short_ok = normalize_title(short) == normalize_title(long_) or not _abbreviated(short)
            add(code, long_, "alternate_part", sources)
            if short_ok:
                add(code, short, "alternate_part", sources)
        if r["Short Title"] not in ("", "n/a") and (short_ok or not _abbreviated(r["Short Title"])):
            add(code, r["Short Title"], "short", sources)
    for r in _rows(inputs["reported_titles"]):
        add(r["O*NET-SOC Code"], r["Reported Job Title"], "reported", 2 if r["Shown in My Next Move"] == "Y" else 1)
    seen, unique = set(), []
    for row in rows:  # the same folded title twice for one occupation: the first (strongest kind) is kept
        if (row["onet_soc_code"], row["key"], row["kind"]) not in seen:
            seen.add((row["onet_soc_code"], row["key"], row["kind"]))
            unique.append(row)
    return unique


def technology_vocabulary(tables: dict[str, list[dict]]) -> list[dict]:
    """The O*NET examples as skills (`roledata.extract.technology`), against the hand-made vocabulary.
    It reads the titles and duty terms to tell ordinary words: those tables are written first."""
    own = [(row["skill_id"], [row["name"], *(a for a in row["aliases"].split("|") if a)]) for row in own_vocabulary()]
    with reading_built(tables):
        for cached in (examples, ordinary_words):
            cached.cache_clear()
        try:
            return vocabulary_rows(own)
        finally:
            for cached in (examples, ordinary_words):
                cached.cache_clear()


def _abbreviated(title: str) -> bool:
    """Whether the title holds a word roledata writes out (`ABBREVIATIONS`)."""
    return any(word.casefold().strip(".") in ABBREVIATIONS for word in title.split())


def duty_terms(inputs: dict[str, Path]) -> list[dict]:
    """Per O*NET occupation, the TF-IDF weights (unit length) of the stems of its task statements (core
    tasks count fully, supplemental ones half) and its description: the strongest `TERMS_PER_OCCUPATION`."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for r in _rows(inputs["occupation_data"]):
        counts[r["O*NET-SOC Code"]].update(terms(r["Description"]))
    for r in _rows(inputs["tasks"]):
        weight = 1.0 if r["Task Type"] != "Supplemental" else 0.5
        for term in terms(r["Task"]):
            counts[r["O*NET-SOC Code"]][term] += weight
    documents = len(counts)
    df = Counter(term for c in counts.values() for term in c)
    rows = []
    for code in sorted(counts):
        weights = {t: (1 + math.log(n)) * math.log(documents / df[t]) for t, n in counts[code].items() if n > 0}
        top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:TERMS_PER_OCCUPATION]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        rows += [{"onet_soc_code": code, "term": t, "weight": f"{w / norm:.4f}"} for t, w in top if w > 0]
    return rows


def technology_tables(inputs: dict[str, Path]) -> dict[str, list[dict]]:
    rows = _rows(inputs["technology_skills"])
    skills = [{"onet_soc_code": r["O*NET-SOC Code"], "example": r["Example"], "commodity_code": r["Commodity Code"],
               "hot_technology": int(r["Hot Technology"] == "Y"), "in_demand": int(r["In Demand"] == "Y")} for r in rows]
    commodities = sorted({(r["Commodity Code"], r["Commodity Title"]) for r in rows})
    return {"technology_skills": skills,
            "commodities": [{"commodity_code": c, "commodity_title": t} for c, t in commodities]}


_WAGES = {"hourly_mean": "H_MEAN", "annual_mean": "A_MEAN", "hourly_p10": "H_PCT10", "hourly_p25": "H_PCT25",
          "hourly_median": "H_MEDIAN", "hourly_p75": "H_PCT75", "hourly_p90": "H_PCT90", "annual_p10": "A_PCT10",
          "annual_p25": "A_PCT25", "annual_median": "A_MEDIAN", "annual_p75": "A_PCT75", "annual_p90": "A_PCT90"}


def wage_table(inputs: dict[str, Path], occupations: list[dict]) -> list[dict]:
    """OEWS national cross-industry wages per SOC 2018 detailed code. A code OEWS publishes only inside a
    broader row (a SOC broad group such as 13-1020, or an OEWS-only combination such as 21-1018) gets that
    row, marked `is_aggregate`; codes OEWS does not publish (military, legislators...) get none."""
    oews = [r for r in _rows(inputs["oews"]) if r["O_GROUP"] == "detailed"]
    by_code = {r["OCC_CODE"]: r for r in oews}
    soc_codes = {o["soc_code"] for o in occupations}
    broad_of = {r["soc_code"]: r["broad_code"] for r in _rows(inputs["soc_structure"]) if r["soc_group"] == "Detailed"}
    # OEWS rows that are no SOC detailed code: a broad code, or a combination numbered inside a broad group.
    aggregates: dict[str, list[str]] = defaultdict(list)
    for code in by_code:
        if code not in soc_codes:
            aggregates[code[:6] + "0"].append(code)
    rows = []
    for occupation in occupations:
        code = occupation["soc_code"]
        source = by_code.get(code)
        if source is None:
            broader = aggregates.get(broad_of[code], [])
            if len(broader) > 1:
                raise ReferenceError(f"OEWS: {code} could sit in any of {broader}")
            source = by_code[broader[0]] if broader else None
        if source is None:
            continue
        row = {"soc_code": code, "oews_code": source["OCC_CODE"], "oews_title": source["OCC_TITLE"],
               "is_aggregate": int(source["OCC_CODE"] != code), "employment": _number(source["TOT_EMP"])}
        row.update({column: _number(source[field]) for column, field in _WAGES.items()})
        row["is_annual_only"] = int(source["ANNUAL"].upper() == "TRUE")
        row["is_hourly_only"] = int(source["HOURLY"].upper() == "TRUE")
        row["has_unpublished_wages"] = int(any(source[f] == "*" for f in _WAGES.values()))
        row["is_top_coded"] = int(any(source[f] == "#" for f in _WAGES.values()))
        rows.append(row)
    return rows


def _number(cell: str) -> str:
    """A published figure as written, without thousands separators; '' for `*` (not available) and
    `#` (top-coded: flagged on the row) and `**` (employment not available)."""
    cell = cell.replace(",", "")
    return "" if cell in ("*", "**", "#", "") else cell


def esco_occupation_labels(inputs: dict[str, Path], titles: list[dict]) -> list[dict]:
    """ESCO occupations' preferred and alternative labels (not the hidden ones: misspellings and the
    like) that are also an O*NET title once folded (an ESCO occupation is linked only where the two
    classifications name the job alike), each with its ISCO-08 unit group and folded key; `esco_id`
    is the URI's last part."""
    onet_keys = {t["key"] for t in titles}
    rows = []
    for r in _rows(inputs["esco_occupations"]):
        esco_id = r["conceptUri"].rsplit("/", 1)[-1]
        labels = [(r["preferredLabel"], 1)] + [(a, 0) for a in r["altLabels"].split("\n") if a.strip()]
        seen = set()
        for label, preferred in labels:
            key = normalize_title(label)
            if key in onet_keys and key not in seen:
                seen.add(key)
                rows.append({"esco_id": esco_id, "isco_code": r["iscoGroup"], "label": label.strip(),
                             "is_preferred": preferred, "key": key})
    return rows


# ------------------------------------------------------------------ writing
def build_tables(source: Path) -> dict[str, str]:
    """Every shipped file's text, keyed by file name (nothing written)."""
    inputs = checked_inputs(source)
    tables = occupation_tables(inputs)
    tables["titles"] = title_table(inputs)
    tables["duty_terms"] = duty_terms(inputs)
    tables.update(technology_tables(inputs))
    tables["occupation_wages"] = wage_table(inputs, tables["occupations"])
    tables["esco_occupations"] = esco_occupation_labels(inputs, tables["titles"])
    tables["technology_vocabulary"] = technology_vocabulary(tables)
    vocabulary = [(r["skill_id"], [r["name"], *(a for a in r["aliases"].split("|") if a)]) for r in own_vocabulary()]
    vocabulary += [(r["skill_id"], [r["name"], *(a for a in r["aliases"].split("|") if a)])
                   for r in tables["technology_vocabulary"] if not r["linked"]]
    tables["esco_skill_links"] = esco_skill_links(inputs["esco_skills"], vocabulary)
    out = {f"{name}.csv": _csv(TABLES[name], rows) for name, rows in tables.items()}
    sources = {name: hashlib.sha256((source / path).read_bytes()).hexdigest() for name, path in sorted(INPUTS.items())}
    out["attribution.json"] = json.dumps({**ATTRIBUTION, "inputs": {INPUTS[k]: v for k, v in sources.items()}},
                                         indent=2, ensure_ascii=False) + "\n"
    return out


def _csv(columns: tuple[str, ...], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n", extrasaction="raise")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def differences(built: dict[str, str], folder: Path) -> list[str]:
    """The shipped files that are not what `build_tables` makes (missing, changed or left over)."""
    lines = []
    for name, text in built.items():
        path = folder / name
        if not path.is_file():
            lines.append(f"{name}: missing")
        elif path.read_text(encoding="utf-8") != text:
            lines.append(f"{name}: differs from what the build makes")
    extra = sorted(p.name for p in folder.glob("*") if p.is_file() and p.name not in built) if folder.is_dir() else []
    lines += [f"{name}: not made by the build" for name in extra]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="the official files [../shared/reference]")
    parser.add_argument("--out", type=Path, default=REFERENCE_DIR, help="where the shipped tables go")
    parser.add_argument("--check", action="store_true", help="compare with the shipped tables instead of writing")
    args = parser.parse_args(argv)
    try:
        built = build_tables(args.source)
    except (ReferenceError, UnreviewedLinks) as exc:
        print(f"reference: {exc}", file=sys.stderr)
        return 1
    if args.check:
        lines = differences(built, args.out)
        print("\n".join(lines) if lines else f"{len(built)} shipped files are what the build makes")
        return 1 if lines else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in built.items():
        (args.out / name).write_text(text, encoding="utf-8", newline="")
    for line in differences(built, args.out):  # files a previous build made and this one does not
        print(f"reference: {line}", file=sys.stderr)
    sizes = ", ".join(f"{n} {len(t.encode()) // 1024} KB" for n, t in built.items())
    print(f"reference: {len(built)} files in {args.out}: {sizes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
