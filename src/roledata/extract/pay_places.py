"""The place a pay figure is for: `salaries.segment_city`, `segment_region`, `segment_country`.

A figure's segment names a place in two ways:

- its label or group names one ("Seattle, WA: $148,000 - $186,000",
  "In Colorado and Washington, the range is ...", "Toronto: CAD 120,000"):
  the segment as written is read with `places.read_places`, and a segment
  that is only places (and list words) is a `location` segment even where
  no location word typed it;
- the words right after the figure do ("$150,000-$180,000 in New York,
  $130,000-$160,000 elsewhere"): the place becomes the segment, as written.

Codes: the city, region and country of a segment naming one place; for
several places, the region or country they share ("California and New
York City" -> country US); none for a segment that names no place
("Non-Tech Hubs", "elsewhere").
"""
from __future__ import annotations

import re

from roledata.extract.places import FoundPlace, read_places
from roledata.text import LazyPattern, Span

# Words a location segment may hold besides its places: "all other US locations", "and", "or".
_LIST_WORDS = LazyPattern(r"\b(?:and|or|in|the|all|other|us|u\.s\.|locations?|markets?|states?|cities|"
                          r"metros?|areas?|regions?|offices?|based|roles?|hubs?|elsewhere)\b|[,;&/()·|.-]", re.I)
# The words after a figure that say where it is paid: "in New York", "for Seattle-based roles", "elsewhere".
_AFTER = LazyPattern(r"\s*(?:(?:USD|a|per)\s+(?:year|yr|annum)\s+)?(?:in|for)\s+(?P<place>[A-Z][\w .'’-]{1,40}?"
                     r"(?:,\s*[A-Z][\w.'’-]{1,30})?)(?=\s*(?:[,;.)]|$|\s(?:and|or|for|with|depending|based)\b|-based))")
_ELSEWHERE = LazyPattern(r"\s*(?P<elsewhere>elsewhere|everywhere\s+else|in\s+(?:all\s+)?other\s+(?:US\s+)?"
                         r"(?:locations|markets|states|cities|regions))\b")
_LOCATION_WORDS = LazyPattern(r"\b(?:locations?|elsewhere|markets?|states?|cities|metros?|remote)\b", re.I)


def segment_codes(segment: str | None) -> tuple[str | None, str | None, str | None] | None:
    """(city, region, country) of a segment that names places; None when it names none."""
    if not segment:
        return None
    found = read_places(Span(0, len(segment), segment), True, ())
    if not found:
        return None
    return _shared(found)


def is_place_segment(segment: str | None) -> bool:
    """A segment that is places and list words only ("Toronto", "Colorado and Washington",
    "all other US locations"): a location, whatever word typed it."""
    if not segment:
        return False
    found = read_places(Span(0, len(segment), segment), True, ())
    rest = segment
    for place in sorted(found, key=lambda f: -f.span.start):
        rest = rest[:place.span.start] + " " + rest[place.span.end:]
    leftover = _LIST_WORDS.sub(" ", rest).strip()
    return (bool(found) or bool(_LOCATION_WORDS.search(segment))) and not leftover


def place_after(after: str) -> tuple[str, tuple[str | None, str | None, str | None] | None] | None:
    """The place named right after a figure: (segment as written, its codes), or None."""
    if (other := _ELSEWHERE.match(after)) is not None:
        return other.group("elsewhere"), None
    m = _AFTER.match(after)
    if m is None:
        return None
    place = m.group("place")
    found = read_places(Span(0, len(place), place), True, ())
    if len(found) != 1 or found[0].span.text != place.strip():
        return None
    return place.strip(), _shared(found)


def _shared(found: list[FoundPlace]) -> tuple[str | None, str | None, str | None]:
    places = [f.place for f in found]
    if len(places) == 1:
        p = places[0]
        return p.city, p.region, p.country
    countries = {p.country for p in places}
    regions = {p.region for p in places}
    country = countries.pop() if len(countries) == 1 else None
    region = regions.pop() if len(regions) == 1 and all(p.city for p in places) else None
    return None, region, country
