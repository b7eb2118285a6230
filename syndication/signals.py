"""
When partners are told (``SyndicationConfig.ready()`` connects these): the
same "what changed" a save tells the page cache (``reader.signals``), once
the change is committed, so a change rolled back tells nobody.

- a story reaching readers (published, or scheduled: told at its publish time);
- a correction added to a story readers see, or a live update taken off one
  (partners fetch the story again: the update is gone from it);
- a story leaving readers (``reader.signals.is_takedown``): a takedown;
- a person becoming a protected source: the stories readers see that show them.
"""

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_save, pre_save
from django.utils import timezone

from articles.models import Article, Correction, LiveUpdate
from people.signals import source_protected
from reader.signals import is_takedown

from . import services


def story_saved(sender, instance, created=False, **kwargs):
    from .tasks import announce_publication

    stored = getattr(instance, "stored_state", {})
    was_public = not created and Article.status_reaches_readers(stored.get("status"))
    if instance.reaches_readers() and (
        not was_public or stored.get("published_at") != instance.published_at
    ):
        published_at = instance.published_at
        task = announce_publication
        if published_at > timezone.now() and task.get_backend().supports_defer:
            task = task.using(run_after=published_at)
        transaction.on_commit(
            lambda: task.enqueue(article_id=instance.pk, published_at=published_at.isoformat())
        )
    elif is_takedown(instance) and was_seen(stored):
        article_id = instance.pk
        transaction.on_commit(
            lambda: services.notify(event=services.UNPUBLISHED, article_id=article_id)
        )


def was_seen(stored):
    """Whether readers (so partners) could have seen the story before this save."""
    published_at = stored.get("published_at")
    return published_at is not None and published_at <= timezone.now()


def correction_saved(sender, instance, created=False, **kwargs):
    if not created:
        return
    article_id = instance.article_id

    def tell():
        if Article.objects.published().filter(pk=article_id).exists():
            services.notify(event=services.CORRECTED, article_id=article_id)

    transaction.on_commit(tell)


def update_saving(sender, instance, **kwargs):
    """Note whether the update was taken down before this save (one query, on an update's save)."""
    instance.was_taken_down = (
        instance.pk is not None
        and LiveUpdate.objects.filter(pk=instance.pk, taken_down_at__isnull=False).exists()
    )


def update_saved(sender, instance, created=False, **kwargs):
    if created or not instance.is_taken_down or getattr(instance, "was_taken_down", True):
        return
    article_id = instance.article_id

    def tell():
        if Article.objects.published().filter(pk=article_id).exists():
            services.notify(event=services.CORRECTED, article_id=article_id)

    transaction.on_commit(tell)


def source_was_protected(sender, person, **kwargs):
    def tell():
        showing = (
            Q(quotes__speaker=person)
            | Q(people=person)
            | Q(bylines__person=person)
            | Q(lead_photo__photographer=person)
            | Q(placed_photos__photograph__photographer=person)
        )
        stories = set(Article.objects.published().filter(showing).values_list("pk", flat=True))
        if stories:
            services.notify(event=services.SOURCE_PROTECTED, article_ids=stories)

    transaction.on_commit(tell)


def connect():
    post_save.connect(story_saved, sender=Article, dispatch_uid="syndication-story")
    post_save.connect(correction_saved, sender=Correction, dispatch_uid="syndication-correction")
    pre_save.connect(update_saving, sender=LiveUpdate, dispatch_uid="syndication-update-saving")
    post_save.connect(update_saved, sender=LiveUpdate, dispatch_uid="syndication-update")
    source_protected.connect(source_was_protected, dispatch_uid="syndication-protected")
