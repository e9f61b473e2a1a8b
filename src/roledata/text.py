"""Text primitives shared by parsers and extractors.

Everything that becomes a row keeps exact character offsets into the decoded
document text, so `Span` is the unit passed around: it can only be built from
the text it points into, which keeps `text[start:end] == span.text` true.
"""
from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from typing import NamedTuple


class _Pattern:
    """A regular expression's text and flags, its compiled form, and that form's methods bound to it."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags

    def compiled(self) -> re.Pattern[str]:
        regex = self.__dict__.get("_regex")
        if regex is None:
            regex = self.__dict__["_regex"] = re.compile(self.pattern, self.flags)
        return regex

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags!r})"


_PATTERN_API = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
                "groupindex", "groups")


class LazyPattern(_Pattern):
    """A regular expression compiled the first time it is used, not when its module is imported.

    The extractors hold some four hundred patterns; compiled at import they cost every command
    (a query, a run with nothing to do) a sixth of a second. On first use the compiled pattern's
    methods are bound to the instance and it sheds this class's `__getattr__` (a class with one
    pays for it on every attribute read), so later calls cost what a compiled pattern's do.
    `pattern` and `flags` are read without compiling, so patterns compose from others' text.
    """

    def __getattr__(self, name: str):
        # Called only for a name the instance lacks: the first use (never for dunders, which copy
        # and pickle probe for).
        if name.startswith("__") or name not in _PATTERN_API:
            raise AttributeError(name)
        regex = self.compiled()
        for method in _PATTERN_API:
            setattr(self, method, getattr(regex, method))
        self.__class__ = _Pattern
        return getattr(regex, name)


class Span(NamedTuple):
    """`text` = the document's `text[start:end]`. A named tuple rather than a frozen dataclass:
    a page builds thousands, and a tuple is built in a third of the time (same fields, equality,
    hash and immutability)."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, doc: str, start: int, end: int) -> "Span":
        """The span of `doc[start:end]`, trimmed of surrounding white space."""
        while start < end and doc[start].isspace():
            start += 1
        while end > start and doc[end - 1].isspace():
            end -= 1
        return cls(start, end, doc[start:end])

    def sub(self, rel_start: int, rel_end: int) -> "Span":
        """A trimmed sub-span, with offsets relative to this span's start."""
        base = self.start
        piece = self.text[rel_start:rel_end]
        if piece and not piece[0].isspace() and not piece[-1].isspace():  # the usual case: nothing to trim
            return Span(base + rel_start, base + rel_start + len(piece), piece)
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        return Span(base + rel_start + lead, base + rel_start + trail, piece.strip())


# Byte order marks that name an encoding outright (UTF-32 first: its little-endian mark starts like UTF-16's).
BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def unicode_by_bom(raw: bytes) -> str | None:
    """The encoding a UTF-16 or UTF-32 byte order mark names (Windows tools write such files), or None."""
    return next((encoding for bom, encoding in BYTE_ORDER_MARKS if raw.startswith(bom)), None)


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode raw page bytes: UTF-16 or UTF-32 when a byte order mark says so (the mark is not part
    of the text), else UTF-8 when valid, else cp1252, else latin-1.

    latin-1 maps every byte, so decoding never fails; the encoding used is
    returned so `document_text` can be rebuilt exactly from the raw file.
    """
    if (marked := unicode_by_bom(raw)) is not None:
        try:
            return raw.decode(marked), marked
        except UnicodeDecodeError:
            pass  # a mark followed by something else: read it like any other bytes
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1"), "latin-1"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stable_id(*parts: object, length: int = 16) -> str:
    """A short deterministic id built from content and position."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def slugify(title: str) -> str:
    """`VP of AI/ML Engineering` -> `vp-of-ai-ml-engineering`."""
    norm = unicodedata.normalize("NFKD", title)
    norm = norm.encode("ascii", "ignore").decode("ascii").lower()
    norm = norm.replace("&", " and ").replace("+", " plus ")
    return re.sub(r"[^a-z0-9]+", "-", norm).strip("-")


def split_span(span: Span, separator: re.Pattern[str] | LazyPattern | str) -> list[tuple[Span, str]]:
    """Split at every match of `separator`: (trimmed piece, separator after it), empty pieces dropped.

    `split_span(Span(0, 6, "a; b"), ";")` -> [(Span "a", ";"), (Span "b", "")]
    """
    pieces: list[tuple[Span, str]] = []
    pos = 0
    regex = re.compile(separator) if isinstance(separator, str) else separator
    for m in regex.finditer(span.text):
        pieces.append((span.sub(pos, m.start()), m.group(0)))
        pos = m.end()
    pieces.append((span.sub(pos, len(span.text)), ""))
    return [(piece, sep) for piece, sep in pieces if piece.text]


# The end mark is matched, not looked behind at: a pattern that opens with a character class lets
# the engine skip straight to the next ".", "!" or "?" instead of trying every position.
# The white space after the mark is group 1 (same breaks as `(?<=[.!?])\s+(?=[A-Z(\"'\[])`).
_SENTENCE_END = re.compile(r"[.!?](\s+)(?=[A-Z(\"'\[])")


# The longest stretch of text read as one sentence. Text pulled from PDFs and HTML can hold a whole
# page in one line with no sentence break; longer "sentences" are cut at clause breaks (or between
# words) so a row's text is a clause, not the page, and the work per page stays bounded.
MAX_SENTENCE = 4_000
_CLAUSE_END = re.compile(r"[;,:)]\s+|\s+(?:-|–|—)\s+")


def sentence_spans(span: Span) -> list[Span]:
    """Split a span into sentences at `. `/`! `/`? ` before a capital letter, none longer than
    `MAX_SENTENCE` characters.

    Abbreviations such as "e.g." are followed by lower case or a comma in
    these pages, so the capital-letter look-ahead keeps them intact.
    """
    text = span.text
    if len(text) > MAX_SENTENCE:
        return [piece for sentence in _sentences(span) for piece in _capped(sentence)]
    return _sentences(span)


def _capped(span: Span) -> list[Span]:
    """A long sentence in pieces of at most MAX_SENTENCE characters, each ending at the last clause
    break (else the last space) before the limit."""
    pieces, pos, text = [], 0, span.text
    while len(text) - pos > MAX_SENTENCE:
        window = text[pos:pos + MAX_SENTENCE]
        breaks = [m.end() for m in _CLAUSE_END.finditer(window)]
        cut = breaks[-1] if breaks and breaks[-1] > MAX_SENTENCE // 4 else window.rfind(" ") + 1
        cut = cut if cut > 0 else MAX_SENTENCE
        pieces.append(span.sub(pos, pos + cut))
        pos += cut
    pieces.append(span.sub(pos, len(text)))
    return [p for p in pieces if p.text]


def _sentences(span: Span) -> list[Span]:
    text = span.text
    if "." not in text and "!" not in text and "?" not in text:  # one sentence: most lines
        if text and not text[0].isspace() and not text[-1].isspace():
            return [span]  # already trimmed: the sentence is the span itself
        last = span.sub(0, len(text))
        return [last] if last.text else []
    out: list[Span] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start(1)  # just after the end mark
        if _is_abbreviation(text, end):
            continue
        out.append(span.sub(pos, end))
        pos = m.end()
    out.append(span.sub(pos, len(text)))
    return [s for s in out if s.text]


# "etc." is left out: it usually does end a sentence.
_ABBREVIATIONS = ("e.g.", "i.e.", "vs.", "Dr.", "Mr.", "Ms.", "U.S.", "Inc.", "approx.")


def _is_abbreviation(text: str, dot_end: int) -> bool:
    return text.endswith(_ABBREVIATIONS, 0, dot_end)


_ASCII_DIGIT = re.compile("[0-9]")


def has_digit(text: str) -> bool:
    """`any(ch.isdigit() for ch in text)` in one scan: on ASCII text only 0-9 are digits."""
    if text.isascii():
        return _ASCII_DIGIT.search(text) is not None
    return any(map(str.isdigit, text))


def fold(text: str) -> str:
    """Lower case for cheap substring checks (`"bonus" in fold(text)`) before a case-insensitive
    regex. re.IGNORECASE also equates "ı", "İ" and "ſ" with "i" and "s", which str.lower keeps
    apart, so those are folded too: a word the regex can find is always in the folded text."""
    low = text.lower()
    if not low.isascii() and ("ı" in low or "i\u0307" in low or "ſ" in low):
        low = low.replace("i\u0307", "i").replace("ı", "i").replace("ſ", "s")
    return low


# ------------------------------------------------------------------ look-alike characters
# Pages write a dash, an apostrophe or an arrow in several characters, and a page whose UTF-8
# was decoded twice shows each as two or three characters: "–" as "â€“" under cp1252, "โ€“"
# under cp874 (Thai Windows). Patterns that read these characters use the alternations below,
# built from one table, so every form is matched where it stands and offsets stay exact (no
# copy of the text is rewritten).
_LOOKALIKES = {
    "dash": "-‐‑‒–—−",         # hyphen-minus, hyphen, no-break hyphen, figure dash, en, em, minus
    "apostrophe": "'’‘`´ʼ",
    "quote": '"“”„',
    "arrow": "→⟶➔»",
}


def _decode_bytewise(data: bytes, encodings: tuple[str, ...]) -> str:
    """`data` read one byte at a time, each byte in the first encoding that maps it (latin-1 maps
    all): how tools decode text under cp874, whose table lacks some bytes cp1252 has."""
    out = []
    for b in data:
        for enc in encodings:
            try:
                out.append(bytes([b]).decode(enc))
                break
            except UnicodeDecodeError:
                continue
    return "".join(out)


_MISDECODINGS = {"cp1252": ("cp1252", "latin-1"), "cp874": ("cp874", "cp1252", "latin-1")}


def misdecoded_forms(ch: str) -> list[str]:
    """`ch` as its UTF-8 bytes read under cp1252 and cp874: "–" -> ["â€“", "โ€“"]."""
    if ch.isascii():
        return []
    forms: list[str] = []
    for encodings in _MISDECODINGS.values():
        form = _decode_bytewise(ch.encode("utf-8"), encodings)
        if form not in forms:
            forms.append(form)
    return forms


def lookalike_pattern(kind: str, extra: tuple[str, ...] = ()) -> str:
    """A non-capturing alternation of every way a page writes a `kind` character ("dash",
    "apostrophe", "quote", "arrow"), double-decoded forms included, longest first; `extra`
    adds other spellings ("to", "->")."""
    chars = _LOOKALIKES[kind]
    alternatives = [form for ch in chars for form in misdecoded_forms(ch)] + list(extra)
    alternatives.sort(key=len, reverse=True)
    return "(?:" + "|".join([*map(re.escape, alternatives), "[" + re.escape(chars) + "]"]) + ")"


DASH = lookalike_pattern("dash")
APOSTROPHE = lookalike_pattern("apostrophe")
ARROW = lookalike_pattern("arrow", ("->",))


# ------------------------------------------------------------------ mojibake detection
# UTF-8 read as cp1252 turns every non-ASCII letter into a lead character
# (Â..ô) followed by one to three characters that stand for bytes 0x80-0xBF.
_CP1252_CONTINUATION = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\u00a0-\u00bf"
# Read as cp874 the lead bytes become Thai letters and the continuation bytes the few
# punctuation marks cp874 has at 0x80-0xA0 (€ … ‘ ’ “ ” • – —, no-break space) or Thai letters
# (0xA1-0xBF): "โ€“" for "–". Real Thai text never puts those punctuation marks right after a
# letter, so a sequence counts only when it has one of them.
_CP874_BYTES = {ch: b for b in range(0x80, 0x100) for ch in [_decode_bytewise(bytes([b]), _MISDECODINGS["cp874"])]}
_CP874_LEAD = "".join(ch for ch, b in _CP874_BYTES.items() if 0xC2 <= b <= 0xF4 and "\u0e00" <= ch <= "\u0e7f")
_CP874_PUNCT = "".join(ch for ch, b in _CP874_BYTES.items() if 0x80 <= b <= 0xA0)
_CP874_CONTINUATION = "".join(ch for ch, b in _CP874_BYTES.items() if 0x80 <= b <= 0xBF)
# Two patterns, each opening with a character class: the engine skips ahead to a possible lead
# character far faster than it tries an alternation at every position.
_MOJIBAKE_CP1252 = re.compile(f"[\u00c2-\u00f4][{_CP1252_CONTINUATION}]{{1,3}}")
_MOJIBAKE_CP874 = re.compile(f"[{re.escape(_CP874_LEAD)}][{re.escape(_CP874_CONTINUATION)}]{{1,3}}")
_THAI = re.compile("[\u0e01-\u0e5b]")  # the Thai block, as a range: the quickest scan


def _cp874_sample(seq: str) -> str | None:
    """The UTF-8 sequence `seq` starts with, read back from cp874, when it is one."""
    lead = _CP874_BYTES[seq[0]]
    size = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
    seq = seq[:size]
    if len(seq) < size or not any(ch in _CP874_PUNCT for ch in seq[1:]):
        return None
    try:
        bytes(_CP874_BYTES[ch] for ch in seq).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return seq


def mojibake_samples(text: str, limit: int = 3) -> list[str]:
    """Sequences that are UTF-8 decoded as cp1252 (`â€™` for `’`) or as cp874 (`โ€“` for `–`),
    at most `limit` distinct ones.

    A match counts only when re-encoding it gives valid UTF-8, so real accented text
    ("Ã  la", "Â°") and real Thai text are not flagged.
    """
    found: list[tuple[int, str]] = []
    if text.isascii():
        return []
    seen: set[str] = set()
    for m in _MOJIBAKE_CP1252.finditer(text):
        try:
            m.group(0).encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if m.group(0) not in seen:
            seen.add(m.group(0))
            found.append((m.start(), m.group(0)))
            if len(found) == limit:
                break
    if _THAI.search(text) is not None:  # most pages hold no Thai letter: one quick scan
        for m in _MOJIBAKE_CP874.finditer(text):
            if m.start() > (found[-1][0] if len(found) == limit else len(text)):
                break  # the first `limit` samples are already known
            sample = _cp874_sample(m.group(0))
            if sample is not None and sample not in seen:
                seen.add(sample)
                found.append((m.start(), sample))
        found.sort()
    return [sample for _, sample in found[:limit]]


def display_path(path: str) -> str:
    """A file name as storable text: bytes that are not UTF-8 are shown as `\\xNN`."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
