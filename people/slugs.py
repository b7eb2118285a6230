"""
Slugs that stay readable in English and in Khmer.

Django's ``slugify`` and the admin's URLify keep only letters and digits, so
Khmer vowel signs and subscript consonants (Unicode marks) are dropped and the
word becomes unreadable. Here marks are kept with their letters.
"""

import re
import unicodedata

from django import forms
from django.core.validators import RegexValidator, validate_unicode_slug
from django.db import models
from django.utils.text import slugify as django_slugify
from django.utils.translation import gettext_lazy as _

# A cut slug must not end on a hyphen or on a Khmer coeng (the sign that makes
# the next consonant a subscript, and means nothing on its own).
TRAILING = "-_\u17d2"
KHMER = re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]")

# Khmer letters and digits match \w; its vowel signs and other combining
# signs do not, so they are listed. Khmer punctuation stays out.
SLUG_PATTERN = r"[-\w\u17b4-\u17d3\u17dd]+"

validate_slug = RegexValidator(
    re.compile(rf"^{SLUG_PATTERN}\Z"),
    _("Use only letters (Latin or Khmer), numbers, hyphens and underscores, with no spaces."),
    "invalid",
)


def slugify(value, max_length=None):
    """
    Return a slug for ``value``: ASCII for Latin text ("Phnom Penh" →
    "phnom-penh"), Khmer kept whole for Khmer text.
    """
    value = unicodedata.normalize("NFC", str(value))
    # Dashes and slashes separate words ("Phnom Penh—Kandal", "A/B").
    value = re.sub(r"[\u2010-\u2015/]", " ", value)
    if not KHMER.search(value):
        slug = django_slugify(value)
    else:
        characters = []
        for character in value.lower():
            category = unicodedata.category(character)
            if character.isalnum() or category.startswith("M") or character in "-_":
                characters.append(character)
            elif category.startswith("Z") or character.isspace():
                characters.append(" ")
            # Punctuation (including the Khmer full stop ។) and invisible
            # format characters such as the zero-width space are dropped.
        slug = re.sub(r"[-\s]+", "-", "".join(characters)).strip("-_")
    if max_length:
        slug = slug[:max_length].rstrip(TRAILING)
    return slug


def unique_slug(base, *, taken, max_length):
    """
    Return ``base``, or ``base-2``, ``base-3``… the first that ``taken(slug)``
    reports free.
    """
    base = base[:max_length] or "untitled"
    slug, number = base, 1
    while taken(slug):
        number += 1
        suffix = f"-{number}"
        slug = base[: max_length - len(suffix)].rstrip(TRAILING) + suffix
    return slug


def free_slug(instance, text, *, max_length, **scope):
    """
    Return a slug for ``text`` that no other row of ``instance``'s model uses,
    among the rows matching ``scope`` (for example ``month=…``).
    """
    others = type(instance)._default_manager.exclude(pk=instance.pk).filter(**scope)
    return unique_slug(
        slugify(text, max_length=max_length),
        taken=lambda slug: others.filter(slug=slug).exists(),
        max_length=max_length,
    )


class SlugFormField(forms.CharField):
    default_validators = [validate_slug]

    def __init__(self, *, allow_unicode=True, **kwargs):
        # The admin's slug prefill reads this to keep non-Latin letters.
        self.allow_unicode = allow_unicode
        super().__init__(**kwargs)


class SlugField(models.SlugField):
    """A slug field that accepts Khmer slugs (see ``slugify``)."""

    default_validators = [validate_slug]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("allow_unicode", True)
        super().__init__(*args, **kwargs)
        # Django's SlugField puts its own Unicode validator on the instance,
        # and that one refuses the Khmer vowel signs and subscripts kept here.
        self.default_validators = [validate_slug]
        self.validators[:] = [
            validate_slug if validator is validate_unicode_slug else validator
            for validator in self.validators
        ]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SlugFormField, **kwargs})


class SlugConverter:
    """
    ``<slug:…>`` for addresses whose slugs may be Khmer: Django's own
    converter matches only ASCII letters, digits, hyphens and underscores.
    """

    regex = SLUG_PATTERN

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
