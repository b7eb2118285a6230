"""
What the reader site keeps of its own: a published story's page parts,
rendered once and stored (``reader.stored``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class StoredStory(models.Model):
    """
    The parts of a story's page that only change when the story, or someone
    or something it shows, changes: its ``<article>`` element, the links and
    link preview tags of its head, its JSON-LD and where the site's language
    switch leads, in one site language.

    ``version`` names the renderer and the templates that made them: a release
    that changes either renders them again. ``shows`` lists the page-cache
    tags of what they show (`` story:12 person:7 photo:3 ``), so a change to
    any of them removes the row (``reader.stored.forget``).
    """

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="+", verbose_name=_("story")
    )
    language = models.CharField(_("language"), max_length=8)
    version = models.CharField(_("renderer version"), max_length=40)
    head = models.TextField(_("links and link preview tags"))
    json_ld = models.TextField(_("structured data"))
    body = models.TextField(_("story"))
    language_switch = models.JSONField(_("language switch"))
    shows = models.TextField(_("shows"))
    valid_until = models.DateTimeField(_("valid until"))

    class Meta:
        verbose_name = _("stored story page")
        verbose_name_plural = _("stored story pages")
        constraints = [
            models.UniqueConstraint(fields=["article", "language"], name="stored_story_once")
        ]

    def __str__(self):
        return f"{self.article_id} ({self.language})"
