"""
What importing a story again may change, for every importer.

A story someone moved in the workspace since it was imported (sent for
review, approved, published, taken down: any workflow step) keeps the status
the workspace gave it. Changing a story the workspace approved or published
changes what readers see, so only an editor's import may; the change is
then recorded as an editor's edit (``workflow.editing.record_edit``), which
approves the new text. A journalist's import may change only the stories
they may edit in the workspace.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from workflow.editing import record_edit
from workflow.roles import can_edit, is_editor

ON_THE_SITE = {Article.Status.APPROVED, Article.Status.PUBLISHED}


class IfImported(models.TextChoices):
    """What to do with a story imported before, when it comes in again."""

    SKIP = "skip", _("skip it: leave the story as it is")
    UPDATE = "update", _("update it with the new text")


def moved_in_workspace(article):
    """Whether someone moved the story in the workspace (the import records no workflow step)."""
    return article.transitions.exists()


def workspace_keeps_status(article, *, withheld=False):
    """
    Whether an import again leaves the story's status as the workspace has
    it: someone moved it there since, and the source did not withhold it
    from readers (``withheld``: made private or protected) while it is on
    the site, where the source no longer shows it.
    """
    if not moved_in_workspace(article):
        return False
    return not withheld or article.status not in ON_THE_SITE


def approved_in_workspace(articles):
    """The stories of ``articles`` the workspace approved or published: an editor changes them."""
    return articles.filter(status__in=ON_THE_SITE, transitions__isnull=False).distinct()


def may_update(article, user):
    """
    Whether an import by ``user`` (None: the system, a command without a
    login) may change ``article``: an approved or published story only by an
    editor, any other by whoever may edit it in the workspace.
    """
    if article.status in ON_THE_SITE:
        return user is not None and is_editor(user)
    return user is None or can_edit(user, article)


def record_update(*, article, user, note):
    """After an import changed ``article``: its revision, and an honest approval."""
    return record_edit(article=article, user=user, note=note)
