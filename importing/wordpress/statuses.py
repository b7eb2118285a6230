"""
The status a WordPress post's story takes.

Published and scheduled posts become published stories, drafts drafts,
pending posts stories in review; other posts (trashed, auto-drafts) are not
imported. A private or password-protected post becomes a draft whatever its
status: a story already published from it leaves the site when the export is
imported again, and the revision note says why.
"""

from django.utils.translation import gettext as _

from articles.models import Article

STATUSES = {
    "publish": Article.Status.PUBLISHED,
    "future": Article.Status.PUBLISHED,
    "draft": Article.Status.DRAFT,
    "pending": Article.Status.IN_REVIEW,
    "private": Article.Status.DRAFT,
}
PRIVATE = "private"
PROTECTED = "password-protected"


def withheld_reason(item):
    """
    Why readers of the old site could not read the post freely:
    ``PRIVATE``, ``PROTECTED``, or None when they could.
    """
    if item.status == "private":
        return PRIVATE
    if item.protected:
        return PROTECTED
    return None


def story_status(item):
    """
    The status of the story a post becomes, or None for a post that is not
    imported (trashed, auto-draft). A private or password-protected post is
    a draft whatever its status there: it was never public, and a draft is
    shown to no reader until an editor decides.
    """
    status = STATUSES.get(item.status)
    if status is not None and withheld_reason(item) is not None:
        return Article.Status.DRAFT
    return status


def revision_note(reason, *, source):
    """The note on the revision an import records: where from, and why a draft."""
    values = {"source": source}
    if reason == PRIVATE:
        return _("Imported from %(source)s as a draft: the post was private there.") % values
    if reason == PROTECTED:
        return (
            _("Imported from %(source)s as a draft: the post was password-protected there.")
            % values
        )
    return _("Imported from %(source)s.") % values
