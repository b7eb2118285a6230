import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

IMAGE_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def photo_upload_to(instance, filename):
    """
    Store every photo under a random name. The uploaded file name is never
    kept: it can name a place or a source ("Sokha_safehouse.jpg").
    """
    extension = PurePosixPath(filename).suffix.lower().lstrip(".")
    if extension not in IMAGE_EXTENSIONS.values():
        extension = "jpg"
    return f"photos/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


class Photograph(models.Model):
    image = models.ImageField(
        _("image"),
        upload_to=photo_upload_to,
        width_field="width",
        height_field="height",
        help_text=_(
            "A JPEG, PNG or WebP photograph. Hidden metadata (GPS position, "
            "camera serial number, owner) is removed when it is saved."
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

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("photograph")
        verbose_name_plural = _("photographs")

    def __str__(self):
        caption = " ".join(self.caption.split())
        if len(caption) > 80:
            caption = caption[:79].rstrip() + "…"
        return f"{caption} ({self.credit})" if self.credit else caption

    @property
    def credit(self):
        """The published credit, in the form “Agency/ Photographer”."""
        photographer = self.photographer.name if self.photographer_id else ""
        if self.credit_agency and photographer:
            return f"{self.credit_agency}/ {photographer}"
        return self.credit_agency or photographer
