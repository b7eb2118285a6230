"""
The newsroom's e-mails, sent by background tasks (``django.tasks``): the
request that moves a story or asks for a password reset returns at once, and
a mail server that is slow or down delays the mail, never the desk.

A task is given ids, never a mail's text: the mail is written when it is sent,
so no reset link (a key to an account) is ever stored in the task list. A
failed send is tried again after the pauses of ``media.tasks.RETRY_AFTER``,
for the recipients not reached yet; each failed try stays visible to staff
under *Background tasks*.
"""

import logging
import smtplib

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import mailers
from django.tasks import task
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from media.tasks import retry_later

from .models import Transition
from .notifications import notice_mail, recipients

logger = logging.getLogger(__name__)
# Django's own reset form logs its failures here (SECURITY-TESTS.md item 8).
auth_logger = logging.getLogger("django.contrib.auth")

MAIL_ERRORS = (smtplib.SMTPException, OSError)


@task()
def send_notices(*, kind, step_id, user_ids=None, attempt=1):
    """
    Tell whoever ``notifications.recipients`` names of the move ``step_id``,
    one mail each; on a retry only ``user_ids``, those not reached before.
    Return how many mails were sent.
    """
    step = Transition.objects.select_related("article__section", "user").filter(pk=step_id).first()
    if step is None:
        return 0
    pending = recipients(kind, step)
    if user_ids is not None:
        pending = [(notice, user) for notice, user in pending if user.pk in user_ids]
    for sent, (notice, user) in enumerate(pending):
        try:
            mailers.default.send_messages([notice_mail(notice, step, user)])
        except MAIL_ERRORS:
            logger.exception("Workflow e-mail about story %s could not be sent.", step.article_id)
            retry_later(
                send_notices,
                attempt=attempt,
                kind=kind,
                step_id=step_id,
                user_ids=[user.pk for _notice, user in pending[sent:]],
            )
            raise
    return len(pending)


@task()
def send_password_reset(*, user_id, attempt=1):
    """
    Mail user ``user_id`` a link to choose a new password, made now: it works
    once, within ``PASSWORD_RESET_TIMEOUT``, and is stored nowhere.
    """
    # accounts imports this module.
    from .accounts import password_reset_mail

    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.has_usable_password() or not user.email:
        return False
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    mail = password_reset_mail(user, uid=uid, token=default_token_generator.make_token(user))
    try:
        mailers.default.send_messages([mail])
    except MAIL_ERRORS:
        auth_logger.exception("Failed to send password reset email to %s", user.pk)
        retry_later(send_password_reset, attempt=attempt, user_id=user_id)
        raise
    return True


@task()
def send_account_notice(*, user_id, kind, details, attempt=1):
    """
    Tell user ``user_id`` what happened to their account (``account_events.NOTICES``):
    a sign-in from a new browser, a password changed…
    """
    from .account_events import account_notice  # It imports this module.

    user = get_user_model().objects.filter(pk=user_id).exclude(email="").first()
    if user is None:
        return False
    try:
        mailers.default.send_messages([account_notice(user, kind, details)])
    except MAIL_ERRORS:
        logger.exception("The account notice to user %s could not be sent.", user_id)
        retry_later(
            send_account_notice, attempt=attempt, user_id=user_id, kind=kind, details=details
        )
        raise
    return True
