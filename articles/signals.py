"""
Model signals of the reader site, connected by ``ArticlesConfig.ready()``.

They run whichever way content is saved (admin, a service, an import, the
shell), which is the point: a story's old address and the page cache must not
depend on every code path remembering them.
"""

from django.db.models.signals import m2m_changed, post_delete, post_init, post_save

from . import pagecache

# Apps whose rows readers see on public pages.
CONTENT_APPS = {"articles", "people", "media"}
# The newsroom's own records in those apps, never shown to readers. Saving one
# (a revision at every save, a presence heartbeat while a story is open) must
# not throw the whole page cache away.
PRIVATE_MODELS = {
    "articles.revision",
    "articles.transition",
    "articles.sharelink",
    "articles.editingpresence",
    "articles.importeditem",
    "articles.photoneeded",
}


def content_saved(sender, **kwargs):
    label = sender._meta.label_lower
    if sender._meta.app_label in CONTENT_APPS and label not in PRIVATE_MODELS:
        pagecache.content_changed()


def remember_address(sender, instance, **kwargs):
    """Keep the address a story was loaded with, to notice when it changes."""
    # A deferred field must not be loaded here (that would be a query per row).
    fields = instance.__dict__
    instance._loaded_address = (
        fields.get("month"),
        fields.get("slug"),
        fields.get("published_at"),
    )


def record_former_address(sender, instance, created, raw=False, **kwargs):
    """
    When a story's slug or month changes, its old address becomes a
    ``FormerAddress`` that redirects to the new one. Addresses of stories that
    never had a publish time were never public and are not kept.
    """
    from .models import FormerAddress

    month, slug, published_at = getattr(instance, "_loaded_address", (None, None, None))
    instance._loaded_address = (instance.month, instance.slug, instance.published_at)
    if created or raw or not (month and slug and published_at):
        return
    if (month, slug) == (instance.month, instance.slug):
        return
    FormerAddress.objects.update_or_create(month=month, slug=slug, defaults={"article": instance})
    # A story given back an address it had before needs no redirect from it.
    FormerAddress.objects.filter(month=instance.month, slug=instance.slug).delete()


def connect():
    from .models import Article

    post_init.connect(remember_address, sender=Article, dispatch_uid="article-address")
    post_save.connect(record_former_address, sender=Article, dispatch_uid="article-moved")
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_saved, dispatch_uid=f"reader-content-{id(signal)}")
