"""
Live coverage: a published story that carries timestamped updates, newest
first, while an event happens (an election count, a court hearing, a flood).
When the coverage ends the story reads as a normal story with its updates as
a timeline.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import body
from .stories import Article

MAX_KEY_POINTS = 5


class LiveCoverage(models.Model):
    """A story covered live: when, who may post, and its pinned key points."""

    article = models.OneToOneField(
        Article,
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="live_coverage",
    )
    started_at = models.DateTimeField(_("coverage started"), default=timezone.now)
    ended_at = models.DateTimeField(
        _("coverage ended"),
        null=True,
        blank=True,
        help_text=_("Left empty while the coverage goes on."),
    )
    reporters = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("journalists who may post"),
        blank=True,
        related_name="live_assignments",
        help_text=_("Editors may always post; these journalists may post updates to this story."),
    )
    key_points = models.TextField(
        _("key points"),
        blank=True,
        validators=[MaxLengthValidator(2000)],
        help_text=_("Pinned at the top of the story, one point per line, %(count)s at most.")
        % {"count": MAX_KEY_POINTS},
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("live coverage")
        verbose_name_plural = _("live coverage")
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=models.F("started_at")),
                name="live_coverage_ends_after_start",
                violation_error_message=_("Coverage cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return str(self.article)

    def clean(self):
        if len(self.key_point_list()) > MAX_KEY_POINTS:
            raise ValidationError(
                {
                    "key_points": _("Give %(count)s key points at most, one per line.")
                    % {"count": MAX_KEY_POINTS}
                }
            )

    def is_ongoing(self, *, now=None):
        now = now or timezone.now()
        return self.started_at <= now and (self.ended_at is None or self.ended_at > now)

    def next_change(self, *, now):
        """
        When the coverage next starts or ends after ``now``, or None: what
        readers see of it changes then, though no row does.
        """
        ahead = [moment for moment in (self.started_at, self.ended_at) if moment and moment > now]
        return min(ahead, default=None)

    def key_point_list(self):
        return [line.strip() for line in self.key_points.splitlines() if line.strip()]


class LiveUpdateQuerySet(models.QuerySet):
    def shown(self):
        """Updates readers see on a story they can read: not taken down, newest first."""
        return self.filter(taken_down_at__isnull=True).order_by("-posted_at", "-pk")


class LiveUpdate(models.Model):
    """One timestamped update of a live story; it goes out when it is posted."""

    article = models.ForeignKey(
        Article,
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="live_updates",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="live_updates",
    )
    posted_at = models.DateTimeField(_("posted"), default=timezone.now)
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = models.TextField(
        _("text"),
        validators=[MaxLengthValidator(body.MAX_BODY_LENGTH // 10)],
        help_text=_("Markdown, as in a story body."),
    )
    body_html = models.TextField(_("rendered text"), blank=True, editable=False)
    photo = models.ForeignKey(
        "media.Photograph",
        verbose_name=_("photo"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="live_updates",
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    edited_at = models.DateTimeField(_("last edited"), null=True, blank=True, editable=False)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last edited by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    taken_down_at = models.DateTimeField(_("taken down"), null=True, blank=True, editable=False)
    taken_down_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("taken down by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    takedown_reason = models.CharField(_("why it was taken down"), max_length=300, blank=True)

    objects = LiveUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-posted_at", "-pk"]
        verbose_name = _("live update")
        verbose_name_plural = _("live updates")
        indexes = [
            models.Index(fields=["article", "posted_at"], name="live_update_timeline"),
        ]

    def __str__(self):
        return self.title or " ".join(self.body.split())[:60]

    def save(self, *args, **kwargs):
        self.body = self.body.replace("\r\n", "\n")
        self.body_html = body.render(self.body)
        if self.pk is not None and not kwargs.get("force_insert"):
            self.version += 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#update-{self.pk}"

    @property
    def is_taken_down(self):
        return self.taken_down_at is not None
