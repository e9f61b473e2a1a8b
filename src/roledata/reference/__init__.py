"""The official occupation reference data roledata ships, derived from O*NET, BLS and ESCO files by
`roledata.reference.build` (`make reference`) into `roledata/data/reference/`.

A fresh clone or an installed wheel reads only these shipped tables: nothing is
downloaded at run time. `load(name)` gives one table's rows (cached per process).
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parents[1] / "data" / "reference"

# Each shipped table's columns, in file order.
TABLES: dict[str, tuple[str, ...]] = {
    "occupations": ("soc_code", "title", "major_code", "major_title", "job_zone", "isco_code", "isco_codes"),
    "onet_occupations": ("onet_soc_code", "soc_code", "title", "job_zone"),
    "titles": ("onet_soc_code", "title", "kind", "sources", "key"),
    "duty_terms": ("onet_soc_code", "term", "weight"),
    "technology_skills": ("onet_soc_code", "example", "commodity_code", "hot_technology", "in_demand"),
    "commodities": ("commodity_code", "commodity_title"),
    "occupation_wages": ("soc_code", "oews_code", "oews_title", "is_aggregate", "employment", "hourly_mean",
                         "annual_mean", "hourly_p10", "hourly_p25", "hourly_median", "hourly_p75", "hourly_p90",
                         "annual_p10", "annual_p25", "annual_median", "annual_p75", "annual_p90", "is_annual_only",
                         "is_hourly_only", "has_unpublished_wages", "is_top_coded"),
    "esco_occupations": ("esco_id", "isco_code", "label", "is_preferred", "key"),
    "esco_skill_links": ("skill_id", "esco_id", "esco_label"),
    "technology_vocabulary": ("skill_id", "linked", "name", "aliases", "context_names", "example", "commodity_code",
                              "commodity_title", "hot_technology", "in_demand"),
}
ESCO_OCCUPATION = "http://data.europa.eu/esco/occupation/"
ESCO_SKILL = "http://data.europa.eu/esco/skill/"

_ONET_CREDIT = ("This page includes information from the O*NET 30.2 Database by the U.S. Department of Labor, "
                "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a "
                "trademark of USDOL/ETA. roledata has modified all or some of this information. USDOL/ETA has not "
                "approved, endorsed, or tested these modifications.")
# Each publisher: what roledata uses, the licence, and the lines its terms ask users to carry.
ATTRIBUTION: dict = {
    "sources": [
        {"name": "onet", "title": "O*NET 30.2 Database (February 2026)",
         "publisher": "U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)",
         "path": "https://www.onetcenter.org/database.html",
         "license": {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                     "title": "Creative Commons Attribution 4.0 International"},
         "credit": _ONET_CREDIT,
         "changes": "O*NET-SOC codes joined to SOC 2018 codes; occupation, alternate, short and reported titles "
                    "folded for matching (case, abbreviations written out, plurals made singular); task statements "
                    "and descriptions reduced to weighted word stems; technology skill examples turned into skill "
                    "names with match spellings; a job zone per SOC code taken from its O*NET occupations."},
        {"name": "bls", "title": "BLS Occupational Employment and Wage Statistics (OEWS), May 2025, national "
                                 "cross-industry estimates; 2018 Standard Occupational Classification; ISCO-08 to "
                                 "2010 SOC and 2010 to 2018 SOC crosswalks",
         "publisher": "U.S. Bureau of Labor Statistics", "path": "https://www.bls.gov/oes/",
         "license": {"name": "public-domain", "path": "https://www.bls.gov/opub/copyright-information.htm",
                     "title": "U.S. federal government work in the public domain"},
         "credit": "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025; "
                   "2018 Standard Occupational Classification. BLS.gov cannot vouch for the data or analyses derived "
                   "from these data after the data have been retrieved from BLS.gov.",
         "changes": "Wages of codes OEWS publishes only inside a broader row are that row's (marked is_aggregate); "
                    "ISCO-08 codes reach SOC 2018 through SOC 2010 (two crosswalks joined: a derived mapping, "
                    "not an official one). ISCO-08 is the International Labour Organization's classification."},
        {"name": "esco", "title": "ESCO classification v1.1.1 (occupations and skills)",
         "publisher": "European Commission", "path": "https://esco.ec.europa.eu/",
         "license": {"name": "EU-Commission-Decision-2011/833/EU",
                     "path": "https://eur-lex.europa.eu/eli/dec/2011/833/oj",
                     "title": "Commission Decision 2011/833/EU on the reuse of Commission documents"},
         "credit": "This service uses the ESCO classification of the European Commission.",
         "changes": "Adapted: occupation labels folded for matching; skills linked to roledata's vocabulary only "
                    "where a label is the same concept (a reviewed list)."},
    ],
}


_BUILDING: dict[str, tuple[dict[str, str], ...]] = {}  # tables being built, read instead of the shipped ones


@contextmanager
def reading_built(tables: dict[str, list[dict]]) -> Iterator[None]:
    """While the build runs: `load` gives the tables it has just made (as strings, like the files)."""
    _BUILDING.update({name: tuple({k: "" if v is None else str(v) for k, v in row.items()} for row in rows)
                      for name, rows in tables.items()})
    load.cache_clear()
    try:
        yield
    finally:
        _BUILDING.clear()
        load.cache_clear()


@lru_cache(maxsize=None)
def load(name: str) -> tuple[dict[str, str], ...]:
    """One shipped table's rows as dicts of strings (an empty cell is "")."""
    if name not in TABLES:
        raise KeyError(f"no reference table {name!r}")
    if name in _BUILDING:
        return _BUILDING[name]
    with (REFERENCE_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


@lru_cache(maxsize=1)
def attribution() -> dict:
    """The shipped attribution (licences, credit lines, the sha256 of each input the tables came from)."""
    return json.loads((REFERENCE_DIR / "attribution.json").read_text(encoding="utf-8"))
