"""Role nouns: the head nouns that make a phrase a job title.

What makes a phrase a role title is its head noun: "Machine Learning Engineer",
"Data Scientists", "Head of AI" are roles; "Back to Home", "Special Offer" or
"AI Specialization" are not. The title finder (`parse.titles`), the pay of other
roles (`extract.pay_owner`), licences named after a trade and posting pages all
read role nouns from here.
"""
from __future__ import annotations

import re
from functools import lru_cache

from roledata.text import LazyPattern


# Head nouns of job titles (singular, lower case). A title ends in one ("Data
# Scientist", "Chief AI Officer"), or starts with one before "of" ("Head of AI").
ROLE_NOUNS = frozenset("""
    engineer scientist analyst manager officer developer architect lead director researcher specialist
    consultant designer administrator president vp intern technician programmer strategist ethicist tester
    representative coordinator advisor adviser attorney lawyer accountant executive owner expert practitioner
    trainer writer editor recruiter auditor statistician mathematician economist physicist chemist biologist
    appointee fellow steward evangelist advocate operator assistant associate clerk cto ceo cio caio cdo cso
    founder investigator instructor teacher professor nurse physician therapist librarian planner modeler
    modeller annotator labeler trainee apprentice supervisor superintendent controller head partner
    technologist ops devops mlops sre dba linguist artist animator producer coder clinician electrician laborer
    labourer mechanic driver cook chef cashier receptionist pathologist pharmacist dentist surgeon psychologist
    counselor counsellor worker handler hauler agent broker buyer marketer photographer journalist reporter
    translator interpreter paralegal secretary bookkeeper underwriter actuary geologist surveyor inspector
    estimator machinist welder carpenter plumber hygienist aide caregiver guard scheduler dispatcher processor
    generalist liaison ambassador moderator curator archivist scholar postdoc lecturer tutor coach facilitator
    organizer merchandiser copywriter illustrator radiologist midwife paramedic dietitian nutritionist optometrist
    veterinarian cfo coo cmo cpo ciso cro cxo rn lpn cna
    firefighter emt doctor pilot attendant bartender barista waiter waitress baker butcher farmer janitor custodian
    housekeeper landscaper roofer bricklayer pipefitter lineman lineworker cosmetologist hairdresser barber
    esthetician phlebotomist sonographer optician chiropractor orthodontist audiologist podiatrist psychiatrist
    pediatrician anesthesiologist draftsman drafter millwright boilermaker ironworker glazier upholsterer tailor
    jeweler florist nanny chaplain mediator notary realtor appraiser banker courier chauffeur lifeguard detective
    sheriff trooper soldier medic
""".split())
# Every written form of a role noun: singular, plural ("analysts"), -y plural ("secretaries").
ROLE_FORMS = frozenset(ROLE_NOUNS | {n + "s" for n in ROLE_NOUNS} | {n + "es" for n in ROLE_NOUNS if n.endswith("s")}
                       | {n[:-1] + "ies" for n in ROLE_NOUNS if n.endswith("y")})
_HEADS_BEFORE_OF = frozenset({"head", "director", "vp", "president", "manager", "chief", "lead", "officer"})
# Trailing words a title may carry after its head noun: "Engineer I", "Developer II", "Analyst (Remote)".
_LEVEL = LazyPattern(r"^(?:[IVX]{1,4}|[1-9]|Sr\.?|Jr\.?)$")
_TOKEN = LazyPattern(r"\([^)]*\)|[^\s()]+")


def singular_noun(word: str) -> str:
    """A written word in lower case, a role noun's plural made singular ("Analysts" -> "analyst")."""
    low = word.lower().strip(".,;:!?'’\"")
    if low.endswith(("'s", "’s")):
        low = low[:-2]  # "Programmer's"
    if low.endswith("ies"):
        return low[:-3] + "y"
    if low.endswith("s") and low[:-1] in ROLE_NOUNS:
        return low[:-1]
    return low


@lru_cache(maxsize=8192)
def role_noun(word: str) -> str | None:
    """The singular role noun a written word is ("Analysts" -> "analyst", "secretaries" ->
    "secretary"; "owner-operators" by its last part), or None when it names no role."""
    last = re.split(r"[/-]", word)[-1]
    if last[-2:] in ("'s", "’s"):
        last = last[:-2]  # "Programmer's"
    low = singular_noun(last)
    return low if low in ROLE_NOUNS else None


def role_headed(phrase: str) -> bool:
    """Whether a phrase names a role: its last word (levels and brackets aside) is a role noun,
    or it opens with one before "of" ("Head of AI Engineering")."""
    words = [w for w in _TOKEN.findall(phrase) if not w.startswith("(")]
    while words and _LEVEL.match(words[-1]):
        words.pop()
    if not words:
        return False
    last = re.split(r"[/-]", words[-1])[-1]
    if singular_noun(last) in ROLE_NOUNS:
        return True
    lowered = [w.lower() for w in words]
    return "of" in lowered and singular_noun(lowered[lowered.index("of") - 1]) in _HEADS_BEFORE_OF
