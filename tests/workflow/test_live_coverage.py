"""
Live coverage in the workspace: editors start and end it from its admin,
the story form shows it, the desk's query count stays the same however many
updates, and a source protected later is found in the updates readers see.
"""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import LiveCoverage, LiveUpdate
from tests.support.factories import make_person, make_published_article, make_quote
from tests.support.live import LiveDeskTestData, desk_url
from workflow import live, protection


class LaterProtectionTests(LiveDeskTestData, TestCase):
    def test_an_update_naming_someone_later_protected_is_a_place_to_review(self):
        """
        A person named in an update readers see, protected afterwards: the
        story is among the places naming them; a taken-down update is not.
        """
        person = make_person("Chhim Dara")
        live.post_update(article=self.article, user=self.editor, body="Chhim Dara spoke.")
        hidden = live.post_update(
            article=self.other_article, user=self.editor, body="Chhim Dara was there."
        )
        live.take_down_update(update=hidden, editor=self.editor, reason="Unsafe.")
        places = protection.find(person, [person.name])
        self.assertEqual([place.key for place in places], [f"story:{self.article.pk}"])
        self.assertIn("live update", places[0].where)


class CoverageAdminTests(LiveDeskTestData, TestCase):
    def start_in_workspace(self, story, **fields):
        """An editor's post of the workspace's form that starts covering ``story`` live."""
        self.signed_in(self.editor)
        now = timezone.localtime()
        data = {
            "article": story.pk,
            "started_at_0": now.strftime("%Y-%m-%d"),
            "started_at_1": now.strftime("%H:%M:%S"),
            **fields,
        }
        return self.client.post(reverse("admin:articles_livecoverage_add"), data)

    def test_editor_starts_coverage_from_the_workspace(self):
        story = make_published_article("Court verdict")
        response = self.start_in_workspace(
            story, reporters=[self.assigned.pk], key_points="The verdict is due at noon."
        )
        coverage = LiveCoverage.objects.get(article=story)
        self.assertRedirects(response, desk_url(coverage), fetch_redirect_response=False)
        self.assertEqual(list(coverage.reporters.all()), [self.assigned])
        self.assertEqual(coverage.key_point_list(), ["The verdict is due at noon."])

    def test_six_key_points_are_refused(self):
        story = make_published_article("Court verdict")
        points = "\n".join(f"Point {number}" for number in range(6))
        response = self.start_in_workspace(story, key_points=points)
        self.assertContains(response, "Give 5 key points at most")
        self.assertFalse(LiveCoverage.objects.filter(article=story).exists())

    def test_journalists_cannot_start_change_or_end_coverage(self):
        add = reverse("admin:articles_livecoverage_add")
        change = reverse("admin:articles_livecoverage_change", args=[self.coverage.pk])
        changelist = reverse("admin:articles_livecoverage_changelist")
        self.signed_in(self.assigned)
        self.assertEqual(self.client.get(add).status_code, 403)
        response = self.client.post(change, {"key_points": "Hijacked", "reporters": []})
        self.assertEqual(response.status_code, 403)
        response = self.client.post(
            changelist,
            {"action": "end_selected", "_selected_action": [self.coverage.pk]},
        )
        self.coverage.refresh_from_db()
        self.assertIsNone(self.coverage.ended_at)
        self.assertIn(self.assigned, self.coverage.reporters.all())
        # Their list holds only the coverage they post to.
        page = self.client.get(changelist)
        self.assertEqual(list(page.context["cl"].result_list), [self.coverage])

    def test_editor_ends_coverage_with_the_action(self):
        self.signed_in(self.editor)
        response = self.client.post(
            reverse("admin:articles_livecoverage_changelist"),
            {"action": "end_selected", "_selected_action": [self.coverage.pk]},
        )
        self.assertEqual(response.status_code, 302)
        self.coverage.refresh_from_db()
        self.assertIsNotNone(self.coverage.ended_at)
        self.assertFalse(self.coverage.is_ongoing())

    def test_story_form_shows_live_state_and_the_desk(self):
        change = reverse("admin:articles_article_change", args=[self.article.pk])
        self.signed_in(self.editor)
        page = self.client.get(change)
        self.assertContains(page, "Covered live")
        self.assertContains(page, desk_url(self.coverage))
        other = make_published_article("Not live")
        page = self.client.get(reverse("admin:articles_article_change", args=[other.pk]))
        self.assertContains(page, "Cover this story live")

    def test_updates_list_is_the_editors(self):
        url = reverse("admin:articles_liveupdate_changelist")
        self.signed_in(self.assigned)
        self.assertEqual(self.client.get(url).status_code, 403)
        self.client.logout()
        self.signed_in(self.editor)
        self.assertContains(self.client.get(url), "Turnout was high in Kandal.")


class DeskQueryCountTests(LiveDeskTestData, TestCase):
    def desk_queries(self, count):
        LiveUpdate.objects.filter(article=self.article).delete()
        speaker = make_person()
        for number in range(count):
            update = live.post_update(
                article=self.article, user=self.assigned, body=f"Update {number}."
            )
            make_quote(self.article, speaker=speaker, live_update=update)
        live.take_down_update(update=update, editor=self.editor, reason="Wrong.")
        self.signed_in(self.assigned)
        self.client.get(desk_url(self.coverage))  # Sessions and caches warm.
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(desk_url(self.coverage))
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_desk_queries_do_not_grow_with_updates(self):
        """
        The desk reads its updates, their authors, photos, quotes and
        corrections in a fixed number of queries: 3 updates or 30, the same
        12: the session, the user, the staff session, the second factor and
        the two permission reads 6; the coverage with its story 1; whether
        the journalist is assigned 1; the updates with their people and photo
        1, their quotes 1, their corrections 1; the journalist's own person 1.
        """
        self.assertEqual(self.desk_queries(3), 12)
        self.assertEqual(self.desk_queries(30), 12)
        with self.assertNumQueries(12):
            self.client.get(desk_url(self.coverage))
