"""
Who may import an export: what goes live, or changes what is live, needs an editor.
"""

from django.utils.translation import gettext as _

from articles.models import Article

from ..models import ImportedItem
from ..updating import approved_in_workspace
from .export import WordPressExportError
from .identifiers import identifier
from .statuses import story_status, withheld_reason


def live_in_workspace(export):
    """
    Whether a post of ``export`` would change a story the workspace has
    approved or published: that change goes live, so an editor approves it.
    """
    posts = [
        identifier(item.id)
        for item in export.items
        if item.post_type == "post" and story_status(item) and withheld_reason(item) is None
    ]
    records = ImportedItem.objects.filter(source=export.source, kind="post", external_id__in=posts)
    return approved_in_workspace(Article.objects.filter(import_records__in=records)).exists()


def check_user(export, user):
    """
    Raise ``WordPressExportError`` unless ``user`` may import ``export``:
    what goes live, or changes what is live, needs an editor.
    """
    is_editor = user is not None and user.has_perm("articles.publish_article")
    needs_editor = any(
        item.post_type == "post" and story_status(item) == Article.Status.PUBLISHED
        for item in export.items
    )
    if needs_editor and not is_editor:
        raise WordPressExportError(
            _(
                "The export holds published posts, and a published story needs the editor "
                "who approved it: name an editor's login to stand for the archive. Nothing "
                "was imported."
            )
        )
    if not is_editor and live_in_workspace(export):
        raise WordPressExportError(
            _(
                "The export changes stories an editor approved or published in the workspace, "
                "and what goes live needs an editor's approval: name an editor's login. "
                "Nothing was imported."
            )
        )
