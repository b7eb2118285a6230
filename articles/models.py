import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from people.slugs import SlugField, free_slug

from . import body


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    KHMER = "km", _("Khmer")


class Section(models.Model):
    name = models.CharField(_("name"), max_length=100)
    name_km = models.CharField(_("Khmer name"), max_length=100, blank=True)
    slug = SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("One sentence shown on the section page.")
    )
    position = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Sections are listed in this order.")
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.name


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    name_km = models.CharField(_("Khmer name"), max_length=100, blank=True)
    slug = SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class ArticleQuerySet(models.QuerySet):
    def published(self, *, now=None):
        """
        The stories readers may see: published, with a publish time that has
        passed. Every public page, feed, sitemap and search starts here.
        """
        return self.filter(status=Article.Status.PUBLISHED).filter(
            published_at__lte=now or timezone.now()
        )

    def in_language(self, language):
        return self.filter(language=language)

    def for_listing(self):
        """Load what a story card shows without a query per story."""
        return self.select_related(
            "section", "lead_photo", "lead_photo__photographer"
        ).prefetch_related("bylines__person")


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")


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
        validators=[MaxLengthValidator(body.MAX_BODY_LENGTH)],
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
        ]
        indexes = [models.Index(fields=["status", "published_at"])]
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

    def word_count(self):
        return len(" ".join(body.paragraphs(self.body)).split())

    def body_blocks(self):
        """
        The rendered body in reading order, with photos and pull quotes where
        the journalist placed them: a list of ``(kind, value)`` pairs, where
        kind is "html", "photo" (an ArticlePhoto) or "quote" (a Quote).
        Markers that name no photo or quote are left out.

        Uses prefetched ``placed_photos`` and ``quotes`` when present.
        """
        photos = {photo.position: photo for photo in self.placed_photos.all()}
        quotes = {quote.position: quote for quote in self.quotes.all()}
        blocks = []
        for kind, value in body.split_markers(self.body_html):
            if kind == "photo":
                value = photos.get(value)
            elif kind == "quote":
                value = quotes.get(value)
            if value is not None:
                blocks.append((kind, value))
        return blocks


class BylineRole(models.TextChoices):
    WRITER = "writer", _("Writer")
    PHOTOGRAPHER = "photographer", _("Photographer")
    CONTRIBUTOR = "contributor", _("Contributor")
    TRANSLATOR = "translator", _("Translator")


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


class Quote(models.Model):
    """Words a story quotes directly, and who said them."""

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="quotes"
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

    class Meta:
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
        ]

    def __str__(self):
        words = " ".join(self.text.split())
        if len(words) > 60:
            words = words[:59].rstrip() + "…"
        return f"“{words}” — {self.attribution}, in “{self.article}”"

    @property
    def attribution(self):
        """Who said it, as readers see it."""
        if self.speaker_id:
            return self.speaker.name
        return self.anonymous_description


class CorrectionKind(models.TextChoices):
    CORRECTION = "correction", _("Correction")
    CLARIFICATION = "clarification", _("Clarification")
    RETRACTION = "retraction", _("Retraction")


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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

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
