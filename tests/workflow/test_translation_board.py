"""The translation desk in the workspace: the board, the source beside a translation, the desk."""

import datetime

import time_machine
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from people import protection
from tests.support.factories import (
    make_journalist,
    make_person,
    make_published_article,
    make_ready_article,
    make_section,
    make_user,
)
from tests.support.staff import sign_in
from workflow import editing, notifications, revisions, services, translations

BOARD = reverse("admin:articles_article_translations")
START = timezone.now() - datetime.timedelta(days=10)


def later(days):
    return time_machine.travel(START + datetime.timedelta(days=days), tick=False)


class TranslationBoardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors", email="desk@example.org")
        cls.translated = make_published_article("Young voters feel unheard")
        cls.khmer = make_published_article(
            "យុវជនថា ពួកគេមិនត្រូវបានគេស្តាប់", language="km", translation_of=cls.translated
        )
        cls.untranslated = make_published_article("Rubber company fences land")
        cls.khmer_only = make_published_article("ក្រុមហ៊ុនកៅស៊ូហ៊ុមព័ទ្ធដី", language="km")
        cls.draft = make_ready_article("A draft no one translates yet")

    def setUp(self):
        sign_in(self.client, self.editor)

    def test_board_lists_stories_waiting_for_a_version_in_the_other_language(self):
        """English stories without Khmer and the reverse; no translated pair, no draft."""
        response = self.client.get(BOARD)
        self.assertEqual(response.status_code, 200)
        english, khmer = response.context["waiting"]
        self.assertEqual([story.pk for story in english["stories"]], [self.untranslated.pk])
        self.assertEqual([story.pk for story in khmer["stories"]], [self.khmer_only.pk])
        self.assertContains(
            response,
            f"{reverse('admin:articles_article_add')}?language=km&amp;"
            f"translation_of={self.untranslated.pk}",
        )
        self.assertContains(response, "1 story in English without a Khmer version")
        self.assertContains(response, "Every translation is up to date with its source.")

    def test_start_link_opens_a_prefilled_translation(self):
        """“Start the Khmer version” opens the add form with the language and source chosen."""
        response = self.client.get(
            reverse("admin:articles_article_add"),
            {"language": "km", "translation_of": self.untranslated.pk},
        )
        form = response.context["adminform"].form
        self.assertEqual(form.initial["language"], "km")
        self.assertEqual(str(form.initial["translation_of"]), str(self.untranslated.pk))

    def test_journalists_cannot_open_the_board(self):
        sign_in(self.client, make_journalist("reporter"))
        self.assertEqual(self.client.get(BOARD).status_code, 403)

    def test_changelist_links_the_board_and_shows_both_headlines(self):
        response = self.client.get(reverse("admin:articles_article_changelist"))
        self.assertContains(response, f'href="{BOARD}" id="translation-board-link"')
        # Each story of a pair shows the other's headline in its row.
        self.assertContains(response, '<td class="field-other_language_version">យុវជនថា')
        self.assertContains(
            response, '<td class="field-other_language_version">Young voters feel unheard</td>'
        )


class StaleTranslationTests(TestCase):
    """A translation is stale once its source's words change after it was made."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors", email="desk@example.org")
        with later(0):
            cls.source = make_published_article(
                "Court hears land case",
                body="The families have waited ten years.\n\nThe court met on Monday.",
            )
            revisions.record_revision(article=cls.source, user=cls.editor)
        with later(1):
            cls.translation = make_published_article(
                "តុលាការស្ដាប់សំណុំរឿងដីធ្លី", language="km", translation_of=cls.source
            )
            revisions.record_revision(article=cls.translation, user=cls.editor)

    def setUp(self):
        sign_in(self.client, self.editor)

    def edit_source(self, days, **changes):
        with later(days):
            Article.objects.filter(pk=self.source.pk).update(**changes)
            editing.record_edit(article=Article.objects.get(pk=self.source.pk), user=self.editor)

    def test_unchanged_source_leaves_the_translation_current(self):
        self.assertEqual(translations.stale_translations(viewer=self.editor), [])

    def test_changed_body_makes_the_translation_stale_with_what_changed(self):
        self.edit_source(
            2, body="The families have waited twelve years.\n\nThe court met on Monday."
        )
        [stale] = translations.stale_translations(viewer=self.editor)
        self.assertEqual(stale.translation.pk, self.translation.pk)
        response = self.client.get(BOARD)
        self.assertContains(response, "Translations to bring up to date")
        self.assertContains(response, "<del>ten</del>")
        self.assertContains(response, "<ins>twelve</ins>")
        self.assertContains(
            response,
            reverse("admin:articles_article_compare", args=[self.source.pk])
            + f"?from={stale.then.number}&amp;to={stale.now.number}",
        )
        form = self.client.get(reverse("admin:articles_article_change", args=[self.translation.pk]))
        self.assertContains(form, "after this translation was made. What changed:")
        self.assertContains(form, "<ins>twelve</ins>")

    def test_a_new_translation_revision_brings_it_up_to_date(self):
        self.edit_source(2, headline="Court hears land case again")
        self.assertEqual(len(translations.stale_translations(viewer=self.editor)), 1)
        with later(3):
            Article.objects.filter(pk=self.translation.pk).update(headline="តុលាការស្ដាប់ម្ដងទៀត")
            editing.record_edit(
                article=Article.objects.get(pk=self.translation.pk), user=self.editor
            )
        self.assertEqual(translations.stale_translations(viewer=self.editor), [])

    def test_a_change_that_is_not_words_does_not_make_it_stale(self):
        """A new section on the source is no work for the translator."""
        self.edit_source(2, section=make_section("Land"))
        self.assertEqual(translations.stale_translations(viewer=self.editor), [])

    def test_source_without_revisions_until_after_the_translation(self):
        """The first edit's baseline revision holds the words the translator saw."""
        with later(0):
            source = make_published_article("Budget passes", body="Spending rises.")
        with later(1):
            make_published_article("ថវិកាត្រូវបានអនុម័ត", language="km", translation_of=source)
        with later(2):
            revisions.ensure_baseline(article=source)
            Article.objects.filter(pk=source.pk).update(body="Spending rises by a tenth.")
            editing.record_edit(article=Article.objects.get(pk=source.pk), user=self.editor)
        stale = [item.source.pk for item in translations.stale_translations(viewer=self.editor)]
        self.assertEqual(stale, [source.pk])


class BoardQueryTests(TestCase):
    """The board asks the same number of queries for one stale translation as for several."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors")

    def make_stale_translation(self, number):
        with later(0):
            source = make_published_article(f"Court hears case {number}", body="Ten years.")
            revisions.record_revision(article=source, user=self.editor)
        with later(1):
            translation = make_published_article(
                f"តុលាការ {number}", language="km", translation_of=source
            )
            revisions.record_revision(article=translation, user=self.editor)
        with later(2):
            Article.objects.filter(pk=source.pk).update(body="Twelve years.")
            editing.record_edit(article=Article.objects.get(pk=source.pk), user=self.editor)

    def test_board_query_count_does_not_grow_with_stale_translations(self):
        """
        Session, its staff session check, user, the second factor that
        verified the session, the editor's permissions (2), the stale
        translations with their sources, the source revisions they compare,
        and the count and page of untranslated stories in each language
        (4): 12.
        """
        sign_in(self.client, self.editor)
        self.make_stale_translation(1)
        with self.assertNumQueries(12):
            response = self.client.get(BOARD)
        self.assertEqual(len(response.context["stale"]), 1)
        for number in range(2, 5):
            self.make_stale_translation(number)
        with self.assertNumQueries(12):
            response = self.client.get(BOARD)
        self.assertEqual(len(response.context["stale"]), 4)
        self.assertContains(response, "<ins>Twelve</ins>", count=4)


OFFICIAL = "Chea Bophavy"
LABEL = "a procurement official who asked not to be named"


class ProtectedSourceInWhatChangedTests(TestCase):
    """
    What changed in a translation's source is read from the source's old
    revisions, which keep the name of someone protected since: the board and
    the translation's form show it as their reader may see it.
    """

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors")
        cls.journalist = make_journalist("translator", name="Sok Chan")
        official = make_person(OFFICIAL)
        with later(0):
            cls.source = make_published_article(
                "Road contracts went to the minister's cousin",
                bylines=[cls.journalist.person],
                body=f"{OFFICIAL} said the tenders were decided in advance.",
            )
            revisions.record_revision(article=cls.source, user=cls.editor)
        with later(1):
            cls.translation = make_published_article(
                "កិច្ចសន្យាផ្លូវថ្នល់",
                language="km",
                translation_of=cls.source,
                bylines=[cls.journalist.person],
            )
            revisions.record_revision(article=cls.translation, user=cls.editor)
        # She becomes a protected source, and the story stops naming her.
        official.is_protected_source = True
        official.public_label = LABEL
        official.save()
        protection.protect(person=official, editor=cls.editor)
        with later(2):
            Article.objects.filter(pk=cls.source.pk).update(
                body="The tenders were decided in advance."
            )
            editing.record_edit(article=Article.objects.get(pk=cls.source.pk), user=cls.editor)

    def form(self, user):
        sign_in(self.client, user)
        response = self.client.get(
            reverse("admin:articles_article_change", args=[self.translation.pk])
        )
        self.assertContains(response, "after this translation was made. What changed:")
        return response

    def test_a_journalist_reads_the_label_in_what_changed(self):
        response = self.form(self.journalist)
        self.assertNotContains(response, OFFICIAL)
        self.assertContains(response, f"<del>{LABEL} said the</del><ins>The</ins>")

    def test_a_desk_editor_who_may_not_see_identities_reads_the_label_on_the_board(self):
        """The board is an editor's page; who may see identities is a right of its own."""
        desk = make_user("night-desk", is_staff=True)
        desk.user_permissions.add(
            *Permission.objects.filter(
                content_type__app_label="articles",
                codename__in=["publish_article", "view_article", "change_article"],
            )
        )
        sign_in(self.client, desk)
        response = self.client.get(BOARD)
        self.assertContains(response, "Translations to bring up to date")
        self.assertNotContains(response, OFFICIAL)
        self.assertContains(response, f"<del>{LABEL} said the</del><ins>The</ins>")

    def test_an_editor_reads_who_she_is(self):
        response = self.form(self.editor)
        self.assertContains(response, f"<del>{OFFICIAL} said the</del><ins>The</ins>")
        sign_in(self.client, self.editor)
        self.assertContains(self.client.get(BOARD), f"<del>{OFFICIAL} said the</del><ins>The</ins>")


class SourcePanelTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors", email="desk@example.org")
        cls.source = make_published_article(
            "Court hears land case",
            standfirst="Families have waited ten years.",
            body="The court met on Monday.\n\n[photo 1]\n\nThe judge listened.",
        )
        cls.translation = make_ready_article(
            "តុលាការស្ដាប់សំណុំរឿងដីធ្លី", language="km", translation_of=cls.source
        )

    def test_translation_form_shows_the_source_beside_it(self):
        """The translator reads the source's headline, standfirst and paragraphs on the form."""
        sign_in(self.client, self.editor)
        response = self.client.get(
            reverse("admin:articles_article_change", args=[self.translation.pk])
        )
        self.assertContains(response, 'id="translation-source"')
        self.assertContains(response, "<strong>Court hears land case</strong>")
        self.assertContains(response, "<em>Families have waited ten years.</em>")
        self.assertContains(response, "<p>The court met on Monday.</p>")
        self.assertContains(response, "<p>The judge listened.</p>")
        panel = response.content.decode().split('id="translation-source"', 1)[1]
        panel = panel.split("</div>\n</div>", 1)[0]
        self.assertNotIn("[photo 1]", panel)

    def test_a_story_that_is_no_translation_has_no_panel(self):
        sign_in(self.client, self.editor)
        response = self.client.get(reverse("admin:articles_article_change", args=[self.source.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'id="translation-source"')

    def test_a_journalist_sees_no_source_they_may_not_open(self):
        """The panel follows the workspace's scope: a draft source stays hidden."""
        journalist = make_journalist("translator")
        draft_source = make_ready_article("Secret draft about the minister")
        own = make_ready_article(
            "សេចក្ដីព្រាង",
            language="km",
            translation_of=draft_source,
            bylines=[journalist.person],
        )
        sign_in(self.client, journalist)
        response = self.client.get(reverse("admin:articles_article_change", args=[own.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'id="translation-source"')


class KhmerDeskNotificationTests(TestCase):
    """The Khmer desk hears when an English story is first approved."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors", email="desk@example.org")
        cls.translator = make_journalist("translator", email="khmer@example.org")
        cls.translator.groups.add(Group.objects.get(name=notifications.KHMER_DESK_GROUP))
        cls.section = make_section("Land")

    def ready(self, headline, **fields):
        """A story waiting for an editor's approval."""
        return make_ready_article(
            headline,
            section=self.section,
            status="in_review",
            submitted_at=timezone.now(),
            **fields,
        )

    def run_move(self, move):
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            move()
        return [message for message in mail.outbox if message.to == ["khmer@example.org"]]

    def approve(self, article):
        return lambda: services.approve(article=article, editor=self.editor)

    def test_the_khmer_desk_group_exists(self):
        """A data migration makes the group; editors add its members in the workspace."""
        self.assertTrue(Group.objects.filter(name="Khmer desk").exists())

    def test_approving_an_english_story_tells_the_khmer_desk(self):
        story = self.ready("Court hears land case")
        [message] = self.run_move(self.approve(story))
        self.assertEqual(message.subject, "To translate into Khmer: Court hears land case")
        self.assertIn("It has no Khmer version yet", message.body)
        self.assertIn(reverse("admin:articles_article_change", args=[story.pk]), message.body)

    def test_publishing_at_once_tells_the_khmer_desk_once(self):
        story = self.ready("Court hears land case")
        self.assertEqual(len(self.run_move(self.approve(story))), 1)
        published = self.run_move(lambda: services.publish(article=story, editor=self.editor))
        self.assertEqual(published, [])

    def test_khmer_and_already_translated_stories_tell_nobody(self):
        khmer = self.ready("តុលាការស្ដាប់", language="km")
        self.assertEqual(self.run_move(self.approve(khmer)), [])
        english = self.ready("Budget passes")
        make_ready_article("ថវិកា", language="km", translation_of=english)
        self.assertEqual(self.run_move(self.approve(english)), [])
