"""
Previews before publication (the whole story, and the body as it is typed on
the story form), share links for people outside the newsroom, what readers
get for a story that is not theirs to see, and the editor's desk.
"""

import datetime

import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.cache import cache
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.support.factories import (
    make_article,
    make_journalist,
    make_person,
    make_photograph,
    make_quote,
    make_ready_article,
    make_section,
    make_user,
    place_photo,
)
from tests.support.staff import sign_in
from workflow import errors, revisions, services, share_links
from workflow.models import ShareLink

SECRET_HEADLINE = "Governor named in land sale"


def preview_url(article):
    return reverse("admin:articles_article_preview", args=[article.pk])


def make_desk(test_class):
    """An editor, the journalist whose draft it is, and another journalist."""
    test_class.editor = make_user("desk", role="Editors")
    test_class.author = make_journalist("reporter", name="Sok Chan")
    test_class.other = make_journalist("other", name="Keo Dara")


class StaffPreviewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_desk(cls)
        cls.draft = make_ready_article(SECRET_HEADLINE, bylines=[cls.author.person])

    def test_editor_and_author_preview_in_the_public_template(self):
        """The draft is shown in the story template, marked as a preview, not for search engines."""
        for user in [self.editor, self.author]:
            with self.subTest(user=user.username):
                sign_in(self.client, user)
                response = self.client.get(preview_url(self.draft))
                self.assertEqual(response.status_code, 200)
                self.assertTemplateUsed(response, "reader/article_detail.html")
                self.assertContains(response, SECRET_HEADLINE)
                self.assertTrue(response.context["preview"])
                self.assertIn("private", response["Cache-Control"])
                self.assertIn("no-store", response["Cache-Control"])
                self.assertIn("noindex", response["X-Robots-Tag"])
                self.assertEqual(response["Referrer-Policy"], "no-referrer")

    def test_view_on_site_of_no_story_number_is_404(self):
        """A "digit" that is no number ("²"), or a number past the database's: 404, not 500."""
        sign_in(self.client, self.editor)
        content_type = ContentType.objects.get_for_model(Article)
        for object_id in ["²", "12a", "100000000000000000000"]:
            with self.subTest(object_id=object_id):
                url = reverse("admin:view_on_site", args=[content_type.pk, object_id])
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_other_journalist_and_anonymous_get_nothing(self):
        sign_in(self.client, self.other)
        response = self.client.get(preview_url(self.draft))
        self.assertEqual(response.status_code, 404)
        self.assertNotContains(response, SECRET_HEADLINE, status_code=404)
        self.client.logout()
        response = self.client.get(preview_url(self.draft))
        self.assertEqual(response.status_code, 302)

    def test_preview_is_read_only(self):
        """A POST to the preview cannot render, or change, anything."""
        sign_in(self.client, self.editor)
        response = self.client.post(preview_url(self.draft), {"pk": 1})
        self.assertEqual(response.status_code, 405)


SECRET_BODY = "The governor's name is in the land register."


def body_preview_url(article):
    return reverse("admin:articles_article_body_preview", args=[article.pk])


class BodyPreviewTests(TestCase):
    """
    The story form's body preview: the text being typed, rendered as readers
    will see it, for those who may edit the story and nobody else.
    """

    @classmethod
    def setUpTestData(cls):
        make_desk(cls)
        cls.draft = make_article(bylines=[cls.author.person], body=SECRET_BODY)
        place_photo(cls.draft, make_photograph(caption="Relatives wait outside the court."))
        make_quote(
            cls.draft,
            speaker=make_person("Pa Chanroeun"),
            text="We will not give up our land",
            speaker_role="president of the institute",
        )

    def preview(self, user, text, article=None, client=None):
        client = client or self.client
        if user is not None:
            sign_in(client, user)
        return client.post(body_preview_url(article or self.draft), {"body": text})

    def test_markdown_and_markers_rendered_as_on_the_story_page(self):
        """Markdown is rendered; [photo 1] and [quote 1] become the photo and the pull quote."""
        response = self.preview(
            self.author, "A *first* line.\n\n[photo 1]\n\n## Next\n\n[quote 1]\n\n[quote 4]"
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<em>first</em>", html=True)
        self.assertContains(response, "<h2>Next</h2>", html=True)
        self.assertContains(response, 'class="story__photo"')
        self.assertContains(response, "Relatives wait outside the court.")
        self.assertContains(response, "“We will not give up our land”")
        self.assertContains(response, "president of the institute")
        self.assertContains(response, "No quote 4 in this story yet.")
        self.assertNotContains(response, "No photo 1")
        self.assertIn("private", response["Cache-Control"])

    def test_script_never_comes_back_executable(self):
        """Whatever is typed, the answer carries no script, handler or javascript: link."""
        attacks = [
            "<script>alert(1)</script>",
            '<img src=x onerror="alert(1)">',
            "[click](javascript:alert(1))",
            '<a href="javascript:alert(1)">x</a>',
            "<svg><script>alert(1)</script></svg>",
            "</div><script>alert(1)</script>",
            "[photo 1]<script>alert(1)</script>",
        ]
        for text in attacks:
            with self.subTest(text=text):
                response = self.preview(self.author, text)
                self.assertEqual(response.status_code, 200)
                html = response.content.decode().lower()
                self.assertNotIn("<script", html)
                self.assertNotIn("onerror", html)
                self.assertNotIn("javascript:", html)
                self.assertNotIn("<img src=x", html)

    def test_anonymous_is_sent_to_sign_in(self):
        response = self.preview(None, "Anything", client=Client())
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("admin:login"), response["Location"])

    def test_journalist_may_not_preview_what_they_may_not_edit(self):
        """Another's draft, or her own story in review: 403, with nothing of the story."""
        in_review = make_article(
            bylines=[self.author.person], body=SECRET_BODY, status=Article.Status.IN_REVIEW
        )
        for user, article in [(self.other, self.draft), (self.author, in_review)]:
            with self.subTest(user=user.username, status=article.status):
                response = self.preview(user, "[photo 1]\n\n[quote 1]", article=article)
                self.assertEqual(response.status_code, 403)
                self.assertNotContains(response, "Relatives wait", status_code=403)
                self.assertNotContains(response, "give up our land", status_code=403)

    def test_unknown_story_answers_as_a_hidden_one(self):
        sign_in(self.client, self.other)
        response = self.client.post(
            reverse("admin:articles_article_body_preview", args=[999999]), {"body": "x"}
        )
        self.assertEqual(response.status_code, 403)

    def test_editor_previews_any_story_and_nothing_is_saved(self):
        response = self.preview(self.editor, "A new body the editor is trying.")
        self.assertContains(response, "A new body the editor is trying.")
        self.draft.refresh_from_db()
        self.assertEqual(self.draft.body, SECRET_BODY)

    def test_only_post_and_only_with_a_csrf_token(self):
        sign_in(self.client, self.author)
        self.assertEqual(self.client.get(body_preview_url(self.draft)).status_code, 405)
        strict = Client(enforce_csrf_checks=True)
        sign_in(strict, self.author)
        response = strict.post(body_preview_url(self.draft), {"body": "x"})
        self.assertEqual(response.status_code, 403)

    def test_change_form_shows_the_saved_body_preview(self):
        """Without scripts the form still shows the body as readers will see it."""
        sign_in(self.client, self.author)
        response = self.client.get(reverse("admin:articles_article_change", args=[self.draft.pk]))
        self.assertContains(response, 'id="body-preview"')
        self.assertContains(response, f'data-preview-url="{body_preview_url(self.draft)}"')
        self.assertContains(response, SECRET_BODY.replace("'", "&#x27;"))


class ReaderDraftTests(TestCase):
    """A reader never sees a story that is not published, however they ask."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors")
        cls.draft = make_ready_article(SECRET_HEADLINE, slug="governor-land-sale")

    def setUp(self):
        # The reader site's page cache outlives a test's rolled-back rows.
        cache.clear()

    def test_draft_address_answers_like_a_missing_one(self):
        missing = self.client.get(self.draft.get_absolute_url().replace("governor", "nobody"))
        self.assertEqual(missing.status_code, 404)
        attempts = [
            ({}, {}),
            ({"preview": "1"}, {}),
            ({"static": "1", "order": "asc"}, {}),
            ({}, {"X-Preview": "1"}),
            ({}, {"X-Forwarded-Host": "admin.local", "X-Forwarded-Proto": "https"}),
        ]
        for query, headers in attempts:
            with self.subTest(query=query, headers=headers):
                response = self.client.get(self.draft.get_absolute_url(), query, headers=headers)
                self.assertEqual(response.status_code, 404)
                self.assertNotContains(response, SECRET_HEADLINE, status_code=404)
                self.assertEqual(
                    response.content.replace(b"governor-land-sale", b""),
                    missing.content.replace(b"nobody-land-sale", b""),
                )

    def test_editor_session_does_not_open_the_public_page(self):
        """The public page follows the rule for readers even for a signed-in editor."""
        sign_in(self.client, self.editor)
        self.assertEqual(self.client.get(self.draft.get_absolute_url()).status_code, 404)

    def test_takedown_is_immediate(self):
        """An unpublished story is gone at the next request, even if its page was cached."""
        services.submit_for_review(article=self.draft, user=self.editor)
        services.publish(article=self.draft, editor=self.editor)
        url = self.draft.get_absolute_url()
        reader = Client()
        self.assertEqual(reader.get(url).status_code, 200)
        self.assertEqual(reader.get(url).status_code, 200)
        services.unpublish(article=self.draft, editor=self.editor, note="Lawyer's letter.")
        response = reader.get(url)
        self.assertEqual(response.status_code, 404)
        self.assertNotContains(response, SECRET_HEADLINE, status_code=404)

    def test_editor_preview_then_anonymous_reader(self):
        """After an editor's preview of the live story, a reader gets the public page."""
        services.submit_for_review(article=self.draft, user=self.editor)
        services.publish(article=self.draft, editor=self.editor)
        sign_in(self.client, self.editor)
        self.assertTrue(self.client.get(preview_url(self.draft)).context["preview"])
        for cookies in [{}, {"_ga": "1"}]:
            with self.subTest(cookies=cookies):
                reader = Client()
                for name, value in cookies.items():
                    reader.cookies[name] = value
                response = reader.get(self.draft.get_absolute_url())
                self.assertEqual(response.status_code, 200)
                self.assertNotIn("private", response.get("Cache-Control", ""))
                self.assertNotContains(response, "/admin/articles/article/")


class ShareLinkTests(TestCase):
    """A signed, expiring, revocable link shows one draft to someone outside the newsroom."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors")
        cls.author = make_journalist("reporter", name="Sok Chan")
        cls.draft = make_ready_article(SECRET_HEADLINE, bylines=[cls.author.person])
        cls.other_draft = make_ready_article("Another confidential draft")

    def make_link(self, days=3):
        link = share_links.create_share_link(
            article=self.draft,
            editor=self.editor,
            recipient="our lawyer",
            expires_in=datetime.timedelta(days=days),
        )
        return link, reverse("workflow:shared_preview", args=[share_links.share_token(link)])

    def test_link_shows_exactly_that_draft_read_only(self):
        _link, url = self.make_link()
        response = Client().get(url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, SECRET_HEADLINE)
        self.assertNotContains(response, "Another confidential draft")
        self.assertTrue(response.context["preview"])
        self.assertIn("private", response["Cache-Control"])
        self.assertIn("no-store", response["Cache-Control"])
        self.assertIn("noindex", response["X-Robots-Tag"])
        self.assertEqual(response["Referrer-Policy"], "no-referrer")
        self.assertEqual(Client().post(url).status_code, 405)

    def test_expired_link_is_404(self):
        with time_machine.travel(timezone.now(), tick=False) as clock:
            _link, url = self.make_link(days=1)
            clock.shift(datetime.timedelta(days=1) - datetime.timedelta(seconds=1))
            self.assertEqual(Client().get(url).status_code, 200)
            clock.shift(datetime.timedelta(seconds=2))
            self.assertEqual(Client().get(url).status_code, 404)

    def test_forged_and_tampered_tokens_are_404(self):
        link, url = self.make_link()
        token = share_links.share_token(link)
        other = share_links.create_share_link(
            article=self.other_draft,
            editor=self.editor,
            recipient="translator",
            expires_in=datetime.timedelta(days=3),
        )
        forged = [
            token[:-1] + ("A" if token[-1] != "A" else "B"),
            other.key,
            signing.TimestampSigner(salt="something else").sign(link.key),
            signing.TimestampSigner(
                key="a guessed secret key", salt=share_links.SHARE_LINK_SALT
            ).sign(other.key),
            "nothing",
        ]
        for value in forged:
            with self.subTest(token=value):
                response = Client().get(reverse("workflow:shared_preview", args=[value]))
                self.assertEqual(response.status_code, 404)
                self.assertNotContains(response, SECRET_HEADLINE, status_code=404)

    def test_revoked_link_is_404(self):
        link, url = self.make_link()
        share_links.revoke_share_link(link=link, editor=self.editor)
        self.assertEqual(Client().get(url).status_code, 404)

    def test_link_stops_when_the_story_is_published(self):
        _link, url = self.make_link()
        services.submit_for_review(article=self.draft, user=self.author)
        services.publish(article=self.draft, editor=self.editor)
        self.assertEqual(Client().get(url).status_code, 404)

    def test_link_stays_dead_after_a_takedown(self):
        """Published, then taken down again: the old link does not come back."""
        link, url = self.make_link()
        services.submit_for_review(article=self.draft, user=self.author)
        services.publish(article=self.draft, editor=self.editor)
        services.unpublish(article=self.draft, editor=self.editor, note="Legal threat")
        self.assertFalse(self.draft.is_live())
        response = Client().get(url)
        self.assertEqual(response.status_code, 404)
        self.assertNotContains(response, SECRET_HEADLINE, status_code=404)
        link.refresh_from_db()
        self.assertIsNotNone(link.revoked_at)
        self.assertEqual(link.revoked_by, self.editor)

    def test_link_dies_when_a_scheduled_story_goes_live(self):
        """Scheduled for 09:00, the link works until then and never again, takedown or not."""
        with time_machine.travel(timezone.now(), tick=False) as clock:
            go_live = timezone.now() + datetime.timedelta(hours=2)
            link, url = self.make_link(days=7)
            services.submit_for_review(article=self.draft, user=self.author)
            services.schedule(article=self.draft, editor=self.editor, publish_at=go_live)
            self.assertEqual(Client().get(url).status_code, 200)
            clock.shift(datetime.timedelta(hours=3))
            services.unpublish(article=self.draft, editor=self.editor, note="Legal threat")
            self.assertEqual(Client().get(url).status_code, 404)
            link.refresh_from_db()
            self.assertEqual(link.expires_at, go_live)

    def test_link_made_for_a_scheduled_story_ends_at_its_publish_time(self):
        with time_machine.travel(timezone.now(), tick=False) as clock:
            go_live = timezone.now() + datetime.timedelta(hours=5)
            services.submit_for_review(article=self.draft, user=self.author)
            services.schedule(article=self.draft, editor=self.editor, publish_at=go_live)
            link, url = self.make_link(days=3)
            self.assertEqual(link.expires_at, go_live)
            clock.shift(datetime.timedelta(hours=4, minutes=59))
            self.assertEqual(Client().get(url).status_code, 200)
            clock.shift(datetime.timedelta(minutes=2))
            services.unpublish(article=self.draft, editor=self.editor, note="Pulled")
            self.assertEqual(Client().get(url).status_code, 404)

    def test_links_made_before_this_rule_die_too(self):
        """
        The migration ends the links of stories that went live after them, as
        the workflow now does; links of stories never made public keep working.
        """
        import importlib

        from django.db import connection
        from django.db.migrations.loader import MigrationLoader

        name = "0011_photo_desk_roles_and_share_links"
        migration = importlib.import_module(f"articles.migrations.{name}")
        # The models as that migration knew them (the tables are the same today).
        apps = MigrationLoader(connection).project_state(("articles", name)).apps
        revived, url = self.make_link()
        kept, kept_url = self.make_link()
        services.submit_for_review(article=self.draft, user=self.author)
        services.publish(article=self.draft, editor=self.editor)
        services.unpublish(article=self.draft, editor=self.editor, note="Legal threat")
        # As an older release left it: the link still open after the takedown.
        ShareLink.objects.filter(pk=revived.pk).update(revoked_at=None, revoked_by=None)
        ShareLink.objects.filter(pk=kept.pk).update(
            article=self.other_draft, revoked_at=None, revoked_by=None
        )
        self.assertEqual(Client().get(url).status_code, 200)
        migration.end_links_of_stories_made_public(apps, None)
        self.assertEqual(Client().get(url).status_code, 404)
        self.assertEqual(Client().get(kept_url).status_code, 200)

    def test_conditional_get_never_304(self):
        """Conditional headers on a dead link get the same 404, never a 304."""
        link, url = self.make_link()
        live = Client().get(url)
        share_links.revoke_share_link(link=link, editor=self.editor)
        response = Client().get(
            url,
            headers={
                "If-None-Match": live.get("ETag", '"x"'),
                "If-Modified-Since": "Mon, 01 Jan 2035 00:00:00 GMT",
            },
        )
        self.assertEqual(response.status_code, 404)

    def test_editor_makes_and_revokes_links_in_the_workspace(self):
        sign_in(self.client, self.editor)
        share = reverse("admin:articles_article_share", args=[self.draft.pk])
        response = self.client.post(share, {"recipient": "our lawyer", "days": "7"}, follow=True)
        self.assertContains(response, "The link is ready")
        link = ShareLink.objects.get()
        self.assertEqual(link.expires_at - link.created_at, datetime.timedelta(days=7))
        self.assertContains(response, share_links.share_token(link))
        response = self.client.post(
            reverse("admin:articles_article_revoke_share", args=[self.draft.pk, link.pk]),
            follow=True,
        )
        self.assertContains(response, "no longer works")
        link.refresh_from_db()
        self.assertIsNotNone(link.revoked_at)

    def test_bad_share_form_input_is_explained(self):
        sign_in(self.client, self.editor)
        share = reverse("admin:articles_article_share", args=[self.draft.pk])
        response = self.client.post(share, {"recipient": "", "days": "365"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(set(response.context["form"].errors), {"recipient", "days"})
        self.assertFalse(ShareLink.objects.exists())

    def test_journalists_cannot_share(self):
        sign_in(self.client, self.author)
        share = reverse("admin:articles_article_share", args=[self.draft.pk])
        response = self.client.post(share, {"recipient": "a friend", "days": "3"})
        self.assertEqual(response.status_code, 403)
        self.assertFalse(ShareLink.objects.exists())
        with self.assertRaises(errors.NotAllowed):
            share_links.create_share_link(
                article=self.draft,
                editor=self.author,
                recipient="a friend",
                expires_in=datetime.timedelta(days=1),
            )


class EditorsDeskTests(TestCase):
    """The review queue: stories in review, oldest first, with what an editor needs."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors")
        cls.author = make_journalist("reporter", name="Sok Chan")
        cls.section = make_section("Environment")
        start = timezone.now() - datetime.timedelta(hours=30)
        cls.stories = []
        for index, headline in enumerate(["Oldest story", "Middle story", "Newest story"]):
            article = make_ready_article(
                headline,
                bylines=[cls.author.person],
                section=cls.section,
                body="One two three four five.\n\nSix seven.",
            )
            with time_machine.travel(start + datetime.timedelta(hours=index * 10), tick=False):
                services.submit_for_review(article=article, user=cls.author)
            cls.stories.append(article)
        make_ready_article("A draft nobody submitted", bylines=[cls.author.person])

    def test_queue_lists_in_review_oldest_first(self):
        sign_in(self.client, self.editor)
        response = self.client.get(reverse("admin:articles_article_review"))
        rows = response.context["rows"]
        self.assertEqual(
            [row["article"].headline for row in rows],
            ["Oldest story", "Middle story", "Newest story"],
        )
        first = rows[0]
        self.assertEqual(first["authors"], "Sok Chan")
        self.assertEqual(first["words"], 7)
        self.assertEqual(first["waiting"], "30 hours")
        self.assertContains(response, "Environment")
        self.assertNotContains(response, "A draft nobody submitted")

    def test_queue_query_count_does_not_grow(self):
        """
        Session, its staff session check, user, the second factor that
        verified the session, the editor's permissions, the stories (with
        section and revision numbers), their bylines and people: 9 queries
        for 3 stories or 6, never one per story.
        """
        sign_in(self.client, self.editor)
        url = reverse("admin:articles_article_review")
        self.client.get(url)
        with self.assertNumQueries(9):
            self.client.get(url)
        for index in range(3):
            article = make_ready_article(f"More {index}", bylines=[self.author.person])
            services.submit_for_review(article=article, user=self.author)
        with self.assertNumQueries(9):
            response = self.client.get(url)
        self.assertEqual(len(response.context["rows"]), 6)

    def test_count_on_the_index_and_the_story_list(self):
        sign_in(self.client, self.editor)
        response = self.client.get(reverse("admin:index"))
        self.assertContains(response, "Review queue: 3 stories waiting")
        response = self.client.get(reverse("admin:articles_article_changelist"))
        self.assertContains(response, "Review queue (3 stories)")

    def test_journalists_have_no_queue(self):
        sign_in(self.client, self.author)
        self.assertEqual(self.client.get(reverse("admin:articles_article_review")).status_code, 403)
        response = self.client.get(reverse("admin:index"))
        self.assertNotContains(response, "Review queue")

    def test_workflow_pages_load(self):
        """Every workflow page of the workspace renders for an editor."""
        sign_in(self.client, self.editor)
        article = self.stories[0]
        revisions.record_revision(article=article, user=self.editor)
        pages = [
            reverse("admin:articles_article_change", args=[article.pk]),
            reverse("admin:articles_article_revisions", args=[article.pk]),
            reverse("admin:articles_article_compare", args=[article.pk]) + "?from=1&to=1",
            reverse("admin:articles_article_share", args=[article.pk]),
            reverse("admin:articles_article_review"),
            reverse("admin:articles_article_changelist"),
        ]
        for url in pages:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_compare_with_bad_numbers_explains(self):
        sign_in(self.client, self.editor)
        compare = reverse("admin:articles_article_compare", args=[self.stories[0].pk])
        for query in ["?from=a&to=b", "?from=1&to=99", ""]:
            with self.subTest(query=query):
                response = self.client.get(compare + query, follow=True)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(len(list(response.context["messages"])), 1)

    def test_change_form_shows_checklist_moves_and_timeline(self):
        sign_in(self.client, self.editor)
        article = Article.objects.get(headline="Oldest story")
        response = self.client.get(reverse("admin:articles_article_change", args=[article.pk]))
        workflow = response.context["workflow"]
        self.assertEqual(workflow["moves"], ["return", "approve", "publish", "schedule"])
        self.assertEqual(workflow["checklist"], [])
        self.assertContains(response, "Sok Chan moved it from Draft to In review")
        self.assertContains(response, 'id="move-publish"')
