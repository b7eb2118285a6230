"""
Marking someone a protected source, and finding where the public site still
names them.

The promise to a source who asked not to be named: once an editor marks them
protected, no reader, and no staff member without the right to see
identities, learns who they are from anything the newsroom serves. What the
site makes from the record (profile, bylines, credits, quote attributions,
structured data, feeds, search, choice lists) follows at once, since every
public surface prints ``Person.public_name`` and lists public people only.
Text people wrote (a headline, a story's body, a caption) cannot follow by
itself: ``places_naming`` lists each public place that still names them, and
``take_down`` takes the chosen ones off the site until they are edited.

The apps that show stories and photos sit above this one and plug in with
``register_places``; they hear ``source_protected`` (``people.signals``) to
do their part at once (the portrait is withdrawn, page and file).
"""

import dataclasses
import json

from django.contrib.admin.models import LogEntry
from django.db import transaction
from django.db.models import Q
from django.views.decorators.debug import sensitive_variables

from audit.log import about, record
from audit.models import Action

from .identity import Redactor, form_pattern
from .services import record_former_slug
from .signals import source_protected
from .slugs import free_slug

# Shorter forms ("Ny", "Om") would find every story: they are not looked for.
SHORTEST_FORM = 3
OBJECT_REPR_LENGTH = LogEntry._meta.get_field("object_repr").max_length


@dataclasses.dataclass
class Place:
    """A public place where a protected source's name still appears."""

    kind: str  # "story", "photograph", "profile", "organization"
    key: str  # unique among places: what the take-down form posts ("story:12")
    title: str  # the headline, caption or name, for the editor
    where: list  # the fields that name them ("body", "caption")
    names: list  # the forms of their name found there
    public_url: str
    admin_url: str
    can_take_down: bool = True


# (find, take_down) pairs: ``find(person, forms)`` returns Places;
# ``take_down(places, person, editor)`` takes those places off the site.
SURFACES = []


def register_places(*, find, take_down):
    SURFACES.append((find, take_down))


def name_forms(person):
    """
    Every form of ``person``'s name a text could carry: the name, the Khmer
    name, the short name and the aliases, longest first.
    """
    forms = {person.name, person.name_km, person.short_name}
    if person.pk is not None:
        forms.update(person.aliases.values_list("name", flat=True))
    forms = {" ".join(form.split()) for form in forms}
    return sorted((form for form in forms if len(form) >= SHORTEST_FORM), key=len, reverse=True)


def names_in(text, forms):
    """
    The forms found in ``text``, by the one rule every search for a protected
    source's name follows (``identity.name_pattern``): as whole words for
    Latin script (“Dara” is not in “Daravuth”), anywhere for Khmer, which is
    written without spaces.
    """
    return [form for form in forms if form_pattern(form).search(text)]


def places_naming(person):
    """Every public place where ``person``'s name, in any form, still appears."""
    forms = name_forms(person)
    if not forms:
        return []
    return [place for find, _take_down in SURFACES for place in find(person, forms)]


def take_down(*, person, editor, keys):
    """
    Take the places named by ``keys`` (``Place.key``) off the public site
    until an editor edits them: stories are unpublished, photographs
    withdrawn. Return how many were taken down.
    """
    keys = set(keys)
    done = 0
    with transaction.atomic():
        for find, take_down_places in SURFACES:
            chosen = [
                place
                for place in find(person, name_forms(person))
                if place.key in keys and place.can_take_down
            ]
            if chosen:
                done += take_down_places(chosen, person, editor)
    return done


@transaction.atomic
def protect(*, person, editor):
    """
    What changes at once when ``person`` has become a protected source: their
    profile address no longer spells their name, the workspace history
    written before carries their label, and the apps above (stories, photos)
    do their part, such as withdrawing the portrait (``source_protected``).
    """
    if not person.slug.startswith("source"):
        old_slug = person.slug
        person.slug = free_slug(person, "source", max_length=200)
        person.save(update_fields=["slug", "updated_at"])
        # Should the protection end, their old address leads to them again.
        record_former_slug(person=person, slug=old_slug)
    forget_names_in_history(person)
    record(Action.SOURCE_PROTECTED, actor=editor, target=person)
    source_protected.send(sender=type(person), person=person, editor=editor)


def unprotect(*, person, editor):
    """``person`` is no longer a protected source: their name is public again."""
    # By the label they had: the entry outlives this decision, and they may
    # be protected again.
    record(
        Action.SOURCE_UNPROTECTED,
        actor=editor,
        target=person,
        target_name=person.public_label or f"protected source {person.pk}",
    )


def identity_viewed(*, person, request):
    """
    Someone who may see it opened a protected source's whole record (their
    names, contacts and notes): written down, for the editors to see who looked.
    """
    record(Action.IDENTITY_VIEWED, request=request, target=person)


def who_looked(person, *, limit=20):
    """The latest times someone opened ``person``'s protected identity, newest first."""
    return list(about(person, Action.IDENTITY_VIEWED)[:limit])


@sensitive_variables()
def forget_names_in_history(person):
    """
    Once a person becomes a protected source, the workspace history written
    before (admin LogEntry rows, shown in "History" and "Recent actions")
    carries their public label instead of their names, found as
    ``identity.name_pattern`` finds them: another person's name that merely
    begins like theirs ("Ny Sokha" for "Ny Sok") is left as written.
    """
    redactor = Redactor(people=[person])
    if redactor.pattern is None:
        return
    # A first, wide pass in the database; the pattern decides. The change
    # message is JSON: Khmer letters are stored as \u escapes there.
    candidates = Q()
    for form, _label in redactor.forms.values():
        candidates |= Q(object_repr__icontains=form) | Q(change_message__icontains=form)
        escaped = json.dumps(form)[1:-1]
        if escaped != form:
            candidates |= Q(change_message__icontains=escaped)
    entries = LogEntry.objects.filter(candidates).only("object_repr", "change_message")
    for entry in list(entries):
        object_repr = redactor.text(entry.object_repr)[:OBJECT_REPR_LENGTH]
        change_message = _redacted_message(entry.change_message, redactor)
        if (object_repr, change_message) != (entry.object_repr, entry.change_message):
            LogEntry.objects.filter(pk=entry.pk).update(
                object_repr=object_repr, change_message=change_message
            )


def _redacted_message(message, redactor):
    """A LogEntry's change message with ``redactor``'s names replaced: JSON, or plain text."""
    try:
        parsed = json.loads(message)
    except ValueError:
        return redactor.text(message)
    if not isinstance(parsed, list):
        return redactor.text(message)
    redacted = _redacted_json(parsed, redactor)
    return message if redacted == parsed else json.dumps(redacted)


def _redacted_json(value, redactor):
    if isinstance(value, str):
        return redactor.text(value)
    if isinstance(value, list):
        return [_redacted_json(item, redactor) for item in value]
    if isinstance(value, dict):
        return {key: _redacted_json(item, redactor) for key, item in value.items()}
    return value
