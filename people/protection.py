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
import re

from django.contrib.admin.models import LogEntry
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Replace
from django.views.decorators.debug import sensitive_variables

from .names import is_khmer
from .services import record_former_slug
from .signals import source_protected
from .slugs import free_slug

# Shorter forms ("Ny", "Om") would find every story: they are not looked for.
SHORTEST_FORM = 3


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
    The forms found in ``text``: as whole words for Latin script (“Dara” is not
    in “Daravuth”), anywhere for Khmer, which is written without spaces.
    """
    found = []
    for form in forms:
        if is_khmer(form):
            present = form in text
        else:
            pattern = rf"(?<!\w){re.escape(form)}(?!\w)"
            present = re.search(pattern, text, flags=re.IGNORECASE) is not None
        if present:
            found.append(form)
    return found


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
    source_protected.send(sender=type(person), person=person, editor=editor)


@sensitive_variables("names")
def forget_names_in_history(person):
    """
    Once a person becomes a protected source, the workspace history written
    before (admin LogEntry rows, shown in "History" and "Recent actions")
    carries their public label instead of their names.
    """
    names = {person.name, person.name_km, *person.aliases.values_list("name", flat=True)}
    names = sorted((name for name in names if len(name.strip()) > 2), key=len, reverse=True)
    for name in names:
        LogEntry.objects.filter(object_repr__contains=name).update(
            object_repr=Replace("object_repr", Value(name), Value(person.public_label))
        )
        # The change message is JSON: Khmer letters are stored as \u escapes there.
        for written, label in {
            (name, person.public_label),
            (json.dumps(name)[1:-1], json.dumps(person.public_label)[1:-1]),
        }:
            LogEntry.objects.filter(change_message__contains=written).update(
                change_message=Replace("change_message", Value(written), Value(label))
            )
