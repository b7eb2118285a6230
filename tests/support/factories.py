"""Plain factory functions: each builds one valid object, overridable by keyword."""

import datetime
import importlib
import io
import itertools

from django.contrib.auth.models import Group, Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Q
from django.utils import timezone
from PIL import Image

from articles.models import Article, ArticlePhoto, Byline, Correction, Section, Topic
from importing.models import PhotoNeeded
from media.services import create_photograph
from people.models import Affiliation, Organization, Person, PersonAlias
from quotes.models import Quote

_numbers = itertools.count(1)


def unique(prefix):
    return f"{prefix} {next(_numbers)}"


def make_user(username=None, *, role=None, password="correct horse battery", **fields):  # noqa: S107
    """A user; ``role`` is "Editors" or "Journalists" (staff), or None."""
    username = username or unique("user").replace(" ", "")
    fields.setdefault("is_staff", role is not None or fields.get("is_superuser", False))
    user = User.objects.create_user(username=username, password=password, **fields)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def make_person(name=None, **fields):
    name = name or unique("Ny Sokha")
    fields.setdefault("short_name", name.split()[-1])
    return Person.objects.create(name=name, **fields)


def make_organization(name=None, **fields):
    return Organization.objects.create(name=name or unique("Cambodian Institute"), **fields)


def make_affiliation(person, organization, title="president", **fields):
    return Affiliation.objects.create(
        person=person, organization=organization, title=title, **fields
    )


def image_bytes(format="JPEG", size=(64, 48), color=(200, 120, 40), **save_options):
    image = Image.new("RGB", size, color)
    output = io.BytesIO()
    image.save(output, format=format, **save_options)
    return output.getvalue()


def image_upload(name="photo.jpg", format="JPEG", **options):
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}[format]
    return SimpleUploadedFile(name, image_bytes(format, **options), content_type=content_type)


def make_photograph(**fields):
    fields.setdefault("caption", "Ny Sokha speaks during an interview in Phnom Penh, July 7, 2021.")
    fields.setdefault("alt_text", "A woman speaks into a microphone in a meeting room.")
    fields.setdefault("credit_agency", "CamboJA")
    image = fields.pop("image", None) or image_upload()
    return create_photograph(image=image, **fields)


def make_section(name=None, **fields):
    name = name or unique("Politics")
    fields.setdefault("slug", name.lower().replace(" ", "-"))
    return Section.objects.create(name=name, **fields)


def make_topic(name=None, **fields):
    name = name or unique("Land rights")
    fields.setdefault("slug", name.lower().replace(" ", "-"))
    return Topic.objects.create(name=name, **fields)


def approving_editor():
    """The editor a factory story is approved by when a test names none."""
    user = User.objects.filter(username="factory-editor").first()
    return user or make_user("factory-editor", role="Editors")


def make_article(headline=None, *, bylines=(), **fields):
    """
    A story. An approved or published one is approved by ``approved_by``
    (default: a factory editor), as the database requires.
    """
    if fields.get("status") in {"approved", "published"}:
        if "approved_by" not in fields:
            fields["approved_by"] = approving_editor()
        fields.setdefault("approved_at", fields.get("published_at") or timezone.now())
    fields.setdefault("standfirst", "A standfirst that says why the story matters.")
    fields.setdefault("body", "Ny Sokha said the reform was overdue.\n\nShe spoke on Monday.")
    fields.setdefault("dateline", "Phnom Penh")
    article = Article.objects.create(headline=headline or unique("Court hears land case"), **fields)
    for position, person in enumerate(bylines):
        Byline.objects.create(article=article, person=person, position=position)
    return article


def make_published_article(headline=None, *, bylines=(), **fields):
    """A story readers can see: published an hour ago unless ``published_at`` is given."""
    fields.setdefault("published_at", timezone.now() - datetime.timedelta(hours=1))
    fields.setdefault("status", Article.Status.PUBLISHED)
    return make_article(headline, bylines=bylines, **fields)


def make_quote(article, *, speaker=None, position=None, **fields):
    fields.setdefault("text", "We will not give up our land")
    if speaker is None and "anonymous_description" not in fields:
        speaker = make_person()
    if position is None:
        position = article.quotes.count() + 1
    return Quote.objects.create(article=article, speaker=speaker, position=position, **fields)


def place_photo(article, photograph, position=None):
    if position is None:
        position = article.placed_photos.count() + 1
    return ArticlePhoto.objects.create(article=article, photograph=photograph, position=position)


def make_correction(article, **fields):
    fields.setdefault("text", "An earlier version misspelt Ny Sokha's name.")
    return Correction.objects.create(article=article, **fields)


def make_alias(person, name=None):
    return PersonAlias.objects.create(person=person, name=name or unique("Sokha Ny"))


def make_journalist(username=None, *, name=None, **fields):
    """A login in the Journalists group, linked to the person their byline names."""
    user = make_user(username, role="Journalists", **fields)
    make_person(name or unique("Sok Chan"), user=user)
    return user


def make_ready_article(headline=None, *, bylines=(), **fields):
    """
    A story the approval checklist passes: standfirst, body, a byline, a
    section and a lead photo with alt text and credit.
    """
    fields.setdefault("section", make_section())
    fields.setdefault("lead_photo", make_photograph())
    return make_article(headline, bylines=bylines or [make_person()], **fields)


def make_photo_needed(article, *, position=None, lead=False, **fields):
    """A photo an imported story waits for: in the body, or its lead photo with ``lead``."""
    fields.setdefault("caption", "Ny Sokha speaks outside the court in Phnom Penh, July 8, 2021.")
    fields.setdefault("credit_agency", "CamboJA")
    if position is None and not lead:
        position = article.placed_photos.count() + article.photos_needed.count() + 1
    return PhotoNeeded.objects.create(article=article, position=position, **fields)


# The roles as the migrations left the test database (``remember_roles``).
ROLES_AS_MIGRATED = {}


def remember_roles():
    """Note each role's permissions as the migrations made them, for ``restore_roles``."""
    ROLES_AS_MIGRATED.clear()
    for group in Group.objects.prefetch_related("permissions__content_type"):
        ROLES_AS_MIGRATED[group.name] = [
            (permission.content_type.app_label, permission.codename)
            for permission in group.permissions.all()
        ]


def restore_roles(*, as_of=None):
    """
    The Editors and Journalists groups as the migrations left them: as noted
    when the test database was made (``remember_roles``), or replayed from the
    data migrations as they stood at the migration nodes ``as_of``. A
    live-server or transaction test ends by emptying the database, taking the
    migrations' rows with it.
    """
    if as_of is None and ROLES_AS_MIGRATED:
        for name, grants in ROLES_AS_MIGRATED.items():
            group, _created = Group.objects.get_or_create(name=name)
            wanted = Q(pk__in=[])
            for app_label, codename in grants:
                wanted |= Q(content_type__app_label=app_label, codename=codename)
            group.permissions.set(Permission.objects.filter(wanted))
        return
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(connection)
    state = loader.project_state(as_of).apps
    for app_label, name, function in [
        ("articles", "0003_newsroom_roles", "create_roles"),
        ("articles", "0006_workflow_roles", "grant"),
        ("articles", "0011_photo_desk_roles_and_share_links", "grant"),
        ("workflow", "0003_roles_after_the_move", "grant"),
    ]:
        if as_of is not None and not any(
            (app_label, name) in loader.graph.forwards_plan(node) for node in as_of
        ):
            continue
        module = importlib.import_module(f"{app_label}.migrations.{name}")
        getattr(module, function)(state, None)
