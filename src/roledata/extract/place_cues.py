"""Where a posting places its job: the words before the place, from the strongest to the weakest.

- the job's own place, said of the role, the position or "you" ("The job is based in Austin, TX",
  "you will work from our Tulsa office", "must live within 40 miles of Omaha", "Only candidates in
  Tulsa will be considered", "willing to relocate to Boise, ID"), a list of the job's places ("in the
  following locations: ...");
- pay by place ("Reston, VA: $181,000 - $214,500", "For Denver, CO-based roles: ...");
- where the company's site is, the weakest: "a design firm located in Dalton, Georgia", "our new
  Greer, SC facility", a street address with its ZIP code, the pay for the role in a place.

Patterns only: `posting_sentences` reads them, each where its trigger stands (`*_TRIGGER`, see there).
"""
from __future__ import annotations

import re

from roledata.text import LazyPattern

# A sentence that places the job (its subject is the role, the position or "you"): the place follows.
JOB_PLACE = LazyPattern(
    r"\b(?:(?:this|the)\s+(?:[\w-]+\s+){0,5}?(?:role|position|job|opportunity|team)\s+(?:is(?:\s+to\s+be)?|will\s+be)\s+"
    r"(?:primarily\s+|currently\s+)?(?:based|located|situated)\s+(?:in|at|out\s+of)|"
    # The loose cues (`loose`): "This position will be in Greeley, CO" (not the team's: "the rest of the team is in
    # Austin"), a remote job open to one area ("hiring regionally in the Tulsa area", "Only candidates in Tulsa, OK
    # will be considered"). A town written alone after them may be a word ("is in Normal operations mode").
    r"(?P<loose>(?:this|the)\s+(?:[\w-]+\s+){0,5}?(?:role|position|job|opportunity)\s+(?:is(?:\s+to\s+be)?|will\s+be)\s+"
    r"(?:primarily\s+|currently\s+)?in\b|"
    r"(?:hiring|recruiting)\s+(?:locally|regionally)\s+in(?:\s+the)?|"
    r"only\s+(?:candidates|applicants)\s+(?:(?:who\s+)?(?:are\s+)?(?:located|based|living|residing|reside|live)\s+)?in(?:\s+the)?|"
    # A move to the job's place (`move`), asked of the reader ("willing to relocate to Boise, ID", "looking to move to
    # the sunny state of Utah", "must relocate to", "Relocation to Reno, NV is paid"), not told of others ("nurses
    # relocate to Texas", "employees who relocate to Alaska"). `state`: the state, not its namesake city; `named`: a
    # town alone is one ("the city of Tulsa"). "move to" only before "state of", "city of" or "area of": a team
    # moves to the cloud. A move denied or offered for later is none (`posting_sentences`, `MOVE_DENIED_*`).
    r"(?P<move>(?:\bto\s+(?:relocat(?:e|ing)|mov(?:e|ing)(?=\s+to\s+(?:the\s+)?(?:[\w-]+\s+)?(?:state|city|area)\s+of\b))|"
    r"(?:must|will|would|should|shall)\s+relocate|relocation)\s+to\s+"
    r"(?:the\s+)?(?P<named>(?P<state>(?:[\w-]+\s+)?state\s+of\s+)|(?:[\w-]+\s+)?(?:city|area)\s+of\s+)?))|"
    r"(?:role|position|job|opportunity)\s+(?:based|located)\s+(?:in|at|out\s+of)|"
    r"you\s+will\s+(?:be\s+)?(?:based|located|work(?:ing)?)\s+(?:in|at|out\s+of|from)\s+(?:our\s+(?:\w+\s+)?office\s+in\s+)?|"
    r"(?:work\s+is\s+performed|on[- ]?site|in[- ]office|in\s+person|hybrid)\s+(?:[\w-]+\s+){0,3}?(?:in|at)\s+"
    r"(?:our\s+(?:[\w-]+\s+)?office\s+in\s+)?|"
    r"(?:position|role|job)\s+at\s+our\s+(?:[\w-]+\s+)?office\s+in|"
    r"join\s+(?:our\s+|one\s+of\s+our\s+)?(?:client'?s\s+|[\w-]+\s+)?team\s+in(?:\s+our)?|"
    r"(?-i:Located)\s+(?:at|in)|"
    r"(?:role|position|job|opportunity)\s+(?:for|as)\s+an?\s+[^.]{2,80}?\s+(?:located|based)\s+in|"
    r"in\s+our\s+(?:[\w-]+\s+)?office\s+(?:located\s+)?in|"
    r"our\s+(?:clinic|facility|office|hospital|store|site|campus|branch|plant|warehouse)\s+is\s+located\s+in|"
    r"(?:must\s+be\s+|candidates?\s+)?local\s+to(?:\s+the)?|"
    # "to be based at our Tucson office", "a position in our Omaha, NE office", "join our Boise, ID based team"
    r"(?:to\s+be|be)\s+based\s+(?:in|at|out\s+of)|(?:position|role|job)\s+in\s+our|"
    # "must live within 40 miles of Omaha", "remote for staff living more than 50 miles from Tulsa, OK": the site
    r"(?:live|reside|residing|living)\s+(?:within|more\s+than)\s+\d+\s*(?:minutes|miles|mi|km)\s+(?:of|from)|"
    r"reside\s+in\s+or\s+near|"
    r"join\s+our(?=\s[^.]{2,40}?[- ]based\s+(?:team|office|group)))\b\s*(?:our\s+(?:new\s+|main\s+)?)?", re.I)

# What every match of `JOB_PLACE` holds (its trigger, see `posting_sentences`).
JOB_PLACE_TRIGGER = (
    *((word, LazyPattern(word + r"\s+(?:in|at|out)\b")) for word in ("based", "located", "situated")),
    ("will", LazyPattern(r"you\s+will\s+(?:be\s+)?(?:based|located|work)")), ("performed",),
    ("site", LazyPattern(r"on[- ]?site")), ("office", LazyPattern(r"in[- ]office|office\s+(?:located\s+)?in\b")),
    ("person", LazyPattern(r"in\s+person")), ("hybrid",), ("join", LazyPattern(r"team\s+in\b")),
    ("our", LazyPattern(r"(?:position|role|job)\s+in\s+our\b")), ("within", LazyPattern(r"within\s+\d")),
    ("than", LazyPattern(r"more\s+than\s+\d")), ("locally",), ("regionally",),
    ("only", LazyPattern(r"only\s+(?:candidates|applicants)")),
    ("relocat", LazyPattern(r"relocat(?:e|ing|ion)\s+to\b")),
    ("mov", LazyPattern(r"to\s+mov(?:e|ing)\s+to\s+(?:the\s+)?(?:[\w-]+\s+)?(?:state|city|area)\s+of\b")),
    *((noun, LazyPattern(noun + r"\s+(?:is(?:\s+to\s+be)?|will\s+be)\s+(?:primarily\s+|currently\s+)?in\b"))
      for noun in ("role", "position", "job", "opportunity")),
    ("near", LazyPattern(r"reside\s+in\s+or\s+near")),
    ("join", LazyPattern(r"join\s+our\s[^.]{2,40}?[- ]based\s+(?:team|office|group)")),
    ("local", LazyPattern(r"local\s+to")))

# A list of the job's places: "working from one of these offices: Reno, Boise, Provo",
# "The locations for this role include: Austin, Boston".
PLACE_LIST = LazyPattern(r"\b(?:(?:following|these)\s+(?:metro\s+|office\s+)?(?:locations|offices|cities|sites)|"
                         r"our\s+(?:hub\s+|office\s+|main\s+)?locations\s+(?:of|in)|"
                         r"locations?(?:\s*\(s\))?\s+for\s+this\s+(?:role|position|job)\s+(?:include|are))\s*[:.-]?\s*", re.I)
PLACE_LIST_TRIGGER = (("following", "location"), ("these", "location"), ("following", "office"), ("these", "office"),
                      ("following", "cities"), ("include", "location"), ("locations", "our"))



# ------------------------------------------------------------------ where the company's site is
# Where a company's site is, the weakest cue, kept only when nothing else places the job: "a design firm located in
# Dalton, Georgia", "our brand new Pueblo, CO facility", "Our Lake Forest office is ...". A head office is not
# the job's site ("headquartered in", `COMPANY_PLACE`).
SITE_PLACE = LazyPattern(r"\b(?:(?:located|based)\s+(?:in|out\s+of|at)|(?:company|firm|client|organization|startup|"
                         r"publication|practice|agency|provider|manufacturer|nonprofit|non-profit|newspaper|studio|"
                         r"dealership|restaurant)\s+in|"
                         # "Our largest office is in Tulsa, Oklahoma", "our plant in Ames, IA"
                         r"our\s+(?:[\w-]+\s+)?(?:office|facility|campus|clinic|plant|warehouse|branch|store|hospital)\s+(?:is\s+)?in)"
                         r"\s+(?:the\s+(?:\w+\s+)?(?:town|city)\s+of\s+)?"
                         r"(?:(?:downtown|the\s+heart\s+of(?:\s+downtown)?|beautiful|sunny|historic)\s+)?", re.I)  # "in downtown Fresno"
# A street address before the place: "located at 601 Lake Road, Cleveland, OH 44113".
STREET = LazyPattern(r"\d+[\w .'-]{2,40},\s*")
# A US street address with its ZIP code, a company's site wherever it stands: "412 Birch Ave, Suite 3, Ames, IA
# 50010" (`place`: the town and its state). Not a head office's (`COMPANY_PLACE`) nor where to send things
# (`MAILING`), and only with a street's word (`STREET_WORD`): "Founded in 1998 Hartwell Labs, Dayton, OH 45402" is none.
ADDRESS = LazyPattern(r"\b\d{1,6}\s+[A-Z0-9][^,\n]{2,40},\s*(?:[^,\n]{1,25},\s*)?"
                      r"(?P<place>[A-Z][A-Za-z.'’ -]{1,30},\s*[A-Z]{2})\s+\d{5}(?:-\d{4})?\b")
OUR_SITE = LazyPattern(r"\b[Oo]ur\s+(?:brand\s+new\s+|new\s+|main\s+|flagship\s+)?(?P<place>[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,3})"
                       r"\s+(?:office|facility|campus|clinic|location|plant|warehouse|branch|store|site|hospital)\b")
SITE_TRIGGER = (("located",), ("based", LazyPattern(r"based\s+(?:in|out|at)\b")), *(
    (noun, LazyPattern(noun + r"\s+in\b")) for noun in ("company", "firm", "client", "organization", "startup",
                                                       "publication", "practice", "agency", "provider", "manufacturer",
                                                       "nonprofit", "non-profit", "newspaper", "studio", "dealership",
                                                       "restaurant")),
    ("our", LazyPattern(r"our\s+(?:[\w.'’,-]+\s+){0,6}?(?:office|facility|campus|clinic|location|plant|warehouse|branch|"
                        r"store|site|hospital)\b")), (LazyPattern(r",\s*[a-z]{2}\s+\d{5}\b"),),  # an address's ZIP
    ("this", LazyPattern(r"(?:salary|pay|compensation|wage)\s+(?:range\s+)?for\s+this\s+(?:role|position|job)\s+in\b")))
# Pay stated for the role in a place names a place the job may be in (read at a site's strength: pay is often
# stated for several places): "Pay for this job in Colorado starts at", "the State of New York".
PAY_FOR_PLACE = LazyPattern(r"\b(?:salary|pay|compensation|wage)\s+(?:range\s+)?for\s+this\s+(?:role|position|job)\s+in\s+"
                            r"(?:the\s+)?(?P<state>state\s+of\s+)?", re.I)
# A pay line that opens with a place: "Reston, VA: $181,000 - $214,500", "Dayton $61,200 to $172,900", "USA, OR,
# Bend - 131,500.00 - 176,400.00 USD annually" (country, region and city, a range in a currency's code).
PAY_PLACE = LazyPattern(r"^(?P<place>[A-Z][\w .'’-]{1,40}?(?:,\s*[A-Z][\w .'’-]{1,30}?){0,2})\s*(?::|[-–])?\s*"
                        r"(?:(?:USD\s*)?\$\s?\d|\d[\d,]*(?:\.\d\d)?\s*[-–]\s*\d[\d,]*(?:\.\d\d)?\s*(?:USD|CAD|GBP|EUR|AUD)\b)")
# Pay or terms for the roles of one place: "For Denver, CO-based roles: ...".
PLACE_BASED = LazyPattern(r"^For\s+(?P<place>[A-Z][^:]{2,60}?)[- ]based\s+(?:roles?|positions?|candidates?|employees?)\b")
# What may stand between a place cue and the place: a wide area narrowed to the job's places ("based in the Midwest,
# preferably Omaha-NE or Wichita-KS"), a part of the town ("based out of our North Tulsa area office").
PLACE_LEAD = LazyPattern(r"\s*(?:[\w ]{2,30},?\s+(?:preferably|ideally)(?:\s+(?:in|at|near|out\s+of))?|"
                         r"(?i:north|south|east|west|central|downtown|midtown|uptown))\s+")
STREET_WORD = LazyPattern(r"\b(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Way|Pkwy|Parkway|Ct|Court|"
                          r"Pl|Place|Hwy|Highway|Suite|Ste|Floor|Fl|Cir|Circle|Plaza|Square|Sq|Ter|Terrace|Trail|Pike|"
                          r"Loop|Park)\b\.?")
MAILING = LazyPattern(r"\b(?:send|mail|return|submit|forward|deliver)\w*\b", re.I)
COMPANY_PLACE = LazyPattern(r"\b(?:headquarter\w*|HQ|head\s+office|offices\s+in|founded)\b", re.I)
# A move to a place the job is not in: denied before it ("you will never need to relocate to Denver", "without
# having to relocate", "do not offer relocation to"), offered for later ("the opportunity to relocate to Dublin"),
# or said not to be needed after it ("Relocation to St. Louis, MO is not required").
MOVE_DENIED_BEFORE = LazyPattern(r"(?:\b(?:not|cannot|never|without|no\s+need|opportunity|chance|option|possibility)\b|n't)"
                                 r"[\w\s']{0,30}$", re.I)
MOVE_DENIED_AFTER = LazyPattern(r"(?:\bnot|\bnever|n't)\s+(?:\w+\s+){0,2}?(?:required|needed|necessary|expected|"
                                r"mandatory|a\s+requirement)\b", re.I)
