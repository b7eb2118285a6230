"""
Corrections, clarifications and retractions of published stories.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import ArticleStatus, CorrectionKind
from .stories import Article


class CorrectionQuerySet(models.QuerySet):
    def public(self, *, now=None):
        """Corrections readers see: those on the stories ``Article.objects.published()`` shows."""
        return self.filter(article__in=Article.objects.published(now=now))


class Correction(models.Model):
    Kind = CorrectionKind

    article = models.ForeignKey(
        Article,
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="corrections",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.CORRECTION)
    text = models.TextField(
        _("text"),
        help_text=_("What was wrong and what is right: “An earlier version misspelt…”."),
    )
    published_at = models.DateTimeField(_("date"), default=timezone.now)
    quote = models.ForeignKey(
        "quotes.Quote",
        verbose_name=_("misattributed quote"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="corrections",
        help_text=_("For a quote given to the wrong person: the quote, by its number."),
    )
    live_update = models.ForeignKey(
        "articles.LiveUpdate",
        verbose_name=_("live update"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="corrections",
        help_text=_("For a live story: the one update this correction is about, shown with it."),
    )
    corrected_speaker = models.ForeignKey(
        "people.Person",
        verbose_name=_("who really said it"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The quote is moved to this person when the correction is saved."),
    )
    previous_attribution = models.CharField(
        _("previously attributed to"), max_length=300, blank=True, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "published_at"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=[choice.value for choice in CorrectionKind]),
                name="correction_kind_valid",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}, {timezone.localtime(self.published_at):%Y-%m-%d}"

    def clean(self):
        """
        The rules of a correction, whoever issues it (the story's form, the
        correction list, ``workflow.editing.add_correction``): it is added to a
        published story; a misattributed quote is one of that story's, given
        together with who really said it; once issued, its quote stays.
        """
        errors = {}
        article = self.article if self.article_id else None
        if self.pk is None and article and article.status != ArticleStatus.PUBLISHED:
            errors["article"] = _("Corrections are added to published stories.")
        if self.quote_id and article and self.quote.article_id != article.pk:
            errors["quote"] = _("This quote is in another story.")
        if self.live_update_id and article and self.live_update.article_id != article.pk:
            errors["live_update"] = _("This update is in another story.")
        if bool(self.quote_id) != bool(self.corrected_speaker_id):
            errors["corrected_speaker"] = _(
                "To move a quote to the right person, give the quote and who said it."
            )
        if self.pk is not None:
            stored = (
                Correction.objects.filter(pk=self.pk)
                .values_list("quote", "corrected_speaker")
                .first()
            )
            if stored and stored != (self.quote_id, self.corrected_speaker_id):
                errors["quote"] = _(
                    "A correction's quote cannot be changed afterwards; issue a new one."
                )
        if errors:
            raise ValidationError(errors)
