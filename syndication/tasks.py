"""
Sending webhook notices in the background (``django.tasks``), tried again
after a failure with growing pauses (``RETRY_AFTER``); each try is recorded
on its ``Delivery`` for staff to see.
"""

import datetime

from django.core.exceptions import ValidationError
from django.tasks import task
from django.utils import timezone

from articles.models import Article
from media.tasks import retry_later

from . import services, webhooks
from .models import Delivery

# Seconds before the second, third… try: short at first, so that a takedown
# reaches a partner whose server hiccupped within a minute.
RETRY_AFTER = (5, 15, 60, 300, 1800, 7200)
# Takedowns go before anything else waiting.
TAKEDOWN_PRIORITY = 100


@task()
def deliver(*, delivery_id, attempt=1):
    """Send one notice; on failure, try again later while tries are left."""
    delivery = Delivery.objects.select_related("webhook").filter(pk=delivery_id).first()
    if delivery is None or delivery.status == Delivery.Status.DELIVERED:
        return False
    try:
        code = webhooks.post(delivery.webhook.url, delivery.webhook.secret, delivery.payload)
        failure = "" if 200 <= code < 300 else f"HTTP {code}"
    except (OSError, ValidationError) as error:
        code, failure = None, str(error) or type(error).__name__
    now = timezone.now()
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.response_code = code
    delivery.error = failure
    if not failure:
        delivery.status = Delivery.Status.DELIVERED
        delivery.delivered_at = now
        delivery.save()
        return True
    # Saved before the next try is enqueued: a backend that runs it at once
    # records that try on the row, which this one must not overwrite.
    delivery.status = Delivery.Status.RETRYING
    delivery.save()
    retrying = retry_later(
        deliver.using(priority=TAKEDOWN_PRIORITY) if is_takedown(delivery) else deliver,
        attempt=attempt,
        delays=RETRY_AFTER,
        delivery_id=delivery_id,
    )
    if not retrying:
        delivery.status = Delivery.Status.FAILED
        delivery.save(update_fields=["status"])
    return False


def is_takedown(delivery):
    return delivery.event == services.UNPUBLISHED


@task()
def announce_publication(*, article_id, published_at):
    """
    Tell partners a story is published, once readers see it: a scheduled
    story's task waits for its publish time, and does nothing if the story
    was unpublished or moved to another time meanwhile.
    """
    published_at = datetime.datetime.fromisoformat(published_at)
    story = Article.objects.published().filter(pk=article_id, published_at=published_at)
    if story.exists():
        services.notify(event=services.PUBLISHED, article_id=article_id)
