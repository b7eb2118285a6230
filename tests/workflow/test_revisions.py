"""
Revisions, diffs and restores, the edit conflict, and who has a story open.

Every save keeps the story's whole content; any two revisions can be compared
in words a journalist reads; restoring makes a new revision; a save over a
newer version is refused and loses nothing.
"""

import datetime

import time_machine
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from quotes.models import Quote
from tests.support.factories import (
    make_journalist,
    make_person,
    make_photograph,
    make_quote,
    make_ready_article,
    make_user,
    place_photo,
)
from tests.support.forms import fill_rows, read_form
from tests.support.staff import sign_in
from workflow import diffs, editing, errors, presence, revisions, services
from workflow.models import EditingPresence, Revision


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


class RevisionTestData:
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors")
        cls.author = make_journalist("reporter", name="Sok Chan")
        cls.speaker = make_person("Ny Sokha")
        cls.article = make_ready_article(
            "Court hears land case",
            bylines=[cls.author.person],
            body="The court heard the case on Monday.\n\nFamilies waited outside.",
        )
        cls.photo = make_photograph(caption="Families wait outside the court.")
        place_photo(cls.article, cls.photo)
        make_quote(cls.article, speaker=cls.speaker, text="We want our land back")

    def edit_in_admin(self, user, client=None, **changes):
        """Open the change form as ``user``, change fields, save; return the response."""
        client = client or self.client
        sign_in(client, user)
        data = read_form(client.get(change_url(self.article)), "article_form")
        data.update({name: [value] for name, value in changes.items()})
        data["_save"] = ["Save"]
        return client.post(change_url(self.article), data)


class RevisionTests(RevisionTestData, TestCase):
    def test_every_save_keeps_a_revision_with_the_whole_story(self):
        """A save keeps who saved, when, and body, bylines, photos and quotes."""
        moment = datetime.datetime(2026, 5, 4, 3, 0, tzinfo=datetime.UTC)
        with time_machine.travel(moment, tick=False):
            response = self.edit_in_admin(self.author, body="The court heard the case.")
        self.assertEqual(response.status_code, 302)
        baseline, revision = Revision.objects.filter(article=self.article).order_by("number")
        self.assertEqual(baseline.content["body"], self.article.body)
        self.assertEqual(revision.created_by, self.author)
        self.assertEqual(revision.created_at, moment)
        content = revision.content
        self.assertEqual(content["body"], "The court heard the case.")
        self.assertEqual([row["person"]["label"] for row in content["bylines"]], ["Sok Chan"])
        self.assertEqual(content["photos"][0]["photograph"]["id"], self.photo.pk)
        self.assertEqual(content["quotes"][0]["text"], "We want our land back")
        self.assertEqual(content["quotes"][0]["speaker"]["label"], "Ny Sokha")

    def test_unchanged_save_adds_no_revision(self):
        """A save that changes nothing adds no revision (the first keeps the story as it was)."""
        self.edit_in_admin(self.author, headline="Court hears land case again")
        self.edit_in_admin(self.author)
        self.assertEqual(Revision.objects.filter(article=self.article).count(), 2)

    def test_diff_between_any_two_revisions_is_readable(self):
        """The diff names the parts that changed and marks words removed and added."""
        self.edit_in_admin(
            self.author,
            body="The provincial court heard the case on Monday.\n\nFamilies waited outside.",
        )
        quote = Quote.objects.get(article=self.article)
        quote.speaker = make_person("Ny Malin")
        quote.save()
        editing.part_saved(article=self.article, user=self.author)
        sign_in(self.client, self.author)
        response = self.client.get(
            reverse("admin:articles_article_compare", args=[self.article.pk]),
            {"from": 1, "to": 3},
        )
        self.assertEqual(response.status_code, 200)
        titles = [change["title"] for change in response.context["changes"]]
        self.assertEqual(titles, ["Body", "Quotes"])
        self.assertContains(response, "The<ins> provincial</ins> court heard", html=False)
        self.assertContains(response, "Ny <del>Sokha</del><ins>Malin</ins>", html=False)
        self.assertContains(response, "Families waited outside.")

    def test_compare_names_who_saved_without_a_query_each(self):
        """
        Session, its staff session check, user, the second factor that
        verified the session, permissions (2), the story, whether she has a
        byline on it, the two revisions with who saved them and their person,
        the protected sources to redact, her own person record (may she add a
        story, for the menu): 11.
        """
        self.edit_in_admin(self.author, body="The court heard the case.")
        compare = reverse("admin:articles_article_compare", args=[self.article.pk])
        sign_in(self.client, self.author)
        with self.assertNumQueries(11):
            response = self.client.get(compare, {"from": 1, "to": 2})
        self.assertContains(response, "Sok Chan")

    def test_compare_refuses_numbers_no_revision_can_have(self):
        """Too large for the database, or no number at all: explained, never a server error."""
        sign_in(self.client, self.editor)
        compare = reverse("admin:articles_article_compare", args=[self.article.pk])
        revisions_url = reverse("admin:articles_article_revisions", args=[self.article.pk])
        for query in (
            {"from": 1, "to": 100000000000000000000},
            {"from": -1, "to": 1},
            {"from": "²", "to": 1},
        ):
            with self.subTest(query=query):
                response = self.client.get(compare, query, follow=True)
                self.assertEqual(response.redirect_chain, [(revisions_url, 302)])
                [message] = response.context["messages"]
                self.assertEqual(str(message), "Choose two revisions to compare.")

    def test_diff_functions(self):
        """diff_lines pairs changed lines word by word and skips long unchanged runs."""
        old = ["one", "two", "three", "four", "five", "six"]
        new = ["one", "two", "three", "four", "five", "six changed"]
        rows = diffs.diff_lines(old, new)
        self.assertEqual(
            rows,
            [
                {"op": "skipped", "count": 4},
                {"op": "equal", "text": "five"},
                {"op": "changed", "segments": [("equal", "six"), ("added", " changed")]},
            ],
        )

    def test_restore_makes_a_new_revision(self):
        """Restoring revision 1 brings its content back as revision 3; 1 and 2 stay."""
        self.edit_in_admin(self.author, headline="First headline")
        self.edit_in_admin(self.author, headline="Second headline", body="Rewritten.")
        Quote.objects.filter(article=self.article).delete()
        editing.part_saved(article=self.article, user=self.author)
        sign_in(self.client, self.author)
        self.article.refresh_from_db()
        response = self.client.post(
            reverse("admin:articles_article_restore", args=[self.article.pk, 2]),
            {"expected_version": self.article.version},
        )
        self.assertEqual(response.status_code, 302)
        self.article.refresh_from_db()
        self.assertEqual(self.article.headline, "First headline")
        self.assertIn("The court heard the case on Monday.", self.article.body)
        self.assertEqual(
            list(self.article.quotes.values_list("text", "speaker")),
            [("We want our land back", self.speaker.pk)],
        )
        numbers = list(
            Revision.objects.filter(article=self.article)
            .order_by("number")
            .values_list("number", "note")
        )
        self.assertEqual(numbers[-1], (5, "Restored from revision 2"))
        self.assertEqual(len(numbers), 5)

    def test_restore_refused_when_a_person_is_gone(self):
        """A revision naming a person deleted since is not restored; nothing changes."""
        ghost = make_person("Deleted Person")
        self.article.people.add(ghost)
        revisions.record_revision(article=self.article, user=self.author)
        self.article.people.remove(ghost)
        ghost.delete()
        self.edit_in_admin(self.author, headline="Newer headline")
        with self.assertRaises(errors.WorkflowError) as caught:
            editing.restore_revision(
                article=self.article,
                revision=Revision.objects.get(article=self.article, number=1),
                user=self.author,
            )
        self.assertEqual(caught.exception.messages, ["person: Deleted Person"])
        self.article.refresh_from_db()
        self.assertEqual(self.article.headline, "Newer headline")

    def test_review_queue_links_to_changes_since_approval(self):
        """A story back in review links to its diff against the approved revision."""
        services.submit_for_review(article=self.article, user=self.author)
        services.approve(article=self.article, editor=self.editor)
        self.edit_in_admin(self.author, headline="Changed after approval")
        sign_in(self.client, self.editor)
        response = self.client.get(reverse("admin:articles_article_review"))
        self.assertContains(response, "Changed after approval")
        self.article.refresh_from_db()
        approved = Revision.objects.get(article=self.article, number=1)
        latest = revisions.latest_revision(self.article)
        compare = reverse("admin:articles_article_compare", args=[self.article.pk])
        self.assertContains(response, f"{compare}?from={approved.number}&amp;to={latest.number}")


class EditConflictTests(RevisionTestData, TestCase):
    """Two people save the same story: the second save is refused and nothing is lost."""

    def test_stale_save_refused_with_who_when_and_what(self):
        editor_client, author_client = Client(), Client()
        sign_in(editor_client, self.editor)
        sign_in(author_client, self.author)
        # Both open the story at the same version.
        editor_form = read_form(editor_client.get(change_url(self.article)), "article_form")
        author_form = read_form(author_client.get(change_url(self.article)), "article_form")
        self.assertEqual(editor_form["base_version"], author_form["base_version"])
        editor_form["body"] = ["The editor's tightened body."]
        editor_form["_save"] = ["Save"]
        self.assertEqual(editor_client.post(change_url(self.article), editor_form).status_code, 302)
        saved = Article.objects.get(pk=self.article.pk)
        author_form["headline"] = ["The author's new headline"]
        author_form["standfirst"] = ["The author's new standfirst, typed with care."]
        author_form["_save"] = ["Save"]
        response = author_client.post(change_url(self.article), author_form)
        self.assertEqual(response.status_code, 200)
        message = str(response.context["adminform"].form.non_field_errors())
        self.assertIn("desk saved this story at", message)
        self.assertIn("They changed: body", message)
        # The author's typing is still in the form, and nothing of it was saved.
        self.assertContains(response, "The author&#x27;s new standfirst, typed with care.")
        self.assertContains(response, 'value="The author&#x27;s new headline"')
        conflict = response.context["workflow"]["conflict"]
        self.assertEqual([change["title"] for change in conflict["changes"]], ["Body"])
        after = Article.objects.get(pk=self.article.pk)
        self.assertEqual(after.body, "The editor's tightened body.")
        self.assertEqual(after.headline, "Court hears land case")
        self.assertEqual(after.version, saved.version)

    def test_stale_inline_edit_refused(self):
        """Quotes from a stale form are not applied either."""
        author_client = Client()
        sign_in(author_client, self.author)
        response = author_client.get(change_url(self.article))
        prefixes = {
            inline.formset.model: inline.formset.prefix
            for inline in response.context["inline_admin_formsets"]
        }
        stale = read_form(response, "article_form")
        self.edit_in_admin(self.editor, headline="Editor's headline")
        fill_rows(
            stale,
            prefixes[Quote],
            [{"text": "Invented words", "speaker": self.speaker.pk, "position": 9}],
        )
        stale["_save"] = ["Save"]
        response = author_client.post(change_url(self.article), stale)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Quote.objects.filter(text="Invented words").exists())

    def test_form_without_version_refused(self):
        """A crafted post without the version it was opened at is refused, not applied."""
        sign_in(self.client, self.author)
        data = read_form(self.client.get(change_url(self.article)), "article_form")
        del data["base_version"]
        data["headline"] = ["Blind overwrite"]
        data["_save"] = ["Save"]
        response = self.client.post(change_url(self.article), data)
        self.assertEqual(response.status_code, 200)
        self.article.refresh_from_db()
        self.assertEqual(self.article.headline, "Court hears land case")

    def test_stale_restore_refused(self):
        self.edit_in_admin(self.author, headline="First")
        sign_in(self.client, self.author)
        self.article.refresh_from_db()
        seen = self.article.version
        self.edit_in_admin(self.editor, client=Client(), headline="Editor's")
        response = self.client.post(
            reverse("admin:articles_article_restore", args=[self.article.pk, 1]),
            {"expected_version": seen},
            follow=True,
        )
        self.assertContains(response, "after you opened it")
        self.article.refresh_from_db()
        self.assertEqual(self.article.headline, "Editor's")


class PresenceTests(RevisionTestData, TestCase):
    """Opening a story shows who else has it open right now."""

    def test_others_shown_while_recent(self):
        other = Client()
        sign_in(other, self.editor)
        with time_machine.travel(timezone.now(), tick=False) as clock:
            other.get(change_url(self.article))
            sign_in(self.client, self.author)
            response = self.client.get(change_url(self.article))
            self.assertEqual(response.context["workflow"]["others"], ["desk"])
            self.assertContains(response, "Also open right now by: desk")
            clock.shift(presence.PRESENCE_WINDOW + datetime.timedelta(seconds=1))
            response = self.client.get(change_url(self.article))
            self.assertEqual(response.context["workflow"]["others"], [])

    def test_heartbeat_and_leaving(self):
        presence = reverse("admin:articles_article_presence", args=[self.article.pk])
        sign_in(self.client, self.editor)
        self.assertEqual(self.client.post(presence).json(), {"others": []})
        self.assertTrue(EditingPresence.objects.filter(user=self.editor).exists())
        self.client.post(presence, {"leave": "1"})
        self.assertFalse(EditingPresence.objects.filter(user=self.editor).exists())

    def test_heartbeat_query_count(self):
        """
        Session, its staff session check, user, the second factor that
        verified the session, permissions (2), the story, whether she has a
        byline on it, the presence update and the others present: 10. The
        story list's quote counts and bylines are not loaded for it (it was 12).
        """
        presence = reverse("admin:articles_article_presence", args=[self.article.pk])
        sign_in(self.client, self.author)
        self.client.post(presence)
        with self.assertNumQueries(10):
            self.assertEqual(self.client.post(presence).json(), {"others": []})

    def test_presence_of_a_story_out_of_reach_is_404(self):
        presence = reverse("admin:articles_article_presence", args=[self.article.pk])
        sign_in(self.client, make_journalist("other"))
        self.assertEqual(self.client.post(presence).status_code, 404)
        self.assertFalse(EditingPresence.objects.exists())
