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


# A story in these states is on public pages, or will be at its publish time.
READER_STATUSES = {"published", "approved"}


def content_saved(sender, instance=None, created=False, action=None, **kwargs):
    label = sender._meta.label_lower
    if sender._meta.app_label not in CONTENT_APPS or label in PRIVATE_MODELS:
        return
    if action is not None and action.startswith("pre_"):
        # m2m_changed fires before and after each change: once is enough.
        return
    relevant = concerns_readers(instance, created)
    if hasattr(instance, "_loaded_status"):
        # The next save of this same object compares with what was saved now.
        instance._loaded_status = instance.status
    if relevant:
        pagecache.content_changed()


def concerns_readers(instance, created=False):
    """
    Whether a change to ``instance`` can alter a public page. A draft and its
    parts (bylines, quotes, photos placed…) cannot, unless the story was public
    when it was loaded (an unpublished story must leave every page at once):
    journalists saving drafts all day then leave readers' cached pages alone.
    """
    from .models import Article

    if isinstance(instance, Article):
        if instance.status in READER_STATUSES:
            return True
        if created:
            return False
        loaded = getattr(instance, "_loaded_status", None)
        return loaded is None or loaded in READER_STATUSES
    article_id = getattr(instance, "article_id", None)
    if article_id is not None:
        # The admin's inline rows carry their story: no query per row then.
        article = instance._state.fields_cache.get("article")
        if isinstance(article, Article) and article.pk == article_id:
            return concerns_readers(article)
        return Article.objects.filter(pk=article_id, status__in=READER_STATUSES).exists()
    return True


def remember_address(sender, instance, **kwargs):
    """Keep the address a story was loaded with, to notice when it changes."""
    # A deferred field must not be loaded here (that would be a query per row).
    fields = instance.__dict__
    instance._loaded_address = (
        fields.get("month"),
        fields.get("slug"),
        fields.get("published_at"),
    )
    instance._loaded_status = fields.get("status")


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
