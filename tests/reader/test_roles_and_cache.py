from django.test import TestCase

from articles.models import Article
from people.models import Person
from quotes.models import Quote
from reader import pagetags
from tests.support.factories import (
    make_article,
    make_person,
    make_published_article,
    make_quote,
    make_topic,
    make_user,
)
from tests.support.staff import sign_in
from workflow import presence, revisions


class PersonLoginLinkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.journalist = make_user("reporter", role="Journalists")
        cls.editor = make_user("desk", role="Editors")
        cls.superuser = make_user("chief", is_superuser=True)
        cls.target = make_user("another-editor", role="Editors")

    def add_person(self, user, name):
        sign_in(self.client, user)
        return self.client.post(
            "/admin/people/person/add/",
            {
                "name": name,
                "user": self.target.pk,
                "aliases-TOTAL_FORMS": "0",
                "aliases-INITIAL_FORMS": "0",
                "affiliations-TOTAL_FORMS": "0",
                "affiliations-INITIAL_FORMS": "0",
                "former_slugs-TOTAL_FORMS": "0",
                "former_slugs-INITIAL_FORMS": "0",
            },
        )

    def test_journalists_and_editors_cannot_link_a_login(self):
        """Only account managers tie a person to a login; a posted `user` is ignored."""
        for user, name in ((self.journalist, "Keo Dara"), (self.editor, "Chea Vanna")):
            with self.subTest(user=user.username):
                response = self.add_person(user, name)
                self.assertEqual(response.status_code, 302)
                self.assertIsNone(Person.objects.get(name=name).user)

    def test_superuser_links_a_login(self):
        response = self.add_person(self.superuser, "Meas Sokha")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Person.objects.get(name="Meas Sokha").user, self.target)


class PageCacheScopeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors")
        cls.article = make_article(bylines=[make_person("Sok Chan")])

    def test_newsroom_records_keep_the_reader_cache(self):
        """A revision or a presence heartbeat is not a change readers see."""
        before = pagetags.generation()
        revisions.record_revision(article=self.article, user=self.editor, force=True)
        presence.mark_presence(article=self.article, user=self.editor)
        presence.mark_absence(article=self.article, user=self.editor)
        self.assertEqual(pagetags.generation(), before)

    def test_reader_content_starts_a_new_version(self):
        published = make_published_article(bylines=[make_person("Keo Dara")])
        before = pagetags.generation()
        make_quote(published)
        self.assertTrue(Quote.objects.exists())
        self.assertNotEqual(pagetags.generation(), before)

    def test_drafts_keep_the_reader_cache(self):
        """Journalists saving drafts all day do not throw readers' cached pages away."""
        author, topic = make_person("Chan Dara"), make_topic()
        before = pagetags.generation()
        draft = make_article("A draft about rice prices", bylines=[author])
        make_quote(draft, speaker=author)
        draft.body = "Rewritten."
        draft.save()
        draft.topics.add(topic)
        self.assertEqual(pagetags.generation(), before)
        # A new person or topic may show on public lists: that does count.
        make_person("Meas Sokha")
        self.assertNotEqual(pagetags.generation(), before)

    def test_unpublishing_starts_a_new_version(self):
        """A story taken down (a legal threat) leaves every cached page at once."""
        published = make_published_article(bylines=[make_person("Keo Dara")])
        before = pagetags.generation()
        story = Article.objects.get(pk=published.pk)
        story.status = Article.Status.UNPUBLISHED
        story.save()
        self.assertNotEqual(pagetags.generation(), before)
        after = pagetags.generation()
        # Saved again while unpublished, it is a draft like any other.
        story.body = "Still down."
        story.save()
        self.assertEqual(pagetags.generation(), after)
