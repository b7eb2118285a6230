"""
Quotes credited without a speech verb, quotes of things, and quoted titles.

- ``credit_after``: a quote first and its speaker after a dash or with no
  verb at all, as year-end “quotable quotes” columns and captions write
  them: `“…” — Sok Dara, a farmer.`, `“…” - Former governor Sok Dara
  explains …`, `“…” Sok Dara, a farmer, on Tuesday.`;
- ``thing_source``: words a thing carries, not a person: `banners that read
  “…”`, `a sign saying “…”`, `the order reads: “…”`;
- ``is_title``: a quoted title (an article's headline, a forum's or a
  report's name) is nobody's words: `the report on “…”`, `a forum titled
  “Land and Rights”`, or a span in title case.
"""

import re

from .names import FUNCTION_WORDS, TITLE_WORDS, names_in
from .roles import LOWERCASE_TITLE, appositive_role, clean_description, role_in_front
from .spans import ANY_PLACEHOLDER, ON_CREDIT, ROUNDUP_CREDIT
from .speakers import Attribution

DASH_CREDIT = re.compile(r"\s*(?:--?|[—–])\s*(?P<credit>\S.*)$", re.DOTALL)
# “Sok Dara, a farmer, on Tuesday.”: a name, a comma, and no sentence after.
VERBLESS_CREDIT = re.compile(
    r"\s+(?P<credit>(?:[A-Z][\w'’.\-]*\s+){1,3}[A-Z][\w'’.\-]*,[^\x00.?!]*[.?!]?)\s*$"
)
# Where a credit's description ends: the clause that says what they did.
CREDIT_CLAUSE = re.compile(
    r"\s+(?:explains?|describes?|justif(?:y|ies)|says?|admits?|recalls?|reflects?|"
    r"complains?|remembers?|argues?|warns?|tells?|who|which|on\s+(?:why|how|what))\b"
    r"|\s*,|\s*\x00"
)
THINGS = (
    r"banners?|signs?|placards?|posters?|slogans?|(?:t-)?shirts?|leaflets?|flyers?|"
    r"graffiti|inscriptions?|captions?|headlines?|billboards?|stickers?|messages?\s+on\s+\w+"
)
THING_SOURCE = re.compile(
    r"(?P<thing>(?:\b(?:a|an|the|their|its|his|her)\s+)?"
    r"(?:\b(?!(?:a|an|the|and|or)\b|[a-z]+(?:ing|ed)\b)[a-z\-]+\s+){0,2}\b"
    rf"(?:{THINGS}))"
    r"(?:\s+(?:that|which))?\s+(?:read|reads|reading|say|says|said|saying|stating|stated|"
    r"bearing|proclaiming|declaring)\s*:?\s*$",
    re.IGNORECASE,
)
# “an executive order listing the agency as among “…””: the order's words.
DOCUMENT_LISTING = re.compile(
    r"(?P<thing>\b(?:an?|the|its|his|her|their)\s+(?:[a-z\-]+\s+){0,2}"
    r"(?:order|decree|directive|report|statement|letter|ruling|verdict|resolution|memo))\s+"
    r"(?:listing|naming|describing|labell?ing|branding|calling|designating|classifying|"
    r"characteri[sz]ing)\b[^\x00;]{0,200}?\s(?:as|of)\s+(?:among\s+|being\s+)?$",
    re.IGNORECASE,
)
# Words a speaker passes on from someone else.
PASSED_ON = (
    r"(?:(?:last|own|famous|final|very)\s+)?(?:words|promise|pledge|vow|message|remarks?|"
    r"statement|warning|slogan|motto|instructions?|orders?)"
)
QUOTING = re.compile(
    r"(?:\b(?:quoting|citing)\s+(?P<owner>[^,\x00]+?)\s*,[^\x00]*"
    r"|\b[Ii]n\s+the\s+(?:(?:last|own)\s+)?words\s+of\s+(?P<words_of>[^,:\x00]+?)\s*[,:]?\s*)$"
)
OWNED_WORDS = re.compile(
    r"\b(?:repeated|recalled|quoted|cited|read\s+out|echoed|passed\s+on|relayed)\s+"
    rf"(?P<owner>[^\x00]{{1,60}}?)['’]s?\s+{PASSED_ON}\s*[:,]?\s*$"
)
REMINDED_OF = re.compile(
    rf"\breminded\s+(?P<owner>[^\x00]{{1,60}}?)\s+of\s+(?:his|her|their)\s+{PASSED_ON}\s*[:,]?\s*$"
)
TITLE_BEFORE = re.compile(
    r"\b(?:(?:known\s+as|nicknamed|so-called)(?:\s+(?:the|a|an))?|"
    r"titled|entitled|headlined|headline|called|dubbed|named|(?:report|article|story|"
    r"book|film|forum|conference|seminar|workshop|event|campaign|programme|program)\s+"
    r"(?:on|about|of|titled|entitled|called))\s*,?\s*$",
    re.IGNORECASE,
)
SMALL_WORDS = frozenset(
    ("a", "an", "the", "of", "for", "and", "or", "in", "on", "to", "with", "at", "by")
    + ("from", "vs", "is", "are", "as", "but", "nor")
)


def credit_after(after, directory, known_short):
    """The speaker a credit line after a quote names, or ``None``."""
    match = DASH_CREDIT.match(after) or VERBLESS_CREDIT.match(after)
    if match is None:
        return _credit_on(after, directory, known_short) or _roundup_credit(
            after, directory, known_short
        )
    credit = match["credit"]
    plain = ANY_PLACEHOLDER.sub(lambda found: " " * len(found[0]), credit)
    how = "explicit" if DASH_CREDIT.match(after) else "sentence"
    for name, start, end in names_in(plain, directory, known_short):
        in_front = role_in_front(credit[:start]) if start else ""
        described = re.fullmatch(r"([^,\x00]{3,80}?),\s*", credit[:start])
        if described and not in_front:
            # “Ta Mok's personal cook, Van Ra, who …”: the description is the role.
            in_front = described[1]
        elif start and not (in_front and credit[:start].rstrip(" ,").endswith(in_front)):
            break
        role = appositive_role(credit[end:] + ",")
        if re.match(r"[a-z]+ing\b", role):
            role = ""  # “, nominating …”: what they were doing, not who they are.
        return Attribution("name", name, role=role or in_front, how=how)
    if not re.match(r"(?:[Aa]n?\s+|[Tt]he\s+|[Oo]ne\s+)?[A-Za-z]", credit):
        return None
    description = clean_description(CREDIT_CLAUSE.split(credit)[0])
    if (
        not description
        or len(description.split()) > 12
        or names_in(description, directory, known_short)
    ):
        return None
    if re.match(r"(?:An?|The|One|Another)\s|[A-Z][a-z]+\s+[a-z]", description):
        description = description[0].lower() + description[1:]
    return Attribution("description", description, how=how)


def _front_title(prefix):
    """
    The title a credit gives in front of its name (“Army chief of staff
    Lieutenant-General”), or "" when the words before the name are no title.
    """
    in_front = role_in_front(prefix) if prefix.strip() else ""
    if not (in_front and prefix.rstrip(" ,").endswith(in_front)):
        return ""
    if len(prefix.split()) <= 6 and re.fullmatch(r"[A-Z][^,;:\x00]*", prefix.strip()):
        return prefix.strip()
    return in_front


def _credit_on(after, directory, known_short):
    """“…” Forestry head Ty Sokhun on the …: the name ending the credit, its role in front."""
    match = ON_CREDIT.match(after.strip())
    if match is None:
        return None
    credit = re.sub(r"\s+[-—–]\s.*$", "", match["credit"], flags=re.DOTALL)
    names = names_in(credit, directory, known_short)
    if not names or names[-1][2] != len(credit):
        return None
    name, start, _end = names[-1]
    in_front = _front_title(credit[:start])
    if start and not in_front and not re.fullmatch(r"(?:The\s+)?", credit[:start]):
        return None
    return Attribution("name", name, role=in_front, how="sentence")


# What may follow a roundup credit's speaker: nothing, a comma, or the
# occasion (“on …”, “after …”, “responding to …”), never a sentence of its own.
OCCASION = re.compile(
    r"\s*(?:[.?!]?\s*$|,|[-—–]\s|(?:on|after|before|during|at|in|about|from|to|when|while|"
    r"as|upon|following|speaking)\s|[a-z]+ing\s)"
)
# “A Khmer Rouge official's view”: the owner of the view is the speaker.
VIEW_OF = re.compile(
    r"^(?P<owner>.+?)['’]s\s+(?:view|verdict|take|assessment|reaction|response|words|"
    r"comment|message|warning|prediction|explanation|advice)\b"
)
# A person's noun as a roundup description ends (“Angry KR soldier”).
PERSON_NOUNS = frozenset(
    {word.casefold() for word in TITLE_WORDS} | set(LOWERCASE_TITLE.split("|"))
) | {"photographer", "villager", "man", "woman", "boy", "girl", "mother", "father", "rebel"}


def _roundup_credit(after, directory, known_short):
    """
    A year's quotes, each with its speaker after it and no verb: `“…,” RCAF
    General Em Saray.`, `“…,” Italian photographer X, one of the first …`,
    `“…” Angry soldier responding to …`, `“…,” A rebel official's view - …`.
    The name's role is the title in front or the noun phrase after a comma;
    the occasion after it (“on …”, “nominating …”) is no role.
    """
    credit = after.strip()
    if not ROUNDUP_CREDIT.fullmatch(credit):
        return None
    plain = ANY_PLACEHOLDER.sub(lambda found: " " * len(found[0]), credit)
    names = names_in(plain, directory, known_short)
    if names and OCCASION.match(credit, names[0][2]):
        name, start, end = names[0]
        in_front = _front_title(credit[:start])
        if start and not in_front:
            return None
        role = appositive_role(credit[end:] + ",")
        role = in_front or ("" if re.match(r"[a-z]+ing\b", role) else role)
        return Attribution("name", name, role=role, how="sentence")
    view = VIEW_OF.match(credit)
    words = re.split(r"\s+(?=(?:on|after|during|[a-z]+ing)\s)|\s*[,.?!]|\s[-—–]\s", credit)[0]
    description = (view["owner"] if view else words).strip()
    head = description.split()[-1].removesuffix("s") if description else ""
    if head not in PERSON_NOUNS or len(description.split()) > 8:
        return None
    return Attribution("description", description[0].lower() + description[1:], how="sentence")


def thing_source(clause, before=None):
    """
    The thing whose words the quote ending ``clause`` gives, or ``None``;
    `“…”, and “…”` goes on with the thing ``before`` (the sentence's last).
    """
    if (
        before is not None
        and before.kind == "source"
        and re.fullmatch(r"[\s,]*(?:and|or)?\s*", clause)
    ):
        return before
    match = THING_SOURCE.search(clause) or DOCUMENT_LISTING.search(clause)
    if match is None:
        return None
    thing = re.sub(r"^(?:the|their|its|his|her)\s+", "", match["thing"], flags=re.IGNORECASE)
    return Attribution("source", thing, how="explicit")


def words_owner(clause, directory, known_short):
    """
    Whose words a speaker passes on: `quoting Hun Sen, said: “…”` and `In the
    words of Hun Sen, “…”` are Hun Sen's; `repeated Chea Vichea's last words:`
    are Chea Vichea's; `reminded Sam Rainsy of his promise:` are probably Sam
    Rainsy's (“his” may be the one reminding), so read below the threshold.
    """
    match = QUOTING.search(clause) or OWNED_WORDS.search(clause)
    unsure = False
    if match is None:
        match = REMINDED_OF.search(clause)
        unsure = True
    if match is None:
        return None
    owner = (
        match.groupdict().get("owner") or match["words_of"]
        if match.re is QUOTING
        else match["owner"]
    )
    names = names_in(owner, directory, known_short)
    if names and names[0][2] == len(owner.rstrip()):
        return Attribution("name", names[0][0], how="subject" if unsure else "sentence")
    kin = re.fullmatch(r"(?:his|her|their)\s+[a-z\-]+(?:\s+[a-z\-]+)?", owner.strip())
    if kin:
        # “his brother's last words”: someone the story may not name; never sure.
        return Attribution("description", kin[0], how="subject")
    return None


def is_title(words, clause):
    """Whether quoted ``words`` read as a title, not something said."""
    if TITLE_BEFORE.search(clause) and not CALLED_SO_BY.search(clause):
        # “a forum called “…””, but not “what the governor called “…””: someone's word for it.
        return True
    text = words.strip(" ,")
    if text.endswith((".", "!", "…")) or len(text) > 120:
        return False
    tokens = re.findall(r"[A-Za-z][\w'’\-]*", text)
    content = [token for token in tokens if token.casefold() not in SMALL_WORDS]
    return len(tokens) >= 3 and len(content) >= 2 and all(t[0].isupper() for t in content)


# “In a statement from rights groups last month, Sok Dara was praised as “…””:
# the words judging someone in the passive are the framing document's.
DOCUMENT_FRAME = re.compile(
    r"^\s*(?:In|Through)\s+(?P<document>(?:a|an|the|its|their|his|her)\s+(?:[a-z’'\-]+\s+){0,2}"
    r"(?:statement|letter|report|petition|post|declaration|complaint|resolution|press\s+release)"
    r"\b[^,\x00]{0,120}),"
)
PASSIVE_JUDGED = re.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:(?:widely|also|repeatedly)\s+)?"
    r"(?:praised|hailed|lauded|described|called|labell?ed|branded|termed|characteri[sz]ed|"
    r"condemned|critici[sz]ed|denounced)\s+as\s+(?:(?:its|his|her|their|a|an|the)\s+)?$"
)


def framing_document(before, clause):
    """The document framing a passive judgement: `In a statement …, X was praised as`."""
    frame = DOCUMENT_FRAME.match(before)
    if frame is None or not PASSIVE_JUDGED.search(clause):
        return None
    document = re.sub(r"^(?:the|its|their|his|her)\s+", "", frame["document"])
    return Attribution("source", document, how="sentence")


# “arrested … for “plotting with foreign agents””, “the charge of “…””: the
# name of a charge, which the law it is brought under words, or the charge.
CHARGE_BEFORE = re.compile(
    r"\b(?:charges?\s+of|charged\b[^\x00.;]{0,60}?\b(?:with|for)|convicted\b[^\x00.;]{0,40}?\bof|"
    r"(?:found\s+)?guilty\s+of|(?:arrested|detained|jailed|sentenced|prosecuted)\b"
    r"[^\x00.;]{0,60}?\bfor)\s*$",
    re.IGNORECASE,
)
LAW = re.compile(
    r"\bunder\s+(?:the\s+|a\s+)?(?:new\s+|amended\s+)?(?P<law>(?:penal|criminal)\s+code)\b", re.I
)
# “…,” which the Criminal Code calls …, “…,” a crime under Article 40 of the Penal Code.
LAW_AFTER = re.compile(
    r"[^\x00.;]{0,80}?\b(?:under|of|which)\s+(?:Article\s+\d+\s+of\s+)?(?:the\s+)?"
    r"(?P<law>(?:[Pp]enal|[Cc]riminal)\s+[Cc]ode)\b"
)
# “which the Criminal Code calls a “…””, “what Sok Dara called “…””: whoever so calls it.
CALLED_SO_BY = re.compile(
    r"\b(?:which|what)\s+(?P<owner>[^\x00,;]{2,60}?)\s+(?:calls?|called|terms?|termed|dubs?|"
    r"dubbed|labels?|labell?ed|describes?\s+as|described\s+as)\s+(?:(?:a|an|the|its)\s+)?$"
)

# “500 Seeds, which describes itself as “…””: the words are the one named
# before “which”, about itself.
CALLS_ITSELF = re.compile(
    r"(?P<owner>(?:[A-Z0-9][\w’'&.\-]*\s+){0,5}[A-Z0-9][\w’'&.\-]*)\s*,\s*(?:which|who)\s+"
    r"(?:calls|called|describes|described|bills|billed|styles|styled|brands|branded)\s+"
    r"(?P<self>itself|themselves|himself|herself)\s+(?:as\s+)?(?:(?:a|an|the)\s+)?$"
)


def charge_words(clause, after=""):
    """
    The law or the charge whose words a quote after ``clause`` gives, or
    ``None``; the law may be named right after the quote (``after``).
    """
    if not CHARGE_BEFORE.search(clause):
        return None
    law = LAW.search(clause) or LAW_AFTER.match(after)
    return Attribution("source", law["law"] if law else "the charge", how="sentence")


def called_so_by(clause, directory, known_short):
    """Who calls a thing the quoted words (`which the Penal Code calls “…”`), or ``None``."""
    itself = CALLS_ITSELF.search(clause)
    if itself:
        owner = itself["owner"]
        names = names_in(owner, directory, known_short)
        if itself["self"] in {"himself", "herself"} and names and names[-1][2] == len(owner):
            return Attribution("name", names[-1][0], how="sentence")
        if itself["self"] == "itself":
            # “Then Green Seed, which …”: a sentence's first word is no part of the name.
            words = owner.split()
            while len(words) > 1 and words[0] in FUNCTION_WORDS:
                words.pop(0)
            return Attribution("source", " ".join(words), how="sentence")
    match = CALLED_SO_BY.search(clause)
    if match is None or match["owner"].casefold() in {"it", "he", "she", "they", "we", "i"}:
        return None
    owner = match["owner"]
    names = names_in(owner, directory, known_short)
    if names and names[-1][2] == len(owner):
        return Attribution("name", names[-1][0], how="sentence")
    if not re.match(r"(?:the|a|an)\s", owner, re.IGNORECASE):
        return None
    kind = "source" if re.search(r"\s[A-Z][\w’'\-]*$", owner) else "description"
    return Attribution(kind, owner, how="sentence")
