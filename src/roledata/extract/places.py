"""Places as written ("Austin, TX", "Toronto, Ontario", "London, UK", "US-IL-Northfield") read into
city, ISO 3166-2 region and ISO 3166-1 country, against the gazetteer (`extract.gazetteer`).

A location value is cut into names at commas (and the other separators
lists of places use: ";", "|", "·", " / ", " or "); then names are read
left to right, three, two or one at a time:

- city, region[, country]: "Austin, TX", "Warren, Michigan", "Nashville, TN, USA";
- city, country: "Berlin, Germany" (region from the gazetteer, when it has an
  ISO code for the city's division: "London, UK" -> GB-ENG);
- region, country: "Ontario, Canada"; country, region, city: "US, Oregon, Hillsboro";
- one name: a country ("United States"), a US state or a subdivision of a
  country already named on the page ("Illinois"), or, where the caller allows
  it, a city the gazetteer knows ("Seattle": the largest of that name, in a
  country already named on the page first).

A city the gazetteer does not know is kept as written when a region code or
name follows it ("Severna Park, MD"): that pair is how an address is
written. "City ST" without a comma ("Cambridge MA") and "City-ST" count
when ST is a region code of the city's country.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from roledata.extract.gazetteer import City, Gazetteer, gazetteer
from roledata.text import LazyPattern, Span


@dataclass(frozen=True, slots=True)
class Place:
    city: str | None
    region: str | None  # ISO 3166-2
    country: str | None  # ISO 3166-1 alpha-2


@dataclass(frozen=True, slots=True)
class FoundPlace:
    span: Span  # the place as written
    place: Place


# Where one place ends and the next begins in a list of places.
_LIST_SEPARATOR = LazyPattern(r"\s*(?:[;|·•/]|\bor\b|\band\b|&|\s[-–—]\s|\(|\)|\n)\s*")
# A bracket parts names without parting a place: "Arlington (Virginia)" is one place, "Remote (US)" two names.
_SOFT_SEPARATOR = LazyPattern(r"^\s*[()]\s*$")
# A name: words that open with a capital (small linking words allowed), as places are written.
_NAME = LazyPattern(r"[A-Z][\w'’.]*(?:[ \t-]+(?:[A-Z][\w'’.]*|(?:of|de|del|la|le|du|upon|on|the|am|an|sur)\b))*")
_CODE_BEFORE = LazyPattern(r"^(?P<code>[A-Z]{2})[ \t]+(?=[A-Z][a-z])")
_CODE_AFTER = LazyPattern(r"^(?P<name>.+?)[ \t-]+(?P<code>[A-Z]{2})$")
_ZIP = LazyPattern(r"\s+\d{5}(?:-\d{4})?$|\s+[A-Z]\d[A-Z] ?\d[A-Z]\d$")
# Words that say how or where-ish, never a place's name: "Palo Alto, CA Onsite".
_NOT_NAMES = frozenset("""remote remotely hybrid onsite on-site in-office in-person person office offices flexible
anywhere home preferred required only and or travel fully partially based location locations multiple various
worldwide global globally nationwide n/a tbd work north south east west central americas america europe asia
africa oceania emea apac latam downtown midtown uptown warehouse campus facility""".split()) - {"america"}
# Applicant-tracking systems write country, region and city in one token: "USA.CO.Boulder", "US-IL-Northfield".
_TRIPLE = LazyPattern(r"^(?P<country>[A-Z]{2,3})[.:-](?P<region>[A-Z]{2,3})[.:-](?P<city>[A-Z][\w .'’-]*[\w.])")
# "Greater Boston Area", "San Francisco Bay Area", "Austin, Texas Metropolitan Area", "Metro Detroit".
_METRO_PREFIX = LazyPattern(r"^(?:Greater|Metro|Metropolitan)\s+", re.I)
_METRO_SUFFIX = LazyPattern(r"\s+(?:Bay Area|Metropolitan Area|Metro Area|Metroplex|Metro|Area|Region)$", re.I)
_MAX_NAME_WORDS = 5


def read_places(span: Span, allow_bare_city: bool = True, hint: tuple[str, ...] = ()) -> list[FoundPlace]:
    """Every place written in `span` (a location value, a header line), in order. `hint`: countries
    the page has named already, preferred for a bare city or region name."""
    return [FoundPlace(span.sub(start, end), place)
            for start, end, place in _places_in(span.text, allow_bare_city, hint)]


@lru_cache(maxsize=4096)
def _places_in(text: str, allow_bare_city: bool, hint: tuple[str, ...]) -> tuple[tuple[int, int, Place], ...]:
    """(start, end, place) of every place in `text`: the reading depends on the text alone, and pages
    repeat their places ("Austin, TX" in the header, a label and a sentence), so it is kept."""
    span = Span(0, len(text), text)
    names = _names(span)
    if not names:
        return ()
    g = gazetteer()
    found: list[tuple[int, int, Place]] = []
    sizes: list[int] = []  # how many names each place was read from: one is a bare name
    i = 0
    while i < len(names):
        for size in (3, 2, 1):
            group = names[i:i + size]
            if len(group) < size or any(group[j + 1][1] for j in range(size - 1)):
                continue  # a list separator between two names: they are separate places
            place = _interpret(g, [n.text for n, _ in group], allow_bare_city,
                               hint + tuple(p.country for _, _, p in found if p.country))
            if place is not None:
                start, end = group[0][0].start, group[-1][0].end
                if "(" in text[start:end] and text[end:end + 1] == ")":
                    end += 1  # "Arlington (Virginia)": the bracket closes
                found.append((start, end, place))
                sizes.append(size)
                i += size
                break
        else:
            i += 1
    return tuple(_listed_states(g, text, _shared_region(g, text, found, sizes)))


_BIG_CITY = 500_000
# What parts towns of one list: "Kalamazoo and Okemos, Michigan", "Troy, Novi or Okemos MI".
LIST_GAP = LazyPattern(r"\s*(?:,|/|&|\band\b|\bor\b)\s*(?:(?:and|or)\s+)?")


def _shared_region(g: Gazetteer, text: str, found: list[tuple[int, int, Place]],
                   sizes: list[int]) -> list[tuple[int, int, Place]]:
    """Bare towns listed before a town with its region take that region where a town of the name lies in it:
    "Jackson and Okemos Michigan" is Jackson, Michigan, not the largest Jackson (Mississippi). A city of half a
    million people or more keeps its own reading: "Paris and Austin, TX" names Paris, France."""
    for k in range(len(found) - 2, -1, -1):
        start, end, place = found[k]
        after = found[k + 1][2]
        if sizes[k] != 1 or place.city is None or not after.region or place.region == after.region \
                or LIST_GAP.fullmatch(text, end, found[k + 1][0]) is None:
            continue
        towns = g.city(_metro(text[start:end]))
        town = next((c for c in towns if c.region == after.region), None)
        if town is not None and towns[0].population < _BIG_CITY:  # "Paris and Austin, TX": Paris, France
            found[k] = (start, end, Place(town.name, town.region, town.country))
    return found


def _listed_states(g: Gazetteer, text: str, found: list[tuple[int, int, Place]]) -> list[tuple[int, int, Place]]:
    """A name that is a country's and a state's, listed beside states of one country, is that country's state:
    "Georgia, Alabama and Tennessee" names three US states, not the country Georgia."""
    for k, (start, end, place) in enumerate(found):
        if place.city or place.region:
            continue
        beside = [found[j] for j in (k - 1, k + 1) if 0 <= j < len(found)]
        for other_start, other_end, other in beside:
            gap = (end, other_start) if other_start >= end else (other_end, start)
            if other.region and not other.city and LIST_GAP.fullmatch(text, *gap) \
                    and (codes := g.subdivisions(text[start:end], (other.country,))):
                found[k] = (start, end, Place(None, codes[0], other.country))
                break
    return found


def _names(span: Span) -> list[tuple[Span, bool]]:
    """The names of `span`, each with whether a list separator comes before it (not a comma)."""
    out: list[tuple[Span, bool]] = []
    text = span.text
    pos, after_separator = 0, False
    pieces = []
    soft = []
    for m in _LIST_SEPARATOR.finditer(text):
        pieces.append((pos, m.start()))
        soft.append(_SOFT_SEPARATOR.match(m.group()) is not None)
        pos = m.end()
    pieces.append((pos, len(text)))
    last_end = 0  # where the last name ended
    for number, (piece_start, piece_end) in enumerate(pieces):
        # a bracket right after a name goes on with it ("Arlington (Virginia)"), not after other words ("our Tier
        # 1 markets (New York" names no town "Tier")
        joined = number and soft[number - 1] and not text[last_end:piece_start].strip(" \t()")
        after_separator = bool(out) and not joined
        parts = _comma_parts(text, piece_start, piece_end)
        for number, (part_start, part_end) in enumerate(parts):
            names = _part_names(span.sub(part_start, part_end), last=number == len(parts) - 1)
            if PROSE.search(text, part_start, names[0].start - span.start if names else part_end) \
                    or not names and _NAME_THEN_WORDS.search(text, part_start, part_end):
                after_separator = bool(out)  # a clause parts the names around it ("US, Texas, Austin Business
                # group: Acme makes chips for the world. You ...", "Boston, but this role is remote anywhere in the US")
            for name in names:
                out.append((name, after_separator))
                after_separator = False
                last_end = name.end - span.start
    return out


# Three words of prose in a row: a clause, not a place's words ("onsite", "near campus"); a name followed by
# words ("Austin Business group"), which is no place's either.
PROSE = LazyPattern(r"\b[a-z]{2,}(?:[ \t]+[a-z]{2,}){2}\b")
_NAME_THEN_WORDS = LazyPattern(r"[A-Z][\w'’.-]*[ \t]+[a-z]{2,}\b")
# A region code glued by its full stop to the next field of a pasted posting: "Duluth, GA.Duration-6 Months"
# ("GA" ends the place). Not a dotted code ("U.S.A.") nor a dotted path ("USA.CO.Boulder", `_TRIPLE`).
_CODE_GLUED = LazyPattern(r"(?<![\w.])[A-Z]{2}\.[A-Z][a-z]")
# Applicant-tracking systems also write a path of names: "Americas-United States of America-New York-New York".
_DASH_PATH = LazyPattern(r"\s*[A-Z][\w .']*(?:-[A-Z][\w .']*){2,}\s*")


# A comma inside a number ("$15,000") parts no names.
_IN_NUMBER = LazyPattern(r"\d,\d")


def _comma_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    parts, pos = [], start
    dashes = _DASH_PATH.fullmatch(text, start, end) is not None  # the hyphens part the names, as commas do
    for i in range(start, end):
        ch = text[i]
        if ch == ":" or (ch == "," and not _IN_NUMBER.match(text, i - 1)) or (dashes and ch == "-") \
                or (ch == "." and i + 1 < end and text[i + 1] in " \t" and i - pos > 2 and text[i - 1].islower()) \
                or (ch == "." and i - 2 >= start and _CODE_GLUED.match(text, i - 2, i + 3)):
            parts.append((pos, i))
            pos = i + 1
    parts.append((pos, end))
    return parts


def _part_names(part: Span, last: bool) -> list[Span]:
    """One comma part's name, cleaned: the first run of capitalised words of the last part ("CA 92564"
    -> "CA", "CA Onsite" -> "CA", "Cambridge MA" -> "Cambridge", "MA"), the last run of a part a comma
    ends ("Hybrid remote in Tempe, AZ" -> "Tempe")."""
    text = part.text
    if (triple := _TRIPLE.match(text.strip())) is not None:
        lead = len(text) - len(text.lstrip())
        return [part.sub(lead + triple.start(g), lead + triple.end(g)) for g in ("country", "region", "city")]
    runs = [_trimmed(part, m) for m in _NAME.finditer(text)]
    runs = [run for run in runs if run is not None]
    if not runs:
        return []
    base = runs[0] if last else runs[-1]
    if not last and base.end - part.start < len(text.rstrip()):
        return []  # words after the name: the comma does not close a place's name
    if _whole_name(base.text):
        return [base]  # "United States of America", "New Jersey": one name, whatever its words
    if not last and (lead := _CODE_BEFORE.match(base.text)) is not None and _town_like(base.text[lead.end():]) \
            and gazetteer().subdivisions(lead.group("code"), _CODE_COUNTRIES):
        # Pairs listed without separators: "Muskogee, OK Monticello, MS": "OK" ends one place, "Monticello" opens the next.
        return [base.sub(0, lead.end("code")), base.sub(lead.end(), len(base.text))]
    if not last and not _town_like(base.text):  # "Platform Technical LeadOnsite- Plano": the town's words
        words = list(re.finditer(r"\S+", base.text))
        tail = next((k for k in range(len(words) - 1, -1, -1) if not _town_like(base.text[words[k].start():])), None)
        if tail is not None and tail + 1 < len(words):
            base = base.sub(words[tail + 1].start(), len(base.text))
    name = base.text
    if len(name.split()) > 1 and not gazetteer().city(name) and (peeled := _peel(base)) is not None:
        return peeled  # (a city's own name is not peeled: "South Jordan" is no town of Jordan)
    split = _CODE_AFTER.match(name)
    if split and len(split.group("name").split()) <= _MAX_NAME_WORDS - 1:
        return [base.sub(0, split.end("name")), base.sub(split.start("code"), split.end("code"))]
    return [base]


def _whole_name(name: str) -> bool:
    """A name that is a country's or a region's as a whole ("New Jersey", "South Africa"): not a town and a
    country ("Jersey") to peel apart."""
    g = gazetteer()
    return g.country(name) is not None or bool(g.subdivisions(name, ("US", "CA", "AU", "GB")))


def _peel(name: Span) -> list[Span] | None:
    """Names written without commas: "Jacksonville Florida United States", "Portland Oregon" -> city,
    region, country (the country, then the region, read off the end)."""
    g = gazetteer()
    words = list(re.finditer(r"\S+", name.text))
    out: list[Span] = []
    end = len(words)
    for reader in (g.country, lambda t: g.subdivisions(t, ("US", "CA", "AU", "GB")) if not t.isupper() else None):
        for size in (3, 2, 1):
            if end - size < 1:
                continue
            piece = name.sub(words[end - size].start(), words[end - 1].end())
            if reader(piece.text):
                out.insert(0, piece)
                end -= size
                break
    if not out:
        return None
    return [name.sub(0, words[end - 1].end()), *out]


_COMPASS = frozenset({"north", "south", "east", "west", "central"})
_CONTINENT = LazyPattern(r"^(?:North|South|Latin|Central)\s+America\b")


def _trimmed(part: Span, m: re.Match[str]) -> Span | None:
    """A run of capitalised words without the words that are no place's ("Remote -Chicago" -> "Chicago",
    "CA Onsite" -> "CA") and a closing full stop ("VA." -> "VA"), as a span of `part`."""
    if _CONTINENT.match(m.group()):
        return None
    if m.group().split()[0].lower() in _COMPASS and (_whole_name(m.group()) or gazetteer().city(m.group())):
        return part.sub(m.start(), m.end())  # "North Carolina", "West Chester": the direction is the name's
    if m.group() == "OR" and not part.text[:m.start()].strip():
        return part.sub(m.start(), m.end())  # "Salem, OR 97301": Oregon's code opens the part, no "or"
    words = list(re.finditer(r"[^\s-]+(?:-(?=[A-Z][a-z]))?", m.group()))
    while words and words[0].group().lower().strip(".-") in _NOT_NAMES:
        words.pop(0)
    while words and words[-1].group().lower().strip(".-") in _NOT_NAMES:
        words.pop()
    if not words or len(words) > _MAX_NAME_WORDS:
        return None
    start, end = m.start() + words[0].start(), m.start() + words[-1].end()
    if part.text[end - 1] == "." and "." not in part.text[start:end - 1]:
        end -= 1
    return part.sub(start, end)


def _interpret(g: Gazetteer, names: list[str], allow_bare_city: bool, hint: tuple[str, ...]) -> Place | None:
    names = [_ZIP.sub("", n).strip() for n in names]
    if len(names) == 3:
        return _city_region_country(g, *names) or _country_region_city(g, *names)
    if len(names) == 2:
        return _city_region(g, *names) or _city_country(g, *names) or _region_country(g, *names)
    return _alone(g, names[0], allow_bare_city, hint)


def _city_region_country(g: Gazetteer, city: str, region: str, country: str) -> Place | None:
    code = g.country(country)
    if code is None:
        return None
    place = _city_region(g, city, region, (code,))
    return place if place is not None and place.country == code else None


def _country_region_city(g: Gazetteer, country: str, region: str, city: str) -> Place | None:
    """The order applicant-tracking systems use: "US, Oregon, Hillsboro", "USA, CO, Boulder"."""
    code = g.country(country)
    if code is None:
        return None
    return _city_region(g, city, region, (code,))


def _city_region(g: Gazetteer, city: str, region: str, countries: tuple[str, ...] | None = None) -> Place | None:
    codes = g.subdivisions(_metro(region), countries or _CODE_COUNTRIES)
    if not codes or not _is_name(city):
        return None
    known = g.city(_metro(city))
    if (g.country(city) or g.subdivisions(city, ("US", "CA", "AU", "GB"))) and not any(c.region in codes for c in known):
        return None  # "Alaska, Arizona" is two states; "New York, NY" is the city
    for code in codes:  # the city the gazetteer has in that region
        match = next((c for c in known if c.region == code), None)
        if match is not None:
            return Place(match.name, code, match.country)
    for code in codes:  # a region whose country's division codes GeoNames does not give: same country
        match = next((c for c in known if c.country == code[:2] and c.region is None), None)
        if match is not None:
            return Place(match.name, code, match.country)
    # A town the gazetteer does not have, written as addresses are ("Severna Park, MD"): kept as written,
    # in the first country whose region this is (US first: "WA" is Washington before Western Australia).
    if codes[0][:2] not in ("US", "CA") or not _town_like(city):
        return None
    return Place(_metro(city), codes[0], codes[0][:2])


def _city_country(g: Gazetteer, city: str, country: str) -> Place | None:
    code = g.country(country)
    if code is None or not _is_name(city):
        return None
    known = next((c for c in g.city(_metro(city)) if c.country == code), None)
    if known is not None:
        return Place(known.name, known.region, code)
    if g.country(city) or g.subdivisions(city, (code,)):
        return None  # "Ontario, Canada" is a region, read by `_region_country`
    if not city.isupper() and g.subdivisions(city, ("US", "CA", "AU")):
        return None  # "Florida, Georgia" is two states (Georgia is a country too), no town of the country
    return Place(_metro(city), None, code)


def _region_country(g: Gazetteer, region: str, country: str) -> Place | None:
    code = g.country(country)
    if code is None:
        return None
    codes = g.subdivisions(_metro(region), (code,))
    return Place(None, codes[0], code) if codes else None


def _alone(g: Gazetteer, name: str, allow_bare_city: bool, hint: tuple[str, ...]) -> Place | None:
    if not _is_name(name) and g.country(name) is None:
        return None
    preferred = tuple(dict.fromkeys(hint))
    # A region of a country the page has named ("Georgia" on a page about US places), then a country.
    if preferred and (codes := g.subdivisions(name, preferred)) and not name.isupper():
        return Place(None, codes[0], codes[0][:2])
    if (code := g.country(name)) is not None:
        return Place(None, None, code)
    if not (name.isupper() and len(name) <= 3) and (codes := g.subdivisions(name, ("US",))):
        # A city named like the region it lies in is the city ("New York"); else the region ("Washington").
        city = next((c for c in g.city(name) if c.region == codes[0]), None) if allow_bare_city else None
        return Place(city.name, city.region, city.country) if city else Place(None, codes[0], "US")
    # A province or nation written alone ("Ontario", "Scotland") before a town of that name elsewhere.
    if not (name.isupper() and len(name) <= 3) and len(codes := g.subdivisions(name, _PROVINCE_COUNTRIES)) == 1:
        return Place(None, codes[0], codes[0][:2])
    if not allow_bare_city or (name.isupper() and len(name) <= 3):
        return None
    known = g.city(_metro(name))
    if not known:
        return None
    city: City = next((c for c in known if c.country in preferred), known[0])
    return Place(city.name, city.region, city.country)


# Countries whose provinces or nations a page names alone, as US pages name a state.
_PROVINCE_COUNTRIES = ("CA", "GB", "AU")
# Countries whose region codes a page writes after a city without naming the country ("Austin, TX",
# "Toronto, ON", "Sydney, NSW").
_CODE_COUNTRIES = ("US", "CA", "AU")


def _town_like(name: str) -> bool:
    """A town's name as written: at most three words, each a capitalised word (no "LeadOnsite")."""
    words = name.split()
    return len(words) <= 3 and all(re.fullmatch(r"(?:[A-Z][a-z'’.]*|St\.?|Ft\.?|Mt\.?)(?:-[A-Z][a-z]+)?", w)
                                   or w in ("of", "la", "de", "du") for w in words)


def _metro(name: str) -> str:
    return _METRO_SUFFIX.sub("", _METRO_PREFIX.sub("", name.strip()))


def _is_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= _MAX_NAME_WORDS and text[:1].isupper() and not any(ch.isdigit() for ch in text)
