"""
The editor's desk in a real browser (headless Chromium): the review queue
says what changed since a return, unconfirmed quotes are confirmed from the
approval checklist, and several stories move at once from the story list.
"""

import datetime

from django.utils import timezone

from articles.models import Article, CommentRequest
from quotes.models import Quote
from tests.support.browser import BrowserTestCase
from tests.support.factories import (
    make_journalist,
    make_organization,
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
    make_ready_article,
    make_user,
    place_photo,
    restore_roles,
)
from workflow import editing, services

PASSWORD = "a-browser-test-password"


class DeskBrowserTests(BrowserTestCase):
    def setUp(self):
        super().setUp()
        restore_roles()
        # The admin has no favicon; the browser's 404 for it is no error of the pages.
        self.page.route("**/favicon.ico", lambda route: route.fulfill(status=204))
        self.journalist = make_journalist("reporter", name="Sok Chan", password=PASSWORD)
        self.editor = make_user("desk", role="Editors", password=PASSWORD)
        self.speaker = make_person("Ny Sokha")

    def story(self, headline, **fields):
        return make_ready_article(headline, bylines=[self.journalist.person], **fields)

    def test_queue_shows_changes_since_the_return(self):
        article = self.story("Farmers refuse to leave")
        services.submit_for_review(article=article, user=self.journalist)
        services.return_to_draft(
            article=article, editor=self.editor, note="Ask the ministry, and add the gate photo."
        )
        # The journalist adds a photo, a quote and the ministry's answer, and resubmits.
        place_photo(article, make_photograph(caption="The ministry's gate, May 2, 2026."))
        make_quote(article, speaker=self.speaker, text="We will not leave our land")
        CommentRequest.objects.create(
            article=article,
            organization=make_organization("Ministry of Land Management"),
            outcome="answered",
            answer="The land belongs to the state.",
        )
        editing.part_saved(article=article, user=self.journalist)
        services.submit_for_review(article=article, user=self.journalist)
        waiting = self.story("A story never returned")
        services.submit_for_review(article=waiting, user=self.journalist)

        page = self.page
        self.login("desk", PASSWORD)
        page.goto(self.url("/admin/articles/article/review/"))
        self.screenshot("review-queue-after")
        row = page.locator("#review-queue tr", has_text="Farmers refuse to leave")
        self.assertEqual(row.locator("td").last.inner_text(), "Changes since you returned it")
        other = page.locator("#review-queue tr", has_text="A story never returned")
        self.assertEqual(other.locator("td").last.inner_text(), "New story: revisions")

        row.locator("a.changes-since").click()
        page.wait_for_selector(".diff")
        titles = page.locator(".diff-part h4").all_inner_texts()
        self.assertEqual(titles, ["Photos in the body", "Quotes", "Right of reply"])
        diff = page.inner_text(".diff")
        self.assertIn("The ministry's gate", diff)
        self.assertIn("We will not leave our land", diff)
        self.assertIn("Ministry of Land Management", diff)
        self.assertIn("The land belongs to the state.", diff)
        self.screenshot("review-queue-diff-since-return")
        self.assertEqual(self.console_errors, [])

    def test_confirm_quotes_from_the_checklist(self):
        article = self.story("Farmers refuse to leave", status="in_review")
        make_quote(article, speaker=self.speaker, text="We were never asked")
        make_quote(article, speaker=self.speaker, text="We will not leave", confidence=91)
        make_quote(article, speaker=self.speaker, text="The court must hear us", confidence=74)

        page = self.page
        self.login("desk", PASSWORD)
        page.goto(self.url(f"/admin/articles/article/{article.pk}/change/"))
        checklist = page.inner_text(".checklist-missing")
        self.assertIn("Confirm who said quote 2, “We will not leave”", checklist)
        self.assertIn("Confirm who said quote 3, “The court must hear us”", checklist)
        self.assertNotIn("quote 1", checklist)

        # Approval is refused while they wait, naming them.
        page.click("#move-approve")
        page.wait_for_selector(".messagelist .error")
        self.assertIn("Confirm who said quote 2", page.inner_text(".messagelist"))
        self.screenshot("checklist-unconfirmed-quotes")

        for number in (2, 3):
            page.click(f"#confirm-quote-{number}")
            page.wait_for_selector(".messagelist .success")
            self.assertIn(f"Quote {number} is confirmed", page.inner_text(".messagelist"))
        self.assertIn("checklist is complete", page.inner_text(".workflow-checklist"))
        self.assertEqual(
            set(Quote.objects.filter(article=article).values_list("confirmed_by", flat=True)),
            {None, self.editor.pk},
        )
        page.click("#move-approve")
        page.wait_for_selector(".messagelist .success")
        self.assertEqual(Article.objects.get(pk=article.pk).status, "approved")
        self.assertEqual(self.console_errors, [])

    def test_bulk_schedule_and_unpublish(self):
        ready = [self.story(f"Ready story {number}", status="in_review") for number in (1, 2)]
        unready = self.story("Story with no lead photo", status="in_review", lead_photo=None)
        live = make_published_article("A live story", bylines=[self.journalist.person])

        page = self.page
        self.login("desk", PASSWORD)
        page.goto(self.url("/admin/articles/article/"))
        for story in [*ready, unready]:
            page.check(f"input.action-select[value='{story.pk}']")
        page.select_option("select[name=action]", "schedule_selected")
        page.click("button[name=index]")
        page.wait_for_selector("#bulk-move-form")
        self.assertEqual(page.locator("#bulk-move-stories tbody tr").count(), 3)
        when = (timezone.localtime() + datetime.timedelta(days=1)).replace(
            hour=9, minute=0, second=0, microsecond=0
        )
        page.fill("#id_publish_at", when.strftime("%Y-%m-%dT%H:%M"))
        self.screenshot("bulk-schedule-form")
        page.click("#bulk-move-confirm")
        page.wait_for_selector(".messagelist .success")
        summary = page.inner_text(".messagelist")
        self.assertIn("2 of 3 stories scheduled.", summary)
        self.assertIn(f"“Ready story 1” is now scheduled for {when:%Y-%m-%d %H:%M}.", summary)
        self.assertIn("“Story with no lead photo”: The story cannot be approved yet.", summary)
        self.assertIn("Choose a lead photo.", summary)
        self.screenshot("bulk-schedule-summary")
        for story in ready:
            story.refresh_from_db()
            self.assertEqual(story.published_at, when)
        self.assertEqual(Article.objects.get(pk=unready.pk).status, "in_review")

        # Then take a live story and a scheduled one down, saying why.
        for story in [live, ready[0]]:
            page.check(f"input.action-select[value='{story.pk}']")
        page.select_option("select[name=action]", "unpublish_selected")
        page.click("button[name=index]")
        page.fill("#id_note", "A legal complaint: held until the lawyer has read them.")
        page.click("#bulk-move-confirm")
        page.wait_for_selector(".messagelist .success")
        self.assertIn("2 of 2 stories unpublished.", page.inner_text(".messagelist"))
        self.assertEqual(
            set(Article.objects.filter(pk__in=[live.pk, ready[0].pk]).values_list("status")),
            {("unpublished",)},
        )
        self.assertEqual(self.console_errors, [])

    def test_journalist_has_no_bulk_moves(self):
        self.story("Her draft")
        self.login("reporter", PASSWORD)
        self.page.goto(self.url("/admin/articles/article/"))
        actions = self.page.locator("select[name=action] option").evaluate_all(
            "options => options.map(option => option.value)"
        )
        self.assertIn("submit_selected", actions)
        for action in ["approve_selected", "schedule_selected", "unpublish_selected"]:
            self.assertNotIn(action, actions)
