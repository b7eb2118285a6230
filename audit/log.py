"""
``record``: the one way a row enters the audit log, from a view, a service,
a command or a signal receiver.

    record(Action.SOURCE_PROTECTED, actor=editor, target=person)
    record("signed_in", request=request)   # the actor is request.user
    record("role_changed", target=user)    # the actor: whoever's request this is

A receiver of a model signal knows no request: ``AuditMiddleware`` keeps the
request being answered, and ``record`` names its signed-in user as the actor
when it is given neither. Outside a request (a command, the shell) the actor
is left empty.

What is written of the target is ``str(target)``: for a protected source
that is their public label (``people.Person.__str__``), never their name.
"""

import contextvars

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from .models import Action, Entry

TARGET_LENGTH = Entry._meta.get_field("target").max_length
DETAIL_LENGTH = Entry._meta.get_field("detail").max_length

# The request being answered in this thread or task (AuditMiddleware).
current_request = contextvars.ContextVar("audit_current_request", default=None)


def record(action, *, actor=None, request=None, target=None, detail="", target_name=None):
    """
    Write one entry: ``action`` (an ``Action`` or its value) done by
    ``actor`` (a user; by default the signed-in user of ``request``, or of
    the request being answered) to ``target`` (a model instance, or text
    naming it), with a short ``detail``. ``target_name`` is written instead
    of ``str(target)`` where that could say more than the entry may keep.
    An unknown action is a programming error: ValueError.
    """
    action = Action(action)
    request = request if request is not None else current_request.get()
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            actor = user
    entry = Entry(action=action, detail=" ".join(str(detail).split())[:DETAIL_LENGTH])
    if actor is not None:
        entry.actor = actor
        entry.actor_name = actor.get_username()
    if target is not None and hasattr(target, "_meta"):
        entry.target_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
        entry.target_id = str(target.pk)
    if target is not None or target_name is not None:
        entry.target = str(target if target_name is None else target_name)[:TARGET_LENGTH]
    entry.save()
    return entry


def about(target, *actions):
    """The entries about ``target`` (a model instance), newest first, of ``actions`` if named."""
    entries = Entry.objects.filter(
        target_type=ContentType.objects.get_for_model(target, for_concrete_model=False),
        target_id=str(target.pk),
    )
    if actions:
        entries = entries.filter(action__in=actions)
    return entries.select_related("actor")


def may_read(user):
    """Who reads the whole log: administrators (superusers, or those given the view permission)."""
    return user.is_active and user.is_staff and user.has_perm("audit.view_entry")


# What ``entries_since`` keeps of an entry: its own columns, and its actor and
# kind of target by name, which mean the same in another copy of the database.
CARRIED = (
    "when",
    "action",
    "actor_name",
    "target_type__app_label",
    "target_type__model",
    "target_id",
    "target",
    "detail",
)


def entries_since(moment):
    """
    The entries written after ``moment``, as plain values that outlive this
    database being replaced (a restore puts them back with ``put_back``).
    """
    if Entry._meta.db_table not in connection.introspection.table_names():
        return []
    return list(Entry.objects.filter(when__gt=moment).order_by("when", "pk").values(*CARRIED))


def put_back(entries):
    """
    Write ``entries`` (from ``entries_since``) into this database. The actor
    is the user of the same username here, if there is one (their name stays
    either way); a kind of target this database lacks is left empty.
    """
    names = {entry["actor_name"] for entry in entries if entry["actor_name"]}
    users = get_user_model().objects.in_bulk(names, field_name="username") if names else {}
    kinds = {}
    for entry in entries:
        kind = (entry["target_type__app_label"], entry["target_type__model"])
        if kind[0] and kind not in kinds:
            kinds[kind] = ContentType.objects.filter(app_label=kind[0], model=kind[1]).first()
    Entry.objects.bulk_create(
        Entry(
            when=entry["when"],
            action=entry["action"],
            actor=users.get(entry["actor_name"]),
            actor_name=entry["actor_name"],
            target_type=kinds.get((entry["target_type__app_label"], entry["target_type__model"])),
            target_id=entry["target_id"],
            target=entry["target"],
            detail=entry["detail"],
        )
        for entry in entries
    )
