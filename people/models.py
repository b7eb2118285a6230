from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .choices import Gender, OrganizationKind, Province
from .slugs import SlugField, free_slug


class PersonQuerySet(models.QuerySet):
    def public(self):
        """
        People readers may know by name: everyone but protected sources, whose
        identity stays inside the newsroom.
        """
        return self.filter(is_protected_source=False)

    def known_to(self, user):
        """
        The people ``user`` may recognise by name: everyone, for those who may
        see protected identities (and for the system itself, ``user=None``:
        commands, the demo); public people only, for anyone else. An import
        run by a journalist then treats a protected source as a stranger, so
        guessing a name cannot confirm who they are.
        """
        from .identity import sees_protected_identities

        if user is None or sees_protected_identities(user):
            return self.all()
        return self.public()


class Person(models.Model):
    """Anyone the newsroom writes about, quotes or employs."""

    Gender = Gender

    honorific = models.CharField(
        _("honorific"),
        max_length=100,
        blank=True,
        help_text=_(
            "A title written before the name, kept apart from it: “H.E.”, "
            "“Samdech”, “Lok Chumteav”, “Dr”."
        ),
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The name as published, family name first for Cambodians: “Ny Sokha”."),
    )
    name_km = models.CharField(
        _("Khmer name"),
        max_length=200,
        blank=True,
        help_text=_("The name in Khmer script: “នី សុខា”."),
    )
    short_name = models.CharField(
        _("short name"),
        max_length=100,
        blank=True,
        help_text=_(
            "The name used on later references in a story. For Cambodians this "
            "is usually the given name (“Sokha” for Ny Sokha); for others the "
            "family name."
        ),
    )
    slug = SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_("The profile address. Filled in from the name if left empty."),
    )
    portrait = models.ForeignKey(
        "media.Photograph",
        verbose_name=_("portrait"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="portrait_of",
        help_text=_("A photograph from the library, with its caption and credit."),
    )
    bio = models.TextField(
        _("biography"),
        blank=True,
        help_text=_("A few plain sentences: who they are and why they are in the news."),
    )
    birth_year = models.PositiveSmallIntegerField(
        _("birth year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    home_province = models.CharField(
        _("home province"), max_length=30, choices=Province, blank=True
    )
    gender = models.CharField(
        _("gender"),
        max_length=1,
        choices=Gender,
        blank=True,
        help_text=_(
            "As the person describes themselves, or as stories refer to them "
            "(“she said”). Counted in the sources dashboard; leave empty if unknown."
        ),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="person",
        help_text=_("For staff: the account this journalist signs in with."),
    )
    is_protected_source = models.BooleanField(
        _("protected source"),
        default=False,
        help_text=_(
            "The newsroom knows who they are; readers never do. Their name, contacts "
            "and notes are shown to editors only, they have no public profile, and "
            "their quotes carry the public label."
        ),
    )
    public_label = models.CharField(
        _("public label"),
        max_length=200,
        blank=True,
        help_text=_(
            "For a protected source: how stories and the workspace refer to them, "
            "“a government official who asked not to be named”."
        ),
    )
    contact_details = models.TextField(
        _("contacts"),
        blank=True,
        help_text=_(
            "Private: phone numbers, e-mail, messaging accounts. Never shown to readers; "
            "for a protected source, shown to editors only."
        ),
    )
    notes = models.TextField(
        _("notes"),
        blank=True,
        help_text=_(
            "Private: how to reach them safely, what they asked for. Never shown to "
            "readers; for a protected source, shown to editors only."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.CheckConstraint(
                condition=Q(birth_year__isnull=True)
                | Q(birth_year__gte=1900, birth_year__lte=2100),
                name="person_birth_year_plausible",
            ),
            models.CheckConstraint(
                condition=Q(gender__in=["", *(choice.value for choice in Gender)]),
                name="person_gender_valid",
            ),
            models.CheckConstraint(
                condition=Q(is_protected_source=False) | ~Q(public_label=""),
                name="person_protected_source_labelled",
                violation_error_message=_(
                    "Give a protected source a public label: how stories refer to them."
                ),
            ),
        ]
        indexes = [models.Index(Lower("short_name"), name="person_short_name_lower")]

    def __str__(self):
        # Admin history (LogEntry.object_repr), messages and autocomplete all
        # print this: a protected source's real name must not reach them.
        return self.public_name

    def save(self, *args, **kwargs):
        if not self.slug:
            # A protected source's address never spells their name.
            words = "source" if self.is_protected_source else self.name
            self.slug = free_slug(self, words, max_length=200)
        super().save(*args, **kwargs)

    @property
    def public_name(self):
        """The name readers see: the public label for a protected source."""
        return self.public_label if self.is_protected_source else self.name

    @property
    def shown_portrait(self):
        """The portrait readers see: none while it is withdrawn."""
        portrait = self.portrait
        return None if portrait is None or portrait.is_withdrawn else portrait

    @property
    def is_staff_member(self):
        return self.user_id is not None


class PersonAlias(models.Model):
    """Another spelling or name a person is known by."""

    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="aliases",
    )
    name = models.CharField(
        _("alias"),
        max_length=200,
        help_text=_("Another spelling, a nickname or a former name: “Sokha Ny”, “Ta Sokha”."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        constraints = [
            models.UniqueConstraint("person", Lower("name"), name="unique_alias_per_person"),
        ]

    def __str__(self):
        return self.name


class PersonFormerSlug(models.Model):
    """
    A profile address a person had before: their own earlier slug, or the
    slug of a record merged into theirs. It redirects to the present profile.
    """

    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="former_slugs",
    )
    slug = SlugField(_("former slug"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("former profile address")
        verbose_name_plural = _("former profile addresses")

    def __str__(self):
        return self.slug


class Organization(models.Model):
    Kind = OrganizationKind

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The full name as published: “Cambodian Institute for Democracy”."),
    )
    name_km = models.CharField(_("Khmer name"), max_length=200, blank=True)
    acronym = models.CharField(
        _("acronym"), max_length=30, blank=True, help_text=_("For example “CID”.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    slug = SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_("The profile address. Filled in from the name if left empty."),
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(
        _("website"),
        blank=True,
        # Not ftp: either; never javascript:, data: or vbscript: (CVE-2019-12308).
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Only http:// or https:// addresses."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=[choice.value for choice in OrganizationKind]),
                name="organization_kind_valid",
            ),
        ]

    def __str__(self):
        if self.acronym:
            return f"{self.name} ({self.acronym})"
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = free_slug(self, self.name, max_length=200)
        super().save(*args, **kwargs)


class Affiliation(models.Model):
    """A role a person holds, or held, in an organization."""

    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="affiliations",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="affiliations",
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("The role as a story would write it: “president”, “spokesman”."),
    )
    unit = models.CharField(
        _("unit"),
        max_length=200,
        blank=True,
        help_text=_("A department or branch inside the organization, if any."),
    )
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(
        _("to"), null=True, blank=True, help_text=_("Leave empty while the role is held.")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["person", "position", "-start_date", "pk"]
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="affiliation_ends_after_start",
                violation_error_message=_("A role cannot end before it starts."),
            ),
        ]

    def __str__(self):
        role = f"{self.title}, {self.unit}" if self.unit else self.title
        return f"{self.person}: {role}, {self.organization}"

    @property
    def is_current(self):
        return self.end_date is None
