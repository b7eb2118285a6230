"""
A quote the quote finder attributed goes out only once a person has confirmed
who said it: the approval checklist lists each unconfirmed one with a button
to confirm it, and approval is refused while any remains.
"""

from django.contrib.messages import get_messages
from django.test import Client, TestCase
from django.urls import reverse

from articles.models import Article
from quotes.models import Quote
from quotes.services import UNIDENTIFIED
from tests.support.factories import (
    make_journalist,
    make_person,
    make_quote,
    make_ready_article,
    make_user,
)
from tests.support.forms import read_form
from tests.support.staff import sign_in
from workflow import checklist, errors, services
from workflow.models import Revision


def confirm_url(quote):
    return reverse("admin:articles_article_confirm_quote", args=[quote.article_id, quote.pk])


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


class ConfirmationTestData:
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors")
        cls.author = make_journalist("reporter", name="Sok Chan")
        cls.other = make_journalist("reporter2", name="Keo Dara")
        cls.article = make_ready_article(
            "Farmers refuse to leave", bylines=[cls.author.person], status="in_review"
        )
        cls.speaker = make_person("Ny Sokha")
        cls.by_hand = make_quote(cls.article, speaker=cls.speaker, text="We were never asked")
        cls.machine = make_quote(
            cls.article, speaker=cls.speaker, text="We will not leave", confidence=92
        )
        cls.unidentified = make_quote(
            cls.article, anonymous_description=UNIDENTIFIED, text="Nobody came", confidence=0
        )

    def refreshed(self, quote):
        return Quote.objects.get(pk=quote.pk)


class ChecklistTests(ConfirmationTestData, TestCase):
    def test_lists_the_finders_unconfirmed_quotes_only(self):
        """Quotes entered by hand or confirmed are not listed; the finder's others are."""
        make_quote(self.article, speaker=self.speaker, confidence=99, is_confirmed=True)
        missing = checklist.approval_checklist(self.article)
        asked = [item for item in missing if "quote" in item]
        self.assertEqual(
            asked,
            [
                "Confirm who said quote 2, “We will not leave”: the quote finder chose "
                "Ny Sokha, and no one has checked it yet.",
                "Say who said quote 3, “Nobody came”: the quote finder could not tell.",
            ],
        )
        self.assertEqual([getattr(item, "quote", None) for item in asked], [self.machine, None])

    def test_approval_refused_naming_them(self):
        """An editor cannot approve while a quote is unconfirmed; nothing changes."""
        before = Article.objects.filter(pk=self.article.pk).values().get()
        with self.assertRaises(errors.WorkflowError) as refused:
            services.approve(article=self.article, editor=self.editor)
        self.assertIn(
            "Confirm who said quote 2, “We will not leave”", refused.exception.messages[0]
        )
        self.assertEqual(Article.objects.filter(pk=self.article.pk).values().get(), before)
        self.assertFalse(self.article.transitions.exists())

    def test_approval_through_the_form_names_them(self):
        sign_in(self.client, self.editor)
        response = self.client.post(
            reverse("admin:articles_article_move", args=[self.article.pk, "approve"]), follow=True
        )
        shown = [str(message) for message in response.context["messages"]]
        self.assertIn("The story cannot be approved yet. It still needs:", shown)
        self.assertTrue(any("Confirm who said quote 2" in line for line in shown))
        self.assertEqual(Article.objects.get(pk=self.article.pk).status, "in_review")

    def test_the_form_offers_a_button_for_each(self):
        sign_in(self.client, self.editor)
        response = self.client.get(change_url(self.article))
        self.assertContains(response, f'action="{confirm_url(self.machine)}"')
        self.assertContains(response, 'id="confirm-quote-2"')
        self.assertNotContains(response, 'id="confirm-quote-3"')
        self.assertNotContains(response, 'id="confirm-quote-1"')


class ConfirmTests(ConfirmationTestData, TestCase):
    def test_editor_confirms_from_the_checklist(self):
        """One click: confirmed, with who and when, a new revision, and back to the story."""
        sign_in(self.client, self.editor)
        revisions = Revision.objects.filter(article=self.article).count()
        response = self.client.post(confirm_url(self.machine))
        self.assertRedirects(response, change_url(self.article) + "#workflow")
        quote = self.refreshed(self.machine)
        self.assertTrue(quote.is_confirmed)
        self.assertEqual(quote.confirmed_by, self.editor)
        self.assertIsNotNone(quote.confirmed_at)
        self.assertEqual(
            [str(message) for message in get_messages(response.wsgi_request)],
            ["Quote 2 is confirmed: Ny Sokha said “We will not leave”."],
        )
        latest = Revision.objects.filter(article=self.article).order_by("-number").first()
        self.assertGreater(Revision.objects.filter(article=self.article).count(), revisions)
        self.assertTrue(latest.content["quotes"][1]["is_confirmed"])
        self.assertNotIn("quote 2", " ".join(checklist.approval_checklist(self.article)))

    def test_author_confirms_on_her_draft(self):
        Article.objects.filter(pk=self.article.pk).update(status="draft")
        sign_in(self.client, self.author)
        self.client.post(confirm_url(self.machine))
        self.assertEqual(self.refreshed(self.machine).confirmed_by, self.author)

    def test_unidentified_quote_needs_a_speaker_first(self):
        sign_in(self.client, self.editor)
        response = self.client.post(confirm_url(self.unidentified), follow=True)
        self.assertContains(response, "Say who said quote 3 before confirming it.")
        self.assertFalse(self.refreshed(self.unidentified).is_confirmed)

    def test_approval_passes_once_confirmed(self):
        sign_in(self.client, self.editor)
        self.client.post(confirm_url(self.machine))
        Quote.objects.filter(pk=self.unidentified.pk).update(
            anonymous_description="a villager", is_confirmed=True
        )
        services.approve(article=self.article, editor=self.editor)
        self.assertEqual(Article.objects.get(pk=self.article.pk).status, "approved")

    def test_unconfirming_forgets_who_confirmed(self):
        sign_in(self.client, self.editor)
        self.client.post(confirm_url(self.machine))
        quote = self.refreshed(self.machine)
        quote.is_confirmed = False
        quote.save()
        quote = self.refreshed(self.machine)
        self.assertEqual((quote.confirmed_by, quote.confirmed_at), (None, None))


class RefusalTests(ConfirmationTestData, TestCase):
    """Who may not confirm, and how they are refused: nothing changes."""

    def assertUnchanged(self):
        quote = self.refreshed(self.machine)
        self.assertEqual((quote.is_confirmed, quote.confirmed_by), (False, None))

    def test_author_cannot_while_in_review(self):
        sign_in(self.client, self.author)
        self.assertEqual(self.client.post(confirm_url(self.machine)).status_code, 403)
        self.assertUnchanged()

    def test_other_journalist_is_told_the_story_does_not_exist(self):
        sign_in(self.client, self.other)
        response = self.client.post(confirm_url(self.machine), follow=True)
        self.assertRedirects(response, reverse("admin:index"))
        self.assertNotContains(response, "Farmers refuse to leave")
        self.assertUnchanged()

    def test_anonymous_is_sent_to_sign_in(self):
        response = self.client.post(confirm_url(self.machine))
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("admin:login"), response["Location"])
        self.assertUnchanged()

    def test_get_is_not_allowed(self):
        sign_in(self.client, self.editor)
        self.assertEqual(self.client.get(confirm_url(self.machine)).status_code, 405)
        self.assertUnchanged()

    def test_without_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        sign_in(client, self.editor)
        self.assertEqual(client.post(confirm_url(self.machine)).status_code, 403)
        self.assertUnchanged()

    def test_quote_of_another_story_is_404(self):
        elsewhere = make_ready_article("Elsewhere", status="in_review")
        sign_in(self.client, self.editor)
        url = reverse("admin:articles_article_confirm_quote", args=[elsewhere.pk, self.machine.pk])
        self.assertEqual(self.client.post(url).status_code, 404)
        self.assertUnchanged()


class TickedConfirmedTests(ConfirmationTestData, TestCase):
    """Ticked "attribution confirmed" on a form, a quote keeps who confirmed it, too."""

    def setUp(self):
        sign_in(self.client, self.editor)

    def post(self, url, form_id, field):
        data = read_form(self.client.get(url), form_id)
        data[field] = ["on"]
        data["_save"] = ["Save"]
        self.assertEqual(self.client.post(url, data).status_code, 302)

    def test_on_the_story_form(self):
        self.post(change_url(self.article), "article_form", "quotes-1-is_confirmed")
        quote = self.refreshed(self.machine)
        self.assertEqual((quote.is_confirmed, quote.confirmed_by), (True, self.editor))
        self.assertIsNone(self.refreshed(self.by_hand).confirmed_by)

    def test_on_the_quotes_own_page(self):
        url = reverse("admin:quotes_quote_change", args=[self.machine.pk])
        self.post(url, "quote_form", "is_confirmed")
        quote = self.refreshed(self.machine)
        self.assertEqual((quote.is_confirmed, quote.confirmed_by), (True, self.editor))
