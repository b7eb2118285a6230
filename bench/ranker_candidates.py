"""
Who else might have said a quote: the candidates the rules saw, described
for a ranker.

A ``Collector`` passed to ``quotes.attribution.analyze`` is shown every mention, sentence
subject and quote as the rules resolve it. ``Collector.choices`` then lists,
for each quote found, the plausible speakers at that point of the story (the
rules' choice, everyone the cast knew, anyone named in the quote's sentence
or the next, and nobody), each with general features: how near, how often
named, whether the subject of the sentence, whether the last speaker, what
kind of source. Nothing here changes what the rules find.
"""

import dataclasses
import math

from quotes.attribution.entities import GROUP, SOURCE, gender_in
from quotes.attribution.khmer_referents import gender_of as khmer_gender_of
from quotes.attribution.khmer_words import is_khmer_text

PRONOUN_GENDERS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# How the rules found a speaker, grouped: the finder's ``how`` values.
RULE_WAYS = {
    "name": "name",
    "pronoun": "pronoun",
    "description": "description",
    "source": "source",
    "continuation": "continuation",
    "introduced": "introduced",
    "runs on": "runs on",
    "across": "introduced",
    "quoted again": "quoted again",
}


@dataclasses.dataclass(eq=False)
class Sighting:
    """One mention, sentence subject or quote, and whom the rules took it to be."""

    kind: str  # "mention", "subject" or "quote"
    entity: object
    paragraph: int
    sentence: int  # The story's sentence, counted from 0.
    start: int  # Where in its paragraph.
    how: str = ""
    finding: object = None
    known: tuple = ()  # For a quote: everyone the cast knew, most recent first.


@dataclasses.dataclass
class Choice:
    """A quote the rules found, and the speakers a ranker may choose among."""

    finding: object
    candidates: list  # Entities, and None for “no speaker”.
    features: list  # One dict of feature → value per candidate.


class Collector:
    """What ``analyze`` saw, in reading order."""

    def __init__(self):
        self.sightings = []

    def saw(self, cast, paragraph, event, found):
        """Record ``event`` of ``paragraph``, resolved to ``found`` (an entity or a Finding)."""
        sighting = Sighting(event.kind, found, paragraph.number, cast.sentence, event.start)
        if event.kind == "quote":
            recent = [seen.entity for seen in cast.recent]
            sighting.known = tuple(recent + [e for e in cast.entities if e not in recent])
            sighting.finding, sighting.entity = found, found.entity
            attribution = event.item.attribution
            sighting.how = attribution.how if attribution is not None else ""
        else:
            sighting.how = getattr(event.item, "how", "")
        self.sightings.append(sighting)

    def choices(self, findings):
        """A ``Choice`` for each of ``findings`` the rules resolved while collecting."""
        kept = {id(finding) for finding in findings}
        return [
            _choice(self.sightings, index)
            for index, sighting in enumerate(self.sightings)
            if sighting.kind == "quote" and id(sighting.finding) in kept
        ]


def _choice(sightings, index):
    quote = sightings[index]
    finding = quote.finding
    candidates = [finding.entity] if finding.entity is not None else []
    nearby = [
        sighting.entity
        for sighting in sightings[index + 1 :]
        if sighting.sentence <= quote.sentence + 1 and sighting.entity is not None
    ]
    for entity in list(quote.known) + nearby:
        if entity is not None and all(entity is not other for other in candidates):
            candidates.append(entity)
    candidates.append(None)
    story = _Story(sightings, index)
    return Choice(finding, candidates, [story.features(entity) for entity in candidates])


class _Story:
    """The story around one quote, as its features need it."""

    def __init__(self, sightings, index):
        self.quote = sightings[index]
        self.before = sightings[:index]
        self.after = [s for s in sightings[index + 1 :] if s.sentence <= self.quote.sentence + 1]
        finding = self.quote.finding
        self.khmer = is_khmer_text(finding.text)
        self.rules = finding.entity
        self.confidence = finding.confidence / 100
        self.way = RULE_WAYS.get(finding.how, finding.how.split(" ")[0])
        self.gender = _gender_said(finding.written) if finding.how == "pronoun" else ""
        spoken = [s.entity for s in self.before if s.kind == "quote" and s.entity is not None]
        self.last_speaker = spoken[-1] if spoken else None
        self.recent = list(self.quote.known)

    def features(self, entity):
        features = {}
        chosen = entity is self.rules
        if chosen:
            features |= {
                "rules": 1.0,
                "rules confidence": self.confidence,
                f"rules {self.way}": 1.0,
                "rules sure": float(self.confidence >= 0.8),
                "rules khmer": float(self.khmer),
                f"rules attribution {self.quote.how}": 1.0,
            }
        if entity is None:
            features |= {"nobody": 1.0, "nobody khmer": float(self.khmer)}
            return features
        return features | self._where(entity) | self._who(entity)

    def _where(self, entity):
        quote = self.quote
        seen = [s for s in self.before if s.entity is entity]
        later = [s for s in self.after if s.entity is entity]
        features = {"mentions": math.log1p(len(seen)) / 3}
        if seen:
            last = seen[-1]
            sentences = quote.sentence - last.sentence
            paragraphs = quote.paragraph - last.paragraph
            features["sentences away"] = min(sentences, 20) / 20
            features[f"paragraphs away {min(paragraphs, 3)}"] = 1.0
            if paragraphs == 0:
                features["characters away"] = min(quote.start - last.start, 600) / 600
                features["same sentence before"] = float(sentences == 0)
            features["previous sentence"] = float(sentences == 1)
            features["first paragraphs"] = float(seen[0].paragraph <= 2)
            spoke = [s for s in seen if s.kind == "quote"]
            features["quotes so far"] = math.log1p(len(spoke)) / 2
        else:
            features["unseen before"] = 1.0
        for sighting in seen + later:
            offset = sighting.sentence - quote.sentence
            place = {0: "this", -1: "previous", 1: "next"}.get(offset)
            if place and sighting.kind == "subject":
                features[f"subject {place} sentence"] = 1.0
                if sighting.how == "speech":
                    features[f"speech subject {place} sentence"] = 1.0
            elif place and sighting.kind == "mention":
                features[f"mentioned {place} sentence"] = 1.0
        if later:
            features["named just after"] = 1.0
        if entity is self.last_speaker:
            features["last speaker"] = 1.0
            features["last speaker khmer"] = float(self.khmer)
        if entity in self.recent:
            features["recency"] = 1 / (1 + self.recent.index(entity))
        return features

    def _who(self, entity):
        if entity.kind == SOURCE:
            kind = "source"
        elif entity.kind == GROUP or entity.plural:
            kind = "group"
        else:
            kind = "named person" if entity.name else "unnamed person"
        features = {f"kind {kind}": 1.0, f"kind {kind} khmer": float(self.khmer)}
        if entity.role or entity.title:
            features["has role"] = 1.0
        if entity.short_only:
            features["short name only"] = 1.0
        if self.gender and entity.gender:
            features["gender agrees" if entity.gender == self.gender else "gender differs"] = 1.0
        return features


def _gender_said(written):
    """The gender a pronoun or description gives: "m", "f" or ""."""
    text = (written or "").strip()
    if is_khmer_text(text):
        return khmer_gender_of(text)
    return PRONOUN_GENDERS.get(text.casefold()) or gender_in(text)
