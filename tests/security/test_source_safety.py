"""
Protected sources: the newsroom knows who they are, readers never do
(SECURITY-TESTS 41), and error reports never carry their identity, passwords
or share-link tokens (SECURITY-TESTS 42).
"""

import json
import sys
from urllib.parse import quote_plus

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.signals import got_request_exception
from django.db import IntegrityError
from django.db.models.signals import pre_save
from django.test import RequestFactory, TestCase, override_settings
from django.urls import reverse
from django.views.debug import ExceptionReporter, get_exception_reporter_class

from people.models import Affiliation, Person
from quotes.models import Quote
from tests.support.factories import (
    make_affiliation,
    make_alias,
    make_journalist,
    make_organization,
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
    make_user,
)
from tests.support.reader import ReaderTestMixin, json_ld
from tests.support.staff import sign_in

LABEL = "a government official who asked not to be named"
NAME = "Chea Bophavy"
STARS = "********************"

# Everything that could say who the source is. None of it may reach a reader,
# a journalist, or an error report.
IDENTITY = {
    "name": NAME,
    "name_km": "ជា បុប្ផាវី",
    "short_name": "Bophavy",
    "contact_details": "+855 12 987 654 (Signal)",
    "notes": "Meets only at the Orussey market, mornings",
    "bio": "Deputy director of procurement at the Ministry of Roads",
}
ALIAS = "Bophavy Chea"
SECRET_ROLE = "deputy director of procurement"
SECRET_ORGANIZATION = "Roads Procurement Office"


def make_protected_source(**fields):
    fields = {**IDENTITY, **fields}
    # The slug spells the name, as it would for someone protected after
    # being on record: no public page may link it.
    fields.setdefault("slug", "chea-bophavy")
    source = make_person(fields.pop("name"), is_protected_source=True, public_label=LABEL, **fields)
    make_alias(source, ALIAS)
    make_affiliation(source, make_organization(SECRET_ORGANIZATION), title=SECRET_ROLE)
    return source


def secrets_in(text):
    """The identifying values found in ``text`` (a page, a feed, a report)."""
    values = [*IDENTITY.values(), ALIAS, SECRET_ROLE, SECRET_ORGANIZATION]
    return [value for value in values if value in text]


class StorySetupMixin:
    @classmethod
    def setUpTestData(cls):
        cls.source = make_protected_source()
        cls.writer = make_person("Vann Piseth")
        cls.named = make_person("Heng Rithy")
        cls.story = make_published_article(
            "Road contracts went to the minister's cousin",
            bylines=[cls.writer],
            body=(
                "The contracts were never tendered.\n\n[quote 1]\n\n"
                "The ministry did not answer questions."
            ),
            lead_photo=make_photograph(photographer=cls.source, credit_agency="CamboJA"),
        )
        make_quote(
            cls.story,
            speaker=cls.source,
            text="Every contract was signed before the tender opened",
            speaker_role=SECRET_ROLE,
            is_pull_quote=True,
        )
        make_quote(cls.story, speaker=cls.named, text="We asked for the documents")
        cls.story.people.add(cls.source, cls.named)
        cls.editor = make_user("editor-safety", role="Editors")
        cls.journalist = make_journalist("journalist-safety")


class ReaderSurfaceTests(StorySetupMixin, ReaderTestMixin, TestCase):
    def assert_clean(self, url, status=200):
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, url)
        content = response.content.decode()
        self.assertEqual(secrets_in(content), [], url)
        self.assertNotIn(self.source.slug, content, url)
        return content

    def test_str_is_the_public_label(self):
        """Everything that prints a person record prints the label of a protected source."""
        self.assertEqual(str(self.source), LABEL)
        quote = self.source.quotes.get()
        self.assertIn(LABEL, str(quote))
        self.assertNotIn(NAME, str(quote))

    def test_a_protected_source_needs_a_label(self):
        """The database refuses a protected source with no public label."""
        with self.assertRaises(IntegrityError):
            Person.objects.create(name="Nameless Label", is_protected_source=True)

    def test_the_label_is_validated_in_forms(self):
        person = Person(name="Sok Dara", is_protected_source=True)
        with self.assertRaises(ValidationError):
            person.full_clean()

    def test_story_page_shows_the_label_with_their_quote(self):
        """The pull quote is attributed to the label, without a link or the role given."""
        content = self.assert_clean(self.story.get_absolute_url())
        self.assertIn("Every contract was signed before the tender opened", content)
        self.assertIn(f"<figcaption>{LABEL}</figcaption>", content)
        self.assertIn("Heng Rithy", content)

    def test_story_json_ld_names_only_the_label(self):
        response = self.client.get(self.story.get_absolute_url())
        data = json_ld(response.content.decode())
        text = json.dumps(data, ensure_ascii=False)
        self.assertEqual(secrets_in(text), [])
        creators = [part["creator"] for block in data for part in block.get("hasPart", [])]
        self.assertIn({"@type": "Person", "name": LABEL}, creators)
        mentioned = [mention["name"] for block in data for mention in block.get("mentions", [])]
        self.assertNotIn(LABEL, mentioned)

    def test_no_public_profile(self):
        """The profile answers the same 404, byte for byte, as an address nobody has."""
        cached = self.client.get(reverse("reader:person_detail", args=[self.source.slug]))
        unknown = self.client.get(reverse("reader:person_detail", args=["nobody-at-all"]))
        self.assertEqual(cached.status_code, 404)
        self.assertEqual(cached.content, unknown.content)
        feed = self.client.get(reverse("reader:feed_author", args=[self.source.slug]))
        self.assertEqual(feed.status_code, 404)

    def test_reader_pages_feeds_and_sitemaps(self):
        """Home, archive, search, feeds, sitemaps, photo and organization pages hold none of it."""
        photo = self.story.lead_photo
        for url in [
            reverse("reader:home"),
            reverse("reader:archive"),
            f"{reverse('reader:archive')}?quoted={self.named.slug}",
            reverse("reader:feed_latest"),
            reverse("reader:feed_latest_atom"),
            "/sitemap.xml",
            "/news-sitemap.xml",
            reverse("reader:photo_list"),
            reverse("reader:photo_detail", args=[photo.pk]),
            reverse("reader:person_detail", args=[self.named.slug]),
            reverse("reader:person_detail", args=[self.writer.slug]),
            "/km/",
            "/km" + self.story.get_absolute_url(),
        ]:
            with self.subTest(url=url):
                self.assert_clean(url)

    def test_searching_for_their_name_finds_no_person(self):
        """A search for any of their names answers as for a name nobody has."""
        nobody = "Zzyzxqwerty"
        url = reverse("reader:search")
        expected = self.client.get(url, {"q": nobody}).content.decode().replace(nobody, "…")
        for words in ["Chea", "Bophavy", "ជា", "official"]:
            with self.subTest(words=words):
                content = self.client.get(url, {"q": words}).content.decode()
                content = content.replace(quote_plus(words), words).replace(words, "…")
                self.assertEqual(content, expected)

    def test_archive_filter_ignores_them(self):
        """The person filter does not offer them, and naming them narrows nothing."""
        response = self.client.get(f"{reverse('reader:archive')}?quoted={self.source.slug}")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(secrets_in(response.content.decode()), [])

    def test_the_organization_only_they_belong_to_stays_private(self):
        organization = Affiliation.objects.get(person=self.source).organization
        response = self.client.get(reverse("reader:organization_detail", args=[organization.slug]))
        self.assertEqual(response.status_code, 404)

    def test_photo_credit_uses_the_label(self):
        """A protected photographer is credited by label, with no profile link."""
        content = self.assert_clean(reverse("reader:photo_detail", args=[self.story.lead_photo.pk]))
        self.assertIn(f"CamboJA/ {LABEL}", content)

    def test_a_protected_byline_shows_the_label(self):
        story = make_published_article("Inside the ministry", bylines=[self.source])
        content = self.assert_clean(story.get_absolute_url())
        self.assertIn(LABEL, content)
        feed = self.assert_clean(reverse("reader:feed_latest"))
        self.assertIn(LABEL, feed)
        home = self.assert_clean(reverse("reader:home"))
        self.assertIn(LABEL, home)


class WorkspaceTests(StorySetupMixin, TestCase):
    def change_url(self, person):
        return reverse("admin:people_person_change", args=[person.pk])

    def test_journalist_sees_the_label_only(self):
        """Changelist, change page and history show a journalist the label, nothing else."""
        sign_in(self.client, self.journalist)
        for url in [
            reverse("admin:people_person_changelist"),
            self.change_url(self.source),
            reverse("admin:people_person_history", args=[self.source.pk]),
            reverse("admin:people_affiliation_changelist"),
            reverse("admin:quotes_quote_changelist"),
        ]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(secrets_in(response.content.decode()), [])
        response = self.client.get(reverse("admin:people_person_changelist"))
        self.assertContains(response, LABEL)

    def test_journalist_cannot_find_them_by_name(self):
        """Searching the real name finds nothing; the label finds the record."""
        sign_in(self.client, self.journalist)
        changelist = reverse("admin:people_person_changelist")
        for words in [NAME, "Bophavy", ALIAS]:
            with self.subTest(words=words):
                response = self.client.get(changelist, {"q": words})
                self.assertNotContains(response, LABEL)
                self.assertEqual(response.context["cl"].result_count, 0)
        response = self.client.get(changelist, {"q": "government official"})
        self.assertEqual(list(response.context["cl"].result_list), [self.source])

    def test_autocomplete_shows_the_label(self):
        """Choosing a quote's speaker: found by label, shown by label, never by name."""
        sign_in(self.client, self.journalist)
        url = reverse("admin:autocomplete")
        params = {"app_label": "quotes", "model_name": "quote", "field_name": "speaker"}
        by_name = self.client.get(url, {**params, "term": "Bophavy"}).json()
        self.assertEqual(by_name["results"], [])
        by_label = self.client.get(url, {**params, "term": "official"}).json()
        self.assertEqual(by_label["results"], [{"id": str(self.source.pk), "text": LABEL}])

    def test_editor_sees_the_identity(self):
        sign_in(self.client, self.editor)
        response = self.client.get(self.change_url(self.source))
        self.assertContains(response, NAME)
        self.assertContains(response, IDENTITY["contact_details"])
        self.assertContains(response, ALIAS)
        found = self.client.get(reverse("admin:people_person_changelist"), {"q": "Bophavy"})
        self.assertEqual(list(found.context["cl"].result_list), [self.source])

    def test_history_and_messages_carry_the_label(self):
        """An editor's save is logged, and announced, under the label."""
        sign_in(self.client, self.editor)
        url = self.change_url(self.source)
        form = self.client.get(url).context["adminform"].form
        data = {name: value for name, value in form.initial.items() if value is not None}
        data.update(
            {
                "portrait": "",
                "birth_year": "",
                "user": "",
                "is_protected_source": "on",
                "notes": "Moved; now reachable through the lawyer",
                "aliases-TOTAL_FORMS": "1",
                "aliases-INITIAL_FORMS": "1",
                "aliases-0-id": str(self.source.aliases.get().pk),
                "aliases-0-person": str(self.source.pk),
                "aliases-0-name": ALIAS,
                "affiliations-TOTAL_FORMS": "1",
                "affiliations-INITIAL_FORMS": "1",
                "affiliations-0-id": str(self.source.affiliations.get().pk),
                "affiliations-0-person": str(self.source.pk),
                "affiliations-0-organization": str(self.source.affiliations.get().organization_id),
                "affiliations-0-title": SECRET_ROLE,
                "affiliations-0-position": "0",
                "former_slugs-TOTAL_FORMS": "0",
                "former_slugs-INITIAL_FORMS": "0",
            }
        )
        response = self.client.post(url, data, follow=True)
        self.assertEqual(response.status_code, 200)
        self.source.refresh_from_db()
        self.assertEqual(self.source.notes, "Moved; now reachable through the lawyer")
        entry = LogEntry.objects.get(object_id=str(self.source.pk), action_flag=CHANGE)
        self.assertEqual(entry.object_repr, LABEL)
        messages = [str(message) for message in response.context["messages"]]
        self.assertTrue(messages)
        self.assertEqual(secrets_in(" ".join(messages)), [])

    def test_protecting_someone_rewrites_earlier_history(self):
        """Entries written while the record was public lose the name once it is protected."""
        person = make_person("Sam Rainsy Lookalike", name_km="សំ រង្ស៊ី")
        LogEntry.objects.log_actions(
            user_id=self.editor.pk, queryset=[person], action_flag=CHANGE, change_message=""
        )
        # An inline row's name is kept in the JSON change message, Khmer as \u escapes.
        LogEntry.objects.log_actions(
            user_id=self.editor.pk,
            queryset=[person],
            action_flag=CHANGE,
            change_message=[{"added": {"name": "alias", "object": "សំ រង្ស៊ី"}}],
        )
        sign_in(self.client, self.editor)
        url = self.change_url(person)
        form = self.client.get(url).context["adminform"].form
        data = {name: value for name, value in form.initial.items() if value is not None}
        data.update(
            {
                "portrait": "",
                "birth_year": "",
                "user": "",
                "is_protected_source": "on",
                "public_label": "a former party official",
                "aliases-TOTAL_FORMS": "0",
                "aliases-INITIAL_FORMS": "0",
                "affiliations-TOTAL_FORMS": "0",
                "affiliations-INITIAL_FORMS": "0",
                "former_slugs-TOTAL_FORMS": "0",
                "former_slugs-INITIAL_FORMS": "0",
            }
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        content_type = ContentType.objects.get_for_model(Person)
        reprs = set(
            LogEntry.objects.filter(
                content_type=content_type, object_id=str(person.pk)
            ).values_list("object_repr", flat=True)
        )
        self.assertEqual(reprs, {"a former party official"})
        for entry in LogEntry.objects.filter(content_type=content_type, object_id=str(person.pk)):
            shown = entry.get_change_message()
            self.assertNotIn("សំ រង្ស៊ី", shown)
            self.assertNotIn(json.dumps("សំ រង្ស៊ី")[1:-1], entry.change_message)
        self.assertIn(
            "a former party official",
            " ".join(
                entry.get_change_message()
                for entry in LogEntry.objects.filter(object_id=str(person.pk))
            ),
        )

    def test_journalist_cannot_unprotect(self):
        """A journalist has no way to change the record, so none to reveal the name."""
        sign_in(self.client, self.journalist)
        response = self.client.post(
            self.change_url(self.source), {"is_protected_source": "", "public_label": "x"}
        )
        self.assertEqual(response.status_code, 403)
        self.source.refresh_from_db()
        self.assertTrue(self.source.is_protected_source)
        self.assertEqual(self.source.public_label, LABEL)

    def test_merging_with_a_public_record_is_refused(self):
        sign_in(self.client, self.editor)
        response = self.client.post(
            reverse("admin:people_person_changelist"),
            {
                "action": "merge_selected",
                "_selected_action": [self.source.pk, self.named.pk],
                "merge": "1",
                "keep": self.named.pk,
            },
            follow=True,
        )
        self.assertContains(response, "A protected source cannot be merged with a public record.")
        self.assertTrue(Person.objects.filter(pk=self.source.pk).exists())
        self.assertFalse(self.named.aliases.filter(name=NAME).exists())


class FailingSave:
    """Makes the next save of a person fail, as a database or disk error would."""

    def __enter__(self):
        pre_save.connect(self.fail, sender=Person)
        return self

    def __exit__(self, *exc):
        pre_save.disconnect(self.fail, sender=Person)

    def fail(self, sender, instance, **kwargs):
        name, contacts = instance.name, instance.contact_details  # noqa: F841 - in the report
        raise RuntimeError("the disk is full")


@override_settings(ADMINS=["ops@example.org"], DEBUG=False)
class ErrorReportTests(StorySetupMixin, TestCase):
    def post_failing_save(self):
        """An editor saves the protected source's form and the save fails: a 500."""
        sign_in(self.client, self.editor)
        self.client.raise_request_exception = False
        reports = []

        def report(sender, request, **kwargs):
            reporter_class = get_exception_reporter_class(request)
            self.assertTrue(issubclass(reporter_class, ExceptionReporter))
            reporter = reporter_class(request, *sys.exc_info())
            reports.append(reporter.get_traceback_text())
            reports.append(reporter.get_traceback_html())

        got_request_exception.connect(report)
        self.addCleanup(got_request_exception.disconnect, report)
        with FailingSave():
            response = self.client.post(
                reverse("admin:people_person_change", args=[self.source.pk]),
                {
                    **IDENTITY,
                    "honorific": "",
                    "slug": self.source.slug,
                    "is_protected_source": "on",
                    "public_label": LABEL,
                    "gender": "",
                    "home_province": "",
                    "aliases-TOTAL_FORMS": "1",
                    "aliases-INITIAL_FORMS": "0",
                    "aliases-0-name": "Another Secret Alias",
                    "affiliations-TOTAL_FORMS": "0",
                    "affiliations-INITIAL_FORMS": "0",
                    "former_slugs-TOTAL_FORMS": "0",
                    "former_slugs-INITIAL_FORMS": "0",
                },
            )
        self.assertEqual(response.status_code, 500)
        self.assertEqual(len(reports), 2)
        return reports

    def test_technical_report_stars_the_identity(self):
        """The 500 report shows stars for every identity field, and no value of them."""
        text, html = self.post_failing_save()
        for report in (text, html):
            self.assertIn("the disk is full", report)
            self.assertIn(STARS, report)
            self.assertEqual(secrets_in(report), [])
            self.assertNotIn("Another Secret Alias", report)
        self.assertIn(f"contact_details = '{STARS}'", text)
        self.assertIn(f"aliases-0-name = '{STARS}'", text)

    def test_mail_to_admins_stars_the_identity(self):
        """The error e-mail Django sends to ADMINS carries the same stars."""
        self.post_failing_save()
        self.assertEqual(len(mail.outbox), 1)
        message = mail.outbox[0]
        bodies = [message.body, *(content for content, _type in message.alternatives)]
        for body in bodies:
            self.assertIn(STARS, body)
            self.assertEqual(secrets_in(body), [])
            self.assertNotIn("Another Secret Alias", body)

    def test_share_link_tokens_and_passwords_are_starred(self):
        """A failure behind a share link or in a form with a password reports neither."""
        token = "s3cr3t-share-token-AbCdEf123456"
        request = RequestFactory().post(
            f"/km/preview/{token}/",
            {"password": "correct horse battery", "q": "harmless"},
            HTTP_REFERER=f"https://news.example/preview/{token}/",
        )

        def shared_preview(request, token):
            password = request.POST["password"]  # noqa: F841 - in the report
            raise ValueError("rendering failed")

        try:
            shared_preview(request, token)
        except ValueError:
            reporter = get_exception_reporter_class(request)(request, *sys.exc_info())
            text, html = reporter.get_traceback_text(), reporter.get_traceback_html()
        for report in (text, html):
            self.assertIn("rendering failed", report)
            self.assertNotIn(token, report)
            self.assertNotIn("correct horse battery", report)
            self.assertIn("harmless", report)
        self.assertIn(f"/km/preview/{STARS}/", text)


class QuoteRecordTests(StorySetupMixin, TestCase):
    def test_anonymous_quotes_still_work(self):
        """A quote with an anonymous description (no Person at all) keeps its description."""
        quote = make_quote(self.story, anonymous_description="a villager")
        self.assertEqual(quote.attribution, "a villager")
        self.assertFalse(Quote.objects.filter(pk=quote.pk, speaker__isnull=False).exists())


STORY_NAMING_THEM = f"""Newsroom

Road tenders decided in advance, official says

{NAME}, {SECRET_ROLE} at the {SECRET_ORGANIZATION}, said the contracts were signed early.

“Every contract was signed before the tender opened,” {NAME} said.
"""


class WorkspaceTiesTests(StorySetupMixin, TestCase):
    """Nothing in the workspace ties the label to the person for a journalist."""

    def test_a_journalists_import_treats_them_as_a_stranger(self):
        """
        Importing a story that quotes the real name makes a new record: the
        quote is never attached to the protected one, so no guessed name can
        be tested, and no attribution note names them.
        """
        from importing.services import import_story

        result = import_story(
            data=STORY_NAMING_THEM.encode(),
            name="tenders.txt",
            user=self.journalist,
        )
        self.assertTrue(result.ok, result.error)
        speakers = {quote.speaker for quote in result.article.quotes.all()}
        self.assertNotIn(self.source, speakers)
        self.assertEqual(Quote.objects.filter(speaker=self.source).count(), 1)
        notes = " ".join(result.article.quotes.values_list("attribution_note", flat=True))
        self.assertNotIn(LABEL, notes)

    def test_an_editors_import_finds_the_protected_record(self):
        """An editor knows who they are: the quote goes to the record, shown by label."""
        from importing.services import import_story

        result = import_story(data=STORY_NAMING_THEM.encode(), name="t.txt", user=self.editor)
        self.assertTrue(result.ok, result.error)
        self.assertIn(self.source, {quote.speaker for quote in result.article.quotes.all()})

    def test_history_after_an_alias_added_in_the_protecting_save(self):
        """Protecting someone and adding an alias in one save: the History page answers 200."""
        person = make_person("Heng Sopheap", short_name="Sopheap")
        sign_in(self.client, self.editor)
        url = reverse("admin:people_person_change", args=[person.pk])
        from tests.support.forms import fill_rows, read_form

        data = read_form(self.client.get(url), "person_form")
        data["is_protected_source"] = ["on"]
        data["public_label"] = ["a teacher who asked not to be named"]
        fill_rows(data, "aliases", [{"name": "Sopheap Heng"}])
        data["_save"] = ["Save"]
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(person.aliases.filter(name="Sopheap Heng").exists())
        for user in [self.editor, self.journalist]:
            with self.subTest(user=user.username):
                sign_in(self.client, user)
                history = self.client.get(reverse("admin:people_person_history", args=[person.pk]))
                self.assertEqual(history.status_code, 200)
                self.assertNotContains(history, "Sopheap Heng")
                self.assertNotContains(history, "Heng Sopheap")

    def test_the_organization_list_counts_public_people_for_a_journalist(self):
        """Her hidden role is not counted where a journalist can see it."""
        organization = Affiliation.objects.get(person=self.source).organization
        make_affiliation(make_person("Kim Sreyneang"), organization, title="clerk")
        changelist = reverse("admin:people_organization_changelist")
        for user, expected in [(self.journalist, 1), (self.editor, 2)]:
            with self.subTest(user=user.username):
                sign_in(self.client, user)
                response = self.client.get(changelist, {"q": SECRET_ORGANIZATION})
                [row] = response.context["cl"].result_list
                self.assertEqual(row.people_count, expected)

    def test_the_quote_list_shows_no_role_of_theirs_to_a_journalist(self):
        story = make_published_article("Inside the ministry", bylines=[self.journalist.person])
        make_quote(story, speaker=self.source, speaker_role=SECRET_ROLE, text="It was arranged")
        sign_in(self.client, self.journalist)
        response = self.client.get(reverse("admin:quotes_quote_changelist"))
        self.assertContains(response, "It was arranged")
        self.assertNotContains(response, SECRET_ROLE)
        for ordering in ["3", "-3"]:
            sorted_list = self.client.get(reverse("admin:quotes_quote_changelist"), {"o": ordering})
            self.assertNotContains(sorted_list, SECRET_ROLE)
