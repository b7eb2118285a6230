"""
What partners are told, and when (``signals`` calls these once a change is
committed): a notice per active webhook, recorded as a ``Delivery`` and sent
by ``tasks.deliver``.
"""

from django.utils import timezone

from articles.models import Article

from .models import Delivery, Webhook
from .ninjs import item_uri

PUBLISHED = "story.published"
CORRECTED = "story.corrected"
UNPUBLISHED = "story.unpublished"
SOURCE_PROTECTED = "source.protected"


def notify(*, event, article_id=None, article_ids=()):
    """
    Record and send ``event`` to every active webhook whose scope holds the
    story: about one story (``article_id``, its ``uri``) or, for a source
    newly protected, the stories to fetch again (``article_ids``, their
    ``uris``, each webhook those of its scope). Never any text.
    """
    from .tasks import TAKEDOWN_PRIORITY, deliver  # The task module imports this one.

    payload = {"event": event, "occurred": timezone.now().isoformat()}
    if article_id is not None:
        payload["uri"] = item_uri(article_id)
    send = deliver.using(priority=TAKEDOWN_PRIORITY) if event == UNPUBLISHED else deliver
    ids = [article_id] if article_id is not None else sorted(article_ids)
    stories = Article.objects.filter(pk__in=ids).only("section_id", "language").in_bulk()
    deliveries = []
    for webhook in Webhook.objects.filter(is_active=True):
        # A story deleted since is told to every partner: whoever has it must drop it.
        told = [pk for pk in ids if pk not in stories or webhook.covers(stories[pk])]
        if not told:
            continue
        if article_id is None:
            payload = payload | {"uris": [item_uri(pk) for pk in told]}
        deliveries.append(Delivery.objects.create(webhook=webhook, event=event, payload=payload))
    for delivery in deliveries:
        send.enqueue(delivery_id=delivery.pk)
    return deliveries
