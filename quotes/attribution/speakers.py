"""
Who a sentence says is speaking, as the story writes them.

``attribution_for`` reads the sentence around one quote for its speaker: a
name, a pronoun or a description of an unnamed source, after the quote
(`…,” Sokha said.`, `…,” said Malin.`), before it (`Sokha said: “…”`) or
elsewhere in the sentence of a partial quote. ``subject_of_sentence`` finds
who a sentence without quotes is about. Both return an ``Attribution``: the
speaker as written, not yet identified (``cast.Cast`` does that).
"""

import re

from .bounded import nearest
from .characterized import characterized
from .described import (
    DOCUMENT,
    REMARKS_OF,
    Attribution,
    document_of,
    in_closed_subordinate,
    leading_description,
    object_of_preposition,
    remarks_owner,
)
from .entities import SOURCE, description_kind
from .names import PERSON_LIKE, names_in, only_function_words
from .roles import appositive_role, clean_description, role_in_front
from .spans import ANY_PLACEHOLDER
from .subjects import (
    LIFE_SUBJECT,
    RELATIVE,
    SPOKE_TO,
    SUBJECT_START,
    opening_source,
    subject_after,
    subject_before,
    trailing_subject,
)
from .verbs import (
    ADVERBS,
    AS_CLAIMED_BY,
    AS_PUT_IT,
    FINDING,
    INVERTED_VERB,
    MANNER_INVERTED,
    MESSAGE_SAYING,
    NEW_CLAUSE,
    NEXT_QUOTE_CLAUSE,
    PARTICIPLE,
    PLURAL_SAY,
    QUOTED_AS,
    QUOTING_AFTER,
    REPORTED_TELLING,
    TOLD_BY,
    VERB,
    WAS_QUOTED,
)


def _quoted_as(text, directory, known_short):
    """
    “the Post quoted Phay Siphan as saying”, “Phay Siphan was quoted as
    saying by Fresh News”: the one quoted speaks, not who quotes them.
    """
    match = QUOTED_AS.search(text)
    if match and "\x00" not in match[1]:
        return subject_after(match[1], directory, known_short)
    match = WAS_QUOTED.match(text)
    if match and "\x00" not in match[1] and SUBJECT_START.match(match[1]):
        return subject_before(match[1], directory, known_short)
    return None


def _attribution_after(after, directory, known_short, before_quote=""):
    """Attribution right after a quote: “…,” Sokha said. / “…,” said Malin."""
    if QUOTING_AFTER.match(after):
        return _quoted_as(after, directory, known_short)
    match = re.match(r"\s*,?\s*(" + INVERTED_VERB.pattern + r")\s+(.*)$", after, re.DOTALL)
    if match and not re.match(r"\s*,?\s*according to", after, re.IGNORECASE):
        found = subject_after(match[2], directory, known_short)
        if found:
            return found
    match = AS_CLAIMED_BY.match(after) or TOLD_BY.match(after)
    if match:
        found = subject_after(match[1], directory, known_short)
        if found:
            return found
    match = AS_PUT_IT.match(after)
    if match and not re.fullmatch(r"(?:many|some|most|others|several)", match[1]):
        # “…,” as one villager put it.: the words of those who put it so; a
        # new reading, so checked. Not “as many put it”: nobody in particular.
        found = subject_before(match[1] + " ", directory, known_short) or Attribution(
            "description", clean_description(match[1])
        )
        found.how = "sentence"
        return found
    match = PLURAL_SAY.match(after)
    if match and match["before"] and match["before"].casefold() == "they":
        return Attribution("pronoun", "they")
    if match:
        return Attribution("description", clean_description(match["after"] or match["before"]))
    match = MANNER_INVERTED.match(after)
    if match:
        # “…,” laughed Ouch Leng., “…,” remarked Dr Sok Dara: whatever the verb.
        found = subject_after(match[1], directory, known_short)
        if found and found.kind == "name":
            return found
    match = re.match(r"\s*,?\s*according to\s+(.*)$", after, re.DOTALL | re.IGNORECASE)
    if match:
        return subject_after(match[1], directory, known_short, according=True)
    verb = VERB.search(after)
    if verb is None or "\x00" in after[: verb.start()] or verb.start() > 200:
        return None
    reported = REPORTED_TELLING.match(after[verb.end() :])
    if reported:
        # “…,” Sok Dara said the officer told him.: the officer's words.
        found = subject_before(reported[1], directory, known_short)
        if found:
            return found
    leading = after[: verb.start()]
    if _according(verb):
        # “… the country's “top leader,” Prime Minister X, according to the Daily.”:
        # the words are the Daily's; X is only who the words mean.
        return subject_after(after[verb.end() :], directory, known_short, according=True)
    if not leading.strip() or not SUBJECT_START.match(leading):
        return None
    if REMARKS_OF.search(before_quote) and NEXT_QUOTE_CLAUSE.match(after, verb.end()):
        # “… remarks from Hun Sen saying “…” Mr. Hour said the premier “…””:
        # the clause after introduces the next quote, and the remarks say whose this is.
        return None
    return subject_before(leading, directory, known_short)


def _attribution_before(clause, directory, known_short):
    """Attribution in the clause leading to a quote: Sokha said: “…” / He added, “…”."""
    if not clause.strip():
        return None
    message = MESSAGE_SAYING.search(clause)
    if message:
        found = subject_before(message["who"], directory, known_short)
        if found:
            found.how = "sentence"
            return found
    if re.search(
        r"\b(?:quoted|cited|recalled|remembered|heard)\s+[^\x00]+\b(?:saying|telling\s+[^\x00]+?)\s*[:,]?\s*$",
        clause,
    ):
        # “Sok Eysan quoted Hun Sen as saying, “…””, “she recalled her
        # husband saying: “…””: Hun Sen, her husband speaks.
        found = _quoted_as(clause, directory, known_short)
        if found:
            return found
    finding = FINDING.search(clause)
    if finding:
        found = subject_before(clause[: finding.start()], directory, known_short)
        if found is not None:
            found.how = "sentence"
            return document_of(found, clause)
    # A passive verb speaks only with its agent: “they were told by X: “…””.
    verbs = [
        verb
        for verb in VERB.finditer(clause)
        if not PASSIVE.search(clause[: verb.start()]) or re.match(r"\s+by\s", clause[verb.end() :])
    ]
    while len(verbs) > 1 and in_closed_subordinate(clause, verbs[-1]):
        # “said that just as Saint Peter fed the poor, “…””: not Peter.
        verbs.pop()
    own = NEW_CLAUSE.search(clause, verbs[-1].end()) if verbs else None
    if own:
        # “Sok Dara denied it, and Washington dismissed it as “…””: not Sok Dara's,
        # but perhaps a capital's or an embassy's, which only a journalist can say.
        found = subject_before(own[1], directory, known_short)
        if found is None:
            found = Attribution("source" if own[1][:1].isupper() else "description", own[1])
        if found:
            found.how = "subject"
        return found
    if verbs:
        verb = verbs[-1]
        passive = re.match(r"\s+by\s+", clause[verb.end() :])
        if passive and re.search(r"\b(?:was|were|been|being|is|are)\s*$", clause[: verb.start()]):
            # “Villagers said they were told by commune chief Keo Sam: “…””
            found = subject_after(clause[verb.end() + passive.end() :], directory, known_short)
            if found:
                found.how = "sentence"
            return found
        found = subject_before(clause[: verb.start()], directory, known_short)
        opens = INVERSION_OPENS.search(clause[: verb.start()])
        if found is None and INVERTED_VERB.fullmatch(verb[0]) and opens:
            found = subject_after(
                clause[verb.end() :], directory, known_short, according=_according(verb)
            )
        if found:
            found.how = "explicit" if re.search(r"[:,]\s*$", clause) else "sentence"
        return found
    found = _label(clause, directory, known_short)
    if found:
        return found
    if re.search(r":\s*$", clause):
        # An introduction ending in a colon: “Sokha described the morning:”,
        # “Chief among the findings listed in the study is that:”.
        names = names_in(clause, directory, known_short)
        if names:
            found = Attribution("name", names[0][0], how="sentence")
            found.role = appositive_role(clause[names[0][2] :])
            return found
        document = DOCUMENT.search(clause)
        if document:
            return Attribution("source", document[0], how="sentence")
    return None


def _label(clause, directory, known_short):
    """
    “Sok Dara (41) — “…””, “Keo Mealea, 62, a farmer – “…””, “Monk Sok Dara:
    “…””: a list of voices, each line headed by its speaker and no verb.
    """
    label = LABEL.fullmatch(clause)
    names = names_in(label["who"], directory, known_short) if label else []
    if not names:
        return None
    name, start, end = names[0]
    in_front = role_in_front(label["who"][:start]) if start else ""
    if start and in_front != label["who"][:start].strip():
        return None
    rest = AGE_AFTER_NAME.sub("", label["who"][end:]) + ","
    if rest.strip(" ,") and not appositive_role(rest):
        return None
    return Attribution("name", name, role=appositive_role(rest) or in_front, how="sentence")


def _according(verb):
    return verb[0].casefold() == "according to"


def _attribution_in_sentence(sentence, start, directory, known_short):
    """For a partial quote: a speech verb anywhere in its sentence, nearest first."""
    for verb in nearest(VERB.finditer(sentence), start):
        if verb.start() < start and NEW_CLAUSE.search(sentence, verb.end(), start):
            continue
        if PASSIVE.search(sentence[: verb.start()]):
            continue  # “the men are also warned against “…””: nobody speaks.
        clause_start = sentence.rfind("\x01", 0, verb.start()) + 1
        leading = sentence[clause_start : verb.start()]
        found = subject_before(leading, directory, known_short)
        # “…, said X” only where the verb opens its clause: in “Amnesty
        # International said the verdict was “…””, the verdict is not speaking.
        if found is None and INVERTED_VERB.fullmatch(verb[0]) and INVERSION_OPENS.search(leading):
            found = subject_after(
                sentence[verb.end() :], directory, known_short, according=_according(verb)
            )
        if found:
            found.how = "sentence"
            return found
    return None


def attribution_for(sentence, start, end, directory, known_short):
    """
    Who ``sentence`` says spoke the quote whose placeholder is at
    ``start:end``: an ``Attribution``, or ``None`` if the sentence does not say.
    """
    clause = ANY_PLACEHOLDER.split(sentence[:start])[-1]
    found = _attribution_after(sentence[end:], directory, known_short, clause)
    if found and not CREDIT_RIGHT_AFTER.match(sentence, end):
        # “Though Thai authorities described it as “voluntary,” the return …, an
        # official said.”: the word is the clause's own subject's, not the credit's.
        found = characterized(sentence, start, directory, known_short) or found
    if found:
        return found
    found = _attribution_before(clause, directory, known_short)
    if found:
        return found
    found = remarks_owner(clause, directory, known_short)
    if found:
        return found
    found = _attribution_in_sentence(sentence, start, directory, known_short)
    if found:
        return found
    # “A human rights representative goes further: “…””: a clause with no
    # speech verb, ending with a colon before the quote.
    colon = COLON_INTRO.fullmatch(clause)
    if colon:
        found = subject_before(colon["who"], directory, known_short)
        if found:
            found.how = "sentence"
            return found
    # “…, with 60-year-old farmer Lim Chan calling for the guns to be “…””.
    absolute = WITH_PARTICIPLE.search(clause)
    if absolute:
        found = subject_before(absolute["who"], directory, known_short)
        if found and found.kind == "name":
            found.how = "sentence"
            return found
    # “Hun Sen lashed out at the plan, calling it “a storm in a cooking pot.””
    participle = PARTICIPLE.search(clause)
    if participle:
        # “Hun Sen … rebuffed claims it had “lost”, saying “…””: the sentence's
        # subject, read before any quote in it.
        before = sentence[: start - len(clause) + participle.start()].split("\x00")[0]
        before = TIME_OPENING.sub("", before)
        found = (
            subject_of_sentence(before, directory, known_short)
            or leading_description(before)
            # “The Dutch Embassy released a statement, stating that “…””.
            or opening_source(before)
        )
        if found:
            found.how = "sentence"
        return found
    return characterized(sentence, start, directory, known_short)


# A line's speaker at its head, a dash before the words: “Sok Dara (41) — ”.
LABEL = re.compile(r"\s*(?P<who>[A-Z][^\x00:;.?!—–]{1,120}?)(?:\s+(?:--?|[—–])|\s*:)\s*")
AGE_AFTER_NAME = re.compile(r"^\s*(?:\(\s*\d{1,3}\s*\)|,\s*\d{1,3}\s*(?=,|$))")
COLON_INTRO = re.compile(
    r"\s*(?P<who>[^,;:\x00]{2,80}?)\s+(?:goes|went|puts?|had|has|offers?|offered|gives?|gave|"
    r"sums?|summed|takes?|took|sees?|saw)\b[^,;:\x00]{0,40}:\s*"
)
WITH_PARTICIPLE = re.compile(
    r"\bwith\s+(?P<who>[^\x00,;]{2,80}?)\s+(?:calling|saying|urging|demanding|describing|"
    r"warning|vowing|insisting|arguing|adding|accusing|branding|labell?ing)\b"
)
# “On Monday, Hun Sen …”: when, before the subject.
TIME_OPENING = re.compile(
    r"^\s*(?:(?:On|Last|This|Earlier|Later)\s+(?:\w+\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|day)\s*,\s*"
    # “A day later the embassy …”, “One week earlier, …”.
    r"|(?:A|One)\s+(?:day|week|month|year)\s+(?:later|earlier|after|before)\s*,?\s*)"
)
CREDIT_RIGHT_AFTER = re.compile(rf"\s*[,.?!]?\s*(?:[^\x00,;]{{0,80}}?\s)?(?:{VERB.pattern})")
INVERSION_OPENS = re.compile(r"(?:^|[,;:\x00\x01])\s*$")
# “said Saint Paul is …”: a name and a finite verb after “said” is what was said.
REPORTED_SUBJECT = re.compile(
    r"\s+(?:that\s+)?(?:[A-Z][\w’'\-]*\s+){1,4}(?:is|was|are|were|has|had|have|will|would|"
    r"could|can|should|must|did|does)\b"
)
PASSIVE = re.compile(rf"\b(?:was|were|is|are|be|been|being)\s+(?:(?:[a-z]+ly|{ADVERBS})\s+)?$")


# “As he described his search, chief executive Sok Dara recounted …”: the
# pronoun of an opening clause (after a dateline) points ahead to the main
# clause's subject.
OPENING_CLAUSE = re.compile(
    r"(?:[A-Z][A-Z .,'’]+\s[—–-]\s*)?"
    r"(?:As|While|When|Whenever|After|Before|Since|Although|Though|Because|Once)\s+"
    r"(?:he|she|they)\b[^,\x00]{3,120},\s*(?=\S)"
)


# A sentence about someone called by their age or family, not by name.
def subject_of_sentence(sentence, directory, known_short):
    """Who a sentence without quotes is about, when it names its subject first."""
    text = sentence.strip()
    opening = OPENING_CLAUSE.match(text)
    if opening:
        found = subject_of_sentence(text[opening.end() :], directory, known_short)
        if found and found.kind == "name":
            return found
    for verb in VERB.finditer(text):
        if PASSIVE.search(text[: verb.start()]):
            continue  # “The rise was partly explained by …”: nobody speaks.
        if INVERTED_VERB.fullmatch(verb[0]) and re.search(r"(?:^|,)\s*$", text[: verb.start()]):
            # “…, said Chhay Chhunly, a coordinator.” / “…, according to Sakada.”
            found = subject_after(
                text[verb.end() :], directory, known_short, according=_according(verb)
            )
            if found and found.kind == "name" and REPORTED_SUBJECT.match(text, verb.end()):
                # “X, speaking to the Daily Post, said his father is his model”: reported.
                found = None
            document = found and found.kind == "description" and verb[0].casefold() != "told"
            if document and description_kind(found.text) == SOURCE:
                # “…, pointed out the statement”, “said the same report”: a document
                # speaks; not “Keo Sam, the chief, told the Post”.
                found.kind = "source"
            if found and found.kind in {"name", "source"}:
                return found
        found = subject_before(text[: verb.start()], directory, known_short)
        if found and found.kind == "pronoun":
            found = (
                trailing_subject(text[: verb.start()], subject_of_sentence, directory, known_short)
                or found
            )
        if found:
            return found
        if not RELATIVE.search(text[: verb.start()]):
            break
    according = re.search(r",\s*according to\s+", text)
    if according:
        # “The rise was explained by …, according to deputy director … Dy Long.”
        found = subject_after(text[according.end() :], directory, known_short, according=True)
        if found and found.kind == "name":
            return found
    match = re.match(r"(He|She|It)\b", text)
    if match:
        return Attribution("pronoun", match[1].lower())
    match = SPOKE_TO.match(text)
    if match:
        return Attribution("description", clean_description(match[1][0].lower() + match[1][1:]))
    match = LIFE_SUBJECT.match(text)
    if match:
        # “But the 35-year-old is in debt”: the one the story is about, if anyone.
        return Attribution("description", match[1].lower())
    names = names_in(text, directory, known_short)
    if not names:
        return None
    name, start, end = names[0]
    # “Speaking on Wednesday, Hun Sen …”: an opening phrase is not a role.
    opening = re.fullmatch(r"[A-Z][a-z]+ing\b[^,\x00]*,\s*", text[:start])
    in_front = "" if opening else role_in_front(text[:start])
    if opening and (PERSON_LIKE.match(text[end:]) or appositive_role(text[end:])):
        return Attribution("name", name, role=appositive_role(text[end:]))
    if not (in_front or only_function_words(text[:start])):
        return None
    if in_front and object_of_preposition(text[:start]):
        return None  # “From his garden to former King Norodom Suramarit, …”: an object.
    rest = text[end:]
    role = appositive_role(rest) or in_front
    if role or PERSON_LIKE.match(rest):
        return Attribution("name", name, role=role)
    return None
