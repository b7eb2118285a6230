"""
The choices stories are made of: language, workflow status, byline role, kind
of correction, how and with what answer a request for comment went.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    KHMER = "km", _("Khmer")


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")


class BylineRole(models.TextChoices):
    WRITER = "writer", _("Writer")
    PHOTOGRAPHER = "photographer", _("Photographer")
    CONTRIBUTOR = "contributor", _("Contributor")
    TRANSLATOR = "translator", _("Translator")


class CorrectionKind(models.TextChoices):
    CORRECTION = "correction", _("Correction")
    CLARIFICATION = "clarification", _("Clarification")
    RETRACTION = "retraction", _("Retraction")


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
