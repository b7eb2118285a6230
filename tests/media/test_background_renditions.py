"""
Renditions made in the background, on the database task backend: an upload
returns with its cleaned original alone, the photo shows "renditions pending"
until the worker (``manage.py run_worker``) has made them, a story waits for
them before approval, a failed try is retried later and shown to editors,
and readers meanwhile see the cleaned original, for the same queries.
"""

import re

from django.core.files.storage import default_storage
from django.tasks import TaskResultStatus
from django.test import TestCase, TransactionTestCase
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from media.models import Photograph
from tests.reader.test_story_pages import STORY_QUERIES_FIRST
from tests.support import samples
from tests.support.factories import (
    make_article,
    make_person,
    make_photograph,
    make_published_article,
    make_section,
    make_user,
    restore_roles,
)
from tests.support.media import IsolatedMedia, assert_clean, read, stored_names, upload
from tests.support.reader import ReaderTestMixin, make_full_story
from tests.support.staff import sign_in
from tests.support.tasks import DATABASE_TASKS, run_tasks
from workflow.checklist import approval_checklist

PENDING = "Renditions pending"
WAIT = "Wait until the photos' renditions are made (a minute or so)."


def rendition_tasks():
    return DBTaskResult.objects.filter(task_path="media.tasks.make_renditions").order_by(
        "enqueued_at"
    )


@DATABASE_TASKS
class BackgroundRenditionTests(IsolatedMedia, TransactionTestCase):
    def setUp(self):
        super().setUp()
        restore_roles()
        self.editor = make_user("background-editor", role="Editors")
        sign_in(self.client, self.editor)

    def test_an_upload_returns_with_its_original_and_the_renditions_follow(self):
        response = self.client.post(
            "/admin/media/photograph/add/",
            {
                "image": upload(samples.camera_jpeg(size=(1200, 800))),
                "caption": "Villagers at the commune hall, Kampong Speu, July 7, 2026.",
                "alt_text": "A crowd outside a low building.",
                "credit_agency": "CamboJA",
                "focal_x": "50",
                "focal_y": "50",
            },
        )
        self.assertEqual(response.status_code, 302)
        photograph = Photograph.objects.get()
        self.assertEqual(photograph.renditions, [])
        self.assertTrue(photograph.renditions_pending)
        self.assertEqual(stored_names(), {photograph.image.name})
        assert_clean(self, read(photograph.image.name), "original")
        self.assertEqual(rendition_tasks().get().status, TaskResultStatus.READY)
        changelist = "/admin/media/photograph/"
        self.assertContains(self.client.get(changelist), PENDING)
        self.assertContains(self.client.get(f"{changelist}{photograph.pk}/change/"), PENDING)

        run_tasks()
        photograph.refresh_from_db()
        self.assertFalse(photograph.renditions_pending)
        self.assertEqual(stored_names(), photograph.stored_files())
        for name in photograph.stored_files():
            assert_clean(self, read(name), name)
        self.assertEqual(rendition_tasks().get().status, TaskResultStatus.SUCCESSFUL)
        self.assertNotContains(self.client.get(changelist), PENDING)

    def test_a_story_waits_for_its_photos_renditions(self):
        article = make_article("Court hears land case", lead_photo=make_photograph())
        self.assertIn(WAIT, approval_checklist(article))
        run_tasks()
        article.refresh_from_db()
        self.assertNotIn(WAIT, approval_checklist(article))

    def test_a_failed_try_is_shown_to_editors_and_tried_again_later(self):
        photograph = make_photograph()
        original = read(photograph.image.name)
        default_storage.delete(photograph.image.name)
        run_tasks()
        failed, retry = rendition_tasks()
        self.assertEqual(failed.status, TaskResultStatus.FAILED)
        self.assertEqual(retry.status, TaskResultStatus.READY)
        self.assertEqual(retry.args_kwargs["kwargs"]["attempt"], 2)
        self.assertGreater(retry.run_after, timezone.now())
        self.assertTrue(Photograph.objects.get(pk=photograph.pk).renditions_pending)

        tasks = "/admin/django_tasks_database/dbtaskresult/"
        listed = self.client.get(f"{tasks}?status__exact=FAILED")
        self.assertContains(listed, '<td class="field-task_name">make_renditions</td>', count=1)
        detail = self.client.get(f"{tasks}{failed.pk}/change/")
        self.assertContains(detail, "ValidationError")

        # The file is back, and the pause has passed.
        default_storage.save(photograph.image.name, upload(original))
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
        run_tasks()
        photograph.refresh_from_db()
        self.assertFalse(photograph.renditions_pending)
        self.assertEqual(rendition_tasks().last().status, TaskResultStatus.SUCCESSFUL)


@DATABASE_TASKS
class PendingPhotoPageTests(ReaderTestMixin, IsolatedMedia, TestCase):
    def test_a_story_shows_its_pending_photos_originals_for_the_same_queries(self):
        """
        Before its renditions exist a photo is shown whole, from its cleaned
        original, with its size; the page costs what it costs with renditions.
        """
        section = make_section("Land")
        story = make_full_story(section=section)
        make_published_article(section=section, bylines=[make_person()])
        self.assertTrue(story.lead_photo.renditions_pending)
        with self.assertNumQueries(STORY_QUERIES_FIRST):
            response = self.client.get(story.get_absolute_url())
        page = response.content.decode()
        for photograph in [story.lead_photo, story.placed_photos.get().photograph]:
            tag = re.search(rf'<img src="{re.escape(photograph.image.url)}"[^>]*>', page)
            self.assertIsNotNone(tag, photograph.image.url)
            self.assertIn(f'width="{photograph.width}"', tag.group(0))
            self.assertIn(f'height="{photograph.height}"', tag.group(0))
        self.assertNotIn("srcset", page)
