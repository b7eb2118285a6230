import datetime

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
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
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("section editors"),
        blank=True,
        related_name="edited_sections",
        help_text=_(
            "Told by e-mail when a story in this section is submitted for review. "
            "Left empty, every editor is told."
        ),
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
        return self.reaching_readers().filter(published_at__lte=now or timezone.now())

    def in_language(self, language):
        return self.filter(language=language)

    def reaching_readers(self):
        """Stories readers see, now or at their publish time (``Article.reaches_readers``)."""
        return self.filter(status=Article.Status.PUBLISHED)

    def in_review(self):
        """Stories waiting for an editor, the longest-waiting first."""
        return self.filter(status=Article.Status.IN_REVIEW).order_by("submitted_at", "pk")

    def scheduled(self, *, now=None):
        """Stories approved for a publish time still to come."""
        return self.reaching_readers().filter(published_at__gt=now or timezone.now())

    def for_listing(self):
        """Load what a story card shows without a query per story."""
        return self.select_related(
            "section", "lead_photo", "lead_photo__photographer"
        ).prefetch_related(
            models.Prefetch(
                "bylines", Byline.objects.select_related("person").order_by("position", "pk")
            )
        )

    def for_story(self):
        """Load everything the story page shows, in a fixed number of queries."""
        return (
            self.for_listing()
            .select_related("translation_of", "translation")
            .prefetch_related(*story_prefetches())
        )

    # What published stories show. Each returns a queryset of another model,
    # limited to what appears in the stories of this queryset, so a choice
    # list or profile built from it cannot reveal a draft's people or topics.
    #
    # Each row is kept by an EXISTS over these stories joined to the row
    # ("is there a story here with this person's byline?"). The database
    # reads one person's own bylines, quotes or photos through their index
    # and stops at the first story that counts; "IN (every story's bylines)"
    # would read the whole archive however few rows are asked for (0.4 s for
    # one person page at 100,000 stories).

    def showing(self, lookup):
        """Whether one of these stories relates to the outer row by ``lookup``."""
        return models.Exists(self.order_by().filter(**{lookup: models.OuterRef("pk")}))

    def sections(self):
        return Section.objects.filter(self.showing("section"))

    def topics(self):
        return Topic.objects.filter(self.showing("topics"))

    def authors(self):
        """People with a byline on these stories."""
        from people.models import Person

        return Person.objects.public().filter(self.showing("bylines__person"))

    def quoted_people(self):
        from people.models import Person

        return Person.objects.public().filter(self.showing("quotes__speaker"))

    def photographs(self):
        """
        Photographs these stories show: lead photos and photos in the body,
        but none an editor withdrew.
        """
        from media.models import Photograph

        return Photograph.objects.public().filter(
            self.showing("lead_photo") | self.showing("placed_photos__photograph")
        )

    def people(self):
        """
        Everyone these stories make public: bylines, speakers, people named,
        and the photographers of their photos.
        """
        from people.models import Person

        # Protected sources are never public, whatever a story shows of them.
        # The database stops at the first test that holds: the commonest
        # (quoted, named) go first. PostgreSQL reads the bylines table whole
        # for someone without a byline, as a few journalists write them all.
        return Person.objects.public().filter(
            self.showing("quotes__speaker")
            | self.showing("people")
            | self.showing("bylines__person")
            | self.showing("lead_photo__photographer")
            | self.showing("placed_photos__photograph__photographer")
        )

    def organizations(self):
        """Organizations these stories name, and those of the people they make public."""
        from people.models import Affiliation, Organization

        affiliated = Affiliation.objects.filter(
            organization=models.OuterRef("pk"), person__in=self.people()
        )
        return Organization.objects.filter(
            self.showing("organizations") | models.Exists(affiliated)
        )


def story_prefetches():
    """What a story page shows besides its cards' fields: one query each."""
    from people.models import Affiliation, Person
    from quotes.models import Quote

    return [
        models.Prefetch(
            "placed_photos", ArticlePhoto.objects.select_related("photograph__photographer")
        ),
        models.Prefetch("quotes", Quote.objects.select_related("speaker")),
        "corrections",
        "topics",
        models.Prefetch(
            "people",
            Person.objects.prefetch_related(
                models.Prefetch("affiliations", Affiliation.objects.select_related("organization"))
            ),
        ),
        "organizations",
        models.Prefetch(
            "comment_requests",
            CommentRequest.objects.select_related("person", "organization"),
        ),
    ]


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
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
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

    def body_blocks(self):
        """
        The rendered body in reading order, with photos and pull quotes where
        the journalist placed them: a list of ``(kind, value)`` pairs, where
        kind is "html", "photo" (an ArticlePhoto) or "quote" (a Quote).
        Markers that name no photo or quote are left out, and so are photos an
        editor withdrew.

        Uses prefetched ``placed_photos`` and ``quotes`` when present.
        """
        photos = {
            photo.position: photo
            for photo in self.placed_photos.all()
            if not photo.photograph.is_withdrawn
        }
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


class CorrectionKind(models.TextChoices):
    CORRECTION = "correction", _("Correction")
    CLARIFICATION = "clarification", _("Clarification")
    RETRACTION = "retraction", _("Retraction")


class CorrectionQuerySet(models.QuerySet):
    def public(self, *, now=None):
        """Corrections readers see: those on the stories ``Article.objects.published()`` shows."""
        return self.filter(article__in=Article.objects.published(now=now))


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


class CommentMethod(models.TextChoices):
    PHONE = "phone", _("Phone call")
    EMAIL = "email", _("E-mail")
    MESSAGE = "message", _("Text or messaging app")
    LETTER = "letter", _("Letter")
    IN_PERSON = "in_person", _("In person")
    OTHER = "other", _("Other")


class CommentOutcome(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ANSWERED = "answered", _("Answered")
    DECLINED = "declined", _("Declined to comment")
    NO_RESPONSE = "no_response", _("Did not respond by the time of publication")


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
