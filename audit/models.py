"""
The audit log: who signed in, who failed, who changed a role, who marked a
protected source or looked at one's identity, who took or restored a backup.

Append-only. A row is written once, by ``audit.log.record``, and never
changed: ``save`` on a stored row and ``update`` on a queryset are refused.
Only ``prune`` (``manage.py prune_audit_log``) removes rows, those older
than ``settings.AUDIT_LOG_DAYS``. No client address is kept: the newsroom
keeps no record of where its staff sign in from.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    SIGNED_IN = "signed_in", _("signed in")
    SIGN_IN_FAILED = "sign_in_failed", _("sign-in failed")
    LOCKED_OUT = "locked_out", _("locked out after failed sign-ins")
    SIGNED_OUT = "signed_out", _("signed out")
    SESSION_ENDED = "session_ended", _("session ended")
    PASSWORD_CHANGED = "password_changed", _("password changed")
    ROLE_CHANGED = "role_changed", _("role changed")
    SOURCE_PROTECTED = "source_protected", _("marked a protected source")
    SOURCE_UNPROTECTED = "source_unprotected", _("unmarked a protected source")
    IDENTITY_VIEWED = "identity_viewed", _("viewed a protected identity")
    BACKUP_TAKEN = "backup_taken", _("took a backup")
    BACKUP_RESTORED = "backup_restored", _("restored a backup")
    LIVE_UPDATE_TAKEN_DOWN = "live_update_taken_down", _("took down a live update")
    # Sent by the second-factor app as signals, recorded from their receivers.
    SECOND_FACTOR_ADDED = "second_factor_added", _("added a second factor")
    SECOND_FACTOR_REMOVED = "second_factor_removed", _("removed a second factor")
    SECOND_FACTOR_FAILED = "second_factor_failed", _("second-factor code refused")
    RECOVERY_CODE_USED = "recovery_code_used", _("used a recovery code")
    SECOND_FACTOR_RESET = "second_factor_reset", _("reset a second factor")


class EntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("The audit log is append-only: its rows are never changed.")

    update.queryset_only = True

    def delete(self):
        raise TypeError("Audit log entries are removed only by age (manage.py prune_audit_log).")

    delete.queryset_only = True

    def prune(self, days):
        """Remove the entries older than ``days`` days; return how many were removed."""
        cutoff = timezone.now() - datetime.timedelta(days=days)
        # One DELETE statement: nothing points at an entry, so nothing cascades.
        return self.filter(when__lt=cutoff)._raw_delete(self.db)


class Entry(models.Model):
    """One thing that happened, as it was recorded at the time."""

    when = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    action = models.CharField(_("action"), max_length=40, choices=Action)
    # The account is kept by name as well: the name still reads after the
    # account is deleted (and the link to it is cleared).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_name = models.CharField(_("by (name)"), max_length=150, blank=True)
    target_type = models.ForeignKey(
        ContentType,
        verbose_name=_("kind of target"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    target_id = models.CharField(_("target id"), max_length=64, blank=True)
    target = models.CharField(_("target"), max_length=200, blank=True)
    detail = models.CharField(_("detail"), max_length=300, blank=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-when", "-pk"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        indexes = [
            models.Index(fields=["target_type", "target_id", "action"], name="audit_target"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__in=Action.values), name="audit_entry_known_action"
            ),
        ]

    def __str__(self):
        return f"{self.get_action_display()}: {self.actor_name or '—'} {self.target}".strip()

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("The audit log is append-only: its rows are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Audit log entries are removed only by age (manage.py prune_audit_log).")
