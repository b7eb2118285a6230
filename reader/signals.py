"""
The page cache follows every change readers can see: connected by
``ReaderConfig.ready()``.

Any saved change to a row of the apps readers see (stories and their parts,
quotes, people, photographs) renews the cached pages that show it, whichever
way it is saved (admin, a service, an import, the shell); ``reader.pagetags``
says how. The newsroom's own records (revisions, workflow steps, share
links, imports) live in other apps, so saving them renews nothing.

What a change renews (``changed_tags``):

- a story that reaches readers, or did when it was loaded (published,
  corrected, unpublished), or a part of one (byline, quote, photo placed,
  correction, request for comment): the pages showing it, and the lists it
  may join: the latest stories, its section's, its topics', and those of
  the people it makes public (``story_tags``). Other stories' pages stay: a
  new story joins their related stories when they expire (``PAGE_SECONDS``).
- a live story's coverage or one of its updates: the pages showing them
  (``live:<story>``: its page, the answer its page polls, its feed of
  updates, its API item), not the lists showing the story, which show no
  update; a quote said in an update renews as any quote does.
- a draft or its parts: nothing.
- a person or their roles, aliases, addresses: every page showing them (a protected source
  leaves all at once); a photograph: every page showing it (a withdrawn
  photo too).
- anything else readers see (sections, topics, organizations…): every page.
"""

from django.db.models.signals import m2m_changed, post_delete, post_init, post_save

from . import pagetags, stored

# Apps whose rows readers see on public pages.
CONTENT_APPS = {"people", "media", "articles", "quotes"}


def content_saved(sender, instance=None, created=False, action=None, **kwargs):
    if sender._meta.app_label not in CONTENT_APPS:
        return
    if action is not None and action.startswith("pre_"):
        # m2m_changed fires before and after each change: once is enough.
        return
    tags = changed_tags(instance, created, m2m=action is not None)
    pagetags.renew(tags, urgent=is_takedown(instance))
    stored.forget(tags)


def is_takedown(instance):
    """
    Whether a change takes something off the site that must leave a CDN at
    once: a story leaving readers, a live update taken down, a photo
    withdrawn, a source protected.
    """
    from articles.models import Article, LiveUpdate
    from media.models import Photograph
    from people.models import Person

    if isinstance(instance, LiveUpdate):
        return instance.is_taken_down
    if isinstance(instance, Article):
        stored = getattr(instance, "stored_state", {}).get("status")
        return (
            stored is not None
            and Article.status_reaches_readers(stored)
            and not instance.reaches_readers()
        )
    if isinstance(instance, Photograph):
        return instance.is_withdrawn
    return isinstance(instance, Person) and instance.is_protected_source


def changed_tags(instance, created=False, m2m=False):
    """The tags of the pages a change to ``instance`` renews (see the module's docstring)."""
    from articles.models import Article, LiveCoverage, LiveUpdate, SearchDocument
    from media.models import Photograph
    from people.models import Person

    if isinstance(instance, LiveUpdate | LiveCoverage):
        return {f"live:{instance.article_id}"} if concerns_readers(instance) else set()
    if isinstance(instance, Article):
        if not concerns_readers(instance, created):
            return set()
        stored = getattr(instance, "stored_state", {}).get("status")
        arriving_or_leaving = (
            created
            or stored is None
            or (Article.status_reaches_readers(stored) != instance.reaches_readers())
        )
        tags = story_tags(instance.pk, arriving_or_leaving=arriving_or_leaving)
        if instance.translation_of_id:
            # Its translation's page links to it once it is published.
            tags.add(f"story:{instance.translation_of_id}")
        return tags
    if m2m:
        # A change seen from the other side (person.articles.add()): rare.
        return {pagetags.EVERYTHING}
    if isinstance(instance, Person):
        return {f"person:{instance.pk}"}
    if isinstance(instance, Photograph):
        return {f"photo:{instance.pk}"}
    if isinstance(instance, SearchDocument):
        return set()  # Kept by a trigger from the story, whose save renews.
    if getattr(instance, "article_id", None) is not None:
        # A part of a story: byline, quote, photo placed, correction…
        return story_tags(instance.article_id) if concerns_readers(instance) else set()
    if getattr(instance, "person_id", None) is not None:
        # A part of a person: role, alias, former address.
        return {f"person:{instance.person_id}"}
    return {pagetags.EVERYTHING}


def story_tags(article_id, *, arriving_or_leaving=False):
    """
    The pages showing a story or whose lists it may join; and, for a story
    arriving on or leaving the site, the navigation when it is the only one
    of its section.
    """
    from articles.models import Article

    tags = {f"story:{article_id}", "latest"}
    section = None
    for kind, pk in filed_under(article_id):
        if pk is not None:
            tags.add(f"stories-of:{kind}:{pk}")
            section = pk if kind == "section" else section
    if not arriving_or_leaving:
        return tags
    others = Article.objects.published().filter(section_id=section).exclude(pk=article_id)
    if not others.exists():
        # The section enters or leaves the site's navigation.
        tags.add("nav")
    return tags


def filed_under(article_id):
    """``(kind, pk)`` of the lists story ``article_id`` is filed under, in one query."""
    from articles.models import Article

    return list(Article.objects.filter(pk=article_id).filed_under())


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
    article_id = instance.article_id
    # The admin's inline rows carry their story: no query per row then.
    article = instance._state.fields_cache.get("article")
    if isinstance(article, Article) and article.pk == article_id:
        return concerns_readers(article)
    return Article.objects.reaching_readers().filter(pk=article_id).exists()


def shown(sender, instance, **kwargs):
    """A story, person or photograph loaded while a page is rendered is one the page shows."""
    if instance.pk is not None and pagetags.collecting.get() is not None:
        pagetags.shows(f"{TAGGED[sender]}:{instance.pk}")


TAGGED = {}


def connect():
    from articles.models import Article
    from media.models import Photograph
    from people.models import Person

    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_saved, dispatch_uid=f"reader-content-{id(signal)}")
    TAGGED.update({Article: "story", Person: "person", Photograph: "photo"})
    for model in TAGGED:
        post_init.connect(shown, sender=model, dispatch_uid=f"reader-shown-{model.__name__}")
