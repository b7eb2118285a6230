"""
How the newsroom's e-mails are written: in the recipient's language, with a
plain-text subject, a text part and an HTML part that reads on a phone, and
links to the site's own address (``settings.SITE_URL``), never a bare path.
Workflow notices (``notifications.py``) and password resets
(``accounts.py``) are both made here.
"""

import email.header
import email.policy

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from .models import LanguagePreference


class WholeSubjectPolicy(email.policy.EmailPolicy):
    """
    The standard policy, but a subject that is not plain ASCII is encoded as
    a whole by ``email.header.Header``. Python's own folding (3.12) drops the
    space between two encoded words it splits a long subject into (CPython
    gh-144156): “press freedom” reached the reader as “pressfreedom”, and a
    Khmer headline lost its word breaks.
    """

    def _fold(self, name, value, refold_binary=False):
        text = str(value)
        if name.lower() != "subject" or text.isascii() or self.utf8:
            return super()._fold(name, value, refold_binary)
        encoded = email.header.Header(text, "utf-8", header_name=name).encode(
            linesep=self.linesep, maxlinelen=self.max_line_length or 78
        )
        return f"{name}: {encoded}{self.linesep}"


class Mail(EmailMultiAlternatives):
    """A message whose subject reaches the reader as written (``WholeSubjectPolicy``)."""

    def message(self, *, policy=email.policy.default):
        # A policy keeps the settings it was cloned with (the SMTP backend's
        # "\r\n" line ends) in its __dict__: the same settings, on this class.
        return super().message(policy=WholeSubjectPolicy(**policy.__dict__))


def language_of(user):
    """The language ``user`` reads the newsroom's e-mails in."""
    try:
        return user.language_preference.language
    except LanguagePreference.DoesNotExist:
        return settings.LANGUAGE_CODE


def site_url(path):
    """``path`` (``/admin/…``) as an address a mail client can open."""
    return settings.SITE_URL + path


def plain_subject(subject):
    """One line, as a mail header must be: a newline would start a header of its own."""
    return " ".join(str(subject).split())


def message(*, to, subject, lead, links, note="", language=None):
    """
    One e-mail to the address ``to``: ``lead`` (a sentence), an optional
    ``note`` quoted below it, then ``links``, pairs of (label, absolute
    address), the first shown as a button. Text is never marked safe: the
    HTML part escapes a headline's ``<`` and ``&``, the text part and the
    subject keep them as typed.
    """
    language = language or translation.get_language()
    context = {
        "subject": plain_subject(subject),
        "lead": lead,
        "note": note,
        "links": links,
        "language": language,
        "direction": "rtl" if translation.get_language_bidi() else "ltr",
    }
    text = render_to_string("workflow/email/message.txt", context)
    html = render_to_string("workflow/email/message.html", context)
    mail = Mail(context["subject"], text, settings.DEFAULT_FROM_EMAIL, [to])
    mail.attach_alternative(html, "text/html")
    mail.extra_headers["Content-Language"] = language
    return mail
