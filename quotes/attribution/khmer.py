"""
People in Khmer text: their names (their roles are ``khmer_roles``; whom a
pronoun or a bare honorific refers to is ``khmer_referents``).

Khmer puts no space between words, and a person's name is written with a
space between family and given name (“សុខ ដារ៉ា”), so a name cannot be told
by its spaces alone. A name is read from the honorific in front of it
(``លោក``, ``លោកស្រី``, ``ឯកឧត្តម``, ``សម្តេចតេជោ`` …; a title glued to the
honorific, ``ឯកឧត្តមបណ្ឌិត``, stays with it) and is at most two words: the
first word after the honorific, then a second one unless it starts with a
word that never starts a name (a verb, ``បាន``, ``ជា``, ``ដែល``, a role or an
organization, a place, a time). A word glued to the name ends it where a
verb or a role begins (“ដារ៉ាបាននិយាយ” → “ដារ៉ា”). A given name the story
already uses alone (“លោក ដារ៉ា”) is a name of one word. A high title may
stand for the honorific, or follow it, when two words follow the title
(“នាយករដ្ឋមន្ត្រី ហ៊ុន ម៉ាណែត”, “លោកនាយករដ្ឋមន្ត្រី ហ៊ុន សែន”): the title is
then the role. Family names spelt like a small word (“ជា”) are names when
a second name word follows. A full name the story gives elsewhere with an
honorific is a name without one too (“ស្រីស្រស់ ម៉ា នីកា”). An honorific with
no name after it (“លោកបន្តថា”, “អ្នកស្រី បានបន្ថែម”) is a reference to
someone named before, like a pronoun.
"""

import re

from people.names import KHMER_TITLE_TAIL

from .bounded import REACH, ends_with
from .khmer_given import OWNED_SPEECH, described_then_given, given_names_speaking
from .khmer_words import (
    ACCOUNT,
    CAPITAL,
    COUNTRY,
    FINAL_CONSONANT,
    GLUED_STOP,
    HANDLE,
    HONORIFIC_WORDS,
    KHMER_RUN,
    LATIN_AFTER_ROLE,
    LATIN_BEFORE_ROLE,
    LATIN_GLOSS,
    LATIN_SUBJECT,
    LETTERS,
    NAME_OPENINGS,
    NAMED,
    NOT_AN_HONORIFIC_AFTER,
    NOT_LATIN_NAMES,
    ORGANIZATION_HEAD,
    PREDICATE_END,
    ROLE_HEAD,
    SOURCE_HEAD,
    SPACED_HONORIFIC_WORDS,
    STAR_NAME,
    STOP,
    SURNAME_HOMOGRAPHS,
    TITLE_WORDS,
    VIETNAMESE_MIDDLE,
    alternatives,
    at_boundary,
    cut_to_known,
    fold,
    folded_names,
    surname_homograph_ends,
)

HONORIFIC = re.compile(
    rf"(?:{alternatives(HONORIFIC_WORDS)})(?![\u17b6-\u17d3\u17dd])"
    rf"|(?<!{KHMER_RUN})(?:{alternatives(SPACED_HONORIFIC_WORDS)})(?= {KHMER_RUN})"
)
# A pronoun taking up a name just written: “លី ក្វាន់យូរ គាត់…”.
RESUMING = re.compile(r"(?<=[^\s] )(?:គាត់|នាង|លោកស្រី|អ្នកស្រី|លោក)(?![\u17b6-\u17d3\u17dd])")
CLAUSE_OPENING = re.compile(r".*(?:^|[។៕៖:;!?»”\"(),]\s*)", re.DOTALL)
KHMER_WORD = re.compile(f"{KHMER_RUN}+")
# Latin letters only: a Khmer role may be glued to it (“Zelenskyប្រធានាធិបតី”).
# A middle initial is part of it, with or without a space after its full
# stop: “JOHN K. SMITH”, “JOHN K.SMITH”.
# Latin letters with their accents: “António Guterres”, “Zoë Müller”.
LATIN_NAME = re.compile(rf"{CAPITAL}{LETTERS}*(?:(?:\s[A-Z]\.\s?|\s){CAPITAL}{LETTERS}*){{0,2}}")
# “ខ្សែប្រយុទ្ធរបស់ក្រុម Real Madrid”: after “of”, a team, a company or a
# country, a name in Latin letters is whose the role is, not a person.
OWNER_BEFORE = re.compile(r"(?:របស់|នៃ|ក្រុម|ក្លឹប|ក្រុមហ៊ុន|អង្គការ|គណបក្ស|ស្ថាប័ន|ប្រទេស|ទីក្រុង)\s?$")
# A title's speaker, two words before its colon: “ហេង សុវណ្ណ៖ …”.
HEADLINE_NAME = re.compile(rf"\s*(?P<name>{KHMER_RUN}+ {KHMER_RUN}+)\s*៖")
SENTENCE_OPENING = re.compile(r".*(?:^|[។៕!?]\s*)", re.DOTALL)
# A role in apposition after a name: “ប៊ូ បញ្ញា យុវជនម្នាក់…”, “ប៊ូ បញ្ញា ជាគ្រូបង្រៀន”.
APPOSED_ROLE = re.compile(rf"(?<=[^\s] )(?:ជា)?(?:{ROLE_HEAD.pattern})")
# A role opening a sentence, then a name: “ខ្សែការពារ កែវ សុផល យល់ថា…”.
# A role may hold Khmer digits: “និស្សិតប្រុសឆ្នាំទី២ អុន សំអាង”.
ROLED_NAME = re.compile(
    rf"(?:^|(?<=[។៕!?៖:])\s*|(?<= ))(?:{ROLE_HEAD.pattern})(?:{KHMER_RUN}|[\u17e0-\u17e9]){{0,40}} "
)
# Short honorifics that are also syllables of other words start a name only
# at the start of a word or after one of these.
PARTICLE_BEFORE = re.compile(
    r"(?:និង|គឺ|ជា|ក៏|ទៅ|ចំណែក|ចំណែកឯ|រីឯ|ដោយឡែក|របស់|នៃ|ពី|ដល់|ថា|តាម|ចំពោះ|ជាមួយ|ឱ្យ|ប្រាប់|ដែល|ហើយ|ឈ្មោះ|នោះ)$"
)


TITLE_ANCHOR = re.compile(rf"{TITLE_WORDS.pattern}{KHMER_RUN}{{0,40}}(?= [^\s])")

# One word of title, digits included, between an honorific and a name.
TITLE_WORD = re.compile(
    rf" ?(?:{ROLE_HEAD.pattern})[\u1780-\u17d3\u17dd\u17e0-\u17e90-9]{{0,40}}(?= [^\s])"
)


def _honorific_here(folded, match):
    start = match.start()
    if start and folded[start - 1] == "\u17d2":
        return False
    before = folded[max(0, start - 12) : start]
    if NOT_AN_HONORIFIC_AFTER.search(before):
        return False
    if match[0] != "លោក" and before and re.match(KHMER_RUN, before[-1]):
        return bool(PARTICLE_BEFORE.search(before) or ROLE_HEAD.search(before))
    # Not “លោកអ្នក” (you), nor “លោកខាងលិច” (the West).
    return not (match[0] == "លោក" and folded.startswith(("អ្នក", "ខាងលិច", "ខាងកើត"), match.end()))


def _starts_with_stop(word):
    """Whether ``word`` starts with a word that never starts a name (“បាននិយាយ”, “ជាប្រធាន”)."""
    match = STOP.match(word)
    if match is None or STAR_NAME.match(word):
        return False
    rest = word[match.end() :]
    if not at_boundary(word, match.end()):
        return False  # “មុនីរ័ត្ន” (Monirath): a vowel sign goes on “មុន” (before)'s syllable.
    if FINAL_CONSONANT.match(rest):
        return False  # “នាក់” (Neak), one syllable: not “នា” (at) and more.
    if match[0] in NAME_OPENINGS and rest:
        return _starts_with_stop(rest)  # “វាសនា” (Veasna), not “វាជា” (it is).
    return not rest or len(match[0]) > 3 or _starts_with_stop(rest) or not at_boundary(word, 1)


def _name_part(word):
    """The part of ``word`` that may be a name, and whether something was glued after it."""
    if _starts_with_stop(word) or PREDICATE_END.search(word):
        return "", True  # Nor a state told of someone: “សប្បាយចិត្តណាស់” (very happy).
    for match in GLUED_STOP.finditer(word):
        if match.start() and at_boundary(word, match.start()):
            return word[: match.start()], True
    return word, False


def skip_titles(folded, index):
    """Past the titles after an honorific: another honorific, ``បណ្ឌិត``, ``តេជោ``."""
    for _attempt in range(3):
        spaces = len(folded[index:]) - len(folded[index:].lstrip(" "))
        tail = KHMER_TITLE_TAIL.match(folded[index:]) if not spaces else None
        if tail:
            index += len(tail[0].rstrip())
            continue
        match = HONORIFIC.match(folded, index + spaces)
        if match is None:
            break
        index = match.end()
    return index


def _name_after(folded, index, known_short):
    """``(start, end)`` of the name after an honorific ending at ``index``, or ``None``."""
    index = skip_titles(folded, index)
    start = index + len(folded[index:]) - len(folded[index:].lstrip(" "))
    if start - index > 2:
        return None
    latin = LATIN_NAME.match(folded, start)
    if latin:
        return start, latin.end()
    word = KHMER_WORD.match(folded, start)
    if word is None:
        return None
    first, glued = _name_part(word[0])
    following = (
        KHMER_WORD.match(folded, word.end() + 1)
        if folded[word.end() : word.end() + 1] == " "
        else None
    )
    if not first:
        if word[0] not in SURNAME_HOMOGRAPHS or following is None:
            return None
        first, glued = word[0], False
        if _name_part(following[0])[0] == "":
            return None
    end = start + len(first)
    if start == index and not glued and first not in known_short and following is None:
        return None  # “សម្តេចតេជោទុកពេល ៧២ម៉ោង”: a verb glued to the honorific, no name.
    if glued or first in known_short or following is None:
        return start, end
    second, _glued = _name_part(following[0])
    if not second and surname_homograph_ends(folded, following):
        second = following[0]  # “តា នួន ជា ៖”: Chea, not “is”.
    if second and len(second) <= 16:
        end = following.start() + len(second)
        if second == following[0] and fold(second) in VIETNAMESE_MIDDLE:
            end = _vietnamese_given(folded, end)
    return start, end


def _vietnamese_given(folded, end):
    """The end of a Vietnamese name past its middle name (“ផាម ធី ហ៊ុយយ៉េន ត្រាង”): two words at most."""
    for _word in range(2):
        word = KHMER_WORD.match(folded, end + 1) if folded[end : end + 1] == " " else None
        if word is None or _name_part(word[0]) != (word[0], False) or not _plain_name_word(word[0]):
            break
        end = word.end()
    return end


def _name_after_title(folded, index, known_short):
    """
    ``(start, end)`` of a name after an honorific ending at ``index`` and a
    title (“លោកនាយករដ្ឋមន្ត្រី ហ៊ុន សែន”, “សម្តេចតេជោ នាយឧត្តមសេនីយ៍… ហ៊ុន
    សែន”), or ``None``; the title is then the role.
    """
    title = TITLE_ANCHOR.match(folded, index)
    word = TITLE_WORD.match(folded, index)
    if not title and word and not ORGANIZATION_HEAD.search(word[0], 2):
        title = word  # Not “លោក ប្រធានក្រុមហ៊ុន ABC”: a company's name follows.
    span = title and _name_after(folded, title.end(), known_short)
    return title and _glued_to_title(folded, title, span) or span


def _glued_to_title(folded, title, span, longest=12):
    """
    ``(start, end)`` of a name whose first word is glued to the title before
    it (“លោកប្រធានាធិបតីដូណាល់ ត្រាំ”, “កីឡាករប៉ាក់ កែវម៉ូនី”), given ``span``, the
    one word after the title's space; else ``None``.
    """
    if not span or " " in folded[span[0] : span[1]]:
        return None
    bare = TITLE_WORDS.match(folded, title.start()) or ROLE_HEAD.match(folded, title.start())
    glued = folded[bare.end() : title.end()] if bare else ""
    if glued and _plain_name_word(glued, longest) and not COUNTRY.match(glued):
        return bare.end(), span[1]
    return None


def honorifics_in(text):
    """Every honorific in ``text`` that may stand before a name, as matches on the folded text."""
    folded = fold(text)
    return [match for match in HONORIFIC.finditer(folded) if _honorific_here(folded, match)]


def names_in(text, known_short=frozenset()):
    """Every person named in Khmer ``text``, as ``(name, start, end)``, with the honorific."""
    folded = fold(text)
    known = folded_names(frozenset(known_short))
    found, position = [], 0
    for match in honorifics_in(text):
        if match.start() < position:
            continue
        span = _name_after(folded, match.end(), known)
        if span is not None:
            found.append((text[match.start() : span[1]], match.start(), span[1]))
            position = span[1]
            continue
        span = _name_after_title(folded, match.end(), known)
        if span:
            # “លោកនាយករដ្ឋមន្ត្រី ហ៊ុន សែន”: the title is the role, the name follows.
            found.append((text[span[0] : span[1]], span[0], span[1]))
            position = span[1]
    for title in TITLE_ANCHOR.finditer(folded):
        before = folded[: title.start()]
        if before and re.search(KHMER_RUN + "$", before) and not PARTICLE_BEFORE.search(before):
            continue
        span = _name_after(folded, title.end(), known)
        # “កីឡាករប៉ាក់ កែវម៉ូនី”: a short first name glued to the title.
        span = _glued_to_title(folded, title, span, longest=6) or span
        taken = span and any(start < span[1] and span[0] < end for _name, start, end in found)
        # Without an honorific, a name after a title is two words: “នាយករដ្ឋមន្ត្រី ហ៊ុន ម៉ាណែត”,
        # each a name's length (not “គ្រូបង្វឹក… បង្ហាញការសោកស្តាយ …”).
        words = folded[span[0] : span[1]].split() if span else []
        if not taken and len(words) == 2 and all(_plain_name_word(w, 14) for w in words):
            found.append((text[span[0] : span[1]], span[0], span[1]))
    for start, end in _unmarked_names(folded) + _known_names(folded, known):
        overlapping = [item for item in found if start < item[2] and item[1] < end]
        if not overlapping:
            found.append((text[start:end], start, end))
        elif len(overlapping) == 1 and overlapping[0][2] < end:
            # “លោក ម៉ាកុស ហ្វ្រង់ក៍ ហ្វីសឆឺ (…)”: the gloss shows where it ends.
            found.remove(overlapping[0])
            found.append((text[overlapping[0][1] : end], overlapping[0][1], end))
    return sorted(cut_to_known(found, known), key=lambda item: item[1])


def _known_names(folded, known):
    """
    ``(start, end)`` of each full name the story gives elsewhere with an
    honorific, written here without one or after an epithet (“ស្រីស្រស់ ម៉ា នីកា”).
    """
    spans = []
    for name in (name for name in known if " " in name and name in folded):
        for match in re.finditer(re.escape(name), folded):
            before = folded[: match.start()]
            after = folded[match.end() :]
            opens = (
                not before or not re.match(KHMER_RUN, before[-1]) or PARTICLE_BEFORE.search(before)
            )
            closes = (
                not after
                or not re.match(KHMER_RUN, after[0])
                or _starts_with_stop(after.split(" ")[0])
            )
            if opens and closes:
                spans.append((match.start(), match.end()))
    return spans + given_names_speaking(folded, known)


def _unmarked_names(folded):
    """
    ``(start, end)`` of each name written without an honorific: before a
    pronoun at a clause's start (“លី ក្វាន់យូរ គាត់បាននិយាយ”), before a role
    opening a sentence (“ប៊ូ បញ្ញា ជាយុវជន…”), after a role (“ប្រធានក្រុម… ហុង
    ផេង បាននិយាយ”; one word after a title, ``_one_word_name``); two or three
    words, none a small word, a verb, a role or an organization; a foreign
    name by its Latin spelling after it (``_glossed``).
    """
    spans = _glossed(folded)
    for role in ROLED_NAME.finditer(folded):
        words = folded[role.end() : role.end() + REACH].split(" ", 2)
        second, glued = _name_part(words[1]) if len(words) > 1 else ("", False)
        ends = glued or len(words) < 3 or not words[2] or _starts_with_stop(words[2])
        if ends and _plain_name_word(words[0]) and _plain_name_word(second):
            spans.append((role.end(), role.end() + len(words[0]) + 1 + len(second)))
        elif len(words) > 1 and _one_word_name(folded[role.start() : role.end()], words):
            spans.append((role.end(), role.end() + len(words[0])))
    for role in APPOSED_ROLE.finditer(folded):
        low = max(0, role.start() - REACH)
        before = folded[low : role.start()].rstrip(" ")
        start = SENTENCE_OPENING.search(before).end()
        if low and not start:
            continue  # The sentence began before the window: more than three words.
        words = before[start:].split(" ")
        if 2 <= len(words) <= 3 and all(map(_plain_name_word, words)):
            spans.append((low + start, low + len(before)))
    for verb in OWNED_SPEECH.finditer(folded):
        # “ការរៀបរាប់របស់ ជា វណ្ណា បានអោយដឹងថា”: whose account, then the verb;
        # “ភ្នំពេញ៖ សារ៉ាយ សក្ខណា បានសង្កត់ធ្ងន់ថា”: a clause's subject, then the verb.
        low = max(0, verb.start() - REACH)
        before = folded[low : verb.start()]
        words = before.rstrip(" ").split(" ")
        if low:
            # Cut by the window: the first word may be part of one, and more came before.
            words = ["", "", "", *words[1:]]
        owned = len(words) >= 3 and PARTICLE_BEFORE.search(words[-3])
        opening = len(words) == 2 or (len(words) >= 3 and re.search(r"[៖:។៕]$", words[-3]))
        plain = all(
            _plain_name_word(word)
            and not COUNTRY.match(word)
            and not KHMER_TITLE_TAIL.match(word + " ")
            for word in words[-2:]
        )
        if (owned or opening) and plain:
            end = verb.start() - (len(before) - len(before.rstrip(" ")))
            spans.append((end - len(" ".join(words[-2:])), end))
    for pattern in (LATIN_SUBJECT, LATIN_AFTER_ROLE, LATIN_BEFORE_ROLE):
        for match in pattern.finditer(folded):
            owned = ends_with(OWNER_BEFORE, folded, match.start("name"))
            if not set(match["name"].split()) & NOT_LATIN_NAMES and not owned:
                spans.append((match.start("name"), match.end("name")))
    for named in NAMED.finditer(folded) if "ឈ្មោះ" in folded else ():
        # “ស្ត្រីម្នាក់ឈ្មោះ ធីតា បាន…”, “បុរសឈ្មោះ សុខ ដារ៉ា អាយុ…”: a person, then “named”.
        words = (folded[named.end() : named.end() + REACH] + " ").split(" ", 2)
        first, glued = _name_part(words[0])
        second = "" if glued else _name_part(words[1])[0]
        if _plain_name_word(first):
            end = named.end() + len(first) + (1 + len(second) if _plain_name_word(second) else 0)
            spans.append((named.start("name"), end))
    for account in ACCOUNT.finditer(folded):
        # The owner of an account: “គណនីហ្វេសប៊ុកឈ្មោះ Phon Nary”, “ពីហ្វេសប៊ុកនួន អេឡិចស្តា”.
        start = account.end()
        latin = HANDLE.match(folded, start) or LATIN_NAME.match(folded, start)
        words = folded[start : start + REACH].split(" ", 2)
        second = _name_part(words[1])[0] if len(words) > 1 else ""
        if latin and (latin[0][0] == "@" or " " in latin[0]):  # “@Handle words”, “Phon Nary”
            spans.append(latin.span("handle") if latin[0][0] == "@" else (start, latin.end()))
        elif _plain_name_word(words[0]) and _plain_name_word(second):
            spans.append((start, start + len(words[0]) + 1 + len(second)))
    headline = HEADLINE_NAME.match(folded)
    if headline and not re.search(r"[។៕]", folded):
        # A title “ហេង សុវណ្ណ៖ ខេត្តនឹង…”: who says what follows the colon.
        words = headline["name"].split(" ")
        if all(_plain_name_word(word) and not COUNTRY.match(word) for word in words):
            spans.append(headline.span("name"))
    for pronoun in RESUMING.finditer(folded):
        if HONORIFIC.match(folded, pronoun.start()) and _name_after(
            folded, HONORIFIC.match(folded, pronoun.start()).end(), set()
        ):
            continue  # “… លោក សុខ ដារ៉ា”: an honorific before another name.
        before = folded[: pronoun.start()].rstrip(" ")
        opening = CLAUSE_OPENING.search(before)
        start = opening.end() if opening else 0
        words = before[start:].split(" ")
        if 2 <= len(words) <= 3 and (
            LATIN_NAME.fullmatch(before[start:]) or all(map(_plain_name_word, words))
        ):
            spans.append((start, len(before)))
    given = described_then_given(folded)
    return spans + [(start, end) for word, start, end in given if _plain_name_word(word)]


def _glossed(folded):
    """
    ``(start, end)`` of each name of two to four words, then its Latin spelling in brackets,
    after a role, an honorific or a clause's start: “… ម៉ាកុស ហ្វ្រង់ក៍ ហ្វីសឆឺ (Markus … Fischer)”.
    """
    spans = []
    for gloss in LATIN_GLOSS.finditer(folded):
        low = max(0, gloss.start() - REACH)
        words = folded[low : gloss.start()].split(" ")
        if low:
            words[0] = "\x02"  # Cut by the window: a word, but no name's nor a clause's start.
        kept = 0
        # Transliterated, a foreign name's words are long: “អាឡិចហ្សង់ដ្រូ”.
        while kept < min(4, len(words)) and _plain_name_word(words[-1 - kept], longest=20):
            kept += 1
        previous = words[-1 - kept] if kept < len(words) else ""
        introduced = (
            not previous
            or ROLE_HEAD.match(previous)
            or HONORIFIC.fullmatch(previous)
            or re.search(r"[។៕៖:,]$", previous)
        )
        if kept >= 2 and introduced:
            spans.append((gloss.start() - len(" ".join(words[-kept:])), gloss.start()))
    return spans


def _one_word_name(role, words):
    """
    Whether ``words[0]``, after the title ``role`` and before a small word, is
    a whole name written as one word (“កីឡាករ ប្រាក់មុន្នីឧត្តម ដែលជា…”).
    """
    whole = len(words[0]) >= 8 and not COUNTRY.match(words[0])
    titled = TITLE_WORDS.fullmatch(role.strip())
    return bool(titled and whole and _starts_with_stop(words[1]) and _plain_name_word(words[0], 24))


def _plain_name_word(word, longest=12):
    return (
        bool(KHMER_WORD.fullmatch(word))
        and len(word) <= longest
        and _name_part(word) == (word, False)
        and not SOURCE_HEAD.match(word)
        and not HONORIFIC.match(word)
    )
