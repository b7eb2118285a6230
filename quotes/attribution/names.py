"""
People's names in running text.

``names_in`` finds the capitalised phrases that read as a person's name
(Latin or Khmer script, an honorific kept with it), leaving out words that
start sentences, places, days and institutions. A single word is a name only
when the story or the directory knows it as a short name, or it is Khmer.
"""

import re

from people.names import is_khmer, split_honorific

from . import khmer
from .bounded import ends_with, only_spaces_before
from .khmer_words import CAPITAL, LETTERS, is_khmer_text

# Initials (“H.E.”, “U. S.”) are one word of at most six letters, not a run of any length.
# Accented letters too: “Émile”, “Đặng Văn Lâm” (khmer_words.CAPITAL, LETTERS).
LATIN_WORD = rf"(?:[A-Z]\.(?:\s?[A-Z]\.){{1,5}}|{CAPITAL}{LETTERS}*\.?)"
# Letters and signs, not the full stop, the colon or the other marks (“ដាវ លីឌុច៖”).
KHMER_WORD = r"[\u1780-\u17d3\u17d7\u17dc-\u17ff\u19e0-\u19ff]+"
# Words of a name are one space apart: a quote taken out of “Sonando “…” Adams”
# leaves several spaces, and two names.
NAME = rf"(?:{LATIN_WORD}(?:\s{LATIN_WORD}){{0,8}}|{KHMER_WORD}(?:\s{KHMER_WORD}){{0,3}})"
NAME_RE = re.compile(NAME)
# How far before a name a title, a speech verb or “the Ministry of” is looked
# for: the longest such word (fourteen letters) with its spaces and “of the”.
WORD_REACH = 80


def _word_set(text):
    return frozenset(text.split())


# Capitalised words that start sentences, never names.
FUNCTION_WORDS = _word_set(
    """
    A An The In On At But And Or So Yet However Meanwhile Later Earlier Last This That
    These Those After Before When While During Since Although Though If As For With By
    From Under Over Following Despite Speaking Asked According It Its We I You They He
    She His Her Their Our My Your Who What Where Why How Today Tomorrow Yesterday Now
    Then There Here Some Many Most Several Both All Each Every One Two Three Another
    Other Others Such Also Still Even Instead Until Without Within Between Among Because
    Not No Nor Please Yes Thank Thanks Sir Madam Prosecutor Judge Police Officials
    """
)
# Adverbs that open a sentence before a name or a role: “Nearby Sok Dara”,
# “Nearby resident Sok Dara”; never part of either.
OPENING_ADVERBS = _word_set(
    """
    Nearby Elsewhere Separately Similarly Likewise Moreover Furthermore Additionally
    Besides Nevertheless Nonetheless Afterwards Recently Previously Currently
    Initially Finally Lastly Overall Ultimately Indeed Next Once Again
    """
)
FUNCTION_WORDS |= OPENING_ADVERBS
# Words of places, days and institutions: a capitalised phrase holding one
# is not a person. “Svay” and “Prey” are family names too (“Svay Sam Eng”):
# “Svay Rieng” and “Prey Veng” are known as places by their second word.
NOT_PERSON_WORDS = _word_set(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December Ministry Ministries
    Minister Court Courts Party Council Committee Association Alliance Centre Center
    Institute Federation Union Company Radio Television Province Provincial District
    Commune Village Street Road River Lake Forest Pagoda Market School University
    Hospital Assembly Senate Government Department Office Police Army Group Bank
    Network Foundation Watch Organization Organisation Project Forum National Royal
    Kingdom Democratic Municipal Supreme Appeal House Hall Day Week Year Cambodia
    Cambodian Cambodians Khmer Thailand Thai Vietnam Vietnamese Laos China Chinese Japan
    Asia Asian Europe European America American Mekong Phnom Penh Siem Reap Sihanoukville
    Korea Korean Koreans South North Japanese Laotian Myanmar Burma Burmese Malaysia Malaysian
    Indonesia Indonesian Philippines Filipino Singapore Singaporean Australia Australian
    Britain Russia Ukraine Taiwan Canada Israel Gaza Bangladesh
    Kampong Kompong Banteay Battambang Kampot Kandal Kep Koh Kratie Mondulkiri Oddar
    Meanchey Pailin Preah Vihear Veng Pursat Ratanakiri Stung Treng Rieng
    Takeo Tbong Khmum Sihanouk Facebook Telegram Twitter YouTube TikTok Newsroom
    Covid COVID Capital Airport Prison Station Agency Authority Administration Tribunal
    Secretariat Embassy Nations World International Independent Human Rights Justice
    Interior Labour Labor Environment Education Health Information Press Times Post
    News Daily Weekly Act Law Code Article Constitution Festival Bridge Dam Island
    Corporation Ltd Co Inc Factory Club League Coalition Fund Programme Program
    Commission Board Unit Division Service Services Tonle Sap Belt Zone Green Rice
    Wat Pagodas Temple Monastery Church Cathedral Mosque Parish Diocese Vicariate
    Control Prevention Research Development Protection Management Affairs Studies
    Trapaing Trapeang Boeung Beung Prek Chroy Phum Khum Srok
    Casino Casinos Resort Hotel Restaurant Sanctuary Wildlife Reserve Museum Stadium
    Subscribe Search Login Logout Menu Navigation Sitemap Advertisement Newsletter Agence Presse
    """
)
# Words that name a place only after another: “Prey Veng”, “Svay Rieng”, “Anlong Veng”.
PLACE_SECOND_WORDS = _word_set("Veng Rieng")
# Royal family names: “Norodom Sihanouk” is the King, not the province.
ROYAL_NAMES = _word_set("Norodom Sisowath")
MONTHS = _word_set(
    "January February March April May June July August September October November December"
)
# Titles written in capitals in front of a name: “Prime Minister Hun Manet”,
# “Provincial Governor Vy Samnang”. The name starts after the last of them.
TITLE_WORDS = _word_set(
    """
    Minister Premier Governor President Judge Spokesman Spokeswoman Spokesperson
    Director Ambassador Chairman Chairwoman Chief Secretary Prosecutor Mayor Senator
    Commander General Gen Lt Colonel Col Major Captain Capt Lieutenant Commissioner
    Speaker Lawmaker Deputy King Queen Prince Princess Officer Chairperson Attorney
    Lawyer Councillor Councilor Tycoon Monk Activist Researcher Campaigner Senior
    Coordinator Manager Advocate Analyst Editor Founder Executive Representative Head
    Leader Adviser Advisor Consultant Investigator Official Inspector CEO Prefect Vicar
    Villager Resident Farmer Vendor Teacher Student Worker Fisherman Priest Pastor Nun
    Brigadier Brig Maj Warrant Supt Insp Pvt Sergeant Sgt Admiral Marshal Corporal Cpl PM
    Striker Goalkeeper Midfielder
    Defender Coach Trainer Winger Vender Seller Trader Shopkeeper Driver Nurse Doctor
    Soldier Survivor Widow Housewife Labourer Laborer Mechanic Journalist Reporter Blogger
    Singer Actor Actress Comedian Historian Economist Scholar Expert Entrepreneur
    Businessman Businesswoman Landowner Protester Demonstrator Evictee Guard Ranger
    Compatriot Countryman Teammate Colleague
    """
)
# “Minister of Information Neth Pheaktra”, “US ambassador to Cambodia Patrick
# Murphy”: the place or ministry ends the title.
TITLE_OF = re.compile(
    r"\b(?i:" + "|".join(sorted(TITLE_WORDS)) + r")\s+(?:of|for|to|in)\s+(?:the\s+)?$"
)
# “Minister of Tourism Sok Dara”, “Secretary of State Jane Roe”: the charge
# after “of” is not a name's first word, whether or not it names a place.
PORTFOLIO_WORDS = _word_set(
    """
    State Tourism Commerce Agriculture Defence Defense Finance Economy Planning Industry
    Energy Transport Trade Culture Religion Cults Women Youth Sport Sports Posts Mines
    Water Resources Rural Public Works Foreign Social Veterans Fisheries Forestry Land
    Construction Inspection Relations Parliamentary Civil Aviation Fine Arts
    """
)
PORTFOLIO_ENDING = re.compile(r"(?:ism|ture|ment|tion|sion|ance|ence|ity|ics)$")
# “US Secretary of State …”, “Deputy Director of …”: a title that goes on is no name.
TITLE_GOES_ON = re.compile(r"\s+(?:of|for|to)\s+(?:the\s+)?[A-Z]")
# “Minister of Education, Youth and Sport Keo Sambath”: the last item of
# a ministry's list of charges runs into the name.
TITLE_OF_LIST = re.compile(
    r"\b(?:" + "|".join(sorted(TITLE_WORDS)) + r")\s+(?:of|for)\s+(?:the\s+)?"
    r"(?:[A-Z][\w’'-]*(?:,?\s+))+(?:and|&)\s+$"
)
AND_BEFORE = re.compile(r"(?:\band|&)\s+$")
# A name in front of a group is the group's place or leader, not a person
# speaking: “warned Boeung Kak residents”, “Kem Sokha supporters”; in front
# of a place word, a place: “Kompong Cham provinces”.
GROUP_AFTER = re.compile(
    r"\s+(?:residents|villagers|families|people|farmers|workers|supporters|officials|"
    r"authorities|protesters|voters|students|monks|fishermen|vendors|communities|"
    r"youths|loyalists|followers|provinces?|districts?|communes?|villages?|forests?|rivers?)\b"
)
# Cambodian family names that are also English words: “So Chan Heng” is a
# three-word name, not “So” starting a sentence; “In Thou” only with a role
# or right after a speech verb (“said You Sokhom, a manager”).
# “Dara, not his real name”: the aside that makes one word a person's name.
PSEUDONYM = r"(?:not\s+(?:his|her|their)\s+real\s+name|an?\s+(?:pseudonym|assumed\s+name))"
FAMILY_NAMES_LIKE_WORDS = _word_set("So In On You")
AFTER_SPEECH_VERB = re.compile(r"\b(?:said|says|added|told|according\s+to)\s+$")
SPEECH_VERB_AFTER = re.compile(r"\s+(?:said|says|added|told)\b")
LOWER_TITLE_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(word.lower() for word in TITLE_WORDS if len(word) > 3)) + r")\s+$"
)
# “In Sovann, one of the three accused, said”, “So Dara, also 19, said”: a
# two-word name with a person's role or age; “So Nara, deputy Kratie police
# chief, said”: a role without an article too.
PERSON_APPOSITIVE = re.compile(
    r",\s*(?:(?:also\s+|aged\s+)?\d{1,3},\s*)?(?:(?:(?:one\s+of|an?|the)\s+)?[a-z][^,\x00]{2,80},\s*)?"
    r"(?:(?:\w+\s+){0,2}(?:said|says|told|added)\b|$)"
)
INSIDE_ORGANIZATION = re.compile(
    r"(?:\b[Tt]he|\b(?:" + "|".join(sorted(NOT_PERSON_WORDS)) + r")\s+(?:of|for|on))\s+$"
)
# What follows a person's name when the sentence is about them.
PERSON_LIKE = re.compile(
    r"^\s*(?:also\s+|later\s+|then\s+)?(?:,|\b(?:spoke|is|was|has|had|lives|lived|lost|went|works|worked|runs|ran|"
    r"leads|led|heads|headed|fled|filed|joined|founded|became|remains|remained|arrived|"
    r"left|returned|sat|stood|showed|met|began|started|wants|wanted|hopes|hoped|fears|"
    r"feared|believes|believed|knows|knew|thinks|thought|waited|waits|listened|sells|"
    r"sold|teaches|taught|declined|refused|agreed|disagreed|plans|intends|expects|will|would)\b|[a-z]+ed\b)"
)


def _is_place_word(word, *, first):
    """Whether ``word`` names a place, day or institution where it stands in a name."""
    return word in NOT_PERSON_WORDS and not (first and word in PLACE_SECOND_WORDS)


def _is_person_name(name, directory, known_short, *, honorific="", titled=False, styled=False):
    """
    Whether ``name`` (its ``honorific`` or a title apart) reads as a person's
    name. ``styled``: a capitalised title stands right before it.
    """
    words = name.split()
    if not words or len(words) > 4:
        return False
    # “Governor Kep Chuktema”, then “Kep Chuktema said”: a family name that is
    # also a province's, after a title or with a given name the story knows.
    surname_place = len(words) in {2, 3} and (styled or words[-1] in known_short)
    # “Dr. Or Vandine”: after an honorific, a family name may look like a small word.
    family = len(words) > 1 and (words[0] in FAMILY_NAMES_LIKE_WORDS or bool(honorific) or titled)
    if words[0] in FUNCTION_WORDS and not family:
        return False
    # “May Titthara”: a month in front of a name is a family name; a date has a number.
    rest = words[1:] if len(words) > 1 and words[0] in MONTHS else words
    # “PHNOM PENH, July 9 (Xinhua)”: a dateline in capitals is a place too.
    # “Veng Sereyvuth”: a place's second word (“Prey Veng”) may start a name.
    if any(
        _is_place_word(word.rstrip(".").strip("'’").capitalize(), first=index == 0)
        and not (surname_place and index == 0 and rest is words)
        and not (word == "Sihanouk" and index and rest[index - 1] in ROYAL_NAMES)
        for index, word in enumerate(rest)
    ):
        return False
    if len(words) == 1:
        word = words[0]
        return (
            word in known_short
            or directory.knows_short_name(word)
            or bool(re.fullmatch(KHMER_WORD, word))
        )
    return True


# A headline in title case: every long word capitalised, no sentence end.
# Each word is one run of letters, digits or signs, never a space: a sign that
# may be a space (``\W``) let “... ... ...” be split every way there is.
HEADLINE_WORD = r"(?:[A-Z]\S*|[a-z]{1,3}|(?:\d|[^\w\s])+)"
HEADLINE = re.compile(rf"{HEADLINE_WORD}(?:\s+{HEADLINE_WORD}){{3,}}(?<![.?!:;,])")

# Verbs a title-case headline puts between its subject and object (“Leader
# Praises Trump”, “Minister Slams Critics”): never a word of a name.
HEADLINE_VERBS = _word_set(
    """
    Says Warns Praises Slams Urges Vows Denies Rejects Blames Backs Defends Criticizes
    Criticises Accuses Hails Welcomes Threatens Pledges Promises Admits Condemns Lashes
    Dismisses Quits Resigns Insists Claims Sues Orders Approves Appoints Fires Arrests
    Thanks Tells Asks Meets Visits Signs Wins Loses Seeks Faces Mocks Rebuffs Dismisses
    """
)
HEADLINE_VERB = re.compile(r"(?:^|(?<=\s))(?:" + "|".join(sorted(HEADLINE_VERBS)) + r")\b")

# “President Donald Trump’s criticism”: a full name met only as an owner.
POSSESSED = re.compile(r"\b((?:[A-Z][a-z\-]+\s){1,3}[A-Z][a-z\-]+)['’]s\b")


def _is_charge(word):
    """“Information”, “Tourism”, “State”: a ministry's charge or a place after a title's “of”."""
    return (
        word in NOT_PERSON_WORDS or word in PORTFOLIO_WORDS or bool(PORTFOLIO_ENDING.search(word))
    )


# “Minsiter”: two letters swapped inside a long title is still the title.
TITLE_TYPOS = {
    word[:index] + word[index + 1] + word[index] + word[index + 2 :]: word
    for word in TITLE_WORDS
    if len(word) >= 6
    for index in range(1, len(word) - 1)
    if word[index] != word[index + 1]
}
for _word in TITLE_WORDS:
    TITLE_TYPOS.pop(_word, None)


def _is_title(word):
    """“Minister”, “Gen.”, “Bishop-elect”, “President-designate”: a title in front of a name."""
    # “Co-Prosecutor”, “Vice-Governor”, “Ex-Minister”: still the office.
    bare = re.sub(r"^(?:Co|Vice|Ex|Deputy|Acting)-(?=[A-Z])", "", word.rstrip("."))
    parts = bare.split("-")
    if len(parts) == 2 and all(part.capitalize() in TITLE_WORDS for part in parts):
        return True  # “Lieutenant-General”, “Inspector-general”.
    office = re.sub(r"-(?:elect|designate)$", "", bare, flags=re.IGNORECASE)
    if office == bare:
        return bare in TITLE_WORDS or bare in TITLE_TYPOS
    # An honorific stays with the name, but “Bishop-elect” is an office not yet held.
    return office in TITLE_WORDS or bool(split_honorific(f"{office} X")[0])


def _starts_honorific(words, index):
    """Whether ``words[index]`` opens an honorific that the word before it does not belong to."""
    honorific, _name = split_honorific(" ".join(words[index:]))
    return bool(honorific) and not split_honorific(" ".join(words[index - 1 :]))[0]


def _named_after_title(word, titled):
    """“Gen Prayuth”, “Sister Chantal”: one word after a title or honorific is a name."""
    return bool(
        titled
        and re.fullmatch(r"[A-Z][a-z\u00c0-\u024f\-]+", word)
        and word not in FUNCTION_WORDS | NOT_PERSON_WORDS
    )


def _sentence_end_cut(candidate):
    """
    “Mao Sarin. He said”: a full stop after a name's last word ends the
    sentence, unless the word is an abbreviation (“Gen.”, “Dr.”, “Jr.”).
    """
    words = candidate.split(" ")
    for index, word in enumerate(words[:-1]):
        bare = word[:-1]
        if not word.endswith(".") or "." in bare or _is_title(word):
            continue
        if split_honorific(f"{word} X")[0]:
            continue  # “Dr. Or Sothea”: a small word after an honorific starts the name.
        if words[index + 1] in FUNCTION_WORDS or len(bare) >= 4:
            return " ".join(words[: index + 1])
    return candidate


# What follows a dateline's place in capitals: “, Cambodia —”, “ (Reuters) -”, “IPOH:”.
DATELINE_AFTER = re.compile(
    r"\s*(?:,\s*[A-Z][\w .]{0,30}?)?\s*(?:\([A-Za-z .]{2,20}\)\s*)?(?:[—–:]|--?\s)"
)


DATELINE = re.compile(
    rf"\s*([A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+){{0,3}})(?={DATELINE_AFTER.pattern})"
)


def names_in(text, directory, known_short, *, after_verb=False, before_verb=False):
    """
    Every person's name in ``text``, as ``(name, start, end)``; an honorific
    stays with it. ``after_verb``: ``text`` follows a speech verb (“said …”);
    ``before_verb``: one follows it (“… said”).
    """
    if is_khmer_text(text):
        return khmer.names_in(text, known_short)
    # Khmer words in a line mostly in Latin letters (“Media X | Nov 03 កីឡាករ ដាវ
    # លីឌុច៖ «…»”) are read as Khmer: the title before a name is not a name.
    khmer_names = khmer.names_in(text, known_short) if is_khmer(text) else []
    found = [item for item in khmer_names if is_khmer(item[0])]
    for match in NAME_RE.finditer(text):
        candidate = _sentence_end_cut(match[0])
        end = match.start() + len(candidate)
        if is_khmer(candidate):
            continue
        verb = HEADLINE_VERB.search(candidate)
        if verb:
            # “Cambodian Leader Praises Trump”: a headline's verb ends the name.
            candidate = candidate[: verb.start()].rstrip()
            end = match.start() + len(candidate)
            if not candidate:
                continue
        if candidate.endswith(".") and not re.search(r"(?:^|\s)(?:[A-Z]\.)+$", candidate):
            candidate, end = candidate[:-1], end - 1
        # A possessive names someone else: “Sokha's lawyer”.
        if text[end : end + 2] in {"'s", "’s"} or GROUP_AFTER.match(text, end):
            continue
        if (
            candidate.isupper()
            and DATELINE_AFTER.match(text, end)
            and only_spaces_before(text, match.start())
        ):
            continue  # “RUN TA EK, Cambodia — …”: a dateline's place, whatever it is.
        words = candidate.split()
        # “Cambodia’s Hun Sen”: the possessive in front is a place or a group.
        owner = max(
            (index for index, word in enumerate(words) if word.endswith(("'s", "’s"))), default=-1
        )
        words = words[owner + 1 :]
        # “the Ministers of Tourism and …”: read only after “and”.
        listed = ends_with(AND_BEFORE, text, match.start(), WORD_REACH) and ends_with(
            TITLE_OF_LIST, text, match.start()
        )
        if listed and len(words) > 2:
            words.pop(0)
        if listed or ends_with(TITLE_OF, text, match.start(), WORD_REACH):
            while len(words) > 2 and _is_charge(words[0].rstrip(".")):
                words.pop(0)
        # “activist monk But Buntenh”: after a title, a small word starts the name.
        after_title = len(words) in {2, 3} and bool(
            ends_with(LOWER_TITLE_BEFORE, text, match.start(), WORD_REACH)
        )
        kept = (
            (len(words) == 3 and words[0] in FAMILY_NAMES_LIKE_WORDS)
            or (
                len(words) == 2
                and words[0] in FAMILY_NAMES_LIKE_WORDS
                and (
                    PERSON_APPOSITIVE.match(text[end:])
                    or ends_with(AFTER_SPEECH_VERB, text, match.start(), WORD_REACH)
                    or SPEECH_VERB_AFTER.match(text, end)
                    or (after_verb and only_spaces_before(text, match.start()))
                    or (before_verb and not text[end:].strip())
                )
            )
            or after_title
        )
        while words and words[0] in FUNCTION_WORDS and not kept:
            words.pop(0)
        # “Apostolic Prefect Msgr. Paul Chea Vanna”: the name starts at its honorific.
        inner = next(
            (index for index in range(1, len(words)) if _starts_honorific(words, index)), 0
        )
        words = words[inner:]
        titles = [index for index, word in enumerate(words) if _is_title(word)]
        if titles and titles[-1] == len(words) - 1 and TITLE_GOES_ON.match(text, end):
            continue
        titled = bool(titles and titles[-1] < len(words) - 1)
        if titled:
            # “Prime Minister Hun Manet”: the title is a role, not the name.
            words = words[titles[-1] + 1 :]
        candidate = " ".join(words)
        if not candidate or directory.is_place(candidate):
            continue
        start = end - len(candidate)
        honorific, bare = split_honorific(candidate)
        # “the Venerable Sok Dara”, “the Rev. Paul Lay”: an honorific after “the”.
        the_honorific = honorific and re.search(r"\b[Tt]he\s+$", text[:start])
        if ends_with(INSIDE_ORGANIZATION, text, start, WORD_REACH) and not the_honorific:
            # “the Land Alliance”, “Ministry of Natural Resources”: not people.
            continue
        if _named_after_title(bare, titled or honorific) or (
            bare
            and _is_person_name(
                bare,
                directory,
                known_short,
                honorific=honorific,
                titled=after_title,
                styled=titled and not honorific,
            )
        ):
            found.append((candidate, start, end))
    return sorted(found, key=lambda item: item[1])


def only_function_words(text):
    """Whether every word of ``text`` only starts a sentence (true of no words)."""
    return all(word.strip(",") in FUNCTION_WORDS for word in text.split())
