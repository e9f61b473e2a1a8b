"""The shipped reference tables as lookups for the matcher, built once per process (`reference()`).

- titles: folded title -> the O*NET occupations that carry it, each with a weight (an
  occupation's own title counts most; an alternate title more the more O*NET sources
  give it), plus roledata's reviewed supplement (`supplement.csv`: titles O*NET 30.2
  lacks, such as "MLOps Engineer", placed in the occupations that do the work);
- duty terms: word stem -> (O*NET occupation, TF-IDF weight) of its task statements;
- technology words: the words of O*NET's technology examples that name no job
  ("ServiceNow", "PHP"), so "ServiceNow Developer" reads as a software developer.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import numpy as np

from roledata.occupations.text import normalize_title, stem, title_tokens
from roledata.occupations.titles import folded_exact
from roledata.reference import load

SUPPLEMENT = Path(__file__).resolve().parent / "supplement.csv"
# Kinds of O*NET title, by how surely a match on one names the occupation.
KIND_WEIGHT = {"occupation": 4.0, "alternate": 1.0, "alternate_part": 0.9, "short": 0.8, "reported": 1.0}
CURATED_WEIGHT = 6.0  # a supplement title's first occupation; the next ones weigh less


# Words in technology product names that are ordinary words of titles: never a technology on their own.
_COMMON_WORDS = frozenset("""
software system systems data management online web cloud business enterprise office center professional server
desktop mobile digital network computer information technology service services solutions suite studio analytics
manager planning design project quality time financial report reporting center health medical clinical research
and of for the a an to in on with by at from or plus pro one go open free home express standard basic
""".split())


class Entry(tuple):
    """(onet_soc_code, title as written, weight, is_curated)."""
    __slots__ = ()

    @property
    def onet(self) -> str:
        return self[0]


class Reference:
    def __init__(self) -> None:
        self.onet = {r["onet_soc_code"]: r for r in load("onet_occupations")}
        self.occupations = {r["soc_code"]: r for r in load("occupations")}
        # The words (and their stems: "management" meets "manager") of each O*NET occupation's own title.
        self.occupation_words = {code: {w for t in title_tokens(r["title"]) for w in (t, stem(t))}
                                 for code, r in self.onet.items()}
        weights: dict[tuple[str, str], list] = {}
        self.exact: dict[str, str] = {}  # title as written, folded -> its key
        for r in load("titles"):
            weight = KIND_WEIGHT[r["kind"]] * (1 + int(r["sources"] or 0)) ** 0.5
            slot = weights.setdefault((r["key"], r["onet_soc_code"]), [0.0, r["title"], False])
            if weight > slot[0]:
                slot[0], slot[1] = weight + 0.1 * slot[0], r["title"]
            else:
                slot[0] += 0.1 * weight  # the same title from another list adds a little
            self.exact.setdefault(folded_exact(r["title"]), r["key"])
        for title, codes in _supplement():
            key = normalize_title(title)
            for rank, onet in enumerate(codes):
                weights[(key, onet)] = [CURATED_WEIGHT - rank, title, True]
            self.exact.setdefault(folded_exact(title), key)
        self.by_key: dict[str, list[Entry]] = defaultdict(list)
        for (key, onet), (weight, title, curated) in weights.items():
            self.by_key[key].append(Entry((onet, title, weight, curated)))
        for key, entries in self.by_key.items():
            if any(e[3] for e in entries):  # a reviewed placement replaces O*NET's own list for that title
                entries[:] = [e for e in entries if e[3]]
            entries.sort(key=lambda e: (-e[2], e[0]))
        self.keys = sorted(self.by_key)
        # For the n-gram scan of a page: the lengths (in words) of the titles that open with each word.
        self.lengths_by_first: dict[str, list[int]] = defaultdict(list)
        for key in self.keys:
            words = key.split()
            self.lengths_by_first[words[0]].append(len(words))
        for lengths in self.lengths_by_first.values():
            lengths[:] = sorted(set(lengths), reverse=True)
        # For the similarity search: the titles by the first five letters of their last word (a title's
        # head noun: "therapy" and "therapist" meet, "engineer" and "manager" do not).
        self.keys_by_last: dict[str, list[str]] = defaultdict(list)
        for key in self.keys:
            self.keys_by_last[key.split()[-1][:5]].append(key)
        # The nouns O*NET's occupation titles end in ("firefighter", "hygienist"): where a title may be cut.
        self.job_nouns = frozenset(title_tokens(r["title"].split(",")[0])[-1] for r in self.onet.values())
        self.longest_key = max(len(k.split()) for k in self.keys)
        self.postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for r in load("duty_terms"):
            self.postings[r["term"]].append((r["onet_soc_code"], float(r["weight"])))
        # The same as arrays, so a role's duty words are scored against every occupation at C speed.
        self.onet_codes = sorted(self.onet)
        self.position = position = {code: i for i, code in enumerate(self.onet_codes)}
        self.zero_scores = np.zeros(len(self.onet_codes))
        self.postings_arrays = {term: (np.array([position[o] for o, _ in entries], dtype=np.int64),
                                       np.array([w for _, w in entries]))
                                for term, entries in self.postings.items()}
        # Words of O*NET's technology examples that are no word of its task statements and end no title:
        # product names ("php", "servicenow"), not "manufacturing" or "security".
        heads = {key.split()[-1] for key in self.keys}
        self.technology_words = {w for r in load("technology_skills") for w in title_tokens(r["example"])
                                 if len(w) > 1 and w not in heads and not w.isdigit()
                                 and stem(w) not in self.postings} - _COMMON_WORDS

    def soc(self, onet: str) -> str:
        return self.onet[onet]["soc_code"]

    def socs(self, key: str) -> set[str]:
        return {self.soc(e.onet) for e in self.by_key.get(key, ())}


def _supplement() -> list[tuple[str, list[str]]]:
    with SUPPLEMENT.open(encoding="utf-8", newline="") as fh:
        return [(row["title"], row["onet_soc_codes"].split("|")) for row in csv.DictReader(fh)]


@lru_cache(maxsize=1)
def reference() -> Reference:
    return Reference()
