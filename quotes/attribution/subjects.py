"""
Where a clause names its speaker: the subject before a speech verb
(`Sokha said`, `a villager who asked not to be named said`) or after an
inverted one (`said Malin, a farmer`), as an ``Attribution``.
"""

import re

from .described import (
    KIN_ALONE,
    ORGANIZATION_WORDS,
    Attribution,
    described_before,
    described_by_given_name,
    government_before,
    is_acronym,
    lone_name,
    object_of_preposition,
    organization_before,
)
from .entities import PERSON, SOURCE, SOURCE_HEADS, description_kind
from .khmer_words import CAPITAL, LOWER
from .names import FUNCTION_WORDS, NOT_PERSON_WORDS, PSEUDONYM, names_in, only_function_words
from .roles import NOT_A_TITLE, appositive_role, clean_description, role_in_front, role_or_empty
from .spans import ANY_PLACEHOLDER
from .verbs import (
    ADVERBS,
    TRAIL,
)

RELATIVE = re.compile(r"\b(?:who|which|that|whom)(?:\s+had|\s+has|\s+was)?\s*$", re.IGNORECASE)
SUBJECT_START = re.compile(
    r"^\s*,?\s*(?:he\b|she\b|they\b|it\b|a\s|an\s|the\s|one\s|another\s|[A-Z\u1780-\u17ff])",
)
PRONOUN_SUBJECT = r"(he|she|they|it)"
# “The source, when asked whether X met Y, would only say”: the aside is no subject.
WHEN_ASKED = re.compile(
    r",\s*(?:when|after|if|once)\s+(?:asked|pressed|questioned)\b[^,\x00]*,?\s*$"
)
# Capitalised words before the plural only where they cannot be capitalised
# for opening the sentence (“Construction workers said”).
PLURAL_SOURCE = re.compile(
    r"(?:(?:^|[,;]\s*)(?:But|And|Though|Although|While|Yet|As|Because)\s+"
    r"((?:[A-Z][a-z]+\s+){0,2}[a-z]+s)|(?:^|[,;]\s*)([A-Z]?[a-z]+s))$"
)
# “Kep authorities called …”, “where some news outlets criticised …”: a
# group the story does not name, known by a place or a quantity in front.
GROUP_SOURCE = re.compile(
    r"(?:^|[,;]\s*|\b(?:where|when|while|as|after)\s+)"
    r"((?:[A-Z][a-z]+\s+){1,2}|(?:some|many|several|other)\s+(?:[a-z]+\s+)?)"
    r"(authorities|officials|outlets|media|activists|observers|critics|diplomats|lawmakers|"
    r"governments|newspapers)$"
)
# A group's name after an inverted verb, and the end of the credit.
ORGANIZATION_AFTER = re.compile(
    r"((?:the\s+)?[A-Z][\w&’'\-]*(?:\s+(?:(?:of|for|and|on|the)\s+)*[A-Z][\w&’'\-]*)*)\s*"
    r"(?:$|[,.;]|(?P<document>\s+in\s+(?:its|their|a)\s+(?:[a-z]+\s+)?"
    r"(?:statement|report|post|letter|release)))"
)
# “A hotel manager, who asked not to be named, spoke to the Post.”: someone
# unnamed who spoke, the “he” of the quotes after.
# “a visibly angry Saphen”: an article and lowercase words, then a name.
MOOD_THEN_NAME = re.compile(
    rf"(?:a|an|the)\s+(?:(?!(?:by|of|for|from|to|with|at|in|on|about|near)\s)[a-z]+\s+){{1,3}}"
    rf"(?P<name>{CAPITAL}{LOWER}+(?:\s{CAPITAL}{LOWER}+){{0,2}})"
)
# “An old farmer” right before a name, opening its clause.
DESCRIBED_IN_FRONT = re.compile(
    r"(?:^|,)\s*((?:[Aa]n?|[Oo]ne|[Aa]nother)\s+[a-z][a-z\s\-]{1,40}?)\s+$"
)
# The clause before “what” in “…, the lenders saw what one banker called”.
WHAT_SUBJECT = re.compile(r"^[^\x00]*\bwhat\s+(?=[^\x00,;]+$)")
SPOKE_TO = re.compile(
    r"((?:A|An|One|Another)\s+[a-z][^,.;\x00]{2,60}?)(?:\s*,[^,.;\x00]{2,80},)?"
    r"\s+(?:spoke|talked)\s+(?:to|with)\b"
)
LIFE_SUBJECT = re.compile(
    r"(?:(?:But|And|Yet|Now|Still|Today),?\s+)?((?:[Tt]he)\s+(?:\d{1,3}-year-old|"
    r"(?:father|mother)\s+of\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})))"
    r"\s+(?:is|was|has|had|says|said|lives|lived|works|worked|now|still|also)\b"
)


def subject_before(text, directory, known_short):
    """
    The speaker at the end of ``text``, which stops just before a speech
    verb: a pronoun, a name with an optional role in apposition, or a
    description of an unnamed source. ``None`` if there is none.
    """
    text = WHEN_ASKED.sub("", text.rstrip()).rstrip()
    # “the lenders saw what one banker called a “bubble””: who called it so.
    text = WHAT_SUBJECT.sub("", text)
    if RELATIVE.search(text):
        # “a villager who asked not to be named”: the verb belongs to a clause;
        # but in “led by Sam Sokha, who said”, the name just before speaks.
        return _named_before_who(text, directory, known_short)
    match = re.search(rf"\b{PRONOUN_SUBJECT}{TRAIL}$", text, re.IGNORECASE)
    if match:
        return Attribution("pronoun", match[1].lower())
    found = _named_before_relative(text, directory, known_short) or government_before(
        re.sub(rf"{TRAIL}$", "", text)
    )
    if found:
        return found
    for name, start, end in names_in(
        text, directory, known_short | lone_name(text), before_verb=True
    ):
        if object_of_preposition(text[:start]):
            # “a spokesman for Hun Manet said”: he is not the one speaking.
            continue
        rest = text[end:]
        if re.fullmatch(rf"{TRAIL}\s*,?\s*", rest):
            first = _first_of_pair(text[:start], directory, known_short)
            if first is not None:
                return first
            role = described_by_given_name(text, name) or role_in_front(text[:start])
            return Attribution("name", name, role=role)
        # “Ny Chakrya of Adhoc said:”: the organization is the role.
        of_organization = re.fullmatch(rf"\s+(?:of|from)\s+([A-Z][^\s,\x00]*){TRAIL}\s*", rest)
        if of_organization:
            return Attribution("name", name, role=of_organization[1])
        # “An old farmer Keo Dara representing the village said”: what he does, no
        # description of someone unnamed; a description in front is his role.
        doing = re.fullmatch(
            rf"\s+([a-z]{{3,}}ing\s+(?:the|a|an|in|at|on|for|near|with|from|to|his|her|their)\s"
            rf"[^,;\x00]{{2,80}}?){TRAIL}\s*",
            rest,
        )
        if doing:
            front = DESCRIBED_IN_FRONT.search(text[:start])
            role = f"{front[1][0].lower()}{front[1][1:]} {doing[1]}" if front else ""
            role = role or role_in_front(text[:start])
            return Attribution("name", name, role=role)
        # “Sam Sokong, one of the defence lawyers told AFP”, “Rith Mony, 45, a
        # farmer in Prey Veng said”: the closing comma forgotten.
        appositive = re.fullmatch(
            rf"\s*(?:,\s*(.+?)\s*,|[—–]\s*(.+?)\s*[—–]|\s--?\s(.+?)\s--?"
            rf"|(?:,\s*\d{{1,3}})?,\s*((?:one\s+of|an?|the)\s+[a-z][^,\x00]{{2,80}}?))"
            rf"(?:\s*{ADVERBS})?\s*",
            rest,
            re.DOTALL,
        )
        if appositive:
            written = appositive[1] or appositive[2] or appositive[3] or appositive[4]
            role = role_or_empty(written) or role_in_front(text[:start])
            return Attribution("name", name, role=role)
    # “The invitations only said”: the words before the verb, without its adverbs.
    bare = re.sub(rf"{TRAIL}(?:\s+(?:only|merely|just){TRAIL})?\s*$", "", text)
    found = described_before(bare)
    if found:
        return found
    found = organization_before(bare)
    if found:
        return found
    match = GROUP_SOURCE.search(bare.strip())
    if match and not FUNCTION_WORDS & set(match[1].split()):
        return Attribution("description", match[1] + match[2])
    # “Villagers said”: people the story does not name.
    match = PLURAL_SOURCE.search(bare.strip())
    plural = match and (match[1] or match[2])
    if plural and not FUNCTION_WORDS & set(plural.split()):
        # “Villagers said”, “Though Thai authorities have described”.
        words = plural.split()
        return Attribution("description", " ".join(words[:-1] + [words[-1].lower()]))
    return None


# “said Khim, a 25-year-old who …”, “said Sreyleak, 19,”: one word, then what a person is.
LONE_NAME_AFTER = re.compile(
    rf"({CAPITAL}{LOWER}+)(?:,\s*(?:\d{{1,3}}\s*(?:,|$)|((?:a|an|another|one\s+of)\s+[^,.;\x00]{{3,80}}))"
    # “admitted Dara as he sat …”: a clause about him or her tells a person.
    r"|,?\s+(?:as|while|when|before|after)\s+(?:he|she)\b"
    # “said Dara, not his real name”: a pseudonym is a person's.
    rf"|\s*[,(]\s*{PSEUDONYM})"
)


def _lone_name_after(text):
    """A one-word name right after the verb, told apart from a group by its apposition."""
    match = LONE_NAME_AFTER.match(text)
    if match is None or match[1] in FUNCTION_WORDS or match[1] in NOT_PERSON_WORDS:
        return set()
    if match[2] and description_kind(match[2]) != PERSON:
        return set()
    return {match[1]}


def _first_of_pair(before, directory, known_short):
    """
    “Keo Dara, the province’s governor, and Mr Lim have said”: two subjects
    share the words; the first named is credited, as the keys do.
    """
    pair = re.search(r"^(.*?)(?:,\s*([^,\x00]{3,60}),)?\s+and\s+$", before)
    if pair is None:
        return None
    names = names_in(pair[1], directory, known_short)
    if len(names) != 1 or names[0][1] != 0 or names[0][2] != len(pair[1]):
        return None
    return Attribution("name", names[0][0], role=role_or_empty(pair[2] or ""), shared=True)


def _named_before_who(text, directory, known_short):
    """The name right before “, who” at the end of ``text``, if not a preposition's object."""
    match = re.search(r",\s*who(?:\s+had|\s+has)?\s*$", text)
    if match is None:
        return None
    before = text[: match.start()]
    for name, start, end in names_in(before, directory, known_short):
        # “in reply to Hun Sen, who had said”: he speaks; “the wife of X, who” is unclear.
        if end == len(before.rstrip()) and not re.search(r"\bof\s+\S*\s*$", before[:start]):
            return Attribution("name", name)
    return None


def _named_before_relative(text, directory, known_short):
    """
    “Soeng Sokhom who represented the villages, said”: a name, then a relative
    clause closed by a comma before the verb, speaks; the clause is the role.
    """
    match = re.search(r"\s+(who\s+[a-z]+ed\s[^,\x00]{3,80}?),\s*$", text)
    if match is None:
        return None
    before = text[: match.start()]
    names = names_in(before, directory, known_short)
    if not names or names[-1][2] != len(before) or object_of_preposition(before[: names[-1][1]]):
        return None
    if not only_function_words(before[: names[-1][1]]):
        return None
    return Attribution("name", names[-1][0], role=match[1])


# A person's own post, speech or letter: “a social media post by …”.
AUTHORED_BY = re.compile(
    r"(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}(?:post|posts|message|statement|speech|letter|address|"
    r"video|interview|remarks)\s+by\s+(?=[A-Z])(.*)",
    re.DOTALL,
)


def subject_after(text, directory, known_short, *, according=False):
    """
    The speaker right after an inverted speech verb: “said Malin”, “said
    Chin Malin, spokesman for the Justice Ministry”, “said a villager who …”;
    after “according to”, also a publication or document (“according to
    WSJ's article”, “according to <a report's title>”).
    """
    text = ANY_PLACEHOLDER.split(text)[0].strip()
    match = re.match(rf"{PRONOUN_SUBJECT}\b", text)
    if match:
        return Attribution("pronoun", match[1])
    match = re.match(r"([A-Z][^,\x00]{0,150}?),\s+which\b", text) if according else None
    if match:
        # “according to Roots Under Threat, which covers …”: a title, not a person.
        return Attribution("source", match[1])
    names = names_in(text, directory, known_short | _lone_name_after(text), after_verb=True)
    if names:
        name, start, end = names[0]
        # “said Chea Vanna”, “said Interior Ministry spokesman Touch Sovann”,
        # “said another villager, Chea Vanna”.
        in_front = role_in_front(text[:start]) if start else ""
        if start == 0 or (
            in_front
            and text[:start].rstrip(" ,").endswith(in_front)
            and len(text[:start].split()) <= len(in_front.split()) + 2
        ):
            rest = text[end:]
            role = (
                appositive_role(rest + ",")
                if re.match(r"\s*(?:,|[—–]|--?\s|of\s+(?:the\s+)?[A-Z])", rest)
                else ""
            )
            role = re.sub(r"(?<=[a-z]{3})\.$", "", role)  # “… of the Labour Union.”
            return Attribution("name", name, role=role or in_front)
        # “said his spokesman, Lim Pheap”, “said Keo Sam's lawyer, Chea Vanna”,
        # “said the European Union's envoy to Cambodia, Anna Berg”.
        owned = re.fullmatch(
            r"(?:his|her|their|its|[A-Z][\w\s]{0,40}?['’]s)\s+([a-z][a-z’' \-]{2,40}?),\s*"
            r"|the\s+[^,\x00]{2,80}?,\s*",
            text[:start],
        )
        if owned:
            return Attribution("name", name, role=text[:start].rstrip(" ,"))
        # “said farmer Sok Dara”, “said villager Chan Thy”: a plain noun in front.
        bare = re.fullmatch(r"(?:[a-z][a-z\-]{2,}\s+){1,2}", text[:start])
        if bare and not any(NOT_A_TITLE.search(word) for word in bare[0].split()):
            return Attribution("name", name, role=bare[0].strip())
        # “said the 16-year-old Mao Sreyneang, a student”, “said 22-year-old Keo Sophal”.
        if re.fullmatch(r"(?:the\s+)?\d{1,3}-year-old\s+(?:[a-z][a-z\-]{2,}\s+)?", text[:start]):
            rest = text[end:]
            role = appositive_role(rest + ",") if re.match(r"\s*,", rest) else ""
            return Attribution("name", name, role=role)
    authored = AUTHORED_BY.match(text) if according else None
    if authored:
        # “according to a Facebook post by Prime Minister Hun Manet”: he speaks.
        author = subject_after(authored[1], directory, known_short)
        if author and author.kind == "name":
            return author
    match = re.match(r"(?:a|an|the|one|another)\s+[A-Za-z].*", text) or KIN_ALONE.match(text)
    if match:
        # A sentence ends at its full stop, not at an initial's (“the U.S. embassy”).
        description = clean_description(re.split(r"(?<!\b[A-Z])[.;](?:\s|$)", match[0])[0])
        # “said a visibly angry Saphen”: how the person looked, then the name.
        moved = MOOD_THEN_NAME.fullmatch(description or "")
        named = moved and names_in(moved["name"], directory, known_short)
        if named and named[0][0] == moved["name"]:
            return Attribution("name", moved["name"])
        if description and len(description.split()) <= 30:
            return Attribution("description", description)
    organization = ORGANIZATION_AFTER.match(text)
    if organization and (
        organization["document"]
        or is_acronym(organization[1])
        or ORGANIZATION_WORDS & set(organization[1].split())
    ):
        # “said Licadho in its statement”, “said ADHOC.”, “said Amnesty International”.
        return Attribution("source", organization[1])
    document = re.match(r"((?:[a-z\-]+\s+){0,2}([a-z]+))\s*(?:,|$)", text) if according else None
    if document and document[2] in SOURCE_HEADS:
        # “According to court documents, the three …”: the documents.
        return Attribution("source", document[1])
    if according and re.match(r"[A-Z]", text):
        source = clean_description(re.split(r"[,.;](?:\s|$)", text)[0])
        if source and len(source.split()) <= 15:
            return Attribution("source", source)
    return None


# A sentence opening with a definite description, after an optional phrase:
# “Heading into the vote, the UN Human Rights Office criticized …”.
OPENING_THE = re.compile(r"(?:[^,\x00]{0,80},\s+)?(?=[Tt]he\s)")
CLAUSE_WORDS = frozenset(
    ["who", "which", "that", "whose", "of", "for", "at", "from", "in", "on", "with", "by", "to"]
)
OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*")


def opening_source(text):
    """
    The institution a sentence opens with, when “it” later in the sentence
    can only be it: “The broadcaster shut its bureau amid what it called
    “…””. ``None`` if the subject is a person or there is none.
    """
    opening = OPENING_THE.match(text)
    if opening is None:
        return None
    words = re.match(r"(?:[^\s,\x00]+\s+){1,7}", text[opening.end() :])
    end = opening.end()
    for word in words[0].split()[1:] if words else ():
        if word.casefold() in CLAUSE_WORDS:
            break  # “The man who runs the company”: a person.
        end = text.index(word, end) + len(word)
        if description_kind(f"the {word}") == SOURCE:
            of_name = OF_NAME.match(text, end)
            end = of_name.end() if of_name else end
            return Attribution("description", text[opening.end() : end])
    return None


# “…, he said.”: a pronoun and its verb trailing a sentence of their own.
SAID_TAIL = re.compile(r",\s*(?:he|she)\s*$")
SUBORDINATE = re.compile(r"(?:Once|When|After|Before|As|While|Because|Since|If|Although|Though)\s")


def trailing_subject(before_verb, subject_of_sentence, directory, known_short):
    """
    “After the talks, Keo Dara plans to visit President X, he said.”: the
    trailing “he” is the sentence's own subject, not its object. The name
    opening the clause before “, he”, or None. ``subject_of_sentence`` reads it.
    """
    tail = SAID_TAIL.search(before_verb)
    if not tail:
        return None
    clause = before_verb[: tail.start()]
    # “After the talks, …”: an opening phrase before the subject.
    opened = re.match(r"[A-Z][^,\x00]{2,60},\s*(?=[A-Z])", clause)
    clause = clause[opened.end() if opened else 0 :]
    if SUBORDINATE.match(clause):
        return None  # “Once Keo Dara arrived, they arrested him, she said”.
    own = subject_of_sentence(clause, directory, known_short)
    if not (own and own.kind == "name" and own.text in clause):
        return None
    # Only a name opening its clause, perhaps behind its title, is its subject.
    return own if clause[: clause.find(own.text)].strip() in {"", own.role} else None


def country_source(subject):
    """“Thailand admitted “stray” shells”: a country speaks through its government."""
    match = re.fullmatch(r"\s*(?:[^\x00]*,\s*)?((?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)\s*", subject)
    if match and all(word in NOT_PERSON_WORDS for word in match[1].split()):
        return Attribution("source", match[1])
    return None
