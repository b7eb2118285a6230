"""Who a Khmer sentence says is speaking, as written.

A Khmer quote is introduced by its speaker and a speech verb ending in ``ថា``
or ``៖`` (“លោក សុខ ដារ៉ា បាននិយាយថា «…»”, “… បានប្រាប់វិទ្យុអាស៊ីសេរីថា
«…»”, “… បានឱ្យអ្នកសារព័ត៌មានដឹងថា «…»”), or followed by it (“«…» នេះបើតាម
លោក …”, “«…» ជាសម្តីរបស់លោក …”, “«…» លោក … បានបន្ថែម។”). The speaker is the
last person the clause before the verb names, pronoun or bare honorific
included, leaving out those spoken to or of (after ``ប្រាប់``, ``របស់``,
``ជាមួយ`` …); failing a person, a description, a crowd or an organization.
``subject_of_sentence`` finds who a sentence without quotes is about."""

import re

from .bounded import nearest
from .khmer import (
    HONORIFIC,
    PARTICLE_BEFORE,
    honorifics_in,
    names_in,
)
from .khmer_asked import asked_another
from .khmer_names import bare_honorific, name_to_check, outside_names
from .khmer_roles import one_of_theirs, role_after, role_before
from .khmer_words import (
    ACCOUNT,
    AUDIENCE,
    AUXILIARIES,
    GROUP_MARK,
    KHMER_RUN,
    KHMER_SO,
    KINSHIP_CROWD,
    ORGANIZATION_HEAD,
    PLAIN_HONORIFICS,
    PRONOUN,
    ROLE_HEAD,
    SOMEONE,
    SOURCE_HEAD,
    SPEECH_VERB,
    WORK_HEAD,
    at_boundary,
    fold,
    speech_verbs,
    verb_run_start,
)
from .khmer_works import INTRODUCES, NAMING, document_over, line_owner, stated_in, work
from .spans import ANY_PLACEHOLDER
from .speakers import Attribution

# A clause starts after these.
CLAUSE_BREAK = re.compile(r"[។៕៖,:;!?»”\"\x01]")
# Before a person spoken to or of, not speaking; not “បន្ទាប់ពី”, “ក្រោយពី”
# (after), which open a clause whose subject speaks, nor “កន្លងទៅ” (last, of a date).
OBJECT_BEFORE = re.compile(
    r"(?:ប្រាប់|ជាមួយ|របស់|នៃ|ដល់|ចំពោះ|អំពី|(?<!បន្ទាប់)(?<!ក្រោយ)(?<!តាំង)ពី|ឱ្យ|ទៅកាន់|(?<!កន្លង)ទៅ|"
    r"សួរ|ហៅ|ជួប|ចោទ|ប្តឹង|ប្រឆាំង|ថា)\s*$"
)
LISTED = re.compile(r"\s*និង")
# A dateline or a heading before the words: “ភ្នំពេញ ៖ ”.
SENTENCE_LEAD = re.compile(r"(?:[^៖:]*[៖:]\s*)?")
# “ការរៀបរាប់របស់ X បានឱ្យដឹងថា”: the one whose account it is speaks; so does
# the owner of a page (“តាមផេកហ្វេសប៊ុកផ្ទាល់ខ្លួនរបស់កញ្ញា X បានប្រាប់ថា”).
ACCOUNT_OF = re.compile(
    rf"(?:ការ[\u1780-\u17d3]{{0,12}}|(?:{ACCOUNT.pattern})(?:ផ្ទាល់ខ្លួន|ផ្លូវការ)?\s*)របស់\s*$"
)
# “ថា” opening a reported clause, whose subject may speak in turn.
REPORTED = re.compile(r"(?<=[\u1780-\u17d3\u17dd\u17e0-\u17e9])ថា\s+(?=\S)")
AFTER_SOURCE = re.compile(
    r"\s*[,៖។]?\s*(?:ទាំង)?(?:នេះ|នោះ)?\s*(?:គឺ)?\s*(?:បើ\s*តាម|តាម|ជា)\s*"
    r"(?:ការ[\u1780-\u17d3]{0,12}?|សម្តី|សំដី|ពាក្យ|ប្រសាសន៍|សម្តែង|ទស្សនៈ|មតិ|គំនិត|យោបល់)?\s*"
    r"(?:(?:ដែល)?(?:លើកឡើង|ថ្លែង)\s*)?(?:របស់|ពី\s*សំណាក់|ដោយ)?\s*"
)
# Where a description's clause turns to what they do or are: a verb, “is” after a
# space (“តុលាការខ្មែរ ជាកន្លែង…”), “currently” (“…វ័យក្មេងកំពុងមាន…”) or a
# closing bracket (“…ហូជីមិញ) ខ្ញុំឈប់”).
DESCRIPTION_END = re.compile(
    r"\s*(?:បាន|ក៏|កាលពី|នៅថ្ងៃ|ដើម្បី|ហើយ|កំពុង|ស្រាប់តែ|\)|\])|\s+(?:មាន|សូម|ជា|គឺ)|\s{2}"
)
WORK_LEAD = re.compile(r"(?:នៅ)?(?:ក្នុង|តាមរយៈ|តាម|ពី|នៃ)")
DEFINITE = re.compile(rf"(?:{ROLE_HEAD.pattern})\S{{0,30}}?(?:រូប|ម្នាក់)(?:នេះ|នោះ)$")
ALL_LEAD = re.compile(r"ទាំង")
THERE_LEAD = re.compile(r"(?:ក្រោយ(?:ពេល)?|ខណៈ)?មាន")
ACCORDING_TO = re.compile(
    r"(?:យោង|បើ)\s*តាម(?:ការ[\u1780-\u17d3]{0,12}?)?(?:របស់)?\s*(?=\S[^៖:,]{0,40}[៖:,]?\s*$)"
)
GLUED_DESCRIPTION = re.compile(
    # “ភ្លាមៗនោះអ្នកគាំទ្រម្នាក់…”: a word for when, glued to the one described.
    rf"(?:ដែល|ខណៈ(?:នោះ)?|ពេល(?:នោះ)?|ថា|របស់|នៃ|ភ្លាមៗ(?:នោះ)?|បន្ទាប់មក|ចំណែក|រីឯ|ដោយឡែក)"
    rf"(?=(?:{ROLE_HEAD.pattern}|{ORGANIZATION_HEAD.pattern}|{SOURCE_HEAD.pattern}))"
)
# A line of a work or a document: “… ដែលមានឃ្លាថា «…»”, “… មានខ្លឹមសារថា «…»”.
LINE_OF = re.compile(r"(?:ដែល)?មាន(?:ឃ្លា|ខ្លឹមសារ)[\u1780-\u17d3]{0,12}?\s*ថា\s*[៖:]?\s*$")
SAID_SO = re.compile(
    rf"\s*[។៕]\s*(?P<who>[^។៕«»“”\x00]{{2,90}}?)(?P<verb>(?:បាន)?(?:{SPEECH_VERB.pattern}))"
    rf"(?:(?!ថា)\S){{0,12}}?\s*(?:{KHMER_SO.pattern})"
)
# “(យោង)តាមការបញ្ជាក់របស់ X ថា”: according to X's account, then the words.
WHOSE_ACCOUNT = re.compile(
    r"(?:(?:យោង|បើ)\s*)?តាម\s*ការ[\u1780-\u17d3]{1,14}?របស់\s*(?=[^។៕]*ថា\s*[៖:]?\s*$)"
)


def _references(text, known_short):
    """The people ``text`` names or refers to, as ``(start, Attribution)``."""
    folded = fold(text)
    found = []
    names = [(start, end) for _name, start, end in names_in(text, known_short)]
    for name, start, end in names_in(text, known_short):
        one_of = one_of_theirs(folded, start, end)
        if one_of:
            # “អ្នកគាំទ្រ X ម្នាក់”: one of X's fans speaks, not X.
            found.append((one_of[0], Attribution("description", text[one_of[0] : one_of[1]])))
            continue
        role = role_after(text, end) or role_before(text, start)
        found.append((start, Attribution("name", name, role=role)))

    def resumes_a_name(index):
        # “លី ក្វាន់យូរ គាត់បាននិយាយ”: the pronoun takes up the name before it.
        return any(end <= index and not folded[end:index].strip() for _start, end in names)

    for match in honorifics_in(text):
        written = bare_honorific(text, match.start())
        inside = any(start <= match.start() < end for start, end in names)
        # “… អ្នកជំនាញ វេជ្ជបណ្ឌិត និងបុគ្គលិកពេទ្យ”: a title in a list is a common noun.
        listed = fold(written) not in PLAIN_HONORIFICS and LISTED.match(folded, match.end())
        if written and not inside and not listed and not resumes_a_name(match.start()):
            found.append((match.start(), Attribution("pronoun", written)))
    for match in PRONOUN.finditer(folded):
        before = folded[: match.start()]
        if (
            at_boundary(folded, match.end())
            and not resumes_a_name(match.start())
            and not any(start <= match.start() < end for start, end in names)
            and not any(start == match.start() for start, _ in found)
            and (not re.search(KHMER_RUN + "$", before) or PARTICLE_BEFORE.search(before))
        ):
            found.append((match.start(), Attribution("pronoun", text[match.start() : match.end()])))
    return sorted(found, key=lambda item: item[0])


def _description(clause):
    """An unnamed source, a group or an organization the clause ends with, or ``None``."""
    folded = fold(clause)
    glued = ([None] + list(GLUED_DESCRIPTION.finditer(folded.rstrip())))[-1]
    word = folded.rfind(" ", 0, glued.start()) + 1 if glued else 0
    if (
        glued
        and not re.match(r"\S*\s", folded.rstrip()[glued.end() :])
        and not any(ROLE_HEAD.match(earlier) or _lead(earlier) for earlier in folded[:word].split())
        # “ភរិយានៃមន្ត្រីទូត”: the wife of the diplomat is the one described.
        and not ROLE_HEAD.match(folded, word)
    ):
        # “ក្នុងពេលដែលទីក្រុងមូស្គូ”, “ការផ្សាយរបស់វិទ្យុអាស៊ីសេរី”: the source
        # after a conjunction or a possessive, in one word.
        clause, folded = clause[glued.end() :], folded[glued.end() :]
    offset = 0
    for word in folded.split(" "):
        lead = _lead(word)
        head = ROLE_HEAD.match(word) or ORGANIZATION_HEAD.match(word) or SOURCE_HEAD.match(word)
        if head or lead or GROUP_MARK.match(word):
            description = clause[offset + lead :]
            # A clause about what they did is not part of who they are.
            verb = DESCRIPTION_END.search(fold(description), 1)
            description = description[: verb.start() if verb else None].strip()
            if 1 < len(description) <= 100:
                return Attribution("description", description)
            return None
        offset += len(word) + 1
    return None


def _lead(word):
    """
    How much of ``word`` goes before the description it starts: “ក្នុង” in
    “ក្នុងបទចម្រៀង …” (a work), “ទាំង” in “ទាំងនាយទាហាន …” (all the …),
    “ក្រោយមាន” in “ក្រោយមានបណ្តាញសារព័ត៌មាន …” (after … there were).
    """
    for lead, heads in (
        (WORK_LEAD, (WORK_HEAD,)),
        (ALL_LEAD, (ROLE_HEAD,)),
        (THERE_LEAD, (ROLE_HEAD, ORGANIZATION_HEAD, SOURCE_HEAD)),
    ):
        match = lead.match(word)
        if match and any(head.match(word, match.end()) for head in heads):
            return match.end()
    return 0


def speaker_before(text, known_short):
    """The speaker of a verb that ``text`` leads up to, or ``None``."""
    folded = fold(text)
    auxiliaries = AUXILIARIES.search(folded)
    end = auxiliaries.start() if auxiliaries else len(text)
    breaks = [match.end() for match in CLAUSE_BREAK.finditer(folded[:end])]
    clause_start = breaks[-1] if breaks else 0
    reported = list(REPORTED.finditer(folded, clause_start, end))
    if reported and _references(text[reported[-1].end() : end], known_short):
        # “… ផ្សព្វផ្សាយថា លោក X បានថ្លែងថា”: X, the subject of what was reported.
        clause_start = reported[-1].end()
    clause = text[clause_start:end]
    if crowd := KINSHIP_CROWD.search(fold(clause)) or AUDIENCE.search(fold(clause)):  # a crowd
        return Attribution("description", clause[crowd.start() :].strip())
    # Read with what follows: a name may be known only by the verb after it (“… ឱក សុគន្ធកញ្ញា បាន…”).
    references = [
        attribution
        for start, attribution in _references(text[clause_start:], known_short)
        if start < len(clause)
        and (
            not OBJECT_BEFORE.search(fold(clause[:start]))
            or ACCOUNT_OF.search(fold(clause[:start]))
        )
    ]
    if references:
        return references[-1]
    definite = DEFINITE.search(fold(clause).rstrip())
    if definite and at_boundary(fold(clause), definite.start()):
        # “…អ្នកគាំទ្រតារាចម្រៀងរូបនេះបាន…”: this singer, glued to the words before.
        return Attribution("description", clause[definite.start() : definite.end()])
    return _description(clause)


def _after(after, known_short, another_quote):
    """Attribution written after a quote: “«…» នេះបើតាមលោក …”, “«…» លោក … បានបន្ថែម។”."""
    folded = fold(after)
    source = AFTER_SOURCE.match(folded)
    if source and re.search(r"តាម|ជា", source[0]):
        rest = after[source.end() :]
        references = _references(rest, known_short)
        lead = fold(rest[: references[0][0]]).strip() if references else ""
        # Near, after an honorific and its titles (“របស់សម្តេចតេជោ នាយឧត្តមសេនីយ៍…
        # ហ៊ុន សែន”), or whose the words are (“… ក្នុងលិខិតមួយ របស់លោក X”).
        if references and "។" not in lead:
            # Or whose, with their titles between (“… របស់តារាសម្ដែង និងជាពិធីការិនី កញ្ញា X”).
            owner = lead.rsplit("របស់", 1)[-1].strip() if "របស់" in lead else None
            whose = len(lead) <= 100 and (owner == "" or (owner and ROLE_HEAD.match(owner)))
            found = references[0][1]
            if len(lead) > 30 and not HONORIFIC.search(lead[:30]) and whose:
                found.how = "these"  # Whose the words are, said far from them.
            if len(lead) <= 30 or HONORIFIC.search(lead[:30]) or whose:
                return found
        named = work(rest.split("។")[0][:120])
        return named or _description(rest[:80].split("។")[0])
    said_so = SAID_SO.match(folded)
    if said_so:
        # “«…»។ លោក X បានថ្លែងបែបនេះ …”: the next sentence says who said it; too
        # few real cases yet to confirm unread, so checked as a name nearby is.
        found = speaker_before(after[said_so.start("who") : said_so.start("verb")], known_short)
        if found:
            found.how = "sentence"
        return found
    verbs = [verb for verb in speech_verbs(folded) if verb.start() <= 150]
    if not verbs or not re.match(r"\s*[^\s\u17d4-\u17da]", folded):
        return None
    verb = verbs[0]
    if another_quote and INTRODUCES.search(folded[verb.end() :]):
        return None  # The verb introduces the next quote.
    leading = after[: verb.start()]
    found = speaker_before(leading, known_short)
    # The speaker stands right after the quote, not in a clause further on.
    written = fold(leading).lstrip(" ,-–—")
    if found is None or not written.startswith(fold(found.text)[:6]):
        return None
    return found


def attribution_for(sentence, start, end, directory, known_short):
    """
    Who the Khmer ``sentence`` says spoke the quote whose placeholder is at
    ``start:end``: an ``Attribution``, or ``None`` if the sentence does not say.
    A name whose edges are unsure (``khmer_names.name_to_check``) is to be checked.
    """
    found = _attribution_for(sentence, start, end, known_short)
    plain = ANY_PLACEHOLDER.sub(" ", sentence)
    if (
        found
        and found.kind == "name"
        and found.how == "explicit"
        and name_to_check(plain, found.text)
    ):
        found.how = "name to check"
    return found


def _attribution_for(sentence, start, end, known_short):
    clause = ANY_PLACEHOLDER.split(sentence[:start])[-1]
    folded = fold(clause)
    if NAMING.search(folded):
        return None
    if LINE_OF.search(folded):
        found = line_owner(sentence[:start])
        if found:
            return found
    whose = WHOSE_ACCOUNT.search(folded)
    if whose and len(folded) - whose.end() <= 80:
        # “តាមការបញ្ជាក់របស់លោក X ថា «…»”: by X's account.
        references = _references(clause[whose.end() :], known_short)
        if references:
            return references[0][1]
    verbs = outside_names(clause, speech_verbs(folded), known_short)
    verbs = [verb for verb in verbs if len(folded) - verb.end() <= 80 or INTRODUCES.search(folded)]
    found = None
    if verbs:
        lead = clause[: verb_run_start(verbs, folded)]
        found = document_over(speaker_before(lead, known_short), lead)
        if found is None:
            # A second quote of the same speaker: “… ហើយបានបន្ថែមថា «…»”.
            plain = ANY_PLACEHOLDER.sub(" ", sentence[:start])
            found = speaker_before(plain[: len(plain) - len(clause) + len(lead)], known_short)
            if found:
                found.how = "sentence"
                return found
    elif INTRODUCES.search(folded):
        found = speaker_before(clause[: INTRODUCES.search(folded).start()], known_short)
    elif ACCORDING_TO.search(folded):
        # “យោងតាមលោក សុភ័គ «…»”: according to.
        references = _references(clause[ACCORDING_TO.search(folded).end() :], known_short)
        found = references[0][1] if references else None
    if found:
        found.how = "sentence" if asked_another(clause, verbs, found) else "explicit"
        return found
    if verbs and not _references(clause, known_short):
        found = stated_in(clause[: verbs[-1].start()])
        if found:
            return found
    if not verbs:
        found = _bare_speaker(clause, known_short)
        if found:
            return found
    following = sentence[end:]
    after = ANY_PLACEHOLDER.split(following)[0]
    found = _after(after, known_short, another_quote=len(after) < len(following))
    if found:
        return found
    found = _these(sentence, start, known_short)
    if found:
        return found
    # A partial quote: the speaker of a speech verb elsewhere in its sentence.
    plain = ANY_PLACEHOLDER.sub(lambda match: " " * len(match[0]), sentence)
    for verb in nearest(speech_verbs(fold(plain)), start):
        found = speaker_before(plain[: verb.start()], known_short)
        if found:
            found.how = "sentence"
            return found
    return _doer(clause, known_short)


def _bare_speaker(clause, known_short):
    """
    A person named, with their role, right before the quote and no verb
    (“ភ្នំពេញ ៖ ក្រសួង… លោកជំទាវ X អ្នកនាំពាក្យក្រសួង… “…”): whom the words
    are given to, read as a guess.
    """
    lead = clause[len(SENTENCE_LEAD.match(clause)[0]) :]
    names = [item for item in _references(lead, known_short) if item[1].kind == "name"]
    if len(names) != 1:
        return None
    start, found = names[0]
    before = fold(lead[:start]).strip()
    rest = lead[start + len(found.text) :].strip()
    if (before and not ORGANIZATION_HEAD.match(before)) or len(before) > 40:
        return None
    if rest and rest != found.role.strip():
        return None
    found.how = "subject"
    return found


def _these(sentence, start, known_short):
    """
    Several short quotes in a sentence the next one gives away as someone's
    (“…«ពាល» និង«ថោកទាប»។ ទាំងនេះ ជាអ្វីដែល… របស់លោក X”): theirs, a guess.
    """
    tail = ANY_PLACEHOLDER.split(sentence[start:])[-1]
    if not re.match(r"\s*។\s*ទាំង(?:នេះ|នោះ)", fold(tail)):
        return None
    found = _after(tail, known_short, another_quote=False)
    if found:
        found.how = "these"
    return found


def _doer(clause, known_short):
    """
    The organization or work a clause without a speech verb is about, its
    quote theirs when nobody in it is a person: “គណបក្ស X បានបង្កើត«…»”. A
    guess (``how`` “subject”), and a few words in quotes stay a term.
    """
    if not clause.strip() or _references(clause, known_short):
        return None
    found = _description(clause)
    folded = fold(found.text) if found else ""
    if found and (ORGANIZATION_HEAD.match(folded) or SOURCE_HEAD.match(folded)):
        found.how = "subject"
        return found
    return None


def subject_of_sentence(sentence, directory, known_short):
    """Who a Khmer sentence without quotes is about: its verb's speaker, or its first person."""
    folded = fold(sentence)
    for verb in speech_verbs(folded):
        found = speaker_before(sentence[: verb.start()], known_short)
        if found:
            found.how = "speech"  # Reported speech: they said something.
            return found
        break
    references = _references(sentence, known_short)
    if references:
        start, attribution = references[0]
        before = folded[:start].strip()
        if not before or re.fullmatch(r"(?:កាលពី|នៅ|នា|ក្រោយ|មុន|ពេល)?[^\s]{0,20}\s*", before):
            return attribution
    return _someone(sentence)


def _someone(sentence):
    """
    Someone a sentence naming nobody describes as its subject (“វីដេអូដែលស្ត្រីមួយរូប
    ជាអតីតសកម្មជន បានទម្លាយ…”): whom a later “អ្នកនាង” may mean.
    """
    folded = fold(sentence)
    for match in SOMEONE.finditer(folded):
        if not at_boundary(folded, match.start()) or OBJECT_BEFORE.search(folded[: match.start()]):
            continue
        end = DESCRIPTION_END.search(folded, match.end())
        # “ស្ត្រីអាយុ៣៦ឆ្នាំ រស់នៅ… បាន…”: who she is, not where she lives; one
        # person opening the sentence, whatever the verb (“អ្នកនេសាទម្នាក់ជួសជុល…”).
        opens = not folded[: match.start()].strip() and match[0].endswith(("ម្នាក់", "មួយរូប"))
        if opens or (match["aged"] and "បាន" in folded[match.end() :]):
            return Attribution("description", sentence[match.start() : match.end()], how="someone")
        if end and re.match(r"\s*បាន", end[0]) and end.start() - match.start() <= 100:
            text = sentence[match.start() : end.start()].strip()
            return Attribution("description", text, how="someone")
        break
    return None
