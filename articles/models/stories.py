"""
The story.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from people.slugs import SlugField, free_slug

from .. import body
from .choices import ArticleStatus, Language
from .filing import Section, Topic
from .querysets import ArticleQuerySet


class Article(models.Model):
    Status = ArticleStatus

    headline = models.CharField(
        _("headline"),
        max_length=300,
        help_text=_("Say what happened, in under 15 words if you can."),
    )
    slug = SlugField(
        _("slug"),
        max_length=200,
        blank=True,
        help_text=_(
            "The last part of the story's address. Filled in from the headline; "
            "it must be unique within the month the story is published."
        ),
    )
    month = models.DateField(
        _("address month"),
        editable=False,
        help_text=_("The first day of the month in the story's address."),
    )
    standfirst = models.TextField(
        _("standfirst"),
        blank=True,
        help_text=_("One or two sentences under the headline that say why the story matters."),
    )
    body = models.TextField(
        _("body"),
        blank=True,
        validators=[MaxLengthValidator(body.MAX_BODY_LENGTH), body.validate_nesting],
        help_text=_(
            "Paragraphs separated by a blank line. “## ” starts a subheading, "
            "*words* in asterisks are emphasised, [text](https://…) is a link, "
            "“> ” starts a block quote. A line holding only [photo 2] places "
            "photo number 2 there; [quote 5] places quote number 5 as a pull quote."
        ),
    )
    body_html = models.TextField(_("rendered body"), blank=True, editable=False)
    dateline = models.CharField(
        _("dateline"),
        max_length=100,
        blank=True,
        help_text=_("Where the story was reported: “Phnom Penh”."),
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language, default=Language.ENGLISH
    )
    translation_of = models.OneToOneField(
        "self",
        verbose_name=_("translation of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translation",
        help_text=_("For a translation: the story in the other language it was made from."),
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="articles"
    )
    lead_photo = models.ForeignKey(
        "media.Photograph",
        verbose_name=_("lead photo"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lead_of",
        help_text=_("Shown above the story and on cards and feeds."),
    )
    people = models.ManyToManyField(
        "people.Person",
        verbose_name=_("people named"),
        blank=True,
        related_name="named_in",
        help_text=_("Everyone the story names, quoted or not."),
    )
    organizations = models.ManyToManyField(
        "people.Organization",
        verbose_name=_("organizations named"),
        blank=True,
        related_name="named_in",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("publish time"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Readers see a published story from this time (Phnom Penh time)."),
    )
    is_featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Show on the home page's top stories.")
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    submitted_at = models.DateTimeField(
        _("submitted"), null=True, blank=True, editable=False, db_index=True
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True, editable=False)
    approved_revision = models.ForeignKey(
        "workflow.Revision",
        verbose_name=_("approved revision"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text=_("The text an editor approved: what goes, or went, live."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last saved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "slug"],
                name="article_slug_unique_per_month",
                violation_error_message=_(
                    "Another story published in the same month has this slug."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status__in=[choice.value for choice in ArticleStatus]),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(language__in=[choice.value for choice in Language]),
                name="article_language_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="article_published_has_time",
                violation_error_message=_("A published story needs a publish time."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["approved", "published"])
                | Q(approved_by__isnull=False, approved_at__isnull=False),
                name="article_approved_has_approver",
                violation_error_message=_(
                    "An approved or published story needs the editor who approved it."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "published_at"]),
            # The archive filtered by section or language, newest first, and its count.
            models.Index(
                fields=["section", "status", "published_at"], name="article_section_published"
            ),
            models.Index(
                fields=["language", "status", "published_at"], name="article_language_published"
            ),
            # The review queue: stories in review, the longest-waiting first.
            models.Index(fields=["status", "submitted_at"], name="article_review_queue"),
            # Which sections have published stories (every page's navigation),
            # answered from the index alone, without reading the stories.
            models.Index(
                fields=["status", "published_at", "section"], name="article_published_section"
            ),
        ]
        permissions = [
            ("publish_article", _("Can publish, schedule and unpublish stories")),
        ]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        self.month = self.address_month()
        if not self.slug:
            self.slug = free_slug(self, self.headline, max_length=200, month=self.month)
        # Browsers post text areas with CRLF line endings.
        self.body = self.body.replace("\r\n", "\n")
        self.body_html = body.render(self.body)
        if self.pk is not None and not kwargs.get("force_insert"):
            self.version += 1
        super().save(*args, **kwargs)
        self.remember_stored_state()

    def get_absolute_url(self):
        """The story's public address, ``/articles/<yyyy>/<mm>/<slug>/``."""
        return reverse(
            "reader:article_detail",
            kwargs={"year": self.month.year, "month": self.month.month, "slug": self.slug},
        )

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        article = super().from_db(db, field_names, values, **kwargs)
        article.remember_stored_state()
        return article

    def clean(self):
        errors = {}
        self.month = self.address_month()
        same_month = Article.objects.exclude(pk=self.pk).filter(month=self.month)
        if self.slug and same_month.filter(slug=self.slug).exists():
            errors["slug"] = _(
                "Another story published in %(month)s already uses this slug; "
                "change it or leave it empty to have one made."
            ) % {"month": date_format(self.month, "YEAR_MONTH_FORMAT")}
        if self.status == self.Status.PUBLISHED and not self.published_at:
            errors["published_at"] = _("A published story needs a publish time.")
        if self.translation_of_id:
            if self.translation_of_id == self.pk:
                errors["translation_of"] = _("A story cannot be its own translation.")
            elif self.translation_of.language == self.language:
                errors["translation_of"] = _(
                    "A translation must be in the other language than its source."
                )
        if errors:
            raise ValidationError(errors)

    def remember_stored_state(self):
        """
        Note the status and address as the database holds them, so the
        ``post_save`` receivers can tell what a save changed: a story leaving
        the public site (the page cache), an address changing (a redirect).
        """
        # A deferred field is not loaded here: that would be a query per row.
        fields = self.__dict__
        self.stored_state = {
            name: fields.get(name) for name in ("status", "month", "slug", "published_at")
        }

    def reaches_readers(self):
        """Whether readers see the story, now or at its publish time (published or scheduled)."""
        return self.status_reaches_readers(self.status)

    @staticmethod
    def status_reaches_readers(status):
        return status == ArticleStatus.PUBLISHED

    def address_month(self):
        """The first day of the month the story's address carries."""
        moment = self.published_at or self.created_at or timezone.now()
        local = timezone.localtime(moment)
        return datetime.date(local.year, local.month, 1)

    def is_live(self, *, now=None):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= (now or timezone.now())
        )

    def is_scheduled(self, *, now=None):
        """Approved for a publish time still to come: readers cannot see it yet."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > (now or timezone.now())
        )

    def workflow_label(self, *, now=None):
        """The state as the newsroom says it: "Scheduled" is published, not yet live."""
        if self.is_scheduled(now=now):
            return _("Scheduled")
        return self.get_status_display()

    def public_texts(self):
        """
        Each text readers see on the story's page, with what the newsroom calls
        it: ``[(label, text), …]``. Uses prefetched corrections and quotes.
        """
        texts = [
            (_("headline"), self.headline),
            (_("standfirst"), self.standfirst),
            (_("body"), self.body),
        ]
        texts += [(_("correction"), correction.text) for correction in self.corrections.all()]
        for quote in self.quotes.all():
            texts += [
                (_("quote"), quote.text),
                (_("speaker's role"), quote.speaker_role),
                (_("anonymous source"), quote.anonymous_description),
            ]
        return texts

    @property
    def shown_lead_photo(self):
        """The lead photo readers see: none while it is withdrawn."""
        photo = self.lead_photo
        return None if photo is None or photo.is_withdrawn else photo

    def people_shown(self):
        """
        The people the story makes public, each once: its speakers in the order
        they speak, then the other people it names. Never a protected source:
        their quotes carry the public label, and they are listed nowhere. Uses
        prefetched ``quotes`` and ``people``.
        """
        people = {}
        for quote in self.quotes.all():
            if quote.speaker_id:
                people.setdefault(quote.speaker_id, quote.speaker)
        for person in self.people.all():
            people.setdefault(person.pk, person)
        return [person for person in people.values() if not person.is_protected_source]

    def reply_statements(self):
        """
        The right-of-reply sentences the story page shows, the same words on
        every story ("… did not respond to a request for comment by the time
        of publication."). Uses prefetched ``comment_requests`` when present.
        """
        return [
            statement
            for request in self.comment_requests.all()
            if (statement := request.public_statement())
        ]

    def word_count(self):
        return len(" ".join(body.paragraphs(self.body)).split())

    def body_blocks(self, html=None):
        """
        The rendered body in reading order, with photos and pull quotes where
        the journalist placed them: a list of ``(kind, value)`` pairs, where
        kind is "html", "photo" (an ArticlePhoto) or "quote" (a Quote).
        Markers that name no photo or quote are left out, and so are photos an
        editor withdrew. ``html`` is a body rendered by ``body.render`` other
        than the saved one (a preview of the text being typed).

        Uses prefetched ``placed_photos`` and ``quotes`` when present.
        """
        photos = {
            photo.position: photo
            for photo in self.placed_photos.all()
            if not photo.photograph.is_withdrawn
        }
        quotes = {quote.position: quote for quote in self.quotes.all()}
        blocks = []
        for kind, value in body.split_markers(self.body_html if html is None else html):
            if kind == "photo":
                value = photos.get(value)
            elif kind == "quote":
                value = quotes.get(value)
            if value is not None:
                blocks.append((kind, value))
        return blocks
