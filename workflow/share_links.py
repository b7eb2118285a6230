"""
Share links: a signed, expiring, revocable address that shows one unpublished
story, read-only, to someone outside the newsroom, dead for good once the
story has gone live.
"""

import datetime
import secrets

from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext as _

from .errors import NotAllowed, WorkflowError
from .models import ShareLink
from .roles import is_editor

SHARE_LINK_SALT = "articles.share-link"


SHARE_LINK_LONGEST = datetime.timedelta(days=30)


class _ShareSigner(signing.TimestampSigner):
    """Signs with the link's creation time, so a link's token never changes."""

    def __init__(self, *, at=None):
        super().__init__(salt=SHARE_LINK_SALT)
        self.at = at

    def timestamp(self):
        if self.at is None:
            return super().timestamp()
        return signing.b62_encode(int(self.at.timestamp()))


def share_token(link):
    return _ShareSigner(at=link.created_at).sign(link.key)


def create_share_link(*, article, editor, recipient, expires_in):
    """
    A link showing the unpublished story, read-only, until ``expires_in``
    (a timedelta, at most 30 days) has passed or it is revoked.
    """
    if not is_editor(editor):
        raise NotAllowed(_("Only editors share stories outside the newsroom."))
    recipient = (recipient or "").strip()
    if not recipient:
        raise WorkflowError(_("Say who the link is for."))
    if not datetime.timedelta(0) < expires_in <= SHARE_LINK_LONGEST:
        raise WorkflowError(_("A link lasts at most 30 days."))
    if article.is_live():
        raise WorkflowError(_("The story is published: share its public address instead."))
    now = timezone.now().replace(microsecond=0)
    expires_at = now + expires_in
    if article.is_scheduled(now=now):
        # A link dies when its story goes live.
        expires_at = min(expires_at, article.published_at)
    return ShareLink.objects.create(
        article=article,
        key=secrets.token_urlsafe(24),
        recipient=recipient,
        created_by=editor,
        created_at=now,
        expires_at=expires_at,
    )


def end_share_links(*, article, at, editor):
    """
    The story goes live at ``at``: its share links die then, for good. Taken
    down again later, the story is not shown through an old link: a link is
    for a story nobody outside has seen, and this one has been public.
    """
    links = ShareLink.objects.filter(article=article, revoked_at__isnull=True)
    if at <= timezone.now():
        links.update(revoked_at=at, revoked_by=editor)
    else:
        links.filter(expires_at__gt=at).update(expires_at=at)


def revoke_share_link(*, link, editor):
    if not is_editor(editor):
        raise NotAllowed(_("Only editors revoke share links."))
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.revoked_by = editor
        link.save(update_fields=["revoked_at", "revoked_by"])
    return link


def shared_article(token):
    """
    The story a share token shows, or None for a forged, expired, revoked or
    published one. The signature is checked (in constant time) before the
    database is asked anything.
    """
    signer = _ShareSigner()
    try:
        key = signer.unsign(token, max_age=SHARE_LINK_LONGEST)
    except signing.BadSignature:
        return None
    link = ShareLink.objects.filter(key=key).select_related("article").first()
    if link is None or not link.is_active():
        return None
    try:
        signer.unsign(token, max_age=link.expires_at - link.created_at)
    except signing.BadSignature:
        return None
    if link.article.is_live():
        return None
    return link.article
