"""
What keeps a story findable: its former addresses (redirects) and its search
document.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from people.slugs import SlugField

from .stories import Article


class FormerAddress(models.Model):
    """
    An address a story was reachable at before its slug or month changed.
    It answers with a permanent redirect to the story's present address.
    """

    article = models.ForeignKey(
        Article,
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="former_addresses",
    )
    month = models.DateField(_("address month"))
    slug = SlugField(_("slug"), max_length=200)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("former address")
        verbose_name_plural = _("former addresses")
        constraints = [
            models.UniqueConstraint(fields=["month", "slug"], name="former_address_unique"),
        ]

    def __str__(self):
        return f"{self.month:%Y/%m}/{self.slug}"


class SearchDocument(models.Model):
    """
    A story's full-text search document, stored (PostgreSQL only; empty on
    SQLite, which searches through its FTS5 table). A trigger written by
    migration ``0010_search_documents`` keeps it equal to the story's
    headline (weight A), standfirst (B) and body (C) on every insert and
    edit, so no code path can forget it. Ranking reads it instead of parsing
    every matching story's text again.

    A table of its own rather than a column of the story, so that lists of
    stories do not load it.
    """

    article = models.OneToOneField(
        "Article",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )
    document = SearchVectorField(_("search document"), null=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        # Its GIN index, like the trigger, is made on PostgreSQL only (0010).

    def __str__(self):
        return str(self.article_id)
