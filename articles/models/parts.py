"""
A story's parts: its bylines, the photos placed in its body, and its requests
for comment (right of reply).
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import BylineRole, CommentMethod, CommentOutcome
from .stories import Article


class Byline(models.Model):
    Role = BylineRole

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="bylines"
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="bylines",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.WRITER)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["article", "position", "pk"]
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "person", "role"],
                name="byline_unique_person_role",
                violation_error_message=_("This person already has this byline role."),
            ),
            models.CheckConstraint(
                condition=Q(role__in=[choice.value for choice in BylineRole]),
                name="byline_role_valid",
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()}) on “{self.article}”"


class ArticlePhoto(models.Model):
    """A photograph placed inside a story's body."""

    article = models.ForeignKey(
        Article,
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="placed_photos",
    )
    photograph = models.ForeignKey(
        "media.Photograph",
        verbose_name=_("photograph"),
        on_delete=models.PROTECT,
        related_name="placements",
    )
    position = models.PositiveSmallIntegerField(
        _("number"),
        blank=True,
        help_text=_(
            "Left empty, the next free number. Write [photo 1], [photo 2]… on a line "
            "of its own in the body to place it."
        ),
    )

    class Meta:
        ordering = ["article", "position"]
        verbose_name = _("photo in the body")
        verbose_name_plural = _("photos in the body")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "position"],
                name="article_photo_unique_number",
                violation_error_message=_("Two photos in this story have the same number."),
            ),
        ]

    def __str__(self):
        return f"Photo {self.position} in “{self.article}”"


class CommentRequest(models.Model):
    """
    Right of reply: a person or organization the story accuses was asked for
    comment. A story is not approved while a request is waiting for an answer.
    """

    Method = CommentMethod
    Outcome = CommentOutcome

    article = models.ForeignKey(
        Article,
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="comment_requests",
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="comment_requests",
    )
    organization = models.ForeignKey(
        "people.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="comment_requests",
        help_text=_("Give the person or the organization the story accuses, not both."),
    )
    requested_at = models.DateTimeField(
        _("asked on"), default=timezone.now, help_text=_("When you asked for comment.")
    )
    method = models.CharField(_("how"), max_length=20, choices=Method, default=Method.PHONE)
    outcome = models.CharField(
        _("answer"),
        max_length=20,
        choices=Outcome,
        default=Outcome.PENDING,
        help_text=_(
            "Before the story is approved, record the answer, or that they declined "
            "or did not respond."
        ),
    )
    answer = models.TextField(
        _("what they said"),
        blank=True,
        help_text=_("Their answer, or a summary of it. Needed when they answered."),
    )
    answered_at = models.DateTimeField(_("answered on"), null=True, blank=True)

    class Meta:
        ordering = ["article", "requested_at", "pk"]
        verbose_name = _("request for comment")
        verbose_name_plural = _("right of reply: requests for comment")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, organization__isnull=True)
                | Q(person__isnull=True, organization__isnull=False),
                name="comment_request_one_party",
                violation_error_message=_(
                    "Give the person or the organization asked for comment, not both."
                ),
            ),
            models.CheckConstraint(
                condition=Q(method__in=[choice.value for choice in CommentMethod]),
                name="comment_request_method_valid",
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=[choice.value for choice in CommentOutcome]),
                name="comment_request_outcome_valid",
            ),
            models.CheckConstraint(
                condition=~Q(outcome="answered") | ~Q(answer=""),
                name="comment_request_answer_given",
                violation_error_message=_("Write down what they said."),
            ),
        ]

    def __str__(self):
        return f"{self.party}: {self.get_outcome_display()}"

    @property
    def party(self):
        return self.person if self.person_id else self.organization

    @property
    def is_open(self):
        return self.outcome == CommentOutcome.PENDING

    def public_statement(self):
        """
        What the story page says about this request, the same words on every
        story: none for an answer, which the story itself reports.
        """
        if self.outcome == CommentOutcome.NO_RESPONSE:
            return _(
                "%(party)s did not respond to a request for comment by the time of publication."
            ) % {"party": self.party}
        if self.outcome == CommentOutcome.DECLINED:
            return _("%(party)s declined to comment.") % {"party": self.party}
        return ""
