"""Roles, duties, related roles and FAQs."""
from __future__ import annotations

import re

from roledata.extract.context import PageContext, is_group_label, provenance
from roledata.parse.headings import asks_duties, heading_kind
from roledata.parse.outline import Outline
from roledata.parse.structure import Line, Section, split_label
from roledata.parse.title_prose import TITLE_PATTERN, abbreviated_title, split_title_list
from roledata.parse.role_nouns import role_headed
from roledata.text import ARROW, LazyPattern, Span, fold, sentence_spans, slugify, split_span

# Title words -> seniority, first match wins ("VP of AI Engineering" is executive, not lead).
_SENIORITY = (
    ("executive", LazyPattern(r"\b(?:chief|vp|vice president|president|cto|caio|cio|cdo|evp|svp)\b", re.I)),
    ("director", LazyPattern(r"\b(?:head|director)\b", re.I)),
    ("manager", LazyPattern(r"\bmanager\b", re.I)),
    ("lead", LazyPattern(r"\blead\b", re.I)),
    ("senior", LazyPattern(r"\b(?:senior|sr\.?|staff|principal)\b", re.I)),
    ("entry", LazyPattern(r"\b(?:junior|jr\.?|entry[- ]level|associate|intern|graduate)\b", re.I)),
)


def seniority_of(title: str) -> str | None:
    """The seniority a title's words say ("VP of AI" -> "executive"), or None."""
    return next((level for level, rx in _SENIORITY if rx.search(title)), None)


def primary_role(outline: Outline, document_id: str) -> dict:
    """The `roles` row of the role the page is about: its title, aliases (an abbreviated title
    first), family, seniority and summary. Its id and names make the extractors' `PageContext`."""
    title = outline.title
    assert title is not None
    aliases = [a.text for a in outline.aliases]
    short = abbreviated_title(title.text)
    if short and short not in aliases:
        aliases.insert(0, short)
    row = {
        "role_id": slugify(title.text),
        "title": title.text,
        "aliases": aliases,
        "family": outline.family.text if outline.family else None,
        "seniority": seniority_of(title.text),
        "summary": outline.summary.text if outline.summary else None,
        "is_primary": True,
        "title_source": outline.title_choice.source if outline.title_choice else None,
    }
    row.update(provenance(document_id, None, title))
    return row


def listed_roles(outline: Outline, document_id: str) -> list[dict]:
    """A `roles` row for each role another list on the page names ("More in AI Engineering"),
    in the order of `outline.listed_roles`."""
    rows = []
    for listed in outline.listed_roles:
        family = None
        if listed.heading is not None and (m := re.match(r"More in (.+)$", listed.heading.text)):
            family = m.group(1)
        row = {
            "role_id": slugify(listed.title.text),
            "title": listed.title.text,
            "aliases": [],
            "family": family,
            "seniority": seniority_of(listed.title.text),
            "summary": listed.description.text if listed.description else None,
            "is_primary": False,
            "title_source": "listed",
        }
        row.update(provenance(document_id, None, listed.title))
        row["section_heading"] = listed.heading.text if listed.heading else None
        rows.append(row)
    return rows


def role_document_rows(primary: dict, listed: list[dict]) -> list[dict]:
    """The page's `role_documents` rows: its primary role, then each role it lists, once per role.
    A page that lists its own role, or one role twice ("More in ..." and a see-also list), names
    one role: the first row stands (the primary one for the page's own role), so a page never
    gives two rows of one (document, role) key."""
    rows, seen = [], set()
    for row in (primary, *listed):
        if row["role_id"] not in seen:
            seen.add(row["role_id"])
            rows.append(row)
    return rows


def extract_duties(outline: Outline, context: PageContext) -> list[dict]:
    """One row per duty, in page order: the bullets of a duties section (plain lines only under
    its own duties heading), and the bullets a lead-in ("Key responsibilities include:") opens."""
    document_id, role_id = context.document_id, context.role_id
    rows = []

    def add(value: Span, section: Section, category: str | None) -> None:
        row = {"duty_id": None, "role_id": role_id,
               "ordinal": len(rows), "category": category}
        row.update(provenance(document_id, section, value))
        rows.append(row)

    for section in outline.sections:
        if section.kind == "duties" and not _not_duties(section):
            lines = section.lines
            # Plain lines count as duties only under the section's own duties heading ("Core Duties:").
            plain = (not any(line.is_bullet for line in lines)
                     and heading_kind((section.heading_text or "").rstrip(":")) == "duties")
            for line in lines:
                if not line.is_bullet and not (plain and _plain_duty(line)):
                    continue
                if is_group_label(line.content.text):
                    continue
                label, value = split_label(line.content)
                if label is not None and heading_kind(label.text) not in {"other", "duties"}:
                    continue  # "Pay Band: $81,000 - $97,000" under "Core Duties"
                category = label.text if label else (section.heading_text.rstrip(":") if section.level == 2 else None)
                add(value, section, category)
        elif section.kind not in _NO_DUTY_KINDS:
            for value, category in _led_in_duties(section):
                add(value, section, category)
    return rows


# "Key responsibilities include:", "Most days, the work includes:", "Planners typically do the following:"
_LEAD_IN = LazyPattern(r"\b(?:responsibilit\w*|duties|tasks|aspects of (?:the|this|their) (?:\w+ )?(?:role|job|position|work)|"
                       r"(?:work|job|role|position) (?:includes?|involves?)|day[- ]to[- ]day|typically (?:do|perform)|"
                       r"what (?:they|you)(?:'ll| will)? do|(?:they|you) will)\b[^.!?]*:$", re.I)
_NOT_LEAD_IN = LazyPattern(r"\b(?:skills?|qualifications?|requirements?|education|knowledge|competenc\w*|"
                           r"certifications?|tools|traits|abilities)\b", re.I)
_LEAD_IN_WORDS = LazyPattern(r"\b(?:responsibilit\w*|duties)\b", re.I)
_NO_DUTY_KINDS = frozenset({"duties", "faq", "cover_letter", "related_roles", "requirements", "qualifications",
                            "skills", "soft_skills"})
_NOT_DUTY_HEADING = LazyPattern(r"\bwhat you(?:'ll|’ll)? (?:bring|need|have)\b|\bwho you are\b|\babout you\b|"
                                r"\bnice to have\b|\byou have\b", re.I)
# A lead-in glued to the end of the last bullet: "... of the route tables Core skills include:"
_GLUED_LEAD_IN = LazyPattern(r"(?<=[a-z,).])\s+(?=[A-Z][a-z]+\b[^.!?]*:$)")


def _not_duties(section: Section) -> bool:
    """A sub-section inside a duties section that lists something else: "Entry Point From:",
    "What You Bring", "Skills"."""
    if section.heading is None or section.level != 2:
        return False
    text = section.heading.text.rstrip(":")
    return bool(_cue(text) or _NOT_DUTY_HEADING.search(text)
                or heading_kind(text) in {"requirements", "qualifications", "skills", "soft_skills", "salary"})


def _is_lead_in(text: str) -> bool:
    """"Key responsibilities include:" opens a list of duties; "Core skills needed here include:" does not."""
    if not (m := _LEAD_IN.search(text)):
        return False
    sentence = text[max(text.rfind(". ", 0, m.start()) + 1, 0):]
    return not _NOT_LEAD_IN.search(sentence)


def _plain_duty(line: Line) -> bool:
    """A duty written as a plain line (no bullet marker) in a section that has no bullets."""
    text = line.text
    return (2 <= len(text.split()) <= 40 and not text.endswith((":", "?")) and text[:1].isupper()
            and not _LEAD_IN_WORDS.search(text))  # "Planners carry a broad set of responsibilities ..."


def _led_in_duties(section: Section) -> list[tuple[Span, str | None]]:
    """Bullets after a lead-in ("Key responsibilities include:") in a section that is not a
    duties section; the run ends at a non-bullet line or at a bullet that ends with its own lead-in."""
    out: list[tuple[Span, str | None]] = []
    active = section.heading is not None and _is_lead_in(section.heading.text.rstrip(":") + ":")
    for line in section.lines:
        text = line.text
        if not line.is_bullet:
            # (the question "What does a data engineer do?" opens the duties listed under it too)
            active = (text.endswith(":") and _is_lead_in(text)) or (text.endswith("?") and asks_duties(text))
            continue
        if not active:
            if text.endswith(":") and _is_lead_in(text):
                active = True
            continue
        content = line.content
        ends_run = text.endswith(":")
        if ends_run:
            m = _GLUED_LEAD_IN.search(text)
            if m is None:
                active = False
                continue
            content = content.sub(0, m.start())
            active = _is_lead_in(text[m.end():])
        label, value = split_label(content)
        if label is not None and heading_kind(label.text) not in {"other", "duties"}:
            continue
        out.append((value, label.text if label else None))
        if ends_run and not active:
            break
    return out


def extract_faqs(outline: Outline, context: PageContext) -> list[dict]:
    """One row per question and answer the parser found, in page order."""
    document_id, role_id = context.document_id, context.role_id
    rows = []
    for ordinal, (question, answer, section) in enumerate(outline.faqs):
        span = Span(question.start, answer.end, outline.text[question.start:answer.end])
        row = {"faq_id": None, "role_id": role_id,
               "ordinal": ordinal, "question": question.text, "answer": answer.text}
        row.update(provenance(document_id, section, span))
        rows.append(row)
    return rows


# ------------------------------------------------------------ related roles
_ROLE_NOUN = LazyPattern(
    r"\b(?:Engineer|Scientist|Lead|Manager|Director|Officer|Head|VP|President|Architect|Analyst|"
    r"Researcher|Fellow|Principal|Founder|Consultant|Specialist|Developer|CTO|CAIO)s?\b"
)
_TITLE_LIST = rf"(?P<list>{TITLE_PATTERN}(?:\s*(?:,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+)(?:the\s+)?{TITLE_PATTERN})*)"
_TO_OPENING = (r"leading to|leads? to|lead(?:ing)? into|career paths? from [^.,]*? include|"
               r"can (?:move|advance|progress) (?:up )?(?:in)?to")
_FROM_OPENING = (r"progress(?:es)? from|transition(?:s|ing)? from|moves? up from|comes? from|start(?:s|ing)? (?:in|as)|"
                 r"(?:advance|progress|move|transition) (?:to|into|through)")
_TO = LazyPattern(
    rf"(?i:{_TO_OPENING})"
    rf"\s+(?:(?:executive|senior|leadership)\s+)?(?i:roles?|positions?)?\s*(?i:like|such as|as)?\s*{_TITLE_LIST}"
)
_FROM = LazyPattern(
    rf"(?i:{_FROM_OPENING})"
    rf"\s+(?:(?:entry-level|senior|leadership|executive)\s+)?(?i:roles?|positions?)?\s*(?i:like|such as)?\s*(?i:an?\s+)?{_TITLE_LIST}"
)

# Each pattern with its opening phrase alone, for lower-cased text: a line without the phrase
# cannot match, and the phrase is found far faster than the whole pattern.
_CAREER_MOVES = ((_TO, "career_to", LazyPattern(_TO_OPENING)), (_FROM, "career_from", LazyPattern(_FROM_OPENING)))


def extract_related_roles(outline: Outline, context: PageContext) -> list[dict]:
    """One row per (related role, relation): the title's aliases, the roles a "More in ..." list
    names, career moves in prose ("leading to Director of AI") and labelled lists of roles."""
    document_id, role_id = context.document_id, context.role_id
    rows: dict[tuple[str, str], dict] = {}

    def add(span: Span, relation: str, section: Section | None) -> None:
        related_id = slugify(span.text)
        if not related_id or related_id == role_id or (related_id, relation) in rows:
            return
        row = {"relation_id": None, "role_id": role_id,
               "related_role_id": related_id, "related_title": span.text, "relation": relation}
        row.update(provenance(document_id, section, span))
        rows[(related_id, relation)] = row

    for alias in outline.aliases:
        add(alias, "alias", outline.sections[0] if outline.sections else None)
    for listed in outline.listed_roles:
        section = next((s for s in outline.sections if s.heading is listed.heading), None)
        add(listed.title, "see_also", section)
    for line, section in outline.lines({"career_path", "career_outlook", "overview"}):
        low = fold(line.text)
        regexes = [(regex, relation) for regex, relation, opening in _CAREER_MOVES if opening.search(low)]
        if not regexes:
            continue  # the line has neither pattern's opening phrase
        for sentence in sentence_spans(line.content):
            for regex, relation in regexes:
                for m in regex.finditer(sentence.text):
                    for item in split_title_list(sentence.sub(*m.span("list"))):
                        item = _strip_article(item)
                        if _ROLE_NOUN.search(item.text):
                            add(item, relation, section)
    for span, relation, section in _listed_relations(outline, role_id):
        add(span, relation, section)
    return list(rows.values())


# ------------------------------------------------------------ related roles from labelled lists
# A heading or a line label that introduces a list of roles, and how they relate to the page's role.
_LIST_CUES = (
    ("career_from", LazyPattern(r"\b(?:entry points?|(?:entry|feeder|previous|prior|source) (?:roles?|positions?|points?)|"
                                r"(?:comes?|coming|moving|transition\w*) from|(?:routes?|pathways?|ways) in(?:to)?|"
                                r"common backgrounds?|where .{0,20}come from)\b", re.I)),
    ("career_to", LazyPattern(r"\b(?:advancement|advance to|promotions?|next (?:steps?|roles?|levels?|moves?)|"
                              r"career (?:progression|ladder|path(?:s|way)?)|progression|where (?:\w+ ){0,3}leads?|"
                              r"leads? to|moves? up|exit (?:options|opportunities))\b", re.I)),
    ("see_also", LazyPattern(r"\b(?:lateral(?: moves?| options?| roles?)?|(?:related|similar|adjacent|comparable|neighbou?ring) "
                             r"(?:careers?|roles?|jobs?|titles?|occupations?|positions?|professions?|tracks?)|"
                             r"see also|pivot targets?|speciali[sz]ations?|specialties|specialisms?)\b", re.I)),
    ("alias", LazyPattern(r"\b(?:alternative|alternate|other|similar|common) (?:job )?titles?|also (?:known|called|listed) as|"
                          r"job title variations?|a\.?k\.?a\b", re.I)),
)
_CUE_MAX_WORDS = 6
# Separators between roles on one line: "A · B · C", "A | B", "A, B and C", "A; B", "A / B".
_ITEM_SPLIT = LazyPattern(r"\s*(?:[·|•;]|,\s*(?:and|or)\s+|,|\s/\s|\s+(?:and|or)\s+)\s*")
# Career ladders written with arrows: "A → B → C" (also "->", "»", and arrows decoded twice: text.ARROW).
_ARROW = LazyPattern(rf"\s*{ARROW}\s*")
_LEADING_LIST = LazyPattern(r"^(?P<list>[A-Z][^.:;]*?)\s+(?:share|are|have|also|can|often|use|work|do)\b")
_DASH_DESCRIPTION = LazyPattern(r"\s+[—–-]\s+")
_HARD_SEPARATOR = LazyPattern(r"[·|•;,]|\s/\s")
_TRAILING_BRACKET = LazyPattern(r"\s*\([^)]*\)\s*$")


# A word (lower case) that every cue above contains: most headings and labels have none.
_CUE_HINT = LazyPattern("entry|feeder|previous|prior|source|from|route|way|common|"
                        "advance|promotion|next|career|progression|lead|move|exit|"
                        "lateral|related|similar|adjacent|comparable|neighbo|see also|pivot|special|"
                        "title|also|aka|a\\.ka|ak\\.a|a\\.k\\.a")


def _cue(text: str | None) -> str | None:
    if not text or len(text.split(None, _CUE_MAX_WORDS + 1)) > _CUE_MAX_WORDS or not _CUE_HINT.search(fold(text)):
        return None
    # "Similar roles" beats "roles", "Lateral Moves" beats "Career path" (the table runs from specific to broad)
    for relation, rx in (_LIST_CUES[3], _LIST_CUES[2], _LIST_CUES[0], _LIST_CUES[1]):
        if rx.search(text):
            return relation
    return None


def _listed_relations(outline: Outline, role_id: str) -> list[tuple[Span, str, Section]]:
    """Roles named in labelled lists: a cue heading over bullets, plain lines or a run of
    title-only headings; a cue label before a list on one line ("Related roles: A, B")."""
    found: list[tuple[Span, str, Section]] = []
    sections = outline.sections
    for index, section in enumerate(sections):
        heading = section.heading
        if heading is not None and 0 < heading.text.find(":") < 40:
            # A heading that is itself a labelled list: "Similar roles: A, B, C"
            label, value = split_label(heading)
            if label is not None and value.text and (rel := _cue(label.text)):
                found.extend((span, r, section) for span, r in _value_items(value, rel, role_id))
        relation = _cue(heading.text.rstrip(":")) if heading is not None else None
        if relation is not None:
            for line in section.lines:
                found.extend((span, rel, section) for span, rel in _line_items(line, relation, role_id))
            if not section.lines:
                # A run of headings that are titles: "Similar Careers" / "Data Scientist" / "Privacy Engineer"
                for later in sections[index + 1:]:
                    if later.heading is None or _cue(later.heading.text.rstrip(":")):
                        break
                    items = _value_items(later.heading, relation, role_id)
                    if not items:
                        break
                    found.extend((span, rel, later) for span, rel in items)
                    if later.lines:
                        break
            continue
        for line in section.lines:
            text = line.text
            colon = text.find(":")
            if 0 < colon < 40:
                label, value = split_label(line.content)
                if label is not None and (rel := _cue(label.text)):
                    found.extend((span, r, section) for span, r in _value_items(value, rel, role_id))
    return found


def _line_items(line: Line, relation: str, role_id: str) -> list[tuple[Span, str]]:
    label, value = split_label(line.content)
    if label is not None:
        if rel := _cue(label.text):
            return _value_items(value, rel, role_id)  # "Feeder roles: A; B" under "Career Path"
        if line.is_bullet or len(label.text.split()) <= 6:
            # "Streaming ASR Engineer: on-device recognition" (a specialization and its description)
            return [(_clean(label), relation)] if _is_title(label.text) else []
    content = line.content
    if _ARROW.search(content.text):
        return _value_items(content, relation, role_id)
    if line.is_bullet and (m := _DASH_DESCRIPTION.search(content.text)):
        # "**Voice Agent Engineer** — phone and voice assistants"
        name = _clean(content.sub(0, m.start()))
        return [(name, relation)] if _is_title(name.text) else []
    if content.text.endswith(".") and len(content.text.split()) > 8:
        if (colon := content.text.rfind(":")) > 0:
            # "... usually move into one of these roles: A, B or C."
            return _all_titles(content.sub(colon + 1, len(content.text)), relation)
        # "Data Scientists, NLP Engineers and Technical Writers share many of the same skills."
        if m := _LEADING_LIST.match(content.text):
            return _all_titles(content.sub(0, m.end("list")), relation)
        return []
    return _value_items(content, relation, role_id)


def _value_items(value: Span, relation: str, role_id: str) -> list[tuple[Span, str]]:
    """The roles of a list value; in an arrow ladder, roles before the page's own role are where
    it starts from and roles after it are where it leads."""
    if _ARROW.search(value.text):
        steps = [_clean(piece) for piece, _ in split_span(value, _ARROW)]
        ids = [slugify(step.text) for step in steps]
        own = ids.index(role_id) if role_id in ids else None
        out = []
        for i, step in enumerate(steps):
            if _is_title(step.text):
                rel = relation if own is None else ("career_from" if i < own else "career_to")
                out.append((step, rel))
        return out
    return _all_titles(value, relation)


def _all_titles(span: Span, relation: str) -> list[tuple[Span, str]]:
    """Every piece of a list, when every piece is a role title (else the line is prose: nothing).
    "Staff Search and Retrieval Engineer" is one title: its "and" joins words, not roles."""
    pieces = [_clean(piece) for piece, _ in split_span(span, _ITEM_SPLIT)]
    pieces = [p for p in pieces if p.text]
    if pieces and all(_is_title(p.text) for p in pieces):
        # "Routing Team Lead or Manager": a bare head noun left by the split is not a title of its own
        return [(p, relation) for p in pieces if len(pieces) == 1 or " " in p.text or p.text.isupper()]
    whole = _clean(span)
    if not _HARD_SEPARATOR.search(whole.text) and _is_title(whole.text):
        return [(whole, relation)]
    return []


def _is_title(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 8 and text[:1].isupper() and role_headed(text)


def _clean(span: Span) -> Span:
    """"Data Scientist (experimentation background)" -> "Data Scientist"; "1. X" -> "X"."""
    if m := re.match(r"^(?:\d+[.)]\s+|[-*•]\s+)", span.text):
        span = span.sub(m.end(), len(span.text))
    if m := _TRAILING_BRACKET.search(span.text):
        if m.start() > 0:
            span = span.sub(0, m.start())
    span = span.sub(0, len(span.text.rstrip(".,;:")))
    lead = len(span.text) - len(span.text.lstrip("*_"))
    return span.sub(lead, len(span.text.rstrip("*_")))


def _strip_article(span: Span) -> Span:
    m = re.match(r"^(?:an?|the)\s+", span.text)
    span = span.sub(m.end(), len(span.text)) if m else span
    return span.sub(0, len(span.text.rstrip(".")))
