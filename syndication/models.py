"""
What partners are given: API keys to read the content API, and webhooks
telling them of what changed, with every delivery recorded.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Language, Section


class ApiKeyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class PartnerScope(models.Model):
    """What a partner's key reads, or its webhook is told of: a section, a language, or all."""

    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Left empty, every section."),
    )
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=Language,
        blank=True,
        help_text=_("Left empty, both languages."),
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(language="") | Q(language__in=[choice.value for choice in Language]),
                name="%(class)s_language_valid",
            ),
        ]

    def stories(self, stories):
        """``stories`` narrowed to the scope."""
        if self.section_id:
            stories = stories.filter(section=self.section_id)
        if self.language:
            stories = stories.filter(language=self.language)
        return stories

    def covers(self, story):
        """Whether ``story`` (its ``section_id`` and ``language``) is in the scope."""
        return (not self.section_id or story.section_id == self.section_id) and (
            not self.language or story.language == self.language
        )


class ApiKey(PartnerScope):
    """
    A partner's key to the content API. Only a hash of its secret is kept:
    the key is shown once, when it is made (``syndication.keys``).
    """

    name = models.CharField(
        _("name"), max_length=200, help_text=_("Who the key is for: “Mekong Daily mobile app”.")
    )
    prefix = models.CharField(_("prefix"), max_length=16, unique=True, editable=False)
    secret_hash = models.CharField(_("secret hash"), max_length=64, editable=False)
    rate_limit = models.PositiveIntegerField(
        _("requests per minute"),
        default=60,
        help_text=_("Requests beyond this many in a minute are refused until the next minute."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    objects = ApiKeyQuerySet.as_manager()

    class Meta(PartnerScope.Meta):
        ordering = ["name", "pk"]
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        constraints = [
            *PartnerScope.Meta.constraints,
            models.CheckConstraint(
                condition=Q(rate_limit__gte=1), name="apikey_rate_limit_positive"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_active(self):
        return self.revoked_at is None


class Webhook(PartnerScope):
    """
    A partner's address, told of every publication, correction and takedown of
    the stories in its scope.
    """

    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(
        _("address"),
        max_length=500,
        help_text=_("The partner's https:// address that receives the notices."),
    )
    secret = models.CharField(
        _("signing secret"),
        max_length=100,
        editable=False,
        help_text=_("Shown once, when the webhook is made; the partner checks signatures with it."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta(PartnerScope.Meta):
        ordering = ["name", "pk"]
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self):
        return self.name


class Delivery(models.Model):
    """One notice sent, or being sent, to one webhook."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        DELIVERED = "delivered", _("Delivered")
        RETRYING = "retrying", _("Failed, to be tried again")
        FAILED = "failed", _("Failed")

    webhook = models.ForeignKey(
        Webhook, verbose_name=_("webhook"), on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(_("event"), max_length=40)
    payload = models.JSONField(_("notice"))
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    response_code = models.PositiveSmallIntegerField(_("response code"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "delivered", "retrying", "failed"]),
                name="delivery_status_valid",
            ),
        ]

    def __str__(self):
        return f"{self.event} → {self.webhook}"
