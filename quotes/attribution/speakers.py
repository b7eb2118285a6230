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

from .described import (
    DOCUMENT,
    REMARKS_OF,
    Attribution,
    described_before,
    described_by_given_name,
    document_of,
    in_closed_subordinate,
    leading_description,
    lone_name,
    object_of_preposition,
    organization_before,
    remarks_owner,
)
from .names import FUNCTION_WORDS, PERSON_LIKE, names_in, only_function_words
from .roles import NOT_A_TITLE, appositive_role, clean_description, role_in_front, role_or_empty
from .spans import ANY_PLACEHOLDER
from .verbs import (
    ADVERBS,
    CHARACTERIZING,
    FINDING,
    INVERTED_VERB,
    MANNER_INVERTED,
    NEW_CLAUSE,
    NEXT_QUOTE_CLAUSE,
    PARTICIPLE,
    PLEDGING,
    QUOTED_AS,
    QUOTING_AFTER,
    REPORTED_TELLING,
    TRAIL,
    VERB,
    WAS_QUOTED,
    WHEN,
)

RELATIVE = re.compile(r"\b(?:who|which|that|whom)(?:\s+had|\s+has|\s+was)?\s*$", re.IGNORECASE)
SUBJECT_START = re.compile(
    r"^\s*,?\s*(?:he\b|she\b|they\b|it\b|a\s|an\s|the\s|one\s|another\s|[A-Z\u1780-\u17ff])",
)
PRONOUN_SUBJECT = r"(he|she|they|it)"


def _subject_before(text, directory, known_short):
    """
    The speaker at the end of ``text``, which stops just before a speech
    verb: a pronoun, a name with an optional role in apposition, or a
    description of an unnamed source. ``None`` if there is none.
    """
    text = text.rstrip()
    if RELATIVE.search(text):
        # “a villager who asked not to be named”: the verb belongs to a clause;
        # but in “led by Sam Sokha, who said”, the name just before speaks.
        return _named_before_who(text, directory, known_short)
    match = re.search(rf"\b{PRONOUN_SUBJECT}{TRAIL}$", text, re.IGNORECASE)
    if match:
        return Attribution("pronoun", match[1].lower())
    for name, start, end in names_in(text, directory, known_short | lone_name(text)):
        if object_of_preposition(text[:start]):
            # “a spokesman for Hun Manet said”: he is not the one speaking.
            continue
        rest = text[end:]
        if re.fullmatch(rf"{TRAIL}\s*,?\s*", rest):
            role = described_by_given_name(text, name) or role_in_front(text[:start])
            return Attribution("name", name, role=role)
        # “Ny Chakrya of Adhoc said:”: the organization is the role.
        of_organization = re.fullmatch(rf"\s+(?:of|from)\s+([A-Z][^\s,\x00]*){TRAIL}\s*", rest)
        if of_organization:
            return Attribution("name", name, role=of_organization[1])
        # “Sam Sokong, one of the defence lawyers told AFP”: the closing comma forgotten.
        appositive = re.fullmatch(
            rf"\s*(?:,\s*(.+?)\s*,|[—–]\s*(.+?)\s*[—–]|\s--?\s(.+?)\s--?"
            rf"|,\s*((?:one\s+of|an?|the)\s+[a-z][^,\x00]{{2,80}}?))(?:\s*{ADVERBS})?\s*",
            rest,
            re.DOTALL,
        )
        if appositive:
            written = appositive[1] or appositive[2] or appositive[3] or appositive[4]
            role = role_or_empty(written) or role_in_front(text[:start])
            return Attribution("name", name, role=role)
    found = described_before(re.sub(rf"{TRAIL}\s*$", "", text))
    if found:
        return found
    found = organization_before(re.sub(rf"{TRAIL}\s*$", "", text))
    if found:
        return found
    # “Villagers said”: people the story does not name.
    match = re.search(r"(?:^|[,;]\s*)([A-Z]?[a-z]+s)$", text.strip())
    if match and match[1] not in FUNCTION_WORDS:
        return Attribution("description", match[1].lower())
    return None


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


def _subject_after(text, directory, known_short, *, according=False):
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
    names = names_in(text, directory, known_short)
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
            role = appositive_role(rest + ",") if re.match(r"\s*(?:,|[—–]|--?\s)", rest) else ""
            return Attribution("name", name, role=role or in_front)
        # “said his spokesman, Pen Bona”, “said Kem Sokha's lawyer, Ang Udom”,
        # “said the European Union's ambassador to Cambodia, Igor Driesmans”.
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
        # “said the 15-year-old Salan Sron, a student”, “said 22-year-old Kouch Dara”.
        if re.fullmatch(r"(?:the\s+)?\d{1,3}-year-old\s+(?:[a-z][a-z\-]{2,}\s+)?", text[:start]):
            rest = text[end:]
            role = appositive_role(rest + ",") if re.match(r"\s*,", rest) else ""
            return Attribution("name", name, role=role)
    match = re.match(r"(?:a|an|the|one|another)\s+[A-Za-z].*", text)
    if match:
        description = clean_description(re.split(r"[.;](?:\s|$)", match[0])[0])
        if description and len(description.split()) <= 30:
            return Attribution("description", description)
    if according and re.match(r"[A-Z]", text):
        source = clean_description(re.split(r"[,.;](?:\s|$)", text)[0])
        if source and len(source.split()) <= 15:
            return Attribution("source", source)
    return None


def _quoted_as(text, directory, known_short):
    """
    “the Post quoted Phay Siphan as saying”, “Phay Siphan was quoted as
    saying by Fresh News”: the one quoted speaks, not who quotes them.
    """
    match = QUOTED_AS.search(text)
    if match and "\x00" not in match[1]:
        return _subject_after(match[1], directory, known_short)
    match = WAS_QUOTED.match(text)
    if match and "\x00" not in match[1] and SUBJECT_START.match(match[1]):
        return _subject_before(match[1], directory, known_short)
    return None


def _attribution_after(after, directory, known_short, before_quote=""):
    """Attribution right after a quote: “…,” Sokha said. / “…,” said Malin."""
    if QUOTING_AFTER.match(after):
        return _quoted_as(after, directory, known_short)
    match = re.match(r"\s*,?\s*(" + INVERTED_VERB.pattern + r")\s+(.*)$", after, re.DOTALL)
    if match and not re.match(r"\s*,?\s*according to", after, re.IGNORECASE):
        found = _subject_after(match[2], directory, known_short)
        if found:
            return found
    match = MANNER_INVERTED.match(after)
    if match:
        # “…,” laughed Ouch Leng., “…,” remarked Dr Sok Dara: whatever the verb.
        found = _subject_after(match[1], directory, known_short)
        if found and found.kind == "name":
            return found
    match = re.match(r"\s*,?\s*according to\s+(.*)$", after, re.DOTALL | re.IGNORECASE)
    if match:
        return _subject_after(match[1], directory, known_short, according=True)
    verb = VERB.search(after)
    if verb is None or "\x00" in after[: verb.start()] or verb.start() > 200:
        return None
    reported = REPORTED_TELLING.match(after[verb.end() :])
    if reported:
        # “…,” Sok Dara said the officer told him.: the officer's words.
        found = _subject_before(reported[1], directory, known_short)
        if found:
            return found
    leading = after[: verb.start()]
    if not leading.strip() or not SUBJECT_START.match(leading):
        return None
    if REMARKS_OF.search(before_quote) and NEXT_QUOTE_CLAUSE.match(after, verb.end()):
        # “… remarks from Hun Sen saying “…” Mr. Hour said the premier “…””:
        # the clause after introduces the next quote, and the remarks say whose this is.
        return None
    return _subject_before(leading, directory, known_short)


def _attribution_before(clause, directory, known_short):
    """Attribution in the clause leading to a quote: Sokha said: “…” / He added, “…”."""
    if not clause.strip():
        return None
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
        found = _subject_before(clause[: finding.start()], directory, known_short)
        if found is not None:
            found.how = "sentence"
            return document_of(found, clause)
    verbs = list(VERB.finditer(clause))
    while len(verbs) > 1 and in_closed_subordinate(clause, verbs[-1]):
        # “said that just as Saint Paul proclaimed the Good News, “…””: not Paul.
        verbs.pop()
    own = NEW_CLAUSE.search(clause, verbs[-1].end()) if verbs else None
    if own:
        # “Sok Dara denied it, and Washington dismissed it as “…””: not Sok Dara's,
        # but perhaps a capital's or an embassy's, which only a journalist can say.
        found = _subject_before(own[1], directory, known_short)
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
            found = _subject_after(clause[verb.end() + passive.end() :], directory, known_short)
            if found:
                found.how = "sentence"
            return found
        found = _subject_before(clause[: verb.start()], directory, known_short)
        if found is None and INVERTED_VERB.fullmatch(verb[0]):
            found = _subject_after(
                clause[verb.end() :], directory, known_short, according=_according(verb)
            )
        if found:
            found.how = "explicit" if re.search(r"[:,]\s*$", clause) else "sentence"
        return found
    if re.search(r":\s*$", clause):
        # An introduction ending in a colon: “Sokha described the morning:”,
        # “Among the trends cited in the report is that:”.
        names = names_in(clause, directory, known_short)
        if names:
            found = Attribution("name", names[0][0], how="sentence")
            found.role = appositive_role(clause[names[0][2] :])
            return found
        document = DOCUMENT.search(clause)
        if document:
            return Attribution("source", document[0], how="sentence")
    return None


def _characterized(sentence, start, directory, known_short):
    """“Rasmei Kampuchea attacked Licadho for “releasing” them”: the subject's word."""
    before = sentence[:start]
    verb = CHARACTERIZING.search(before) or PLEDGING.search(before)
    if verb is None:
        return None
    clause_start = before.rfind("\x01", 0, verb.start()) + 1
    subject = before[clause_start : verb.start()]
    if re.search(r"\b(?:was|were|is|are|be|been|being)\s*$", subject):
        # “He was criticised for “…””: the word is someone else's.
        return None
    # “Phay Siphan on Thursday demanded that RFA “clarify” …”.
    subject = re.sub(rf"\s+(?:{WHEN})\s*$", " ", subject)
    found = _subject_before(subject, directory, known_short)
    if found:
        found.how = "sentence"
    return found


def _according(verb):
    return verb[0].casefold() == "according to"


def _attribution_in_sentence(sentence, start, directory, known_short):
    """For a partial quote: a speech verb anywhere in its sentence, nearest first."""
    verbs = sorted(VERB.finditer(sentence), key=lambda verb: abs(verb.start() - start))
    for verb in verbs:
        if verb.start() < start and NEW_CLAUSE.search(sentence, verb.end(), start):
            continue
        clause_start = sentence.rfind("\x01", 0, verb.start()) + 1
        found = _subject_before(sentence[clause_start : verb.start()], directory, known_short)
        if found is None and INVERTED_VERB.fullmatch(verb[0]):
            found = _subject_after(
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
    # “Hun Sen lashed out at the plan, calling it “a storm in a cooking pot.””
    participle = PARTICIPLE.search(clause)
    if participle and "\x00" not in sentence[: start - len(clause) + participle.start()]:
        before = sentence[: start - len(clause) + participle.start()]
        found = subject_of_sentence(before, directory, known_short) or leading_description(before)
        if found:
            found.how = "sentence"
        return found
    return _characterized(sentence, start, directory, known_short)


def subject_of_sentence(sentence, directory, known_short):
    """Who a sentence without quotes is about, when it names its subject first."""
    text = sentence.strip()
    for verb in VERB.finditer(text):
        if INVERTED_VERB.fullmatch(verb[0]) and re.search(r"(?:^|,)\s*$", text[: verb.start()]):
            # “…, said Chhay Chhunly, a coordinator.” / “…, according to Sakada.”
            found = _subject_after(
                text[verb.end() :], directory, known_short, according=_according(verb)
            )
            if found and found.kind in {"name", "source"}:
                return found
        found = _subject_before(text[: verb.start()], directory, known_short)
        if found:
            return found
        if not RELATIVE.search(text[: verb.start()]):
            break
    match = re.match(r"(He|She|It)\b", text)
    if match:
        return Attribution("pronoun", match[1].lower())
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
    rest = text[end:]
    role = appositive_role(rest) or in_front
    if role or PERSON_LIKE.match(rest):
        return Attribution("name", name, role=role)
    return None
