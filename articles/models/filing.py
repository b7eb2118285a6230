"""
Where a story is filed: sections and topics.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from people.slugs import SlugField


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
