"""The words postings state their terms in: labels, codes and dates.

A posting states its facts in three shapes, each read here:

- a label and its value: "Location: Austin, TX", "Job Type: Full-time",
  also glued to the text before it as pasted postings are ("...ElectricianCompany:
  Brightwire ElectricLocation: Fresno"), or a label line with its value on the
  next line;
- a word in the title or in the short lines under it ("Senior Data Engineer
  (Remote)", "Contract", "Hybrid · Denver, CO");
- a sentence in the employer's voice ("This is a full-time, hybrid role based
  in Denver, CO", "Posted on 2026-03-04", "#LI-Remote").

`arrangement`, `employment_types`, `experience_level` and `read_date` turn
the words into the contract's codes (`codes.WORK_ARRANGEMENT`...).
"""
from __future__ import annotations

import re
from datetime import date

from roledata.text import LazyPattern

# ------------------------------------------------------------------ labels
# Label -> fact. Case-insensitive; the label may stand glued after a lower-case letter when it
# opens with a capital ("BankLocation:"), as pasted postings run their fields together.
LABELS: tuple[tuple[str, str], ...] = (
    ("location", r"(?:(?:job|work|office|primary|preferred|position|role|hiring)\s+)?locations?"
                 r"(?:\s+of\s+(?:the\s+)?(?:job|role|position))?|ability\s+to\s+(?:commute|relocate)"),
    ("work_arrangement", r"(?:(?:flexible\s+)?work(?:place)?|location|remote|office)\s+(?:type|arrangements?|model|"
                         r"setting|mode|style|policy|status)|remote(?:\s+work)?|workplace|mode"),
    ("employment_type", r"(?:job|employment|employee|position|work|contract|engagement|role|hire|time|worker)\s+"
                        r"(?:type|status)s?|(?:job|work)\s+schedule|"
                        r"type\s+of\s+(?:employment|position|role|contract)|employment|job\s+status|schedule|"
                        r"(?:contract\s+)?duration(?:\s+of\s+(?:the\s+)?contract)?|status|type"),
    ("employer", r"company(?:\s+name)?|employer|organi[sz]ation|hiring\s+(?:company|organi[sz]ation|department|entity)"),
    ("date_posted", r"(?:date\s+)?posted(?:\s+(?:on|date))?|posting\s+date|date\s+(?:posted|published|listed)|"
                    r"published(?:\s+on)?|listed\s+on|opening\s+date"),
    ("valid_through", r"(?:application|applications|apply|closing|close|expiration|expiry|posting\s+end|end)\s+"
                      r"(?:deadline|date|by)|deadline(?:\s+to\s+apply)?|apply\s+by|closes(?:\s+on)?|"
                      r"open\s+until|valid\s+(?:through|until)|applications?\s+(?:close|due)(?:\s+on)?"),
    ("experience_level", r"(?:seniority|experience|career|job|position)\s+level|seniority"),
)
# The word every label above ends with: a separator after any other word ends no label, so the label
# patterns are not run there (`tests/unit/extract/test_posting_speed.py` holds these lists to LABELS).
# A label alone ("Location:") may be glued to the word before it ("San DiegoLocation:"); the words of
# LABEL_AFTER_SPACE only ever end a label of several words, so a space stands before them ("Posted on:").
LABEL_LAST_WORDS = (
    "location", "locations", "type", "types", "status", "statuss", "remote", "workplace", "employment", "schedule",
    "duration", "company", "employer", "organization", "organisation", "posted", "published", "deadline", "closes",
    "seniority", "mode")
LABEL_AFTER_SPACE = (
    "job", "role", "position", "arrangement", "arrangements", "model", "setting", "style", "policy", "work", "contract",
    "name", "on", "date", "listed", "by", "apply", "until", "through", "close", "due", "level", "commute", "relocate",
    "department", "entity")
_LABEL_GROUPS = "|".join(f"(?P<{fact}>{pattern})" for fact, pattern in LABELS)
# The label, then ":" (or " - ", "–"), then the value. At the start of a line, after white space
# or punctuation, or glued after a lower-case letter (checked in `find_labels`).
LABEL = LazyPattern(rf"(?<![\w&'’-])(?:{_LABEL_GROUPS})[ \t]*(?:[:：]|[ \t]+[-–—][ \t]+|[-–—](?=[ \t]*[A-Z]))[ \t]*",
                    re.I)
GLUED_LABEL = LazyPattern(rf"(?<=[a-z)\].])(?:{_LABEL_GROUPS})[ \t]*(?:[:：]|[ \t]*[-–—][ \t]*(?=[A-Z]))[ \t]*", re.I)
# A label alone on its line, without a colon, its value on the next line: "Location" / "San Francisco".
LABEL_LINE = LazyPattern(rf"^[*_#> \t]*(?:{_LABEL_GROUPS})[ \t]*:?[ \t*_]*$", re.I)
# Any "Label:" that opens a field glued to the value before it ends that value ("San DiegoJob Type:"); a label's
# words are not glued themselves ("MidTown Cleveland WarehouseStatus:" ends at "Warehouse", not at "Mid"), nor is
# a name's short capitalised prefix a field's end ("McKinney TX Note:", "DeKalb IL Shift:").
_FIELD_WORDS = r"(?:[A-Z][a-z]*|[A-Z]+)(?:[ \t](?:[A-Za-z][a-z]*|[A-Z]+)){0,3}[ \t]*:"
NEXT_FIELD = LazyPattern(rf"(?<=[a-z0-9)\].])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{{2}})(?={_FIELD_WORDS})"
                         rf"|[ \t]{{2,}}(?={_FIELD_WORDS})")
# The fields job boards print, whatever stands before them ("Trenton, NJJob Type:", "OR HybridTerm:"):
# a value ends where one of them begins.
FIELD_NAMES = LazyPattern(
    r"(?:Job\s+(?:Title|Type|ID|Code|Description|Location)|Employment\s+Type|Position(?:\s+(?:Type|Title))?|"
    r"Duration|(?:Additional\s+|Other\s+)?Locations?|Work\s+Location|Salary|Compensation|Pay(?:\s+Rate)?|Rate|Experience|Title|Role|Type|"
    r"Start\s+Date|Visa|Client|Interview|Department|Reports\s+to|Hours|Shift|Schedule|Status|Travel|Company|"
    r"Industry|Openings|Benefits|Term)[ \t]*:")
# On a line of fields ("Job Title: Data Scientist Location: Charlotte, NC Duration: 6 months") a value also
# ends where the next "Label:" follows a single space.
NEXT_FIELD_ON_FIELD_LINE = LazyPattern(r"[ \t]+(?=[A-Z][A-Za-z]*(?:[ \t][A-Z][A-Za-z]*){0,2}[ \t]*:\s)")
MAX_VALUE = 160


def label_fact(match: re.Match[str]) -> str:
    return next(fact for fact, _ in LABELS if match.group(fact) is not None)


# ------------------------------------------------------------------ work arrangement
_REMOTE = (r"(?:fully[ -]remote|100\s?%\s?remote|remote(?:[ -]first)?|work(?:ing)? (?:from|at) home|wfh|telecommut\w*|remotely|"
           r"(?:work(?:ing)?[ -])?from[ -]anywhere)")
_HYBRID = r"hybrid"
_ONSITE = r"(?:on[- ]?site|onsite|in[- ]office|in[- ]person|office[- ]based)"
ARRANGEMENT_WORD = LazyPattern(rf"\b(?:(?P<remote>{_REMOTE})|(?P<hybrid>{_HYBRID})|(?P<onsite>{_ONSITE}))\b", re.I)
# A line that is only the arrangement, in a list of what the job offers too: "Remote/hybrid environment", "Fully
# remote", "Hybrid work model". A perk that limits it says more ("Two work-from-anywhere weeks a year", "Remote
# Fridays in August") and is no such line; "from anywhere" alone is not read here (a perk's usual words).
_LINE_WORD = rf"(?:fully[ -]remote|100\s?%\s?remote|remote|work(?:ing)? from home|{_HYBRID}|{_ONSITE})"
ARRANGEMENT_LINE = LazyPattern(rf"[\s•*·-]*(?:(?:fully|flexible)\s*[/,&]?\s*)?{_LINE_WORD}"
                               rf"(?:\s*(?:[/&,]|\bor\b|\band\b)\s*(?:{_LINE_WORD}|flexible))*(?:[- ](?:first|friendly))?"
                               rf"(?:\s+work(?:ing|place)?)?(?:\s+(?:environment|culture|setup|options?|model|schedule|"
                               rf"arrangement))?\s*[.!]?", re.I)
# LinkedIn's workplace tags, written by the employer: "#LI-Remote", "#LI-Hybrid", "#LI-Onsite".
ARRANGEMENT_TAG = LazyPattern(r"#LI-(?:(?P<remote>Remote)|(?P<hybrid>Hybrid)|(?P<onsite>On-?site))\b", re.I)
# Sentences that say what the job is: "This is a remote position", "This role is hybrid", "fully remote",
# "work remotely from anywhere in the US", "must work on-site", "a hybrid schedule".
ARRANGEMENT_SENTENCE = LazyPattern(
    rf"\b(?:(?:this|the)\s+(?:role|position|job|opportunity|posting|is)\b[^.;:]{{0,60}}?|"
    rf"\b(?:is|are|be|a|an|as|will\s+work|works?|working|100%|fully|position:?|role:?)\s+)"
    rf"(?P<word>{_REMOTE}|{_HYBRID}|{_ONSITE})"
    rf"(?:\s+(?:role|position|job|opportunity|schedule|work|basis|model|arrangement|environment|setting|"
    rf"employee|team\s+member|days?))?\b", re.I)
# Other ways a sentence says what the job is: "the remote opportunity in Johnson County", "open to remote
# candidates", "Remote work from home is acceptable", "Hybrid 2 days per week".
ARRANGEMENT_EXTRA = LazyPattern(
    r"\bthe\s+(?P<word>remote|hybrid|on[- ]?site)\s+(?:role|position|job|opportunity)\b"
    r"|\bopen\s+to\s+(?P<word2>remote)\s+(?:candidates|applicants|work(?:ers)?)\b"
    r"|^(?P<word3>remote\s+work|working\s+remotely)(?:\s+from\s+home)?\s+is\s+"
    r"(?:acceptable|available|allowed|an\s+option|possible|permitted)\b"
    r"|^(?P<word4>hybrid)\s+\d", re.I)
NOT_ARRANGEMENT = LazyPattern(
    r"\b(?:(?:weeks?|days?)\s+(?:a|per|each|every)\s+year|stipend|allowance|perks?|benefits?|reimburse\w*|"
    r"(?:per|a|each|every)\s+year|days?\s+off|"
    r"holidays?|vacation|retreats?|offsite|equipment|set-?up|may\s+be\s+(?:remote|hybrid)|occasional(?:ly)?|"
    r"some\s+remote|partially|option\s+to|flexibility\s+to)\b", re.I)
# Remote offered beside another arrangement: "remote eligible", "remote work is also possible", "remote is an option".
# The job may be worked remotely, whatever arrangement it prefers ("on-site preferred · remote eligible").
REMOTE_OPTION = LazyPattern(r"\b(?P<word>remote)(?:\s+work(?:ing)?)?(?:\s+(?:arrangements?|options?))?\s+(?:is\s+|are\s+)?"
                            r"(?:also\s+)?(?:eligible|available|possible|considered|an\s+option|allowed|permitted)\b", re.I)
# Between the words of a choice of arrangements: "Hybrid/Remote", "hybrid or remote", "on-site, hybrid (two office days
# a week) or remote".
CHOICE_GAP = LazyPattern(r"(?:[ \t]*(?:[/,&]|\bor\b|\band\b|\bwork\b|\([^()\n]{0,100}\))[ \t]*)+")
NOT_REMOTE = LazyPattern(r"\b(?:not|no|never)\s+(?:a\s+|an\s+)?(?:fully\s+)?(?:remote|telecommut\w*)", re.I)
# Triggers (`*_TRIGGER`): what every match of a sentence cue holds, as a choice of groups, every word of a
# group in the folded sentence ("join" and "team in"; a word may be a pattern, searched in the folded text
# without re.I, first when no rare word opens the group), checked before the cue's pattern runs on a sentence
# (`posting_sentences`). Here: every arrangement sentence (`ARRANGEMENT_SENTENCE`, `NOT_REMOTE`).
ARRANGEMENT_TRIGGER = (("remot",), ("wfh",), ("telecommut",), ("hybrid",), ("anywhere",),
                       ("home", LazyPattern(r"(?:from|at) home")), ("site", LazyPattern(r"on[- ]?site")),
                       ("office", LazyPattern(r"in[- ]office|office[- ]based")), ("person", LazyPattern(r"in[- ]person")))
# "Remote (US only)", "Remote - US", "remote within the United States", "Remote, EST hours".
REMOTE_SCOPE = LazyPattern(
    r"\s*(?:\(\s*(?P<paren>[^()]{2,40}?)\s*\)|[-–—:,]\s*(?P<dash>[A-Z][\w .'’-]{1,30}?)(?=\s*(?:$|[,;)|·(]|\s[-–]\s))|"
    r"\s+(?:within|in|from|anywhere\s+in)\s+(?:the\s+)?(?P<within>[A-Z][\w.'’ -]{1,30}?)(?=\s*(?:$|[,;.)(]|\s(?:or|and|with|time)\b)))",
    )
_SCOPE_WORDS = LazyPattern(r"\s*(?:only|based|residents?|candidates?|time\s*zones?|hours)\b\.?", re.I)
TIME_ZONE = LazyPattern(r"^(?:[ECMP][SD]?T|UTC[+-]?\d{0,2}|GMT[+-]?\d{0,2}|CET|EET|IST|AEST|EMEA|APAC|LATAM|AMER|"
                        r"Americas|Europe|Asia|North America|Latin America|[A-Z][a-z]+ time zones?)$")


def arrangement(match: re.Match[str]) -> str:
    """The code of an `ARRANGEMENT_WORD` or `ARRANGEMENT_TAG` match."""
    return next(code for code in ("remote", "hybrid", "onsite") if match.group(code))


def arrangement_of(word: str) -> str | None:
    m = ARRANGEMENT_WORD.search(word)
    return arrangement(m) if m else None


# ------------------------------------------------------------------ employment type
EMPLOYMENT_WORD = LazyPattern(
    r"\b(?:(?P<full_time>full(?:[- ]|\\?_)?time|FTE|permanent)|(?P<part_time>part(?:[- ]|\\?_)?time)|"
    r"(?P<contract>contract(?:[- ]to[- ](?:hire|perm))?|contractor|freelance|C2C|corp[- ]to[- ]corp|1099|W-?2\s+contract)|"
    r"(?P<temporary>temporary|temp(?:[- ]to[- ](?:perm|hire))?|seasonal)|(?P<internship>internship|intern|co-?op)|(?P<per_diem>per[- ]diem|PRN))\b",
    re.I)
# "This is a full-time position", "a 6-month contract", "contract-to-hire role", "part-time, remote role",
# "full-time on-site role", "internship program".
EMPLOYMENT_SENTENCE = LazyPattern(
    r"\b(?:(?:this|the)\s+(?:role|position|job|opportunity)\s+is\s+(?:an?\s+)?|(?:is|be|as|for)\s+an?\s+|an?\s+|this\s+|"
    r"\d+[- ](?:month|week|year)s?\s+)"
    r"(?:(?:long|short)[- ]term\s+|(?:fully\s+)?(?:remote|hybrid|on[- ]?site),?\s+)?"  # "a long-term contract role", "a remote contract role"
    r"(?P<word>full[- ]?time|part[- ]?time|contract(?:[- ]to[- ](?:hire|perm))?|temp[- ]to[- ](?:perm|hire)|temporary|"
    r"seasonal|per[- ]diem|paid|summer|"
    r"(?:\d+[- ])?(?:month|week)s?)"
    r"(?:\s*[,/]?\s*(?:\w+[- ])?(?:on[- ]?site|remote|hybrid|in[- ]office|w-?2|salaried|exempt|permanent|direct[- ]hire|"
    r"temp(?:orary)?[- ]to[- ](?:hire|perm)|temporary|benefited|regular|office))*(?:\s*\([^()]{1,20}\))?\s+"  # "a contract (1099) position"
    # the role's title may stand before the noun: "this contract / temp-to-hire Senior Payroll Analyst opportunity"
    r"(?:(?-i:[A-Z][\w/&.-]*)\s+){0,5}?"
    r"(?P<noun>role|position|job|opportunity|employment|contract|assignment|engagement|internship|basis|hire|"
    r"employee|appointment)\b"
    # "Position is full time (40 hours per week)", "The role is part-time."
    r"|\b(?:position|role|job|this)\s+is\s+(?:for\s+)?(?:an?\s+)?(?P<word2>full[- ]?time|part[- ]?time|temporary|seasonal)\b"
    # "We are seeking a diligent Part-Time Support Technician"
    r"|\b(?:seeking|hiring|looking\s+for|searching\s+for|recruiting|applications\s+for)\s+(?:to\s+hire\s+)?an?\s+(?:[\w-]+\s+){0,3}?"
    r"(?P<word3>full[- ]?time|part[- ]?time|"
    r"contract|temporary|seasonal)\b"
    # A line or a part after a dash that opens with the terms: "Full-time office role", "– Contract position".
    r"|(?:^|\s[-–—]\s*)(?P<word4>full[- ]?time|part[- ]?time|contract|temporary)\s+(?:[\w-]+\s+)?(?:role|position|job)\b"
    # A requirement to work the job's hours: "Ability to work in-office full time", "must be able to work part-time";
    # not hours worked now and then ("able to work full-time when needed").
    r"|\b(?:able|ability|willing(?:ness)?|available)\s+to\s+work\s+(?:[\w-]+\s+){0,2}?(?P<word5>full[- ]?time|part[- ]?time)\b"
    r"(?!\s+(?:when|if|as|during|at\s+times|on\s+occasion|in\s+(?:the\s+)?(?:summer|busy)))"
    # The openings' terms listed before the noun: "Full-time and part-time positions available", "Full-time,
    # part-time, seasonal and temporary roles open" (every type in the list: `list`).
    r"|\b(?P<list>(?:full|part)[- ]?time(?:[ \t]*(?:,|/|&|\band\b|\bor\b)[ \t]*(?:and[ \t]+|or[ \t]+)?"
    r"(?:full[- ]?time|part[- ]?time|temporary|seasonal|summer|contract|per[- ]diem|prn)){1,5})"
    r"\s+(?:positions|roles|jobs|openings|shifts)\s+(?:are\s+)?(?:available|open)(?-i:(?![a-z]))"
    # The type as the label of the job's hours: "Full Time: Tuesday - Saturday 7am - 3pm", "Part-time: 20 hours a week".
    r"|\b(?P<word6>full[- ]?time|part[- ]?time)[ \t]*:[ \t]*(?=(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"\d{1,2}(?::\d\d)?[ \t]*[ap]\.?m\b|\d{1,2}(?:[ \t]*[-–][ \t]*\d{1,2})?\+?[ \t]*(?:hours|hrs)\b)",
    re.I)
# The groups of `EMPLOYMENT_SENTENCE` that hold the words of the type (`list` holds several).
EMPLOYMENT_GROUPS = ("word", "word2", "word3", "word4", "word5", "word6", "list")
# The words of the `word` groups above, one of which every match holds.
EMPLOYMENT_TRIGGER = (("time", LazyPattern(r"(?:full|part)[- ]?time")), ("contract",), ("temp",), ("seasonal",), ("diem",),
                      *((unit, LazyPattern(rf"(?:\ban?|\bthis)\s+(?:\d+[- ])?{unit}|\d[- ]{unit}")) for unit in ("month", "week")),
                      ("internship",))  # "a paid internship": the noun names the type
# "This is a W2 contract, work-from-home role for ...", "This is a full-time on-site role":
# every term between the article and the noun; "This" may be glued to a heading ("Role DescriptionThis is").
TERMS_SENTENCE = LazyPattern(r"(?:\b(?:this|it)|(?<=[a-z])(?-i:This))\s+(?:is|will\s+be)\s+an?\s+(?P<terms>[^.;:]{2,80}?)\s+"
                             r"(?:role|position|job|opportunity|assignment|engagement)\b", re.I)
TERMS_TRIGGER = ((LazyPattern(r"(?:this|it)\s+(?:is|will\s+be)\s+an?\s"),),)
# A line that is only terms: "Contract (C2C/W2)", "Fulltime/ W2", "Full-time | Remote".
TERMS_LINE = LazyPattern(r"^[\W_]*(?:(?:full[- ]?time|part[- ]?time|contract(?:[- ]to[- ]hire)?|temporary|internship|"
                         r"remote|hybrid|on[- ]?site|w-?2|c2c|1099|permanent|direct[- ]hire)[\W_]*){1,5}$", re.I)
# A short line that opens with the terms and goes on with the job's places: "PART-TIME/FULL-TIME - Kalamazoo and
# Okemos Michigan", "Contract | Austin, TX or Dallas, TX" (`TERMS_PLACES_REST`: all that may stand between them).
TERMS_PLACES_LINE = LazyPattern(r"[\W_]*(?:(?:full[- ]?time|part[- ]?time|contract|temporary|per[- ]diem)[\W_]*)+(?<=[-–—|:/ ])",
                                re.I)
TERMS_PLACES_REST = LazyPattern(r"[\s,;/|&.-]*(?:(?:and|or)\b[\s,;/|&.-]*)?", re.I)
# A role whose subject is contracts, not a contract job: "Contract Administrator", "Contracts Manager" (a "Contract
# Lawyer" or "Contract Developer" works on contract).
CONTRACT_SUBJECT = LazyPattern(r"contracts?[ \t]+(?:administrator|manager|management|specialist|analyst|negotiator|"
                               r"coordinator|compliance|officer)s?\b", re.I)
NOT_EMPLOYMENT = LazyPattern(r"\b(?:employees?\s+(?:are|who|working|accrue)|eligible|benefits?|insurance|401|pto|"
                             r"paid\s+time|holidays?|leave|students?\s+(?:who|must)|converted|conversion|experience|"
                             r"transition|prorated)\b", re.I)


def employment_types(text: str) -> list[str]:
    """Codes of the employment types a label's value or a title names, in order, each once."""
    found: list[str] = []
    for m in EMPLOYMENT_WORD.finditer(text):
        code = next(c for c in ("full_time", "part_time", "contract", "temporary", "internship", "per_diem")
                    if m.group(c))
        if code not in found:
            found.append(code)
    return found


def employment_code(word: str) -> str | None:
    low = word.lower()
    if low in ("paid", "summer"):
        return None
    if re.match(r"(?:\d+[- ])?(?:month|week)s?$", low):
        return "contract"  # "a 6-month contract", "12 month assignment"
    found = employment_types(word)
    return found[0] if found else None


# ------------------------------------------------------------------ experience level
# LinkedIn's seniority scale, which job boards share: the code list `codes.EXPERIENCE_LEVEL`.
LEVEL_WORDS = (
    ("internship", LazyPattern(r"\b(?:intern(?:ship)?|co-?op|student)\b", re.I)),
    ("entry", LazyPattern(r"\b(?:entry[- ]?level|entry|junior|graduate|new\s+grad|early[- ]career|beginner)\b", re.I)),
    ("associate", LazyPattern(r"\bassociate\b", re.I)),
    ("mid_senior", LazyPattern(r"\b(?:mid[- ]?senior|mid[- ]?level|mid|senior|experienced|intermediate|lead|principal|staff)\b", re.I)),
    ("director", LazyPattern(r"\bdirector\b", re.I)),
    ("executive", LazyPattern(r"\b(?:executive|c-?level|vice\s+president|vp)\b", re.I)),
)
LEVEL_SENTENCE = LazyPattern(
    r"\b(?:this\s+is\s+an?\s+|an?\s+|(?:is|as)\s+an?\s+)(?P<word>entry[- ]level|mid[- ]senior[- ]level|mid[- ]level|"
    r"senior[- ]level|director[- ]level|executive[- ]level|associate[- ]level)\s+"
    r"(?:role|position|job|opportunity|hire)\b", re.I)


def experience_level(text: str) -> str | None:
    """The level a label's value or a sentence's phrase names ("Mid-Senior level" -> mid_senior)."""
    for code, rx in (LEVEL_WORDS[5], LEVEL_WORDS[4], LEVEL_WORDS[1], LEVEL_WORDS[3], LEVEL_WORDS[0],
                     LEVEL_WORDS[2]):
        if rx.search(text):
            return code
    return None


# ------------------------------------------------------------------ dates
_MONTHS = {m: i + 1 for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
DATE = LazyPattern(
    rf"\b(?:(?P<iso>(?P<y1>(?:19|20)\d\d)-(?P<m1>\d\d)-(?P<d1>\d\d))"
    rf"|(?P<us>(?P<m2>\d{{1,2}})/(?P<d2>\d{{1,2}})/(?P<y2>(?:19|20)\d\d))"
    rf"|(?P<named>{_MONTH}\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y3>(?:19|20)\d\d))"
    rf"|(?P<dmy>(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month4>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|"
    rf"july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(?P<y4>(?:19|20)\d\d)))\b",
    re.I)
# Sentences that date the posting or its close: "Posted on 2026-03-04", "Applications close March 31, 2026",
# "This job posting will be posted until 05/29/2026", "Apply by 1 April 2026".
POSTED_SENTENCE = LazyPattern(r"\b(?:posted|published|listed)\s+(?:on\s+)?(?=\S)", re.I)
POSTED_WORDS = ("posted", "published", "listed")  # one is in every match, as is a year (a digit)
CLOSING_SENTENCE = LazyPattern(
    r"\b(?:(?:posted|open|accepted|available|advertised)\s+(?:until|through|thru)|apply\s+(?:by|before)|"
    r"applications?\s+(?:close|are\s+due|due|deadline|will\s+close|accepted\s+(?:until|through))(?:\s+(?:on|by))?|"
    r"closing\s+date(?:\s+is)?|deadline(?:\s+(?:is|to\s+apply(?:\s+is)?))?|(?:closes|expires)(?:\s+on)?)\s*:?\s*", re.I)
CLOSING_WORDS = ("until", "through", "thru", "apply", "application", "closing", "deadline", "closes", "expires")


def read_date(match: re.Match[str]) -> str | None:
    """A `DATE` match as ISO `YYYY-MM-DD`; None when it names no real day ("02/30/2026")."""
    try:
        if match.group("iso"):
            day = date(int(match.group("y1")), int(match.group("m1")), int(match.group("d1")))
        elif match.group("us"):  # postings in US English write month/day/year
            day = date(int(match.group("y2")), int(match.group("m2")), int(match.group("d2")))
        elif match.group("named"):
            day = date(int(match.group("y3")), _MONTHS[match.group("month")[:3].lower()], int(match.group("d3")))
        else:
            day = date(int(match.group("y4")), _MONTHS[match.group("month4")[:3].lower()], int(match.group("d4")))
    except ValueError:
        return None
    return day.isoformat()


# ------------------------------------------------------------------ employer
# The employer speaking to an applicant: what makes a page a posting though it has few posting headings.
HIRING_VOICE = LazyPattern(
    r"(?:\b|(?<=[a-z])(?=We\s))(?:equal\s+(?:employment\s+)?opportunity|affirmative\s+action|e-verify|"
    # the employer ("Acme is hiring", "we are seeking", glued: "OfficerWe are looking"), not a trade ("Hospitals
    # are hiring", "recruiters are looking for")
    r"(?:is|we\s+are|we're|we’re)\s+(?:currently\s+|actively\s+|now\s+)?(?:seeking|hiring|looking\s+(?:for|to\s+hire)|recruiting)|"
    r"join\s+(?:our|the)\s+(?:[\w-]+\s+)?team|apply\s+(?:now|today|online|here)|"
    r"this\s+is\s+an?\s+(?:[\w()/-]+\s+){0,3}(?:position|role))\b", re.I)
# A company's name as written: capitalised words, with "&", "of", "and", "the" and a legal ending; a heading
# may close it ("About Fernhill Homes:", "Why Join Tidewell?").
EMPLOYER_NAME = (r"(?P<name>(?:[A-Z0-9][\w&'’.+-]*|[a-z]+[A-Z][\w&'’.+-]*)[®™]?"
                 r"(?:[ \t]+(?:[A-Z0-9][\w&'’.+-]*|[a-z]+[A-Z][\w&'’.+-]*|&|of|and|the|for|de|at|by)[®™]?(?=[ \t,.(:?!'’]|$)){0,5}"
                 r"(?:,?[ \t]+(?:Inc|LLC|PLLC|Ltd|Co|Corp|Corporation|GmbH|PLC|LLP|LP|L\.P|L\.L\.C|S\.A|AG|N\.A|P\.A)\b\.?)?)"
                 r"(?:[ \t]+\([A-Z][A-Za-z&]{1,8}\))?")  # "Riverbend Youth Center (RYC)"
# "Acme Robotics is hiring a ...", "Acme Robotics is seeking", "Acme has an opening for".
EMPLOYER_HIRING = LazyPattern(  # these three are matched where a sentence opens (`.match`, after a glued heading)
    rf"(?:(?:If\s+so|Today|Right\s+now|Currently|Now),\s+)?{EMPLOYER_NAME}(?:'s|’s)?\s+(?:(?:is|are)\s+(?:currently\s+|now\s+|actively\s+|always\s+)?"
    rf"(?:hiring|seeking|looking\s+(?:for|to\s+hire)|searching\s+for|recruiting|on\s+the\s+(?:lookout|hunt)\s+for|"
    rf"in\s+search\s+of|accepting\s+applications|ready\s+to\s+hire)|(?:has|have)\s+an?\s+"
    # "has an immediate opening", "has a direct-hire opening", "has a 26-week contract opportunity"
    rf"(?:[\w-]+\s+){{0,3}}?(?:opening|opportunity|need)|seeks|hires)\b")
HIRING_TRIGGER = (("hiring",), ("seek",), ("looking",), ("search",), ("recruiting",), ("lookout",), ("hunt",),
                  ("accepting",), ("hires",), ("ready", "hire"),
                  (LazyPattern(r"ha(?:s|ve)\s+an?\s+(?:[\w-]+\s+){0,3}?(?:opening|opportunity|need)"),))
# "Acme Robotics is an equal opportunity employer", "... is proud to be an Equal Employment Opportunity employer".
# A linking word may open the sentence ("Furthermore, Acme Robotics is committed to providing an equal ...").
EMPLOYER_EEO = LazyPattern(
    rf"(?:(?:Furthermore|Moreover|Additionally|Also|In\s+addition),\s+)?"
    rf"(?:{EMPLOYER_NAME}(?:,\s+[^,]{{2,60}},)?\s+(?:is|are)\s+(?:proud\s+to\s+be\s+|committed\s+to\s+(?:being|providing)\s+)?"
    rf"an?\s+(?i:equal|EEO|E-Verify|affirmative)|"
    # "It is the policy of Northfield Clinics to afford equal employment opportunity to every applicant"
    rf"It\s+is\s+the\s+policy\s+of\s+(?P<policy>[A-Z][\w&'’.+-]*(?:\s+(?:[A-Z][\w&'’.+-]*|of|and|&|at|for)){{0,9}})\s+to\s+"
    rf"(?:provide|ensure|afford|offer)\s+(?i:equal))")
EEO_TRIGGER = (("equal",), ("eeo",), ("e-verify",), ("affirmative",))
# "At Acme Robotics, we ...", "Join Acme Robotics", "Why Acme Robotics?", "About Acme Robotics".
EMPLOYER_AT = LazyPattern(rf"(?:(?:We\s+)?[Aa]t\s+{EMPLOYER_NAME}(?:,\s|\s+(?=(?:we|our|understand|believe)\b))|Join\s+{EMPLOYER_NAME.replace('?P<name>', '?P<joined>')}(?:'s|’s)?[\s!.]|"
                          rf"Working\s+(?:for|at)\s+{EMPLOYER_NAME.replace('?P<name>', '?P<working>')}(?:'s|’s)?[\s,!.])")
# Within a sentence: "As a Data Analyst at Acme Robotics, you will", "As an employee of Acme Robotics, you",
# "to join Acme Robotics' analytics team" (a possessive: "join the Data team" names a team).
EMPLOYER_AS = LazyPattern(
    rf"\b(?:[Aa]s\s+an?\s+(?:[\w/&+-]+\s+){{1,6}}?at\s+{EMPLOYER_NAME}(?:'s|’s)?(?=,|\s)|"
    rf"[Aa]s\s+an\s+employee\s+of\s+{EMPLOYER_NAME.replace('?P<name>', '?P<of>')}(?=[,\s])|"
    rf"\bjoin\s+{EMPLOYER_NAME.replace('?P<name>', '?P<joined>')}(?:'s|’s|’|')\s|"
    rf"\b[Jj]oin\s+our\s+(?:[\w-]+\s+){{0,2}}team\s+at\s+{EMPLOYER_NAME.replace('?P<name>', '?P<team>')}(?=\s*[,.!]|\s+(?:and|where|in)\b)|"
    # "... group at Argonne Ridge Laboratory has an opening for ..."
    rf"\bat\s+{EMPLOYER_NAME.replace('?P<name>', '?P<opening>')}\s+(?:has|have)\s+an?\s+(?:\w+\s+)?(?:opening|opportunity)\b)")
EMPLOYER_AS_TRIGGER = ((LazyPattern(r"as\s+an?\s+(?:\S+\s+){1,6}?at\s|as\s+an\s+employee\s+of\s"),), ("join",),
                       (LazyPattern(r"ha(?:s|ve)\s+an?\s+(?:\w+\s+)?(?:opening|opportunity)"),))
# A company's own opening sentence, at the top of the description or of a company section:
# "Tidewell is a freight software company", "Lanternfish is changing how clinics book visits".
# An opening phrase may stand before the name ("As the region's largest grocer, Acme Foods is ...", "Founded in 1990,
# Acme is ..."), and the sentence may speak of the company's aim ("Acme's mission is to ...").
EMPLOYER_OPENING = LazyPattern(
    rf"^(?:(?:As|With|Since|Founded\s+in)\s[^.;:!?]{{3,120}}?,\s+)?"
    rf"{EMPLOYER_NAME}(?:\s+\([^()]{{1,60}}\))?(?:,\s+[^,]{{2,80}},)?(?:\s+(?:is|are|was|has\s+been|provides|builds|develops|"
    rf"offers|helps|empowers|creates|delivers|specializes|serves|operates|designs|makes|partners|exists|strives|"
    rf"leverages|connects|places|distributes|manufactures|supports|combines|enables|produces|brings)|"
    rf"(?:'s|’s)\s+(?:[\w-]+\s+){{1,3}}is)\b")
# Headings over a company's description: "Company Description", "About the Company", "Who we are".
COMPANY_HEADING = LazyPattern(r"^(?:about\s+(?:the\s+)?(?:company|us|our\s+company|the\s+organi[sz]ation)|"
                              r"company\s+(?:description|overview|profile|information|summary)|company|who\s+we\s+are|"
                              r"our\s+company|overview)\s*:?\s*", re.I)
# Headings glued to the name after them ("Company DescriptionHollis Bros. Inc.", "CompanyPenny Lark").
GLUED_HEADING = LazyPattern(r"^(?:Company\s+(?:Description|Overview|Profile)|Description|Overview|Summary|Company|"
                            r"(?:The\s+)?Organi[sz]ation|"
                            r"Position|Role|Job|About\s+Us|Details|Information)(?=[A-Z][a-z])")
EMPLOYER_HEADING = LazyPattern(rf"^(?:About|Why\s+(?:Join|Work\s+(?:at|for|with))|Why|Life\s+at|Working\s+at|Join|Who\s+is)"
                               rf"\s+{EMPLOYER_NAME}[?!:.]?$")
# The same opening a line, glued to the text after it: "About Fernhill Homes:Fernhill ...", "Why Join Acme?We ...",
# "About Fernhill Homes, Inc.Founded in 1990" (a name that ends in a legal ending's dot).
EMPLOYER_HEADING_GLUED = LazyPattern(rf"^(?:About|Why\s+(?:Join|Work\s+(?:at|for|with))|Why)\s+{EMPLOYER_NAME}"
                                     rf"(?:[?]|:(?!\s*$)|(?<=\.)(?=[A-Z][a-z]))")  # "About Acme, Inc.Founded in 1990"
# "About Fernhill HomesFernhill Homes builds ...": the heading glued to a first sentence that names the
# company again (the name is what stands between "About" and its first word's return).
EMPLOYER_ABOUT_AGAIN = LazyPattern(r"^About\s+(?P<name>(?P<first>[A-Z][\w&'’.+-]*?)(?:[ \t]+[A-Z][\w&'’.+-]*?){0,4})"
                                   r"(?:At\s+)?(?P=first)\b")
# The words those two headings open with: a line opening otherwise is no such heading.
EMPLOYER_HEADING_OPENERS = ("About", "Why", "Life", "Working", "Join", "Who")
# The LinkedIn template: "This is a full-time on-site role for a Data Analyst at Acme Robotics located in Austin, TX."
TEMPLATE_ROLE = LazyPattern(
    rf"\brole\s+for\s+an?\s+[^.]{{2,80}}?\s+at\s+{EMPLOYER_NAME}"
    rf"(?=[.,]|\s+(?:located|based|in|that|which|where|and|with|who)\b)(?:,?\s+(?:(?:located|based)\s+)?in\s+(?P<place>[^.]+))?")
# A page's copyright line names who wrote it: "© 2024 Acme Robotics. An Equal Opportunity Employer.",
# "Copyright © 2019-2025 Acme Robotics, Inc. All rights reserved."
EMPLOYER_COPYRIGHT = LazyPattern(rf"©\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?,?\s+)?"
                                 rf"(?=[A-Za-z]){EMPLOYER_NAME}(?=[.,]|\s*$|\s+All\b)")
# An agency's sign-off: "This position, like our others, is available through Brightpath Staffing."
EMPLOYER_THROUGH = LazyPattern(rf"\b(?:jobs?|positions?|roles?|opportunit(?:y|ies))\b[^.]{{0,40}}?\bavailable\s+through\s+"
                               rf"{EMPLOYER_NAME}(?=\s*[.,!]|\s*$)")
# The company that offers the job's benefits, praising them or giving them to its employees: "Acme Robotics offers a
# comprehensive benefits package", "provides various employee benefits" (not an insurer's "provides medical benefits").
# The offer is found first, then the name right before it (`NAME_BEFORE`: a run-on line is long).
BENEFITS_OFFER = LazyPattern(r"\b(?:offers|provides)\s+(?:(?:an?|its|our)\s+)?(?:[\w-]+\s+){0,2}?"
                             r"(?i:competitive|comprehensive|excellent|great|generous|robust|outstanding|attractive|"
                             r"exceptional|rich|industry[- ]leading|employee)\s+(?:[\w-]+\s+){0,2}?(?i:benefits?)(?![a-z])")
NAME_BEFORE = LazyPattern(rf"(?<![\w&'’-]){EMPLOYER_NAME}\s+(?:also\s+)?$")
# Boilerplate that names the employer as where all its jobs are: "Most positions at Acme Health require ...",
# "All employees at Acme Robotics are expected to ...".
EMPLOYER_POSITIONS = LazyPattern(rf"\b(?:All|all|Most|most)\s+(?:positions|jobs|roles|employees|team\s+members)\s+at\s+"
                                 rf"{EMPLOYER_NAME}\s+(?:require|requires|are|must|will|receive|enjoy)\b")
# An applicant privacy notice, in the employer's voice: "To learn how Acme Health collects and uses your personal
# information, read our applicant notice" (not "how Workday processes your application data": the tracking system's).
EMPLOYER_PRIVACY = LazyPattern(rf"\bhow\s+{EMPLOYER_NAME}\s+(?:collects|uses|processes)\b"
                               rf"(?=[^.]{{0,40}}\b(?:personal|information)\b)")
# An "About" heading glued to the sentence before it inside a run-on line: "... without notice.About Acme, Inc.Founded".
HEADING_AFTER_SENTENCE = LazyPattern(r"(?<=[a-z][.!?])(?=About\s+[A-Z])")
# Words that open a sentence but name no company.
NOT_EMPLOYERS = frozenset("""we our you your the this that these those it they he she there here who what why how
company team organization employer client candidate candidates applicants role position job opportunity
description overview summary location remote hybrid salary compensation benefits about join us all
equal department division group unit agency firm business and or with""".split())
# A client or an agency's candidate: the name before it is not the employer of the job.
ON_BEHALF = LazyPattern(r"\b(?:on\s+behalf\s+of|for\s+(?:our|a|one\s+of\s+our)\s+(?:\w+\s+){0,3}clients?|"
                        r"our\s+client|staffing\s+(?:agency|firm|company|partner|services)|recruiting\s+(?:firm|agency)|"
                        r"talent\s+(?:partner|acquisition\s+firm))\b",
                        re.I)
