"""
Dates and numbers as Khmer readers expect them on Khmer pages: Khmer month
names (from Django's Khmer translation) and Khmer digits (០១២៣៤៥៦៧៨៩).

Addresses, ``<time datetime>`` values, feeds and structured data keep
Western digits: they are read by machines.
"""

import datetime

from django.utils import formats, timezone
from django.utils.translation import get_language

from people.names import KHMER_DIGITS


def khmer_digits(text):
    """``text`` with every Western digit written as a Khmer digit: "2024" → "២០២៤"."""
    return str(text).translate(KHMER_DIGITS)


def local_digits(value):
    """``value`` as text, in Khmer digits when the site language is Khmer."""
    text = str(value)
    return khmer_digits(text) if get_language() == "km" else text


def local_date(value, format_name="DATE_FORMAT"):
    """
    ``value`` (a date or datetime) formatted with ``format_name`` in the site
    language, in Phnom Penh time, with Khmer digits on Khmer pages:
    "July 7, 2021" or "៧ ខែ កក្កដា ឆ្នាំ ២០២១".
    """
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return local_digits(formats.date_format(value, format_name))
