"""
Who may change a photograph once a story shows it.

A journalist changes only photos they filed that no story past its draft
uses (in review, approved, scheduled, published, taken down) and no profile
shows: what an editor approved is what readers see. Editors change any photo,
and each change is kept in the revisions of the stories showing it.
Withdrawing a photo from the site, and putting it back, is an editor's.
"""

import datetime

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from media.models import Photograph
from media.services import restore_photograph, withdraw_photograph
from tests.support.factories import (
    image_upload,
    make_article,
    make_journalist,
    make_person,
    make_photograph,
    make_published_article,
    make_user,
    place_photo,
)
from tests.support.forms import read_form
from tests.support.media import IsolatedMedia
from tests.support.staff import sign_in
from tests.support.workspace import admin_url
from workflow import checklist, revisions

CHANGELIST = "/admin/media/photograph/"


class PhotoRightsTests(IsolatedMedia, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors")
        cls.author = make_journalist("author", name="Sok Chan")
        cls.other = make_journalist("other", name="Keo Dara")

    def photo_in(self, status, *, uploaded_by, lead=True, **story):
        """A photo ``uploaded_by`` filed, shown by a story in ``status``."""
        photograph = make_photograph(
            caption="Families wait outside the court.", uploaded_by=uploaded_by
        )
        if status == "published":
            article = make_published_article(bylines=[self.author.person], **story)
        elif status == "scheduled":
            article = make_published_article(
                bylines=[self.author.person],
                published_at=timezone.now() + datetime.timedelta(days=1),
                **story,
            )
        else:
            article = make_article(bylines=[self.author.person], status=status, **story)
        if lead:
            Article.objects.filter(pk=article.pk).update(lead_photo=photograph)
        else:
            place_photo(article, photograph)
        return photograph, article

    def post_change(self, user, photograph, **changes):
        """``user`` opens the photo's page and saves it with ``changes``; return the response."""
        sign_in(self.client, user)
        url = admin_url(Photograph, "change", photograph.pk)
        page = self.client.get(url)
        data = read_form(page, "photograph_form") if page.status_code == 200 else {}
        data.update({name: [value] for name, value in changes.items()})
        data.setdefault("caption", [photograph.caption])
        data.setdefault("alt_text", [photograph.alt_text])
        data["_save"] = ["Save"]
        return self.client.post(url, data)

    def test_a_journalist_changes_a_photo_only_while_its_stories_are_drafts(self):
        """Caption, alt text, credit: allowed on a draft's photo, refused once a story moved on."""
        for status in ["draft", "in_review", "approved", "scheduled", "published", "unpublished"]:
            for lead in (True, False):
                with self.subTest(status=status, lead=lead):
                    photograph, _article = self.photo_in(status, uploaded_by=self.author, lead=lead)
                    before = Photograph.objects.filter(pk=photograph.pk).values().get()
                    response = self.post_change(
                        self.author,
                        photograph,
                        caption="A changed caption",
                        alt_text="A changed description",
                        credit_agency="Someone else",
                    )
                    after = Photograph.objects.filter(pk=photograph.pk).values().get()
                    if status == "draft":
                        self.assertEqual(response.status_code, 302)
                        self.assertEqual(after["caption"], "A changed caption")
                    else:
                        self.assertEqual(response.status_code, 403)
                        self.assertEqual(after, before)

    def test_a_journalist_never_changes_someone_elses_photo(self):
        photograph, _article = self.photo_in("draft", uploaded_by=self.other)
        before = Photograph.objects.filter(pk=photograph.pk).values().get()
        response = self.post_change(self.author, photograph, caption="Not theirs")
        self.assertEqual(response.status_code, 403)
        self.assertEqual(Photograph.objects.filter(pk=photograph.pk).values().get(), before)

    def test_a_journalist_cannot_replace_the_picture_of_a_live_photo(self):
        photograph, _article = self.photo_in("published", uploaded_by=self.author)
        stored = photograph.stored_files()
        sign_in(self.client, self.author)
        url = admin_url(Photograph, "change", photograph.pk)
        response = self.client.post(
            url,
            {
                "image": image_upload("new.jpg", color=(10, 200, 30)),
                "caption": photograph.caption,
                "alt_text": photograph.alt_text,
            },
        )
        self.assertEqual(response.status_code, 403)
        photograph.refresh_from_db()
        self.assertEqual(photograph.stored_files(), stored)

    def test_portraits_are_the_editors(self):
        photograph = make_photograph(uploaded_by=self.author)
        make_person("Ny Sokha", portrait=photograph)
        response = self.post_change(self.author, photograph, caption="Changed")
        self.assertEqual(response.status_code, 403)

    def test_the_bulk_credit_action_is_refused_for_any_locked_photo(self):
        """Three photos selected, one in a published story: none changes."""
        free = [make_photograph(uploaded_by=self.author, credit_agency="") for _ in range(2)]
        locked, _article = self.photo_in("published", uploaded_by=self.author)
        sign_in(self.client, self.author)
        selected = [str(photo.pk) for photo in [*free, locked]]
        response = self.client.post(
            CHANGELIST,
            {
                "action": "edit_credit",
                "_selected_action": selected,
                "apply": "1",
                "credit_agency": "AFP",
            },
            follow=True,
        )
        self.assertContains(response, "Nothing was changed")
        self.assertEqual(Photograph.objects.filter(credit_agency="AFP").count(), 0)

    def test_an_editors_change_is_kept_in_the_stories_revisions(self):
        """The live story's revisions show the old and new caption; the new one is approved."""
        photograph, article = self.photo_in("published", uploaded_by=self.author)
        # As every story an editor approved has: the text that went live.
        revisions.record_revision(article=article, user=self.editor)
        response = self.post_change(
            self.editor, photograph, caption="Families wait outside the Appeal Court."
        )
        self.assertEqual(response.status_code, 302)
        kept = list(article.revisions.order_by("number"))
        self.assertEqual(len(kept), 2)
        old, new = (revision.content["lead_photo"]["label"] for revision in kept)
        self.assertIn("Families wait outside the court.", old)
        self.assertIn("Families wait outside the Appeal Court.", new)
        article.refresh_from_db()
        self.assertEqual(article.approved_revision, kept[-1])
        self.assertEqual(article.approved_by, self.editor)

    def test_withdrawing_and_restoring_are_the_editors(self):
        photograph, _article = self.photo_in("draft", uploaded_by=self.author)
        sign_in(self.client, self.author)
        for action in ["withdraw_selected", "restore_selected"]:
            with self.subTest(action=action):
                response = self.client.post(
                    CHANGELIST, {"action": action, "_selected_action": [photograph.pk]}
                )
                # An action the user may not run is not offered: Django answers so.
                self.assertIn(response.status_code, {200, 302})
                photograph.refresh_from_db()
                self.assertFalse(photograph.is_withdrawn)
        with self.assertRaises(PermissionDenied):
            withdraw_photograph(photograph=photograph, user=self.author)

    def test_a_photo_put_back_is_on_cached_pages_at_once(self):
        """
        Putting a photo back starts a new content version: a cached page shows
        it again at once, even one no story's revision touches (a portrait).
        """
        cache.clear()
        portrait = make_photograph(caption="Kem Sokha in his office.", uploaded_by=self.author)
        person = make_person("Kem Sokha", portrait=portrait)
        make_published_article(bylines=[person])
        withdraw_photograph(photograph=portrait, user=self.editor)
        url = reverse("reader:person_detail", args=[person.slug])
        for _visit in ("made", "from the cache"):
            self.assertNotContains(self.client.get(url), 'class="profile__portrait"')
        restore_photograph(photograph=Photograph.objects.get(pk=portrait.pk), user=self.editor)
        self.assertContains(self.client.get(url), 'class="profile__portrait"')

    def test_a_withdrawn_photo_is_on_no_public_page(self):
        photograph, article = self.photo_in("published", uploaded_by=self.author, lead=False)
        story = Article.objects.get(pk=article.pk)
        story.body = "[photo 1]\n\nThe hearing was adjourned."
        story.save()
        detail = f"/photos/{photograph.pk}/"
        self.assertEqual(self.client.get(detail).status_code, 200)
        old = [photograph.image.storage.url(name) for name in photograph.stored_files()]
        sign_in(self.client, self.editor)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                CHANGELIST, {"action": "withdraw_selected", "_selected_action": [photograph.pk]}
            )
        self.client.logout()
        self.assertEqual(self.client.get(detail).status_code, 404)
        for url in old:
            self.assertEqual(self.client.get(url).status_code, 404, url)
        page = self.client.get(story.get_absolute_url())
        self.assertNotContains(page, "Families wait outside the court.")
        self.assertNotContains(self.client.get("/photos/"), "Families wait outside the court.")
        # The story's checklist asks for another picture before it is approved again.
        needs = " ".join(checklist.approval_checklist(Article.objects.get(pk=story.pk)))
        self.assertIn("it was withdrawn from the site", needs)
