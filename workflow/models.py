from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article, ArticleStatus, LiveUpdate


class SavedContent(models.Model):
    """What one save left, numbered, as JSON, with who saved it and when; never changed."""

    number = models.PositiveIntegerField(_("number"))
    content = models.JSONField(_("content"), encoder=DjangoJSONEncoder)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("saved"), default=timezone.now)

    class Meta:
        abstract = True


class Revision(SavedContent):
    """
    A story's full content as saved once: text, filing, bylines, photos and
    quotes, as JSON (``articles.services.snapshot``). Restoring one saves
    its content again as a new revision; revisions are never changed.
    """

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="revisions"
    )
    version = models.PositiveIntegerField(
        _("story version"), help_text=_("The story's version number this content was saved as.")
    )

    class Meta:
        db_table = "articles_revision"
        ordering = ["article", "-number"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "number"], name="revision_unique_number_per_story"
            ),
        ]

    def __str__(self):
        return _("Revision %(number)s of “%(story)s”") % {
            "number": self.number,
            "story": self.content.get("headline", ""),
        }


class LiveUpdateRevision(SavedContent):
    """
    A live update as one save left it (title, text, photo, quotes), in the
    shape of a story revision's content so the same diff reads it
    (``workflow.live.update_snapshot``). Never changed.
    """

    update = models.ForeignKey(
        LiveUpdate,
        verbose_name=_("live update"),
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    version = models.PositiveIntegerField(_("update version"))

    class Meta:
        ordering = ["update", "-number"]
        verbose_name = _("live update revision")
        verbose_name_plural = _("live update revisions")
        constraints = [
            models.UniqueConstraint(
                fields=["update", "number"], name="live_update_revision_unique_number"
            ),
        ]

    def __str__(self):
        return _("Revision %(number)s of the update “%(update)s”") % {
            "number": self.number,
            "update": self.update,
        }


class Transition(models.Model):
    """One step of a story through the workflow: who moved it, when, from where to where."""

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="transitions"
    )
    from_status = models.CharField(_("from"), max_length=20, choices=ArticleStatus)
    to_status = models.CharField(_("to"), max_length=20, choices=ArticleStatus)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    publish_at = models.DateTimeField(_("publish time"), null=True, blank=True)
    revision = models.ForeignKey(
        Revision,
        verbose_name=_("revision"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        db_table = "articles_transition"
        ordering = ["article", "created_at", "pk"]
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        constraints = [
            models.CheckConstraint(
                condition=Q(from_status__in=[choice.value for choice in ArticleStatus])
                & Q(to_status__in=[choice.value for choice in ArticleStatus]),
                name="transition_statuses_valid",
            ),
        ]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"

    @property
    def is_scheduling(self):
        return (
            self.to_status == ArticleStatus.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > self.created_at
        )


class ShareLink(models.Model):
    """
    A signed, expiring, revocable address that shows one unpublished story,
    read-only, to someone outside the newsroom (a lawyer, a translator).
    """

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="share_links"
    )
    key = models.CharField(_("key"), max_length=64, unique=True, editable=False)
    recipient = models.CharField(
        _("shared with"),
        max_length=200,
        help_text=_("Who the link is for: “our lawyer”, “the Khmer translator”."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        db_table = "articles_sharelink"
        ordering = ["article", "-created_at"]
        verbose_name = _("share link")
        verbose_name_plural = _("share links")
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")),
                name="share_link_expires_after_creation",
            ),
        ]

    def __str__(self):
        return _("Preview of “%(story)s” for %(recipient)s") % {
            "story": self.article,
            "recipient": self.recipient,
        }

    def is_active(self, *, now=None):
        return self.revoked_at is None and self.expires_at > (now or timezone.now())


class EditingPresence(models.Model):
    """Who has a story open in the workspace, and when they were last seen there."""

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="presences"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    last_seen = models.DateTimeField(_("last seen"), default=timezone.now)

    class Meta:
        db_table = "articles_editingpresence"
        ordering = ["article", "-last_seen"]
        verbose_name = _("open story")
        verbose_name_plural = _("open stories")
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="presence_unique_user"),
        ]

    def __str__(self):
        return f"{self.user} on “{self.article}”"


class LanguagePreference(models.Model):
    """
    The language a member of staff reads the newsroom's e-mails in. Someone
    without one gets the site's default language (``settings.LANGUAGE_CODE``).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="language_preference",
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the e-mails the newsroom sends them."),
    )

    class Meta:
        ordering = ["user__username"]
        verbose_name = _("language preference")
        verbose_name_plural = _("language preferences")
        constraints = [
            models.CheckConstraint(
                condition=Q(language__in=[code for code, _name in settings.LANGUAGES]),
                name="language_preference_known_language",
            ),
        ]

    def __str__(self):
        return f"{self.user}: {self.get_language_display()}"


class StaffSession(models.Model):
    """
    A signed-in session of a member of staff: what its owner sees of it (the
    browser and system, when it signed in, when it was last used), and whether
    it may go on. Known by a hash of the session's key, never the key itself.
    Removing the row ends the session (``workflow.sessions``).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="staff_sessions",
    )
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)
    browser = models.CharField(_("browser"), max_length=40, blank=True)
    system = models.CharField(_("system"), max_length=40, blank=True)
    signed_in_at = models.DateTimeField(_("signed in"), default=timezone.now)
    last_active = models.DateTimeField(_("last active"), default=timezone.now)

    class Meta:
        ordering = ["user", "-last_active"]
        verbose_name = _("signed-in session")
        verbose_name_plural = _("signed-in sessions")

    def __str__(self):
        return self.device

    @property
    def device(self):
        """The browser and system in words (“Firefox on Windows”), in the active language."""
        if self.browser and self.system:
            return str(
                _("%(browser)s on %(system)s") % {"browser": self.browser, "system": self.system}
            )
        return self.browser or self.system or str(_("an unknown browser"))


class KnownBrowser(models.Model):
    """
    A browser a member of staff has signed in from before: a hash of the
    random id its long-lived cookie holds. A sign-in from any other is told
    to them by e-mail (``workflow.signins``).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    browser_hash = models.CharField(_("browser hash"), max_length=64)
    first_seen = models.DateTimeField(_("first seen"), default=timezone.now)

    class Meta:
        verbose_name = _("known browser")
        verbose_name_plural = _("known browsers")
        constraints = [
            models.UniqueConstraint(fields=["user", "browser_hash"], name="known_browser_once"),
        ]

    def __str__(self):
        return f"{self.user}: {self.browser_hash[:8]}"


class SecondFactorRequirement(models.Model):
    """
    A member of staff an administrator asked to sign in with a second factor,
    although their role does not call for one (``second_factor.policy``).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="second_factor_requirement",
    )
    required_at = models.DateTimeField(_("required since"), default=timezone.now)

    class Meta:
        ordering = ["user__username"]
        verbose_name = _("second factor requirement")
        verbose_name_plural = _("second factor requirements")

    def __str__(self):
        return str(self.user)
