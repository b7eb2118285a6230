from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class QuoteQuerySet(models.QuerySet):
    def shown(self):
        """
        The quotes readers may see on a story they can read: none said in a
        live update that was taken down (the story's own quotes have none).
        """
        return self.filter(live_update__taken_down_at__isnull=True)


class Quote(models.Model):
    """Words a story quotes directly, and who said them."""

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="quotes"
    )
    live_update = models.ForeignKey(
        "articles.LiveUpdate",
        verbose_name=_("live update"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="quotes",
        help_text=_("For a live story: the update these words appear in."),
    )
    text = models.TextField(
        _("quoted words"), help_text=_("Exactly as published, without the quotation marks.")
    )
    speaker = models.ForeignKey(
        "people.Person",
        verbose_name=_("speaker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quotes",
    )
    anonymous_description = models.CharField(
        _("anonymous source"),
        max_length=200,
        blank=True,
        help_text=_(
            "For a source who is not named: how the story describes them, "
            "“a government official who asked not to be named”. Leave the speaker empty."
        ),
    )
    speaker_role = models.CharField(
        _("speaker's role"),
        max_length=300,
        blank=True,
        help_text=_(
            "The role as the story gives it when the words were said: "
            "“president of the Cambodian Institute for Democracy”."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("number"),
        blank=True,
        help_text=_(
            "Quotes are numbered in the order they appear in the story; left empty, "
            "the next free number."
        ),
    )
    paragraph = models.PositiveSmallIntegerField(
        _("paragraph"),
        null=True,
        blank=True,
        help_text=_("The number of the paragraph the quote appears in."),
    )
    date_said = models.DateField(_("date said"), null=True, blank=True)
    is_pull_quote = models.BooleanField(
        _("pull quote"),
        default=False,
        help_text=_("Highlight it; place it with [quote N] on a line of its own in the body."),
    )
    is_confirmed = models.BooleanField(
        _("attribution confirmed"),
        default=False,
        help_text=_("Tick once a person has checked who said these words."),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, editable=False)
    confidence = models.PositiveSmallIntegerField(
        _("attribution confidence"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "How sure the automatic attribution is, from 0 to 100. Empty for "
            "quotes entered by hand."
        ),
    )
    attribution_note = models.CharField(
        _("attribution note"),
        max_length=500,
        blank=True,
        help_text=_(
            "How the speaker was found, and anything to check before confirming: "
            "“Two people called Sokha are named; Meas Sokha was chosen.”"
        ),
    )
    provenance_note = models.TextField(
        _("provenance (staff only)"),
        blank=True,
        help_text=_(
            "Private: where these words come from, for fact-checking and legal "
            "defence. Interview notes, a recording and the time in it (“call "
            "recording 2024-03-02, 14:05”). Never shown to readers."
        ),
    )

    objects = QuoteQuerySet.as_manager()

    class Meta:
        db_table = "articles_quote"
        ordering = ["article", "position"]
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        constraints = [
            models.CheckConstraint(
                condition=(Q(speaker__isnull=False) & Q(anonymous_description=""))
                | (Q(speaker__isnull=True) & ~Q(anonymous_description="")),
                name="quote_speaker_or_anonymous",
                violation_error_message=_(
                    "Give the speaker, or describe the anonymous source, but not both."
                ),
            ),
            models.UniqueConstraint(
                fields=["article", "position"],
                name="quote_unique_number",
                violation_error_message=_("Two quotes in this story have the same number."),
            ),
            models.CheckConstraint(
                condition=Q(confidence__isnull=True) | Q(confidence__lte=100),
                name="quote_confidence_percent",
            ),
        ]

    def __str__(self):
        return f"“{self.excerpt()}” — {self.attribution}, in “{self.article}”"

    def save(self, *args, **kwargs):
        if not self.is_confirmed:
            self.confirmed_by, self.confirmed_at = None, None
        super().save(*args, **kwargs)

    def excerpt(self, length=60):
        """The quoted words on one line, cut to ``length`` characters."""
        words = " ".join(self.text.split())
        return words if len(words) <= length else words[: length - 1].rstrip() + "…"

    @property
    def needs_confirmation(self):
        """
        Whether the quote finder chose the speaker (it has a confidence) and no
        person has confirmed it yet: such a quote does not go out.
        """
        return self.confidence is not None and not self.is_confirmed

    @property
    def attribution(self):
        """Who said it, as readers see it."""
        if self.speaker_id:
            return self.speaker.public_name
        return self.anonymous_description
