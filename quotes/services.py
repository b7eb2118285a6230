"""
Quote attribution as a service: a story's direct quotes become Quote rows.

``attribute_quotes(article=...)`` reads the body (``quotes.attribution``
finds the quotes and who said them), matches each speaker to a person
already known by name, short name or alias, or makes a new person with the
role the story gives them, and writes every quote unconfirmed, with its
confidence and a note of anything to check. Run again, it keeps quotes
quotes someone has confirmed or entered by hand (no confidence), pull quotes
and quotes with a provenance note, and leaves the numbers of existing quotes
as they are.
"""

import html
import logging
import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import body
from people.models import Person
from people.names import normalize, split_honorific
from people.services import (
    create_person,
    find_or_create_organization,
    find_people,
    people_with_short_name,
    province_in,
    record_role,
)
from quotes.models import Quote

from . import attribution

logger = logging.getLogger(__name__)

UNIDENTIFIED = "speaker not identified"
HEADING = re.compile(r"#{1,6}\s")


class DatabaseDirectory(attribution.Directory):
    """What the database knows about the people ``among``, for reading a story."""

    def __init__(self, among):
        self.among = among
        self._genders = {}
        self._short = {}

    def gender_of(self, name):
        if name not in self._genders:
            person = find_people(name, among=self.among).first()
            self._genders[name] = person.gender if person else ""
        return self._genders[name]

    def knows_short_name(self, name):
        if name not in self._short:
            self._short[name] = people_with_short_name(name, among=self.among).exists()
        return self._short[name]


def plain_text(block):
    """One Markdown paragraph as the words a reader sees."""
    block = re.sub(r"^#{1,6}\s+", "", block)
    block = re.sub(r"^>\s?", "", block, flags=re.MULTILINE)
    block = re.sub(r"(?<!\\)\[([^\]]*)\]\([^)]*\)", r"\1", block)
    block = re.sub(r"(?<![\\\w])(\*\*|\*|__|_)(?=\S)|(?<=\S)(?<!\\)(\*\*|\*|__|_)(?!\w)", "", block)
    block = re.sub(r"\\([\\`*_{}\[\]()#+\-.!>])", r"\1", block)
    return " ".join(html.unescape(block).split())


def story_paragraphs(text):
    """
    The body's paragraphs as plain text, numbered as ``Quote.paragraph`` counts
    them. A heading is read as an empty paragraph: it is a title, where nobody
    speaks and nobody is introduced (“## Cite Tag” above a quote is no speaker).
    """
    return ["" if HEADING.match(block) else plain_text(block) for block in body.paragraphs(text)]


class Speakers:
    """
    Who each person or source in a story is among the people ``among``, made
    when needed. Notes name people as readers would see them (a protected
    source by the public label): journalists read them.
    """

    def __init__(self, article, among):
        self.article = article
        self.among = among
        self.people = {}  # id(entity) → (person, note)
        self.organizations = set()

    def identify(self, entity):
        """Return ``(person, note)`` for a named entity."""
        key = id(entity)
        if key not in self.people:
            self.people[key] = self._identify(entity)
        return self.people[key]

    def _identify(self, entity):
        name = entity.name
        found = list(find_people(name, among=self.among)[:2])
        note = ""
        if entity.short_only and not found:
            found = list(people_with_short_name(name, among=self.among)[:5])
            if found:
                note = _(
                    "Only the short name “%(name)s” is given; matched to %(person)s by "
                    "short name: check."
                ) % {"name": name, "person": found[0].public_name}
            if len(found) > 1:
                note = _(
                    "Only the short name “%(name)s” is given, and %(count)s people in the "
                    "database are called so; %(person)s was taken: check."
                ) % {"name": name, "count": len(found), "person": found[0].public_name}
        elif len(found) > 1:
            note = _("Several people are called %(name)s; %(person)s was taken: check.") % {
                "name": name,
                "person": found[0].public_name,
            }
        organization = None
        if entity.organization:
            organization, _created = find_or_create_organization(name=entity.organization)
            self.organizations.add(organization)
        if found:
            person = found[0]
            if entity.gender and not person.gender:
                person.gender = entity.gender
                person.save(update_fields=["gender", "updated_at"])
            if organization and not person.affiliations.filter(end_date__isnull=True).exists():
                record_role(person=person, title=entity.title, organization=organization)
            return person, note
        person = create_person(
            name=name,
            honorific=entity.honorific,
            gender=entity.gender,
            home_province="" if organization else province_in(entity.role),
        )
        if organization:
            record_role(person=person, title=entity.title or entity.role, organization=organization)
        if entity.short_only:
            note = _("Only the short name “%(name)s” is given: add the full name.") % {"name": name}
        return person, note

    def short_name_note(self, finding, person):
        """Say so when the database knows others by the short name the story used."""
        written = split_honorific(finding.written)[1]
        if not written or len(written.split()) != 1 or finding.how != "name":
            return ""
        others = [
            other.public_name
            for other in people_with_short_name(written, among=self.among)
            if other.pk != person.pk
        ]
        if not others:
            return ""
        return _(
            "%(others)s in the database is also called %(name)s; this story names "
            "%(person)s: check."
        ) % {"others": ", ".join(others[:3]), "name": written, "person": person.public_name}


def note_confirmation(quote, *, user):
    """Mark ``quote`` (not saved) confirmed by ``user``, now: a person checked who said it."""
    quote.is_confirmed = True
    quote.confirmed_by, quote.confirmed_at = user, timezone.now()


def record_quotes(*, article, user=None):
    """
    ``attribute_quotes``, in a way that never fails the caller (an import, an
    admin action): the finder reads prose it was not written for (archives,
    test posts, other newsrooms' styles). When it fails, the quotes are
    recorded without a speaker, each with a note saying why, and the error
    goes to the site's log. Return ``(quotes, note)``: the quotes written, and
    a note for the person who asked when the finder failed (else "").
    """
    try:
        with transaction.atomic():
            return attribute_quotes(article=article, user=user), ""
    except Exception:
        # Whatever the finder trips on, the story is worth more than its
        # attribution: log it for the site's administrator and go on.
        logger.exception("The quote finder failed on story %s (%s).", article.pk, article)
    note = _(
        "The quote finder could not attribute this story's quotes: they are recorded "
        "without a speaker. Say who said each."
    )
    try:
        with transaction.atomic():
            return record_unattributed_quotes(article=article, note=note), note
    except Exception:
        logger.exception("Could not record the quotes of story %s (%s).", article.pk, article)
    return [], _(
        "The quote finder could not read this story: no quotes are recorded. Add them by hand."
    )


@transaction.atomic
def attribute_quotes(*, article, user=None):
    """
    Find every direct quote in ``article``'s body and record it as a Quote,
    unconfirmed, attributed to its speaker with a confidence. Speakers are
    matched among the people ``user`` may know by name (``known_to``): for a
    journalist, a protected source is a stranger. Return the quotes written
    (created or updated), in reading order.
    """
    among = Person.objects.known_to(user)
    findings = attribution.analyze(story_paragraphs(article.body), DatabaseDirectory(among))
    existing = list(article.quotes.select_for_update().order_by("position"))
    by_text = {}
    for quote in existing:
        by_text.setdefault(normalize(quote.text).casefold(), quote)
    next_position = max((quote.position for quote in existing), default=0) + 1
    speakers = Speakers(article, among)
    written, seen = [], set()
    for finding in findings:
        quote = by_text.pop(normalize(finding.text).casefold(), None)
        if quote is not None:
            seen.add(quote.pk)
            if quote.is_confirmed or quote.confidence is None:
                continue
        else:
            quote = Quote(article=article, position=next_position)
            next_position += 1
        fill_quote(quote, finding, speakers)
        quote.full_clean(exclude=["article"])
        quote.save()
        written.append(quote)
    stale = article.quotes.exclude(pk__in=seen | {quote.pk for quote in written})
    stale.filter(
        confidence__isnull=False, is_confirmed=False, is_pull_quote=False, provenance_note=""
    ).delete()
    article.people.add(*{quote.speaker_id for quote in written if quote.speaker_id})
    article.organizations.add(*speakers.organizations)
    return written


def fill_quote(quote, finding, speakers):
    """Give ``quote`` the words, paragraph, speaker, role, confidence and note of ``finding``."""
    quote.text = finding.text
    quote.paragraph = finding.paragraph
    quote.is_confirmed = False
    notes = [finding.note] if finding.note else []
    entity = finding.entity
    if entity is None:
        quote.speaker = None
        quote.anonymous_description = UNIDENTIFIED
        quote.speaker_role = ""
    elif entity.name:
        person, note = speakers.identify(entity)
        notes += [note, speakers.short_name_note(finding, person)]
        quote.speaker = person
        quote.anonymous_description = ""
        quote.speaker_role = entity.role[: Quote._meta.get_field("speaker_role").max_length]
    else:
        quote.speaker = None
        quote.anonymous_description = entity.description[
            : Quote._meta.get_field("anonymous_description").max_length
        ]
        quote.speaker_role = ""
    confidence = finding.confidence
    if entity is not None and entity.short_only:
        confidence = min(confidence, attribution.UNKNOWN_SHORT_NAME)
    quote.confidence = confidence
    quote.attribution_note = " ".join(note for note in notes if note)[
        : Quote._meta.get_field("attribution_note").max_length
    ]


@transaction.atomic
def record_unattributed_quotes(*, article, note):
    """
    Record ``article``'s direct quotes without a speaker, each with ``note``
    (why no speaker was found), for a journalist to attribute by hand: what
    is left when the finder cannot read the story. Quotes already recorded
    are left as they are. Return the quotes written, in reading order.
    """
    existing = list(article.quotes.select_for_update())
    known = {normalize(quote.text).casefold() for quote in existing}
    position = max((quote.position for quote in existing), default=0) + 1
    written = []
    for paragraph, text in enumerate(story_paragraphs(article.body), start=1):
        for words, _closed in attribution.find_quote_spans(text)[1]:
            words = attribution.clean_quote(words)
            key = normalize(words).casefold()
            if not words or key in known:
                continue
            known.add(key)
            quote = Quote(
                article=article,
                position=position,
                text=words,
                paragraph=paragraph,
                anonymous_description=UNIDENTIFIED,
                confidence=0,
                attribution_note=note[: Quote._meta.get_field("attribution_note").max_length],
            )
            quote.full_clean(exclude=["article"])
            quote.save()
            written.append(quote)
            position += 1
    return written
