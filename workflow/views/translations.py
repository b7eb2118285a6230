"""
The translation board, for editors, and the source story a translation's form
shows beside it (``workflow.translations`` finds what waits).
"""

from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles import body as story_body
from articles.models import Language
from workflow import roles, translations


def translation_board(model_admin, request):
    """
    For editors: stories still waiting for a version in the other language,
    and translations whose source changed after they were made, with what changed.
    """
    if not roles.is_editor(request.user):
        raise PermissionDenied
    waiting = []
    for language in (Language.ENGLISH, Language.KHMER):
        stories = translations.untranslated(language)
        waiting.append(
            {
                "language": Language(language).label,
                "into": translations.other_language(language),
                "into_label": Language(translations.other_language(language)).label,
                "count": stories.count(),
                "stories": list(stories[: translations.BOARD_LIMIT]),
            }
        )
    return model_admin.page(
        request,
        "translation_board.html",
        _("Translation board"),
        waiting=waiting,
        stale=translations.stale_translations(viewer=request.user),
    )


def translation_source(article, *, viewer):
    """
    The read-only panel a translator works beside: the source story's words,
    and what changed in it since the translation was made, as ``viewer`` may
    read it.
    """
    source = article.translation_of
    return render_to_string(
        "admin/articles/article/includes/translation_source.html",
        {
            "source": source,
            "paragraphs": story_body.paragraphs(source.body),
            "stale": translations.staleness(article, viewer=viewer),
            "change_url": reverse("admin:articles_article_change", args=[source.pk]),
            "preview_url": reverse("admin:articles_article_preview", args=[source.pk]),
        },
    )
