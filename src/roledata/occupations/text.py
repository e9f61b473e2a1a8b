"""Words of job titles and duties, folded the same way on both sides of a match.

A title is folded into lower-case word tokens (Unicode NFKC, "&" read as "and"),
abbreviations written out ("ML" -> "machine learning", "VP" -> "vice president",
"Sr." -> "senior") and each word singular ("Data Scientists" = "data scientist").
O*NET's titles go through the same folding when the tables are built
(`roledata.reference.build`), so "AI Engineer (Artificial Intelligence Engineer)"
and a page's "A.I. Engineer" meet on "artificial intelligence engineer".

Duties and task statements are reduced to content-word stems (`terms`), the
same for O*NET's task statements at build time and for a page's duties at run
time.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Abbreviations written out, both in O*NET's titles and in the pages' (one token -> words).
ABBREVIATIONS = {
    "ai": "artificial intelligence", "a.i": "artificial intelligence", "ml": "machine learning",
    "nlp": "natural language processing", "nlu": "natural language understanding", "llm": "large language model",
    "llms": "large language model", "genai": "generative artificial intelligence", "gai": "generative artificial intelligence", "mlops": "machine learning operations",
    "vp": "vice president", "svp": "senior vice president", "evp": "executive vice president",
    "avp": "assistant vice president", "sr": "senior", "snr": "senior", "jr": "junior", "mgr": "manager",
    "sre": "site reliability engineer", "qa": "quality assurance", "ui": "user interface", "ux": "user experience",
    "bi": "business intelligence", "hr": "human resources",
    "rn": "registered nurse", "lpn": "licensed practical nurse", "lvn": "licensed vocational nurse",
    "cna": "certified nursing assistant", "emt": "emergency medical technician",
    "ceo": "chief executive officer", "cfo": "chief financial officer", "coo": "chief operating officer",
    "cto": "chief technology officer", "cio": "chief information officer", "cmo": "chief marketing officer",
    "cdo": "chief data officer", "caio": "chief artificial intelligence officer", "ciso": "chief information security officer",
    "cpa": "certified public accountant", "dba": "database administrator", "swe": "software engineer",
    "sde": "software development engineer", "fp": "financial planning", "hvac": "heating ventilation and air conditioning",
    "ehs": "environmental health and safety", "r&d": "research and development", "rd": "research and development",
    "gm": "general manager",
}
# Abbreviations that are also ordinary words in lower case ("it", "ap"): written out only in capitals.
UPPER_ABBREVIATIONS = {"IT": "information technology", "AR": "accounts receivable", "AP": "accounts payable",
                       "NP": "nurse practitioner"}
_UPPER = re.compile(r"\b(" + "|".join(UPPER_ABBREVIATIONS) + r")\b")
# Words that are the same singular and plural, or that end in "s" without being plural.
_KEEP_S = frozenset({
    "analytics", "business", "sales", "services", "operations", "logistics", "economics", "mathematics", "physics",
    "statistics", "systems", "news", "glass", "process", "access", "class", "gas", "bus", "chassis", "series",
    "species", "aids", "arts", "grass", "press", "pass", "boss", "loss", "dress", "address", "express", "campus",
    "canvas", "census", "corps", "diabetes", "electronics", "ethics", "genetics", "graphics", "linguistics",
    "mechanics", "metrics", "optics", "pharmaceutics", "robotics", "dynamics", "athletics", "forensics", "kinesiology",
    "aerospace", "plus", "us", "devops", "devsecops", "mlops", "kubernetes", "jenkins", "las", "lens", "atlas",
    "chemistry", "hydraulics", "avionics", "acoustics", "ergonomics", "geophysics", "informatics", "biostatistics",
    "orthodontics", "pediatrics", "obstetrics", "orthotics", "prosthetics", "cosmetics", "textiles", "ceramics",
    "plastics", "utilities", "communications", "relations", "affairs", "resources", "securities", "goods",
    "means", "works", "headquarters", "premises", "savings", "earnings", "proceeds", "outskirts", "surroundings",
})
_IRREGULAR = {"men": "man", "women": "woman", "people": "person", "children": "child", "staff": "staff",
              "wives": "wife", "knives": "knife", "leaves": "leaf", "shelves": "shelf", "thieves": "thief",
              "analyses": "analysis", "bases": "base", "criteria": "criterion", "data": "data", "media": "media",
              "indices": "index", "matrices": "matrix", "vertices": "vertex", "crises": "crisis", "theses": "thesis"}
_RESEARCH = re.compile(r"\br\s*&\s*d\b")
_DOTNET = re.compile(r"(?<![a-z0-9])\.net\b|\basp\.net\b")
_GEN_AI = re.compile(r"\bgen(?:erative)?[\s-]*ai\b")
_TOKEN = re.compile(r"[a-z0-9]+(?:[.&'][a-z0-9]+)*[+#]*")


def fold(text: str) -> str:
    """Unicode NFKC, case folded, "&" spaced, curly quotes straight."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return text.replace("’", "'").replace("‘", "'")


def singular(word: str) -> str:
    """A plural English noun as its singular ("analysts" -> "analyst", "nurses" -> "nurse")."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or not word.endswith("s") or word in _KEEP_S or word.endswith(("ss", "us", "is", "ics")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    return word[:-1]


def title_tokens(text: str) -> list[str]:
    """A title as folded tokens: abbreviations written out, each word singular, possessives dropped."""
    out: list[str] = []
    text = _UPPER.sub(lambda m: UPPER_ABBREVIATIONS[m.group(1)], text)
    folded = _DOTNET.sub(" dotnet", _GEN_AI.sub("genai", _RESEARCH.sub("research and development", fold(text))))
    for token in _TOKEN.findall(folded.replace("&", " & ").replace(" & ", " and ")):
        token = token.removesuffix("'s").replace("'", "").rstrip(".")
        expanded = ABBREVIATIONS.get(token) or ABBREVIATIONS.get(token.replace(".", ""))  # "A.I.", "V.P."
        if expanded is not None:
            out.extend(expanded.split())
        else:  # "homes.com" -> "homes com"; "c++" stays whole
            out.extend(singular(part) for part in token.split(".") if part)
    return out


def normalize_title(text: str) -> str:
    """`title_tokens` joined by single spaces: the key two titles meet on."""
    return " ".join(title_tokens(text))


# ------------------------------------------------------------------ duties
STOPWORDS = frozenset("""
a about above across after again against all almost also although always am among an and another any are around as
at be because been before being below between both but by can could did do does doing done down during each either
else etc even every for from further had has have having he her here hers him his how however i if in into is it its
itself just may me might more most much must my no nor not of off on once one only or other others our ours out over
own per same several she should since so some such than that the their theirs them then there these they this those
through throughout thus to too under until up upon us use used uses using very via was we were what when where
whether which while who whom whose why will with within without would yet you your yours
ensure ensuring including include includes related relate various variety new work working works job role roles
team teams level levels ability able across year years day days based make makes making well need needs needed
""".split())
_WORD = re.compile(r"[a-z][a-z0-9+#]*")
_SUFFIXES = ("ization", "isation", "ations", "ation", "ments", "ment", "ings", "ing", "ness", "ities", "ity",
             "ies", "ied", "ed", "es", "er", "ly", "s")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude suffix-stripping stem, the same at build and at run time ("analyzing", "analyzed" -> "analyz")."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def terms(text: str) -> list[str]:
    """Content-word stems of a duty or task statement, in text order."""
    return [stem(w) for w in _WORD.findall(fold(text)) if w not in STOPWORDS and len(w) > 2]
