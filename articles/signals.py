"""
A story's old address keeps working: connected by ``ArticlesConfig.ready()``.

It runs whichever way a story is saved (admin, a service, an import, the
shell), which is the point: the redirect must not depend on every code path
remembering it.
"""

from django.db.models.signals import post_save


def record_former_address(sender, instance, created, raw=False, **kwargs):
    """
    When a story's slug or month changes, its old address becomes a
    ``FormerAddress`` that redirects to the new one. Addresses of stories that
    never had a publish time were never public and are not kept.
    """
    from .models import FormerAddress

    stored = getattr(instance, "stored_state", {})
    month, slug, published_at = (stored.get(name) for name in ("month", "slug", "published_at"))
    if created or raw or not (month and slug and published_at):
        return
    if (month, slug) == (instance.month, instance.slug):
        return
    FormerAddress.objects.update_or_create(month=month, slug=slug, defaults={"article": instance})
    # A story given back an address it had before needs no redirect from it.
    FormerAddress.objects.filter(month=instance.month, slug=instance.slug).delete()


def connect():
    from .models import Article

    post_save.connect(record_former_address, sender=Article, dispatch_uid="article-moved")
