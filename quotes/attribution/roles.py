"""
The role a story gives a person, and the organization in it.

``parse_role`` splits a role into a title and an organization;
``appositive_role`` and ``role_in_front`` find a role written after a name
(between commas or dashes) or in front of it; ``clean_description`` keeps of
an unnamed source's description the noun phrase a reader can be shown.
"""

import re

from people.names import is_khmer

from . import khmer_roles
from .names import (
    FUNCTION_WORDS,
    NOT_PERSON_WORDS,
    OPENING_ADVERBS,
    TITLE_TYPOS,
    TITLE_WORDS,
    only_function_words,
)

# A role in apposition after a name, an age before it allowed: “, 58, the commune
# chief,”, or between dashes: “ — a lawyer for the families —”.
APPOSITIVE = re.compile(
    r"\s*(?:,\s*(?:\d{1,3}\s*,\s*)?([^,\x00]+?)\s*,"
    r"|\s*[—–]\s*([^—–\x00]+?)\s*[—–]|\s+--?\s+([^\x00]+?)\s+--?\s)"
)

# “Chea Vanna of Licadho”, “Lim Pheap of state-owned Angkor Press”.
OF_ORGANIZATION = re.compile(
    r"\s+of\s+((?:(?:the|[a-z]+-[a-z]+|state|private|independent|local|rights|opposition)\s+)*"
    r"[A-Z][\w'’\-.&]*(?:\s+(?:(?:of|and|for)\s+(?:the\s+)?)?[A-Z][\w'’\-.&]*)*)"
    r"(?=\s*(?:[,.;:)—–]|\s(?:said|says|told|added|who|was|is|has)\b|$))"
)
# “X, who is leading the …”: the office after “who is” is the role.
WHO_IS = re.compile(
    r"^who\s+(?:is|was|has\s+been)\s+(?=(?:leading|heading|running|chairing|directing|"
    r"managing|representing|an?|the)\b)"
)
ROLE_REFUSED = re.compile(
    r"^(?:who(?!\s+(?:sells|sold|runs|ran|owns|owned|represents|represented|heads|headed|"
    r"leads|led|teaches|taught|manages|managed|works|worked|farms|drives|fishes|grows))|"
    r"which|whose|whom|when|where|while|as|in|on|at|during|after|before|for|to|"
    r"adding|noting|referring|speaking|pointing|according|and|but|because|though|"
    r"although|if|that|than|too|also|however|meanwhile|then|saying|told|said|\d+$|"
    # “Keo Dara's mother, Lim Sophy, says she …”: the verb, not a role.
    r"says|tells|adds|added|explains|explained|recalls|recalled|insists|insisted|admits|"
    r"admitted|notes|noted|claims|claimed|argues|argued|warns|warned|believes|believed|"
    r"remembers|remembered|thinks|thought|writes|wrote|asks|asked|replies|replied|"
    # “Sok Dara — his second trip to court —”: an aside about an event.
    r"(?:his|her|their|its)\s+(?:first|second|third|fourth|fifth|last|latest|next)|"
    # “Dara, not his real name”: a pseudonym's aside, no role.
    r"not\s+(?:his|her|their)\s+real\s+name|an?\s+(?:pseudonym|assumed\s+name))\b"
)
# A description or role ends where a clause about something else begins.
CLAUSE_AFTER = re.compile(
    r"\s*,\s*(?!who\b|whose\b|whom\b|aged\b|\d)"
    r"|\s+(?:adding|saying|noting|explaining|referring|pointing|speaking|as|while|when|"
    r"because|after|before|although|though|but|and\s+(?:that|then|added|said))\b"
    r"|\s+(?:on|last|this|earlier)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|week|month|year)\b"
    r"|\s+(?:in|during)\s+(?:a|an)\s+(?:interview|statement|phone|telephone|post)\b"
    r"|\s+on\s+\d",
    re.IGNORECASE,
)
# A verb of the sentence after a description (not of a relative clause in it).
FINITE_VERB = re.compile(r"\s+(?:(?:also|then|later)\s+[a-z]+ed|had|has|have|was|were|is|are)\b")
RELATIVE_WORD = re.compile(r"\b(?:who|which|that|whose|whom)\b")
# Lowercase words that are never the end of a role in front of a name.
NOT_A_TITLE = re.compile(
    r"\b(?:and|or|of|the|to|with|was|were|is|are|said|says|has|had|a|an|in|on|at|by|"
    r"from|as|told|that|when|after|before|while|but|also|been|being|be|not|what|who|"
    r"against|which|would|will|could|can|for|it|its|this|both|all|under|over|about|into|"
    r"through|behind|toward|towards|near|during|since|like|upon|via|led|ruled)\s*$"
)
ORGANIZATION_BEFORE_TITLE = re.compile(
    r"^(?:the\s+)?(?P<organization>(?:[A-Z][\w'’\-]*\s+(?:(?:of|for|and|on)\s+)?){2,})"
    r"(?P<title>[a-z][a-z \-]*)$"
)
ORGANIZATION_AFTER_TITLE = re.compile(
    r"^(?P<title>.+?)\s+(?:for|of|at|with|from|to)\s+(?:the\s+)?(?P<organization>[A-Z].*)$"
)
POSSESSIVE_ROLE = re.compile(r"^(?:the\s+)?(?P<organization>[A-Z][^,]*?)['’]s\s+(?P<title>.+)$")
# An organization's name: capitalised words, joined by “of”, “and”, “for”, “the”.
ORGANIZATION_NAME = re.compile(
    r"^[A-Z][\w'’\-.&]*(?:\s+(?:(?:of|and|for|on|the|&)\s+)*[A-Z0-9][\w'’\-.&]*)*"
)
ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
TIME_WORDS = frozenset(
    re.findall(
        r"\w+",
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
        "April May June July August September October November December",
    )
)
# Titles written in lowercase right before a name: “venerable monk Loun Sovath”.
LOWERCASE_TITLE = (
    "monk|spokesman|spokeswoman|spokesperson|lawyer|activist|official|director|governor|"
    "minister|researcher|journalist|reporter|chief|president|founder|coordinator|leader|"
    "priest|pastor|nun|representative|ambassador|envoy|judge|prosecutor|adviser|advisor|"
    "chairman|chairwoman|mayor|senator|lawmaker|commander|executive|manager"
)
# An office of a named body after the name, its closing comma forgotten.
OFFICE_UNCLOSED = re.compile(
    rf"\s*,\s*((?:(?:deputy|former|acting|vice)\s+)?(?:{LOWERCASE_TITLE})\s+(?:of|for|at)\s+"
    r"(?:the\s+)?(?:[A-Z][\w'’\-.&]*\s+(?:(?:of|and|for)\s+(?:the\s+)?)?)*[A-Z][\w'’\-.&]*)"
    r"(?=\s+[a-z])"
)
# The same office closing the sentence: “…, citing Sok Dara, President of the
# Drivers Federation.”; the sentence's end closes the apposition.
OFFICE_LAST = re.compile(
    rf"\s*,\s*((?:(?:[Dd]eputy|[Ff]ormer|[Aa]cting|[Vv]ice)\s+)?(?i:{LOWERCASE_TITLE})\s+"
    r"(?:of|for|at)\s+(?:the\s+)?(?:[A-Z][\w'’\-.&]*\s+(?:(?:of|and|for)\s+(?:the\s+)?)?)*"
    r"[A-Z][\w'’\-.&]*?)\s*[.!?]?\s*$"
)
# An office of a place or body opening the sentence, then the name between commas.
OFFICE_OF_BEFORE_COMMA = re.compile(
    rf"^\s*(?:[Tt]he\s+)?((?:(?:[Dd]eputy|[Ff]ormer|[Aa]cting|[Vv]ice)\s+)?"
    rf"(?i:{LOWERCASE_TITLE}|imam|abbot|head)\s+(?:of|for|at)\s+[^,;:\x00]{{3,80}}?),\s*$"
)
# “His wife Chhorn Sinoeun”, “his wife, Chhorn Sinoeun”: cast makes it “wife of …”.
KIN_IN_FRONT = re.compile(
    r"(?:^\s*|[,;:]\s*|\b(?:said|says|added|told|and|by|with)\s+)"
    r"((?:[Hh]is|[Hh]er)\s+(?:late\s+)?(?:wife|husband|son|daughter|mother|father|brother|"
    r"sister|widow))\s*,?\s*$"
)
# “Keo Dara’s wife, Lim Sophy, asked”: a named person's relative.
NAMED_KIN_IN_FRONT = re.compile(
    r"(?:^\s*|[,;:]\s*|\b(?:said|says|added|told|and|by|with)\s+)"
    # “Keo Dara's 31-year-old mother, Lim Sophy”: an age may come between.
    r"((?:[A-Z][\w\-]+\s+){1,3}[A-Z][\w\-]+['’]s\s+(?:late\s+|\d{1,3}-year-old\s+)?"
    r"(?:wife|husband|son|daughter|"
    r"mother|father|brother|sister|widow)),?\s*$"
)
# “by 42-year-old tuk-tuk driver Sok Dara”: after a person's age, the lowercase words are a job.
AGED_JOB_IN_FRONT = re.compile(
    r"(?:^\s*|[,;:]\s*|\b(?:by|and|with|from|of|said|says|told|added)\s+)"
    r"((?:[Aa]n?\s+)?(?:\d{1,3}|[A-Z]?[a-z]+(?:-[a-z]+)?)-year-old\s+[a-z][a-z\-]+(?:\s+[a-z][a-z\-]+)?)\s+$"
)
TITLE_NOUNS = frozenset(word.casefold() for word in TITLE_WORDS) | set(LOWERCASE_TITLE.split("|"))
CAPITAL_TITLE = "|".join(sorted(TITLE_WORDS, key=len, reverse=True))
CAPITAL_WORD = re.compile(r"\b[A-Z][a-z]{5,}\b")


def parse_role(role):
    """
    Split a role as written into ``(title, organization)``: “spokesman for
    the Justice Ministry”, “the Justice Ministry's spokesman” and “Justice
    Ministry spokesman” all give ``("spokesman", "Justice Ministry")``; “a
    rice farmer in Takeo province” gives ``("rice farmer in Takeo province", "")``.
    """
    role = " ".join(role.split()).strip(" ,.;")
    if is_khmer(role):
        return khmer_roles.parse_role(role)
    role = re.sub(r"^\d{1,3},\s*", "", role)
    for pattern in (POSSESSIVE_ROLE, ORGANIZATION_BEFORE_TITLE):
        match = pattern.match(role)
        if match and not NOT_A_TITLE.search(match["title"]):
            return ARTICLE.sub("", match["title"]).strip(), match["organization"].strip()
    match = ORGANIZATION_AFTER_TITLE.match(role)
    if match:
        title, organization = ARTICLE.sub("", match["title"]).strip(), match["organization"]
        # The name ends at a clause: “…, which”, “… who”, “… and a former …”.
        organization = re.split(
            r",|\s+(?:who|which|whose|since|until)\s|\s+and\s+(?=[a-z])", organization
        )[0]
        possessive = re.match(r"(.+?)['’]s\s+(.+)$", organization)
        if possessive:
            # “member of the National Assembly's human rights commission”
            title = f"{title} of the {possessive[2]}"
            organization = possessive[1]
        # “the Fisheries Action Team based in Siem Reap”: the name ends at “based”.
        organization = ORGANIZATION_NAME.match(organization)[0]
        return title, organization.strip()
    return ARTICLE.sub("", role), ""


NAME_LIST = re.compile(r"(?:[A-Z][\w'’\-]*\s+){1,3}[A-Z][\w'’\-]*\s+and\s+[A-Z][\w'’\-]*\s+[A-Z]")


def role_or_empty(text):
    """``text`` if it reads as a role in apposition (“a farmer”, “spokesman for …”)."""
    text = " ".join(text.split()).strip(" ,.;")
    text = re.sub(r"^\d{1,3},\s*", "", text) if re.match(r"^\d{1,3},\s*\w", text) else text
    text = CLAUSE_AFTER.split(text)[0].strip(" ,.;")
    text = WHO_IS.sub("", text)
    if not text or "\x00" in text or ROLE_REFUSED.match(text) or len(text.split()) > 20:
        return ""
    listed = NAME_LIST.match(text)
    if listed and not set(listed[0].split()) & (TITLE_WORDS | NOT_PERSON_WORDS):
        return ""  # “Keo Dara, Lim Pheap and Chea Vanna had …”: the next names, not a role.
    return text


SERVES_AS = re.compile(
    r"\s*who\s+(?:serves|served|works|worked|acts|is\s+also|was\s+also)\s+as\s+([^,.;\x00]+)"
)


def appositive_role(rest):
    """The role written in apposition at the start of ``rest``, or ""."""
    match = OF_ORGANIZATION.match(rest)
    if match:
        # “Lim Pheap of state-owned Angkor Press”.
        return match[1]
    match = APPOSITIVE.match(rest)
    unclosed = None if match else OFFICE_UNCLOSED.match(rest) or OFFICE_LAST.match(rest)
    if unclosed:
        # “Sok Dara, chairman of the district school board also denied …”.
        return unclosed[1]
    if not match or re.match(r"[\s,—–-]*(?:him|her|them)sel(?:f|ves)\b", rest):
        # “…, himself a reputed wrestler”: an aside about the person, not a role.
        return ""
    role = role_or_empty(match[1] or match[2] or match[3])
    serves = SERVES_AS.match(rest, match.end()) if role.startswith("one of ") else None
    # “X, one of the three sued, who serves as head of the commune”: the office.
    return role_or_empty(serves[1]) or role if serves else role


def role_in_front(text):
    """
    A role written in front of a name: “Court spokesman” in “Court spokesman
    Ros Vibol”, “Prime Minister” in “Prime Minister Hun Manet”, “villager”
    in “Another villager, Chea Vanna”.
    """
    # “Foreign Minsiter”: the title as it is spelled.
    text = CAPITAL_WORD.sub(lambda word: TITLE_TYPOS.get(word[0], word[0]), text)
    match = re.search(
        r"(?:^\s*|[,;:(—–-]\s*|(?<=[a-z] ))((?:(?:the|former|deputy|acting)\s+)?"
        r"(?:(?:[A-Z][\w'’\-.]*|\([A-Z]{2,}\))\s+(?:(?:of|for|and|the)\s+)*)+)"
        r"([a-z][a-z’' \-]*?)\s*$",
        text,
    )
    if match and _title_tail(match[2]) and not only_function_words(match[1]):
        return _drop_leading_words(f"{match[1]}{match[2]}".strip())
    if match and _title_tail(match[2]) and set(match[1].split()) <= OPENING_ADVERBS:
        # “Nearby resident Morn Navy”: an adverb opens the sentence, the role follows.
        return match[2]
    match = re.search(
        r"(?:^\s*|[,;:(—–-]\s*|(?<=[a-z] ))((?:(?:former|deputy|acting)\s+)?"
        rf"(?:[A-Z][\w'’\-.]*\s+(?:(?:of|for|and)\s+(?=[A-Z]))?)*"
        rf"(?:(?:{CAPITAL_TITLE})(?:-[Gg]eneral)?|[A-Z][a-z]+-(?:elect|designate))\.?"
        r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’\-.]*(?:,?\s+(?:and\s+)?[A-Z][\w'’\-.]*)*)?)\s*$",
        text,
    )
    if match and not only_function_words(match[1]):
        return _drop_leading_words(match[1].strip())
    match = re.search(
        r"(?:^\s*|[,;:(]\s*|\b(?:said|says|added|told|and|by|from|with|of)\s+)(?:[Tt]he\s+)?"
        rf"((?:[a-z\-]+\s+){{0,3}}(?:{LOWERCASE_TITLE}))\s+$",
        text,
    )
    if match and not NOT_A_TITLE.search(match[1].split()[0]):
        return match[1]
    match = re.fullmatch(
        rf"\s*(?:the\s+)?((?:[A-Z]{{2,3}}\s+)?(?:[a-z\-]+\s+){{0,2}}(?:{LOWERCASE_TITLE})\s+(?:of|for|at|to)\s+"
        r"[^,;:\x00]{3,80}?)\s+",
        text,
    )
    if match:
        # “according to deputy head of the Public Works Ministry’s department of roads
        # Chan Thy”, “tweeted US ambassador to Cambodia Jane Roe”.
        return match[1]
    match = KIN_IN_FRONT.search(text) or NAMED_KIN_IN_FRONT.search(text)
    if match:
        return match[1]
    match = AGED_JOB_IN_FRONT.search(text)
    if match and not NOT_A_TITLE.search(match[1]):
        return match[1]
    match = re.search(
        r"(?:^\s*|[,;:]\s*|\b(?:said|says|added|told|and|to)\s+)"
        r"(?:[Aa]n?|[Aa]nother|[Oo]ne|[Tt]he|[Tt]he\s+[a-z\-]+['’]s)\s+"
        r"([a-z][a-z’' \-]{2,40}?),\s*$",
        text,
    )
    if match and not NOT_A_TITLE.search(match[1]):
        return match[1]
    match = OFFICE_OF_BEFORE_COMMA.search(text)
    if match:
        # “Manager of the Forestry Administration’s … Forest, Keo Sopheak, said”.
        return match[1]
    comma = re.search(r"(?<=[a-z]),\s*$", text)
    role = role_in_front(text[: comma.start()] + " ") if comma else ""
    if role and role.split()[-1].casefold() in TITLE_NOUNS:
        # “Kampot provincial governor, Chea Vanna, affirmed”.
        return role
    return ""


def _title_tail(words):
    """Whether lowercase words after capitalised ones end a title: “spokesman”, not “and”."""
    words = words.split()
    # “Chan Sreypov and her husband”: a relative of the one named, no title.
    possessive = bool(words) and words[0] in {"his", "her", "their", "its", "our"}
    return (
        0 < len(words) <= 3
        and not possessive
        and not any(NOT_A_TITLE.search(word) for word in words)
    )


def _drop_leading_words(role):
    """“On Monday Interior Ministry spokesman” is the role “Interior Ministry spokesman”."""
    words = role.split()
    while len(words) > 1 and (words[0] in FUNCTION_WORDS or words[0] in TIME_WORDS):
        words.pop(0)
    return " ".join(words)


def clean_description(text):
    """
    An unnamed source's description as a clean noun phrase: “another
    villager, adding that they also want …” is “another villager”.
    """
    text = " ".join(text.split()).strip(" ,.;:")
    text = CLAUSE_AFTER.split(text)[0].strip(" ,.;:")
    finite = FINITE_VERB.search(text)
    if (
        finite
        and len(text[: finite.start()].split()) >= 2
        and not RELATIVE_WORD.search(text[: finite.start()])
    ):
        # “the ruling also barred the former mayor … and”: the noun phrase only.
        text = text[: finite.start()]
    words = text.split()
    if len(words) > 15:
        cut = re.split(r"\s+(?:who|which|that)\s", text)[0]
        text = cut if len(cut.split()) <= 15 else " ".join(words[:15])
    return text
