"""
The live desk: who may open it and post, what a post, an edit, a stale
edit, a correction and a takedown of one update do, and the checks an
update passes before it goes out.
"""

from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Correction, LiveUpdate
from audit.models import Action, Entry
from media.models import Photograph
from quotes.models import Quote
from tests.support.factories import (
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
)
from tests.support.live import LABEL, NAME, LiveDeskTestData, desk_url, update_data, with_quote
from tests.support.staff import sign_in
from workflow import live
from workflow.models import LiveUpdateRevision


class DeskPermissionTests(LiveDeskTestData, TestCase):
    def test_who_opens_the_desk(self):
        """Administrators, editors and the assigned journalist open the desk; no one else."""
        cases = [
            (self.admin, 200),
            (self.editor, 200),
            (self.assigned, 200),
            (self.unassigned, 403),
            (self.photo_desk, 403),
        ]
        for user, status in cases:
            with self.subTest(user=user.username):
                self.client.logout()
                response = self.signed_in(user).get(desk_url(self.coverage))
                self.assertEqual(response.status_code, status)
        self.client.logout()
        response = self.client.get(desk_url(self.coverage))
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("admin:login"), response["Location"])

    def test_every_desk_url_refuses_the_others(self):
        """Every page of the desk answers 403 to a journalist not assigned and the photo desk."""
        update = self.own_update
        urls = [
            desk_url(self.coverage),
            desk_url(self.coverage, "edit_update", update.pk),
            desk_url(self.coverage, "take_down", update.pk),
            desk_url(self.coverage, "correct", update.pk),
            desk_url(self.coverage, "update_history", update.pk),
        ]
        for user in (self.unassigned, self.photo_desk):
            self.client.logout()
            self.signed_in(user)
            for url in urls:
                with self.subTest(user=user.username, url=url):
                    self.assertEqual(self.client.get(url).status_code, 403)
                    response = self.client.post(url, update_data(body="Hijacked."))
                    self.assertEqual(response.status_code, 403)
        update.refresh_from_db()
        self.assertEqual(update.body, "Queues outside a school in Takhmao.")
        self.assertIsNone(update.taken_down_at)
        self.assertEqual(LiveUpdate.objects.filter(article=self.article).count(), 2)

    def test_anonymous_is_sent_to_sign_in_and_nothing_changes(self):
        response = self.client.post(desk_url(self.coverage), update_data())
        self.assertEqual(response.status_code, 302)
        self.assertEqual(LiveUpdate.objects.filter(article=self.article).count(), 2)

    def test_assigned_journalist_limits(self):
        """
        The assigned journalist edits their own updates, sees their revisions,
        but neither edits an editor's update, corrects nor takes one down,
        nor posts to a story they are not assigned to.
        """
        self.signed_in(self.assigned)
        own = desk_url(self.coverage, "edit_update", self.own_update.pk)
        self.assertEqual(self.client.get(own).status_code, 200)
        forbidden = [
            desk_url(self.coverage, "edit_update", self.editors_update.pk),
            desk_url(self.coverage, "update_history", self.editors_update.pk),
            desk_url(self.coverage, "take_down", self.own_update.pk),
            desk_url(self.coverage, "correct", self.own_update.pk),
            desk_url(self.other_coverage),
        ]
        for url in forbidden:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 403)
        response = self.client.post(desk_url(self.other_coverage), update_data())
        self.assertEqual(response.status_code, 403)
        self.assertFalse(LiveUpdate.objects.filter(article=self.other_article).exists())

    def test_an_update_of_another_story_is_not_found_on_this_desk(self):
        other = live.post_update(article=self.other_article, user=self.editor, body="Water rises.")
        self.signed_in(self.editor)
        response = self.client.get(desk_url(self.coverage, "edit_update", other.pk))
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.client.get("/admin/articles/livecoverage/x1/desk/").status_code, 404)

    def test_an_unassigned_journalist_is_refused_by_the_service(self):
        with self.assertRaises(live.NotAllowed):
            live.post_update(article=self.article, user=self.unassigned, body="Hello.")


class PostingTests(LiveDeskTestData, TestCase):
    def test_journalist_posts_and_nothing_else_of_the_story_changes(self):
        """
        A crafted post carrying the story's fields (status, body) changes only
        the updates: the story keeps its text, status and version.
        """
        before = Article.objects.get(pk=self.article.pk)
        self.signed_in(self.assigned)
        data = update_data(status="draft", body_story="Rewritten", headline="Hacked")
        data["update-body"] = "Counting began in *Phnom Penh*."
        response = self.client.post(desk_url(self.coverage), data)
        self.assertEqual(response.status_code, 302)
        update = LiveUpdate.objects.get(body="Counting began in *Phnom Penh*.")
        self.assertEqual(update.author, self.assigned)
        self.assertIn("<em>Phnom Penh</em>", update.body_html)
        after = Article.objects.get(pk=self.article.pk)
        self.assertEqual(
            (after.status, after.body, after.headline, after.version),
            (before.status, before.body, before.headline, before.version),
        )
        page = self.client.get(desk_url(self.coverage))
        self.assertContains(page, "Counting began in <em>Phnom Penh</em>.", html=True)
        self.assertContains(page, "readers see it now")

    def test_an_update_on_a_draft_waits_with_the_story(self):
        draft = make_published_article("Court hearing", status="draft", published_at=None)
        coverage = live.start_coverage(article=draft, editor=self.editor)
        self.signed_in(self.editor)
        response = self.client.post(desk_url(coverage), update_data(), follow=True)
        self.assertContains(response, "readers see it when the story is published")
        self.assertEqual(LiveUpdate.objects.filter(article=draft).count(), 1)

    def test_quotes_are_numbered_in_the_story_sequence(self):
        """An update's quotes follow the story's own, with a speaker or an anonymous source."""
        make_quote(self.article, position=1)
        speaker = make_person("Kem Sokha")
        data = with_quote(update_data(), 0, text="We will wait for the count", speaker=speaker.pk)
        data = with_quote(data, 1, text="It was calm", anonymous_description="a poll worker")
        self.signed_in(self.assigned)
        self.assertEqual(self.client.post(desk_url(self.coverage), data).status_code, 302)
        update = LiveUpdate.objects.latest("pk")
        quotes = list(update.quotes.order_by("position"))
        self.assertEqual([quote.position for quote in quotes], [2, 3])
        self.assertEqual(quotes[0].speaker, speaker)
        self.assertEqual(quotes[1].anonymous_description, "a poll worker")
        self.assertTrue(all(quote.article_id == self.article.pk for quote in quotes))

    def test_a_quote_without_a_speaker_is_refused(self):
        data = with_quote(update_data(), 0, text="Nobody said this")
        self.signed_in(self.assigned)
        response = self.client.post(desk_url(self.coverage), data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Give the speaker, or describe the anonymous source")
        self.assertFalse(Quote.objects.filter(text="Nobody said this").exists())

    def test_bad_input_gets_a_clear_error_and_keeps_the_text(self):
        withdrawn = make_photograph(withdrawn_at=timezone.now())
        uncredited = make_photograph()
        Photograph.objects.filter(pk=uncredited.pk).update(credit_agency="", alt_text="")
        cases = [
            (update_data(body="   "), "Write the update&#x27;s text."),
            (update_data(body="x" * 20_001), "at most 20000 characters"),
            (update_data(title="t" * 201), "at most 200 characters"),
            (update_data(**{"update-photo": withdrawn.pk}), "it was withdrawn from the site"),
            (update_data(**{"update-photo": uncredited.pk}), "Give a credit for the update"),
            (update_data(**{"update-photo": "999999"}), "Select a valid choice"),
            (update_data(**{"quotes-TOTAL_FORMS": "x"}), "ManagementForm data is missing"),
        ]
        self.signed_in(self.assigned)
        for data, message in cases:
            with self.subTest(message=message):
                response = self.client.post(desk_url(self.coverage), data)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, message)
        self.assertEqual(LiveUpdate.objects.filter(article=self.article).count(), 2)
        response = self.client.post(
            desk_url(self.coverage), update_data(**{"update-photo": withdrawn.pk})
        )
        self.assertContains(response, "Polls closed at 3 p.m. in Phnom Penh.")

    def test_a_photo_from_the_library_goes_with_the_update(self):
        photo = make_photograph()
        self.signed_in(self.assigned)
        data = update_data(**{"update-photo": photo.pk})
        self.assertEqual(self.client.post(desk_url(self.coverage), data).status_code, 302)
        self.assertEqual(LiveUpdate.objects.latest("pk").photo, photo)

    def test_a_post_without_its_csrf_token_is_refused(self):
        client = Client(enforce_csrf_checks=True)
        sign_in(client, self.editor)
        response = client.post(desk_url(self.coverage), update_data())
        self.assertEqual(response.status_code, 403)
        take_down = desk_url(self.coverage, "take_down", self.own_update.pk)
        self.assertEqual(client.post(take_down, {"reason": "No token."}).status_code, 403)
        self.assertEqual(LiveUpdate.objects.filter(article=self.article).count(), 2)
        self.assertFalse(LiveUpdate.objects.filter(taken_down_at__isnull=False).exists())

    def test_nothing_is_posted_once_coverage_ends(self):
        live.end_coverage(coverage=self.coverage, editor=self.editor)
        self.signed_in(self.assigned)
        page = self.client.get(desk_url(self.coverage))
        self.assertContains(page, "Updates are posted while the coverage is on.")
        response = self.client.post(desk_url(self.coverage), update_data())
        self.assertContains(response, "not on now: nothing was posted")
        self.assertEqual(LiveUpdate.objects.filter(article=self.article).count(), 2)


class ProtectedSourceTests(LiveDeskTestData, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.source = make_person(NAME, is_protected_source=True, public_label=LABEL)

    def test_the_real_name_in_the_text_is_refused(self):
        """A journalist is told to ask an editor, and is not told the name."""
        self.signed_in(self.assigned)
        body = f"{NAME} told us the count was late."
        response = self.client.post(desk_url(self.coverage), update_data(body=body))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, f"names the protected source shown as “{LABEL}”")
        self.assertContains(response, body)  # The text typed is kept.
        self.assertFalse(LiveUpdate.objects.filter(body=body).exists())
        with self.assertRaises(live.WorkflowError) as refused:
            live.post_update(article=self.article, user=self.editor, title=NAME, body="Late.")
        self.assertIn(f"names “{NAME}”", " ".join(refused.exception.messages))

    def test_a_quote_of_a_protected_source_shows_the_label(self):
        data = with_quote(update_data(), 0, text="The files were moved", speaker=self.source.pk)
        self.signed_in(self.assigned)
        self.assertEqual(self.client.post(desk_url(self.coverage), data).status_code, 302)
        page = self.client.get(desk_url(self.coverage))
        self.assertContains(page, f"“The files were moved” — {LABEL}")
        self.assertNotContains(page, NAME)


class EditingTests(LiveDeskTestData, TestCase):
    def edit_data(self, update, body, version=None):
        return update_data(
            body=body, title=update.title, **{"update-base_version": version or update.version}
        )

    def test_journalist_edits_own_update_and_editor_reads_what_it_said_before(self):
        update = self.own_update
        self.signed_in(self.assigned)
        url = desk_url(self.coverage, "edit_update", update.pk)
        response = self.client.post(url, self.edit_data(update, "Queues outside two schools."))
        self.assertEqual(response.status_code, 302)
        update.refresh_from_db()
        self.assertEqual((update.body, update.version), ("Queues outside two schools.", 2))
        self.assertEqual(update.edited_by, self.assigned)
        self.assertEqual(LiveUpdateRevision.objects.filter(update=update).count(), 2)
        self.client.logout()
        self.signed_in(self.editor)
        history = self.client.get(desk_url(self.coverage, "update_history", update.pk))
        self.assertContains(history, "Queues outside a school in Takhmao.")
        self.assertContains(history, "<ins>two</ins>", html=True)
        self.assertNotContains(history, "Headline")

    def test_editor_edits_any_update(self):
        update = self.own_update
        self.signed_in(self.editor)
        url = desk_url(self.coverage, "edit_update", update.pk)
        response = self.client.post(url, self.edit_data(update, "Checked by the desk."))
        self.assertEqual(response.status_code, 302)
        update.refresh_from_db()
        self.assertEqual(update.body, "Checked by the desk.")
        self.assertEqual(update.author, self.assigned)

    def test_stale_edit_is_refused_with_the_text_kept(self):
        """A form opened before someone else saved the update cannot save over it."""
        update = self.own_update
        opened_at = update.version
        live.revise_update(
            update=LiveUpdate.objects.get(pk=update.pk),
            user=self.editor,
            body="The editor's text.",
            expected_version=opened_at,
        )
        self.signed_in(self.assigned)
        url = desk_url(self.coverage, "edit_update", update.pk)
        data = self.edit_data(update, "My late text.", version=opened_at)
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "saved this update at")
        self.assertContains(response, "My late text.")
        update.refresh_from_db()
        self.assertEqual(update.body, "The editor's text.")
        missing_version = update_data(body="No version.")
        response = self.client.post(url, missing_version)
        self.assertContains(response, "does not say which version")

    def test_removing_a_quote_on_edit(self):
        quote = make_quote(self.article, anonymous_description="a voter")
        quote.live_update = self.own_update
        quote.save()
        data = self.edit_data(self.own_update, "Queues outside a school in Takhmao.")
        data = with_quote(data, 0, id=quote.pk, text=quote.text, anonymous_description="a voter")
        data.update({"quotes-INITIAL_FORMS": "1", "quotes-0-DELETE": "on"})
        self.signed_in(self.assigned)
        url = desk_url(self.coverage, "edit_update", self.own_update.pk)
        self.assertEqual(self.client.post(url, data).status_code, 302)
        self.assertFalse(Quote.objects.filter(pk=quote.pk).exists())


class TakedownAndCorrectionTests(LiveDeskTestData, TestCase):
    def test_editor_takes_an_update_down_with_a_reason(self):
        update = self.own_update
        self.signed_in(self.editor)
        url = desk_url(self.coverage, "take_down", update.pk)
        response = self.client.post(url, {"reason": "  "})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This field is required")
        response = self.client.post(url, {"reason": "Names a minor."})
        self.assertEqual(response.status_code, 302)
        update.refresh_from_db()
        self.assertTrue(update.is_taken_down)
        self.assertEqual(update.taken_down_by, self.editor)
        self.assertEqual(update.takedown_reason, "Names a minor.")
        self.assertNotIn(update, LiveUpdate.objects.filter(article=self.article).shown())
        entry = Entry.objects.get(action=Action.LIVE_UPDATE_TAKEN_DOWN)
        self.assertEqual((entry.actor, entry.detail), (self.editor, "Names a minor."))
        self.assertEqual(entry.target_id, str(update.pk))
        again = self.client.post(url, {"reason": "Twice."})
        self.assertContains(again, "taken down already")
        page = self.client.get(desk_url(self.coverage))
        self.assertContains(page, "Names a minor.")
        self.assertNotContains(page, desk_url(self.coverage, "edit_update", update.pk))

    def test_editor_corrects_one_update(self):
        self.signed_in(self.editor)
        url = desk_url(self.coverage, "correct", self.own_update.pk)
        data = {"kind": "correction", "text": "An earlier version named the wrong school."}
        self.assertEqual(self.client.post(url, data).status_code, 302)
        correction = Correction.objects.get(live_update=self.own_update)
        self.assertEqual((correction.article, correction.created_by), (self.article, self.editor))
        page = self.client.get(desk_url(self.coverage))
        self.assertContains(page, "An earlier version named the wrong school.")

    def test_a_correction_needs_a_published_story(self):
        draft = make_published_article("Court hearing", status="draft", published_at=None)
        coverage = live.start_coverage(article=draft, editor=self.editor)
        update = live.post_update(article=draft, user=self.editor, body="The hearing began.")
        self.signed_in(self.editor)
        url = desk_url(coverage, "correct", update.pk)
        response = self.client.post(url, {"kind": "correction", "text": "Wrong room."})
        self.assertContains(response, "Corrections are added to published stories.")
        self.assertFalse(Correction.objects.filter(live_update=update).exists())
