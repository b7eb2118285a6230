import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

IMAGE_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


class Source(models.TextChoices):
    STAFF = "staff", _("Staff")
    FREELANCE = "freelance", _("Freelance")
    WIRE = "wire", _("Wire agency")
    HANDOUT = "handout", _("Handout")
    STOCK = "stock", _("Stock library")


def photo_upload_to(instance, filename):
    """
    Store every photo under a random name. The uploaded file name is never
    kept: it can name a place or a source ("Sokha_safehouse.jpg").
    """
    extension = PurePosixPath(filename).suffix.lower().lstrip(".")
    if extension not in IMAGE_EXTENSIONS.values():
        extension = "jpg"
    return f"photos/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


class PhotographQuerySet(models.QuerySet):
    def for_listing(self):
        """Load what a photo card shows (caption, credit, renditions) in one query."""
        return self.select_related("photographer")

    def unused(self):
        """Photographs no story (lead or body) and no profile portrait uses."""
        return self.filter(lead_of=None, placements=None, portrait_of=None)

    def public(self):
        """Photographs readers may be shown: none that an editor withdrew."""
        return self.filter(withdrawn_at__isnull=True)

    def missing_credit(self):
        return self.filter(credit_agency="", photographer=None)

    def with_usage_count(self):
        """Annotate ``usage_count``: how many stories use each photograph."""
        return self.annotate(
            usage_count=models.Count("lead_of", distinct=True)
            + models.Count("placements__article", distinct=True)
        )


class Photograph(models.Model):
    Source = Source

    image = models.ImageField(
        _("image"),
        upload_to=photo_upload_to,
        width_field="width",
        height_field="height",
        help_text=_(
            "A JPEG, PNG or WebP photograph, or HEIC from a phone (stored as JPEG). "
            "Hidden metadata (GPS position, camera serial number, owner) is removed "
            "before the file is stored."
        ),
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    caption = models.TextField(
        _("caption"),
        help_text=_(
            "Say who, where and when: “Ny Sokha speaks during an interview in "
            "Phnom Penh, July 7, 2021.”"
        ),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        help_text=_(
            "What the picture shows, for readers who cannot see it. Do not repeat "
            "the caption; describe the scene."
        ),
    )
    credit_agency = models.CharField(
        _("agency"),
        max_length=100,
        blank=True,
        help_text=_("Who supplied the photo: “CamboJA”, “AFP”, “Handout”."),
    )
    photographer = models.ForeignKey(
        "people.Person",
        verbose_name=_("photographer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="photographs",
    )
    date_taken = models.DateField(_("date taken"), null=True, blank=True)
    place = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("Typed by a person, never read from the camera: “Phnom Penh”."),
    )
    source = models.CharField(
        _("source"),
        max_length=20,
        choices=Source,
        blank=True,
        help_text=_("Where the picture comes from: our staff, a freelancer, a wire agency…"),
    )
    rights_note = models.TextField(
        _("rights"),
        blank=True,
        help_text=_(
            "What we may do with it: “One-time use for the land-rights story”, "
            "“AFP subscription, web only”."
        ),
    )
    may_redistribute = models.BooleanField(
        _("may redistribute"),
        default=False,
        help_text=_("Tick only if the newsroom may pass the picture on to partners."),
    )
    focal_x = models.PositiveSmallIntegerField(
        _("focal point across"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "Where the subject is, in percent from the left edge (50 is the centre). "
            "Cropped thumbnails keep this point in view. Click the preview to set it."
        ),
    )
    focal_y = models.PositiveSmallIntegerField(
        _("focal point down"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("Where the subject is, in percent from the top edge (50 is the centre)."),
    )
    renditions = models.JSONField(
        _("renditions"),
        default=list,
        blank=True,
        editable=False,
        help_text=_("The resized copies kept on the storage, made once from the original."),
    )
    fingerprint = models.CharField(
        _("fingerprint"),
        max_length=16,
        blank=True,
        editable=False,
        help_text=_("A perceptual hash of the picture, to point out near-duplicates."),
    )
    withdrawn_at = models.DateTimeField(
        _("withdrawn"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "When an editor took the photo off the public site (it named or showed a "
            "protected source). No page shows it, and its files moved to new addresses, "
            "until an editor puts it back."
        ),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PhotographQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("photograph")
        verbose_name_plural = _("photographs")
        permissions = [
            (
                "change_live_photograph",
                _("Can change and withdraw photos that stories in an editor's hands show"),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(source__in=["", *Source.values]),
                name="photograph_source_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(focal_x__lte=100, focal_y__lte=100),
                name="photograph_focal_point_inside",
            ),
        ]

    def __str__(self):
        caption = " ".join(self.caption.split())
        if len(caption) > 80:
            caption = caption[:79].rstrip() + "…"
        return f"{caption} ({self.credit})" if self.credit else caption

    @property
    def credit(self):
        """The published credit, in the form “Agency/ Photographer”."""
        photographer = self.photographer.public_name if self.photographer_id else ""
        if self.credit_agency and photographer:
            return f"{self.credit_agency}/ {photographer}"
        return self.credit_agency or photographer

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    @property
    def has_credit(self):
        """A photograph is credited when it names an agency or a photographer."""
        return bool(self.credit_agency.strip() or self.photographer_id)

    def missing_for_publication(self, *, name):
        """
        A photograph may be published only with alt text, a credit, and not
        withdrawn. What this one still lacks, as the approval checklist's
        sentences calling it ``name`` ("the lead photo"); empty when it may be.
        """
        missing = []
        if self.is_withdrawn:
            missing.append(
                gettext("Choose another picture for %(photo)s: it was withdrawn from the site.")
                % {"photo": name}
            )
        if not self.alt_text.strip():
            missing.append(gettext("Write alt text for %(photo)s.") % {"photo": name})
        if not self.has_credit:
            missing.append(gettext("Give a credit for %(photo)s.") % {"photo": name})
        return missing

    @property
    def renditions_pending(self):
        """Whether a rendition it should have (or its fingerprint) is still to be made."""
        # renditions.py imports this module.
        from .renditions import renditions_complete

        return bool(self.image) and not (renditions_complete(self) and self.fingerprint)

    def rendition_list(self, *, image_format="jpeg", crop=""):
        """The stored renditions in one format and crop, narrowest first."""
        return sorted(
            (
                item
                for item in self.renditions
                if item["format"] == image_format and item["crop"] == crop
            ),
            key=lambda item: item["width"],
        )

    def rendition(self, width, *, image_format="jpeg", crop=""):
        """
        The narrowest stored rendition at least ``width`` pixels wide (else the
        widest), as a dict with ``url``, ``width``, ``height``, the file's
        ``name`` on the storage and its length in ``bytes`` (None when not
        recorded: renditions made before it was, and the original); the
        original when no rendition has been made yet. For feeds, ``og:image``
        and e-mail, where a single address is needed: ``photograph.rendition(1280)``.
        """
        items = self.rendition_list(image_format=image_format, crop=crop)
        if not items:
            return {
                "url": self.image.url,
                "width": self.width,
                "height": self.height,
                "name": self.image.name,
                "bytes": None,
            }
        item = next((item for item in items if item["width"] >= width), items[-1])
        return {
            "url": self.image.storage.url(item["name"]),
            "width": item["width"],
            "height": item["height"],
            "name": item["name"],
            "bytes": item.get("bytes"),
        }

    def srcset(self, *, image_format="jpeg", crop=""):
        """``url 320w, url 640w, …`` for an ``<img srcset>`` or ``<source srcset>``."""
        storage = self.image.storage
        return ", ".join(
            f"{storage.url(item['name'])} {item['width']}w"
            for item in self.rendition_list(image_format=image_format, crop=crop)
        )

    def stored_files(self):
        """Every file of this photograph on the storage: the original and its renditions."""
        names = {item["name"] for item in self.renditions}
        if self.image.name:
            names.add(self.image.name)
        return names
