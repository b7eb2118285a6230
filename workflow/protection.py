"""
Where published stories, the photos readers see and public profiles still
name a protected source, and taking those pages down
(``people.protection.register_places``, connected by ``ArticlesConfig``).

A story names someone in its headline, standfirst, body, corrections,
quotes (a pull quote's words, another speaker's role, an anonymous
description) and the live updates readers see; a photograph in its caption,
alt text, credit or place. Both languages are one archive: a Khmer story is
searched for the Khmer name like an English one for the Latin name.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, Value
from django.db.models.functions import Replace
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.models import Article, Correction, LiveUpdate
from media.models import Photograph
from media.services import withdraw_photograph
from people.protection import Place, names_in
from quotes.models import Quote

from . import roles, services

STORY_FIELDS = [
    "headline",
    "standfirst",
    "body",
    "corrections__text",
    "quotes__text",
    "quotes__speaker_role",
    "quotes__anonymous_description",
    "live_updates__title",
    "live_updates__body",
]
PHOTO_FIELDS = {
    "caption": gettext_lazy("caption"),
    "alt_text": gettext_lazy("alt text"),
    "credit_agency": gettext_lazy("credit"),
    "place": gettext_lazy("place"),
}


def containing(fields, forms):
    """Rows whose ``fields`` hold one of ``forms`` (a first, wide pass: ``names_in`` decides)."""
    condition = Q()
    for field in fields:
        for form in forms:
            condition |= Q(**{f"{field}__icontains": form})
    return condition


def place_for(kind, key, title, texts, forms, public_url, admin_url, can_take_down=True):
    where, names = [], []
    for label, text in texts:
        found = names_in(text or "", forms)
        if found:
            where.append(str(label))
            names += [name for name in found if name not in names]
    if not names:
        return None
    return Place(
        kind=kind,
        key=key,
        title=title,
        where=list(dict.fromkeys(where)),
        names=names,
        public_url=public_url,
        admin_url=admin_url,
        can_take_down=can_take_down,
    )


def find(person, forms):
    """The public places naming ``person`` in any of ``forms``."""
    published = Article.objects.published()
    places = []
    stories = (
        published.filter(containing(STORY_FIELDS, forms))
        .distinct()
        .prefetch_related(
            "corrections", "quotes", Prefetch("live_updates", LiveUpdate.objects.shown())
        )
        .order_by("-published_at", "-pk")
    )
    for story in stories:
        texts = story.public_texts() + [
            (_("live update"), text)
            for update in story.live_updates.all()
            for text in (update.title, update.body)
        ]
        place = place_for(
            "story",
            f"story:{story.pk}",
            story.headline,
            texts,
            forms,
            story.get_absolute_url(),
            reverse("admin:articles_article_change", args=[story.pk]),
        )
        if place:
            places.append(place)
    public_people = published.people()
    shown = Photograph.objects.public().filter(
        Q(pk__in=published.photographs().values("pk"))
        | Q(portrait_of__in=public_people.values("pk"))
    )
    for photograph in shown.filter(containing(PHOTO_FIELDS, forms)).distinct():
        place = place_for(
            "photograph",
            f"photograph:{photograph.pk}",
            photograph.caption,
            [(label, getattr(photograph, field)) for field, label in PHOTO_FIELDS.items()],
            forms,
            reverse("reader:photo_detail", args=[photograph.pk]),
            reverse("admin:media_photograph_change", args=[photograph.pk]),
        )
        if place:
            places.append(place)
    # Text on other profiles is edited, not taken down.
    for other in public_people.exclude(pk=person.pk).filter(containing(["bio"], forms)):
        place = place_for(
            "profile",
            f"profile:{other.pk}",
            other.name,
            [(_("biography"), other.bio)],
            forms,
            reverse("reader:person_detail", args=[other.slug]),
            reverse("admin:people_person_change", args=[other.pk]),
            can_take_down=False,
        )
        if place:
            places.append(place)
    for organization in published.organizations().filter(
        containing(["name", "description"], forms)
    ):
        place = place_for(
            "organization",
            f"organization:{organization.pk}",
            organization.name,
            [(_("name"), organization.name), (_("description"), organization.description)],
            forms,
            reverse("reader:organization_detail", args=[organization.slug]),
            reverse("admin:people_organization_change", args=[organization.pk]),
            can_take_down=False,
        )
        if place:
            places.append(place)
    return places


def take_down(places, person, editor):
    """Unpublish the stories and withdraw the photographs among ``places``."""
    if not roles.is_editor(editor):
        raise PermissionDenied
    done = 0
    for place in places:
        kind, pk = place.key.split(":")
        if kind == "story":
            article = Article.objects.get(pk=pk)
            if article.status == Article.Status.PUBLISHED:
                services.unpublish(
                    article=article,
                    editor=editor,
                    note=_(
                        "Taken off the site to protect a source it names. Remove or replace "
                        "the name, then publish it again."
                    ),
                )
                done += 1
        elif kind == "photograph":
            withdraw_photograph(photograph=Photograph.objects.get(pk=pk), user=editor)
            done += 1
    return done


def forget_names_in_notes(*, person, **kwargs):
    """
    What the newsroom's tools wrote with the name before protection carries
    the label now: a correction's "previously attributed to", and the
    attribution notes quote-finding left for journalists to check.
    """
    forms = {person.name, person.name_km, *person.aliases.values_list("name", flat=True)}
    for name in sorted((form for form in forms if len(form.strip()) > 2), key=len, reverse=True):
        Correction.objects.filter(previous_attribution__contains=name).update(
            previous_attribution=Replace(
                "previous_attribution", Value(name), Value(person.public_label)
            )
        )
        Quote.objects.filter(attribution_note__contains=name).update(
            attribution_note=Replace("attribution_note", Value(name), Value(person.public_label))
        )
