"""
Who may do what to a story: editors see and edit every story and move it
through review; a journalist sees the stories they have a byline on and edits
them while they are drafts (or approved and scheduled ones, which sends them
back to review), and submits them. ``MOVES`` says which move starts from which
state and whose it is.
"""

from django.utils.translation import gettext as _

from articles.models import Article, Byline
from articles.models import ArticleStatus as Status

EDITORS_GROUP = "Editors"
JOURNALISTS_GROUP = "Journalists"
PUBLISH_PERMISSION = "articles.publish_article"


def is_editor(user):
    """Editors (and superusers) see and edit every story and move it through review."""
    return user.is_active and user.has_perm(PUBLISH_PERMISSION)


def visible_articles(user, queryset=None):
    """
    The stories ``user`` may open in the workspace: every story for an
    editor; for a journalist, the stories they have a byline on.
    """
    queryset = Article.objects.all() if queryset is None else queryset
    if not (user.is_active and user.is_staff):
        return queryset.none()
    if is_editor(user):
        return queryset
    return queryset.filter(pk__in=Byline.objects.filter(person__user=user).values("article"))


def is_author(user, article):
    """
    Whether ``user`` has a byline on ``article``. Remembered on the article
    for each user: one page asks it many times (each inline's permissions,
    each move), and a page loads its story once.
    """
    known = article.__dict__.setdefault("_authors_known", {})
    if user.pk not in known:
        known[user.pk] = Byline.objects.filter(article=article, person__user=user).exists()
    return known[user.pk]


def can_view(user, article):
    if not (user.is_active and user.is_staff and user.has_perm("articles.view_article")):
        return False
    return is_editor(user) or is_author(user, article)


def journalist_may_edit(article, *, now=None):
    """
    A journalist edits a draft, or an approved or scheduled story (which sends
    it back to review); never a story in review or one readers have seen.
    """
    return article.status in {
        Status.DRAFT,
        Status.APPROVED,
    } or article.is_scheduled(now=now)


def can_edit(user, article, *, now=None):
    if not (user.is_active and user.is_staff and user.has_perm("articles.change_article")):
        return False
    if is_editor(user):
        return True
    return journalist_may_edit(article, now=now) and is_author(user, article)


def can_create(user):
    """Editors create stories; a journalist needs a person to put on the byline."""
    if not (user.is_active and user.has_perm("articles.add_article")):
        return False
    return is_editor(user) or staff_person(user) is not None


def staff_person(user):
    """
    The person a journalist's login belongs to (their byline), or None: the
    login's one-to-one ``person``, which Django keeps on the user once read.
    """
    return getattr(user, "person", None) if user.is_authenticated else None


def editable_articles(user, queryset=None):
    """The stories ``user`` may change now: ``can_edit`` as a queryset."""
    queryset = visible_articles(user, queryset)
    if not user.has_perm("articles.change_article"):
        return queryset.none()
    if is_editor(user):
        return queryset
    return queryset.filter(status__in=[Status.DRAFT, Status.APPROVED]) | queryset.scheduled()


# Where an editor may send a story back, publish or schedule it from: anywhere
# but a draft (its authors' to submit) and a story already live.
EDITORS_DESK = frozenset({Status.IN_REVIEW, Status.APPROVED, Status.UNPUBLISHED, "scheduled"})

# What each move needs: the states it starts from, and whether an editor makes it.
MOVES = {
    "submit": {"from": {Status.DRAFT}, "editor": False},
    "return": {"from": EDITORS_DESK, "editor": True},
    "approve": {"from": {Status.IN_REVIEW}, "editor": True},
    "publish": {"from": EDITORS_DESK, "editor": True},
    "schedule": {"from": EDITORS_DESK, "editor": True},
    "unpublish": {"from": {Status.PUBLISHED, "scheduled"}, "editor": True},
}


# The moves an editor makes on a draft of their own in one step, submitting it as well.
ONE_STEP = frozenset({"approve", "publish", "schedule"})


def is_own_draft(user, article):
    """
    Whether ``article`` is a draft ``user`` may approve without review: an
    editor's, with no byline of anyone else who signs in (whose decision to
    submit it would be skipped).
    """
    if article.status != Status.DRAFT or not is_editor(user):
        return False
    others = Byline.objects.filter(article=article, person__user__isnull=False).exclude(
        person__user=user
    )
    return not others.exists()


def starts_from(user, article, move, *, now=None):
    """Whether ``move`` starts from ``article``'s present state, for ``user``."""
    state = state_of(article, now=now)
    if state in MOVES[move]["from"]:
        return True
    return move in ONE_STEP and state == Status.DRAFT and is_own_draft(user, article)


def state_of(article, *, now=None):
    """The article's status, with "scheduled" for a published story not yet live."""
    return "scheduled" if article.is_scheduled(now=now) else article.status


def may_move(user, article, move):
    """Whether ``user``'s role allows ``move`` on ``article`` (its state aside)."""
    if not user.is_active:
        return False
    if MOVES[move]["editor"]:
        return is_editor(user)
    return is_editor(user) or (
        user.has_perm("articles.change_article") and is_author(user, article)
    )


def available_moves(user, article, *, now=None):
    """The moves ``user`` can make on ``article`` now, in the order buttons show them."""
    return [
        move
        for move in MOVES
        if may_move(user, article, move) and starts_from(user, article, move, now=now)
    ]


def display_name(user):
    if user is None:
        return _("someone")
    person = getattr(user, "person", None)
    return person.name if person else (user.get_full_name() or user.get_username())
