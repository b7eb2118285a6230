"""
The words that attribute speech in English: speech verbs, those that may
come before their subject (`…,” said Malin`), the words that may stand
between a speaker and the verb, the verbs a finding or a characterization
is quoted with, and the participles that hang a quote on a clause's subject.
"""

import re

SPEECH_VERBS = [
    "said", "says", "added", "adds", "told", "tells", "asked", "asks",
    "explained", "explains", "noted", "notes", "stated", "states",
    "continued", "continues", "insisted", "insists", "warned", "warns",
    "recalled", "recalls", "claimed", "claims", "argued", "argues", "wrote",
    "writes", "posted", "replied", "replies", "responded", "responds",
    "urged", "urges", "declared", "stressed", "emphasised", "emphasized",
    "remarked", "concluded", "admitted", "acknowledged", "announced",
    "complained", "complains", "lamented", "vowed", "vows", "pointed out",
    "went on", "recounted", "testified", "cautioned", "conceded", "alleged",
    "reiterated", "demanded", "pleaded", "promised", "predicted", "confirmed",
    "denied", "denies", "maintained", "observed", "wondered", "whispered", "shouted",
    "called", "described", "according to", "clarified", "elaborated",
    "commented", "reported", "suggested", "asserted", "revealed", "disclosed",
    "highlighted", "underscored", "underlined", "assured", "mentioned", "answered",
    "joked", "tweeted", "sighed", "proclaimed", "affirmed", "countered", "retorted",
    "objected", "reasoned", "estimated", "reads", "read", "screamed", "yelled", "pronounced",
    "laughs", "laughed", "remembers", "remembered", "smiled", "jokes",
    "allowed that", "granted that", "would only say", "would say", "could only say",
    "pleads", "admits", "laments", "concedes",
]  # fmt: skip
# Verbs that may come before their subject (“…,” said Malin). Not “told”:
# in “told Sokha”, Sokha is the one spoken to.
INVERTED_VERBS = [
    "said", "says", "added", "adds", "asked", "asks", "explained", "noted",
    "continued", "wrote", "replied", "recalled", "insisted", "warned", "argued",
    "stated", "according to", "clarified", "reported", "commented", "told",
    "complained", "lamented", "admitted", "conceded", "countered", "responded",
    "answered", "recounted", "remarked", "pleaded", "pointed out", "tweeted", "posted",
    "stressed", "emphasised", "emphasized", "declared", "concluded", "cautioned",
    "explains", "insists", "recalls", "notes", "pleads", "admits", "laments", "concedes",
]  # fmt: skip
ADVERBS = (
    r"(?:also|later|then|again|once|further|previously|earlier|simply|finally|however|"
    r"meanwhile|instead|too|first)"
)
# What may stand between a speaker and the verb: “he had also said”.
# When a sentence's subject spoke: “Phay Siphan on Thursday demanded …”.
WHEN = (
    r"yesterday|today|(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|week|month)"
)
# Set phrases that stand where an adverb would: “Judge Sao in return labelled …”.
ADVERBIAL_PHRASES = r"in\s+(?:return|turn|response|reply)|for\s+(?:his|her|their|its)\s+part"
TRAIL = (
    rf"(?:\s+(?:{ADVERBS}|{ADVERBIAL_PHRASES}|had|has|have|having|would|will|was|is|"
    rf"[a-z]{{3,}}ly))*"
)
# Verbs a finding is reported with: “researchers found “…””. Only right
# before a quote: “police found the body” is no attribution.
FINDING = re.compile(r"\b(?:found|find|finds|showed|shows)\s+(?:that\s+)?$")
# Those who speak for a document named beside them: “In a new report by …,
# researchers found”.
RESEARCHERS = re.compile(r"(?:the\s+)?(?:researchers|authors|investigators|analysts)")
# Verbs that quote someone's word for what another did: “attacked Licadho for
# “releasing” them”, “accused him of “treason””.
CHARACTERIZING = re.compile(
    r"\b(?:(?:attacked|critici[sz]ed|accused|blamed|slammed|condemned|lambasted|faulted|"
    r"chided|praised|thanked|branded|labell?ed|dubbed|denounced|dismissed|rejected|hailed)\s+"
    r"(?:[^\x00.;]{0,60}?\s)?(?:for|of|as)"
    # “Dany values the river as “the road of the people””: how the subject sees it.
    r"|(?:sees|saw|regards|regarded|views|viewed|values|valued)\s+(?:[^\x00.;]{0,60}?\s)?as)"
    r"\s+(?:[a-z]+\s+){0,3}$"
)
# Verbs that quote someone's word for a thing they name: “called the posts
# “lies””, “described the attack as “a cowardly crime””, “accused Thai
# “invaders” of …”, “admitted “accidental” shots”.
NAMING = re.compile(
    r"\b(?:called|dubbed|branded|labell?ed|termed|described|denounced|decried|accused|"
    r"admitted|acknowledged|pointed\s+to|cited|referred\s+to|refers\s+to|"
    # “a report by Forest Watch describes a “thriving trade””: the present too.
    r"describes|dubs|brands|labels|terms|denounces|decries|cites)\s+"
    r"(?:[^\x00.;:]{0,60}?\s)?(?:as\s+)?$"
)
# A feeling a speaker declared: “Washington was “troubled” by the vote”.
FEELING = re.compile(r"\b(?:was|were|is|are)\s*$")
FEELING_AFTER = re.compile(r"\s*(?:by|at|about|over|with)\s")
# “… “speaking plainly”, as many put it.”, “…,” as one villager called it.
AS_PUT_IT = re.compile(
    r"\s*,?\s*as\s+([^\x00,.;:]{1,60}?)\s+(?:put|puts|has\s+put|had\s+put|called|calls)\s+it\b"
)
# “a “real risk of war” as claimed by Defence Minister Sok Dara”: the
# words of whoever the passive credits, after “by”.
AS_CLAIMED_BY = re.compile(
    r"\s*,?\s*as\s+(?:\w+ly\s+)?(?:claimed|said|stated|described|put|alleged|called|termed|"
    r"reported|noted|quoted|warned|promised|pledged)\s+(?:earlier\s+)?by\s+(.*)$",
    re.DOTALL,
)
# ““…” I was told by Sok Dara, a farmer.”: the one after “by” told it.
TOLD_BY = re.compile(
    r"\s*,?\s*(?:I|we|he|she|they|reporters|(?:the|a|this|our)\s+[a-z]+)\s+(?:was|were)\s+"
    r"(?:\w+ly\s+)?told\s+by\s+(.*)$",
    re.DOTALL,
)
# “…,” say many members of the community, who …; “…,” villagers say: people
# the story does not name, speaking as many (“say” speaks only so, after a quote).
PLURAL_SAY = re.compile(
    r"\s*,?\s*(?:say\s+(?P<after>(?:many|some|most|several|other|the|all|both|\d+|"
    r"[a-z]+s|women|men|people)\b"
    r"[^\x00,.;:]{0,60}?)(?=\s*(?:[,.;:]|$|\s(?:who|that|in|on|at)\b))"
    r"|(?P<before>they|(?:(?:many|some|most|several|other|the)\s+(?:of\s+the\s+)?)?"
    r"(?:[a-z]+s|women|men|people|children)"
    r"(?:\s+of\s+(?:the\s+)?[a-z]+)?)\s+say\b)",
    re.IGNORECASE,
)
# Verbs a word is promised or demanded with: “threatened to “eliminate” his
# opponents”, “demanded that the station “clarify” it”: the subject's word.
PLEDGING = re.compile(
    r"\b(?:threatened|promised|pledged|vowed|demanded|urged|asked|called\s+on|warned|"
    r"signall?ed|indicated|hinted)\s+"
    r"(?:[^\x00.;]{0,60}?\s)?(?:to|that)\s+(?:[^\x00.;]{0,60}\s)?$"
)
PARTICIPLE = re.compile(
    r",\s*(?:saying|stating|adding|calling|describing|noting|telling|warning|insisting|"
    r"explaining|stressing|arguing)\b"
)


def _alternatives(words):
    return "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))


# Not “so-called”: a verb joined to the word before it is no speech verb.
VERB = re.compile(rf"(?<![\w\-])(?:{_alternatives(SPEECH_VERBS)})\b", re.IGNORECASE)
INVERTED_VERB = re.compile(rf"(?<![\w\-])(?:{_alternatives(INVERTED_VERBS)})\b", re.IGNORECASE)
# “Sok Dara denied it, and Washington dismissed it as “…””: a clause with a
# subject of its own between a speech verb and a partial quote.
NEW_CLAUSE = re.compile(
    r",\s+(?:and|but|while|whereas)\s+(?!(?:he|she|they|it|then|also|later)\b)"
    r"((?:the|an?)\s+[a-z][\w’'\-]*|[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*)\s+[a-z]+ed\b"
)
# “the Post quoted Phay Siphan as saying”, “Phay Siphan was quoted as saying”.
QUOTED_AS = re.compile(
    r"\b(?:quoted|cited|recalled|remembered|heard)\s+(?!as\s)([^\x00]+?)\s+(?:as\s+)?(?:saying|telling)\b"
)
WAS_QUOTED = re.compile(r"^\s*,?\s*(.+?)\s+(?:was|were|is|has been)\s+quoted\b", re.DOTALL)
# “said the officer told him”: the one who told him spoke the quote before.
REPORTED_TELLING = re.compile(
    r"\s+(?:that\s+)?([^\x00,;]{2,80}?)\s+(?:had\s+)?(?:told|warned|ordered|asked|said\s+to)"
    r"\s+(?:him|her|them|me|us)\b[^\x00;]*$"
)
# “…,” Mr. Sok Dara quoted Mr. Keo Sam as saying: a title's full stop ends no sentence.
QUOTING_AFTER = re.compile(
    r"(?:[^\x00.]|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Fr|Msgr|St|Prof)\.){0,80}\bquoted\b"
)
# A verb of manner before the speaker's name: “laughed”, “sighed”, “remarked”.
MANNER_INVERTED = re.compile(r"\s*,?\s*[a-z]+ed\s+(?=(?:[a-z]+\s+){0,2}[A-Z])(.*)$", re.DOTALL)
# A clause after the speech verb that introduces the next quote: “said the premier “…””.
NEXT_QUOTE_CLAUSE = re.compile(r"\s+(?:that\s+)?[a-z][^\x00,:;.]*\x00")
# “Rith contacted them with a message saying, “…””, “sent his wife a text
# message saying:”: the sender's words, not those of whoever reports them.
MESSAGE_SAYING = re.compile(
    r"(?:^|[,;]\s*|\b(?:that|said|says)\s+)(?P<who>(?:[A-Z][\w’'\-]*\s+){0,3}[A-Z][\w’'\-]*|he|she)\s+"
    r"(?:[a-z]+\s+){1,6}?(?:an?|the)\s+(?:[a-z\-]+\s+)?(?:message|text|letter|note|e-?mail)\s+"
    r"(?:saying|reading|that\s+(?:said|read))\s*[,:]?\s*$"
)
