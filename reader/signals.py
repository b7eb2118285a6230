"""
The page cache follows every change readers can see: connected by
``ReaderConfig.ready()``.

Any saved change to a row of the apps readers see (stories and their parts,
quotes, people, photographs) starts a new content version, whichever way it
is saved (admin, a service, an import, the shell). The newsroom's own records
(revisions, workflow steps, share links, imports) live in other apps, so
saving them leaves readers' cached pages alone.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from . import pagecache

# Apps whose rows readers see on public pages.
CONTENT_APPS = {"people", "media", "articles", "quotes"}


def content_saved(sender, instance=None, created=False, action=None, **kwargs):
    if sender._meta.app_label not in CONTENT_APPS:
        return
    if action is not None and action.startswith("pre_"):
        # m2m_changed fires before and after each change: once is enough.
        return
    if concerns_readers(instance, created):
        pagecache.start_new_version()


def concerns_readers(instance, created=False):
    """
    Whether a change to ``instance`` can alter a public page. A draft and its
    parts (bylines, quotes, photos placed…) cannot, unless the story reached
    readers when it was loaded (an unpublished story must leave every page at
    once): journalists saving drafts all day leave readers' cached pages alone.
    """
    from articles.models import Article

    if isinstance(instance, Article):
        if instance.reaches_readers():
            return True
        if created:
            return False
        stored = getattr(instance, "stored_state", {}).get("status")
        return stored is None or Article.status_reaches_readers(stored)
    article_id = getattr(instance, "article_id", None)
    if article_id is not None:
        # The admin's inline rows carry their story: no query per row then.
        article = instance._state.fields_cache.get("article")
        if isinstance(article, Article) and article.pk == article_id:
            return concerns_readers(article)
        return Article.objects.reaching_readers().filter(pk=article_id).exists()
    return True


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_saved, dispatch_uid=f"reader-content-{id(signal)}")
