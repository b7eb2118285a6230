"""
Protecting a source who was on record (issue: source safety holes).

A person is quoted, photographed and named in published English and Khmer
stories; then an editor marks them a protected source. From that moment no
reader, and no staff member without the right to see identities, may learn
who they are from anything the newsroom serves. The editor is shown at once
every public place their name still appears and takes them down in one step;
then the whole reader site is crawled, and the whole workspace walked as a
journalist, looking for any of their names.
"""

from urllib.parse import quote, quote_plus

from django.core.cache import cache
from django.test import TestCase
from django.urls import reverse
from django.utils.html import escape

from articles.models import Article
from media.models import Photograph
from people.models import Person
from tests.support.crawl import crawl
from tests.support.factories import (
    make_affiliation,
    make_alias,
    make_correction,
    make_journalist,
    make_organization,
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
    make_section,
    make_user,
    place_photo,
)
from tests.support.forms import read_form
from tests.support.staff import sign_in
from tests.support.workspace import admin_url, autocomplete_fields, registered_admins
from workflow import editing, errors, revisions, services
from workflow.models import Revision

LABEL = "a procurement official who asked not to be named"
NAME = "Chea Bophavy"
NAME_KM = "ជា បុប្ផាវី"
SHORT = "Bophavy"
ALIAS = "Bophavy Chea"
CONTACTS = "+855 12 987 654 (Signal)"
NOTES = "Meets only at the Orussey market, mornings"
BIO = "She runs tenders at the Roads Office and has spoken to us since 2019."
ROLE = "deputy director of procurement"
PROVENANCE = "Call recorded with her, 2 March, 14:05"
SLUG = "chea-bophavy"

# Every form of the name a text can carry: no reader page may hold any of them.
NAME_FORMS = [NAME, NAME_KM, ALIAS, SHORT]
# Her identity as the newsroom records it: no journalist's page may hold any.
# (The short name alone is left out: journalists' own stories may use it for
# someone else.)
IDENTITY = [NAME, NAME_KM, ALIAS, CONTACTS, NOTES, BIO, ROLE, PROVENANCE]


def without_echo(text, address, terms):
    """
    ``text`` without those of ``terms`` that ``address`` searched for: a
    search page repeats them back (the search box, “results for …”).
    """
    asked = address.split("?", 1)[1] if "?" in address else ""
    for term in terms:
        if quote_plus(term) not in asked and quote(term) not in asked:
            continue
        for written in {term, escape(term), quote(term), quote_plus(term)}:
            text = text.replace(written, "")
    return text


def found_in(text, values):
    return [value for value in values if value in text]


class ProtectedSourceWorld:
    """
    The newsroom before the protection: she is on record. Made afresh for
    each test, files included: protecting her moves her photos' files.
    """

    def setUp(self):
        cache.clear()
        self.editor = make_user("desk-editor", role="Editors", email="desk@example.org")
        self.journalist = make_journalist("reporter", name="Sok Chan")
        self.writer = make_person("Vann Piseth")
        self.photographer = make_person("Long Narith")
        self.section = make_section("Investigations")
        self.source = make_person(
            NAME,
            name_km=NAME_KM,
            short_name=SHORT,
            slug=SLUG,
            bio=BIO,
            contact_details=CONTACTS,
            notes=NOTES,
            birth_year=1981,
            home_province="kampot",
        )
        make_alias(self.source, ALIAS)
        make_affiliation(self.source, make_organization("Roads Procurement Office"), title=ROLE)
        self.portrait = make_photograph(
            caption=f"{NAME} at her office in Phnom Penh, May 3, 2024.",
            alt_text=f"{NAME} sits at a desk covered in tender files.",
            photographer=self.photographer,
        )
        self.source.portrait = self.portrait
        self.source.save()

        # Stories that name her in their text, in English and in Khmer.
        self.naming = make_published_article(
            "Road contracts went to the minister's cousin",
            bylines=[self.writer],
            section=self.section,
            lead_photo=self.portrait,
            body=(
                f"{NAME}, {ROLE}, said the tenders were decided in advance.\n\n"
                f"“Every contract was signed before the tender opened,” {SHORT} said.\n\n"
                "[quote 1]"
            ),
        )
        make_quote(
            self.naming,
            speaker=self.source,
            text="Every contract was signed before the tender opened",
            speaker_role=ROLE,
            is_pull_quote=True,
        )
        self.naming.people.add(self.source)
        make_correction(self.naming, text=f"An earlier version gave {NAME}'s title wrongly.")
        self.naming_km = make_published_article(
            "កិច្ចសន្យាផ្លូវថ្នល់បានទៅសាច់ញាតិរដ្ឋមន្ត្រី",
            bylines=[self.writer],
            section=self.section,
            language="km",
            translation_of=self.naming,
            standfirst="ការដេញថ្លៃត្រូវបានសម្រេចទុកជាមុន។",
            body=f"{NAME_KM} បាននិយាយថា «កិច្ចសន្យាទាំងអស់ត្រូវបានចុះហត្ថលេខាមុន»។",
        )
        make_quote(self.naming_km, speaker=self.source, text="កិច្ចសន្យាទាំងអស់ត្រូវបានចុះហត្ថលេខាមុន")

        # A story that does not name her, with a photo whose caption does.
        self.captioned = make_photograph(
            caption=f"{SHORT} speaks to villagers in Kampot, June 1, 2024.",
            photographer=self.photographer,
        )
        self.with_photo = make_published_article(
            "Villagers meet the road commission",
            bylines=[self.writer],
            section=self.section,
            body="[photo 1]\n\nVillagers met the commission on Monday.",
        )
        place_photo(self.with_photo, self.captioned)

        # The journalist's own story quotes her; its text never names her.
        self.credited = make_photograph(
            caption="A flooded road near Kampot, June 2, 2024.", photographer=self.source
        )
        self.own = make_published_article(
            "Flood money never reached the roads",
            bylines=[self.journalist.person, self.writer],
            section=self.section,
            body="A ministry official confirmed the figures.\n\n[quote 1]\n\n[photo 1]",
        )
        make_quote(
            self.own,
            speaker=self.source,
            text="The money was spent on paper only",
            speaker_role=ROLE,
            provenance_note=PROVENANCE,
            is_pull_quote=True,
        )
        place_photo(self.own, self.credited)
        self.own.people.add(self.source)
        # Revision 1 was kept while she was on record: it names her.
        revisions.record_revision(article=self.own, user=self.editor)
        self.unrelated = make_published_article(
            "Rice prices rise again", bylines=[self.writer], section=self.section
        )

    def protect(self):
        """The editor ticks “protected source”, gives the label and saves the record."""
        sign_in(self.client, self.editor)
        url = admin_url(Person, "change", self.source.pk)
        data = read_form(self.client.get(url), "person_form")
        data["is_protected_source"] = ["on"]
        data["public_label"] = [LABEL]
        data["_save"] = ["Save"]
        # Files are removed once the change is committed.
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, data)
        self.source.refresh_from_db()
        self.assertTrue(self.source.is_protected_source)
        return response

    def take_everything_down(self):
        url = reverse("admin:people_person_public_places", args=[self.source.pk])
        keys = read_form(self.client.get(url), "public-places-form").get("place", [])
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, {"place": keys}, follow=True)
        return response, keys

    def file_urls(self, photograph):
        photograph.refresh_from_db()
        storage = photograph.image.storage
        return [storage.url(name) for name in sorted(photograph.stored_files())]


class ProtectionReviewTests(ProtectedSourceWorld, TestCase):
    def test_the_editor_is_shown_every_public_place_at_once(self):
        """Saving the protection leads to the public places naming them, in both languages."""
        response = self.protect()
        places_url = reverse("admin:people_person_public_places", args=[self.source.pk])
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], places_url)
        page = self.client.get(places_url)
        self.assertEqual(page.status_code, 200)
        keys = set(read_form(page, "public-places-form").get("place", []))
        self.assertEqual(
            keys,
            {
                f"story:{self.naming.pk}",
                f"story:{self.naming_km.pk}",
                f"photograph:{self.captioned.pk}",
            },
        )
        content = page.content.decode()
        for form in [NAME, NAME_KM, SHORT]:
            self.assertIn(form, content)
        self.assertContains(page, "is now a protected source")

    def test_the_portrait_leaves_the_site_at_once(self):
        """Page and files: the portrait's old addresses answer 404 before anything else is done."""
        old_files = self.file_urls(self.portrait)
        self.assertEqual(self.client.get(old_files[0]).status_code, 200)
        photo_page = reverse("reader:photo_detail", args=[self.portrait.pk])
        self.assertEqual(self.client.get(photo_page).status_code, 200)
        self.protect()
        self.client.logout()
        for url in old_files:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)
        self.assertEqual(self.client.get(photo_page).status_code, 404)
        self.portrait.refresh_from_db()
        self.assertTrue(self.portrait.is_withdrawn)
        self.assertNotIn(self.portrait, Article.objects.published().photographs())
        # The story it led shows no lead photo now, and points to no old file.
        story = self.client.get(self.naming.get_absolute_url()).content.decode()
        self.assertFalse(any(url in story for url in old_files))

    def test_one_step_takes_the_chosen_places_down(self):
        self.protect()
        response, keys = self.take_everything_down()
        self.assertEqual(len(keys), 3)
        self.assertContains(response, "3 places were taken off the site")
        for story in [self.naming, self.naming_km]:
            story.refresh_from_db()
            self.assertEqual(story.status, Article.Status.UNPUBLISHED)
            self.assertIn("protect a source", story.transitions.last().note)
        self.captioned.refresh_from_db()
        self.assertTrue(self.captioned.is_withdrawn)
        # The story that used the photo stays, without it.
        self.client.logout()
        page = self.client.get(self.with_photo.get_absolute_url())
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, SHORT)
        # The list is empty now.
        sign_in(self.client, self.editor)
        places = self.client.get(
            reverse("admin:people_person_public_places", args=[self.source.pk])
        )
        self.assertContains(places, "No public page names them any more.")

    def test_journalists_neither_see_nor_use_the_review(self):
        self.protect()
        sign_in(self.client, self.journalist)
        url = reverse("admin:people_person_public_places", args=[self.source.pk])
        self.assertEqual(self.client.get(url).status_code, 403)
        response = self.client.post(url, {"place": [f"story:{self.naming.pk}"]})
        self.assertEqual(response.status_code, 403)
        self.naming.refresh_from_db()
        self.assertEqual(self.naming.status, Article.Status.PUBLISHED)

    def test_a_story_naming_them_cannot_go_out_again_unchanged(self):
        """Republishing the taken-down story is refused while it names them; fixed, it goes."""
        self.protect()
        self.take_everything_down()
        self.naming.refresh_from_db()
        with self.assertRaises(errors.WorkflowError) as refused:
            services.publish(article=self.naming, editor=self.editor)
        # Its lead photo was her portrait: withdrawn, it must be replaced first.
        self.assertIn("it was withdrawn from the site", " ".join(refused.exception.messages))
        self.naming.lead_photo = make_photograph(caption="The ministry, May 2024.")
        self.naming.save()
        with self.assertRaises(errors.WorkflowError) as refused:
            services.publish(article=self.naming, editor=self.editor)
        self.assertIn("names a protected source", refused.exception.message)
        named = " ".join(refused.exception.messages)
        for where in ["body", "correction"]:
            self.assertIn(f"The {where} names “{NAME}”", named)
        self.naming.body = "An official said the tenders were decided in advance.\n\n[quote 1]"
        self.naming.save()
        self.naming.corrections.update(text="An earlier version gave an official's title wrongly.")
        services.publish(article=self.naming, editor=self.editor)
        self.assertTrue(self.naming.is_live())

    def test_a_withdrawn_photo_goes_back_only_once_its_caption_is_fixed(self):
        named = make_photograph(caption=f"{NAME} leaves the ministry, June 3, 2024.")
        place_photo(self.with_photo, named)
        self.protect()
        self.take_everything_down()
        changelist = admin_url(Photograph, "changelist")
        action = {"action": "restore_selected", "_selected_action": [named.pk]}
        response = self.client.post(changelist, action, follow=True)
        self.assertContains(response, "still shows or names a protected source")
        named.refresh_from_db()
        self.assertTrue(named.is_withdrawn)
        Photograph.objects.filter(pk=named.pk).update(
            caption="An official leaves the ministry, June 3, 2024."
        )
        self.client.post(changelist, action)
        named.refresh_from_db()
        self.assertFalse(named.is_withdrawn)
        self.client.logout()
        page = self.client.get(reverse("reader:photo_detail", args=[named.pk]))
        self.assertContains(page, "An official leaves the ministry")


class ReaderCrawlTests(ProtectedSourceWorld, TestCase):
    """Every public address a reader can reach, with every form of the name looked for."""

    def seeds(self):
        stories = [self.naming, self.naming_km, self.with_photo, self.own, self.unrelated]
        searches = [
            f"{prefix}{path}?q={quote_plus(form)}"
            for form in NAME_FORMS
            for prefix in ("", "/km")
            for path in ("/search/", "/articles/")
        ]
        return [
            "/",
            "/km/",
            "/articles/",
            "/photos/",
            "/km/photos/",
            "/corrections/",
            "/feeds/latest/",
            "/feeds/latest/atom/",
            "/feeds/languages/km/",
            f"/feeds/sections/{self.section.slug}/",
            f"/feeds/authors/{self.writer.slug}/",
            "/sitemap.xml",
            "/news-sitemap.xml",
            f"/people/{SLUG}/",
            f"/people/{self.source.slug}/",
            f"/feeds/authors/{SLUG}/",
            f"/articles/?quoted={SLUG}",
            *(story.get_absolute_url() for story in stories),
            *("/km" + story.get_absolute_url() for story in stories),
            *searches,
            *self.old_files,
        ]

    def crawl_as_reader(self):
        self.client.logout()
        cache.clear()
        return crawl(
            self.client,
            self.seeds(),
            follow=lambda path: not path.startswith(("/admin/", "/static/")),
            limit=600,
        )

    def leaks(self, answers):
        found = {}
        for address, response in answers.items():
            self.assertLess(response.status_code, 500, address)
            if response.streaming:
                continue
            text = response.content.decode("utf-8", errors="replace")
            leaked = found_in(without_echo(text, address, NAME_FORMS), NAME_FORMS)
            if leaked:
                found[address] = leaked
        return found

    def setUp(self):
        super().setUp()
        self.old_files = [
            url
            for photograph in (self.portrait, self.captioned)
            for url in sorted(
                photograph.image.storage.url(name) for name in photograph.stored_files()
            )
        ]

    def test_the_crawl_sees_them_while_they_are_on_record(self):
        """The crawler finds the name while it is public: its silence later means something."""
        leaks = self.leaks(self.crawl_as_reader())
        self.assertIn(self.naming.get_absolute_url(), leaks)
        self.assertIn(f"/people/{SLUG}/", leaks)
        self.assertIn("/photos/", leaks)

    def test_nothing_the_site_serves_names_them(self):
        """After the protection and the one-step takedown, nothing served names them."""
        self.protect()
        self.take_everything_down()
        answers = self.crawl_as_reader()
        self.assertEqual(self.leaks(answers), {})
        pages = [address for address, r in answers.items() if r.status_code == 200]
        self.assertGreater(len(pages), 60, "the crawl reached too little of the site")
        files = [address for address in pages if address.startswith("/uploads/")]
        self.assertTrue(files, "the crawl fetched no photo file")
        for url in self.old_files:
            self.assertEqual(answers[url].status_code, 404, url)
        for address in [f"/people/{SLUG}/", f"/people/{self.source.slug}/"]:
            self.assertEqual(answers[address].status_code, 404, address)
        self.assertEqual(answers[self.naming.get_absolute_url()].status_code, 404)
        self.assertEqual(answers[self.own.get_absolute_url()].status_code, 200)
        self.assertIn(LABEL, answers[self.own.get_absolute_url()].content.decode())


class JournalistWalkTests(ProtectedSourceWorld, TestCase):
    """Every workspace page a journalist can reach, looking for her identity."""

    def seeds(self):
        sign_in(self.client, self.journalist)
        request = self.client.get(reverse("admin:index")).wsgi_request
        seeds = ["/admin/"]
        for model, model_admin in registered_admins():
            if not model_admin.has_view_permission(request):
                continue
            changelist = admin_url(model, "changelist")
            seeds.append(changelist)
            if model_admin.get_search_fields(request):
                seeds += [f"{changelist}?q={quote_plus(term)}" for term in IDENTITY[:3]]
        for model, field_name in autocomplete_fields():
            for term in IDENTITY[:3]:
                seeds.append(
                    f"{reverse('admin:autocomplete')}?app_label={model._meta.app_label}"
                    f"&model_name={model._meta.model_name}&field_name={field_name}"
                    f"&term={quote_plus(term)}"
                )
        latest = Revision.objects.filter(article=self.own).order_by("-number").first()
        seeds += [
            admin_url(Person, "change", self.source.pk),
            admin_url(Person, "history", self.source.pk),
            admin_url(Photograph, "change", self.portrait.pk),
            admin_url(Photograph, "change", self.credited.pk),
            admin_url(Article, "change", self.own.pk),
            admin_url(Article, "revisions", self.own.pk),
            f"{admin_url(Article, 'compare', self.own.pk)}?from=1&to={latest.number}",
            reverse("admin:articles_article_preview", args=[self.own.pk]),
        ]
        return seeds

    def test_no_workspace_page_gives_her_identity_to_a_journalist(self):
        self.protect()
        # A change after the protection: the diff from revision 1 shows the quotes.
        self.own.standfirst = "The money for flood repairs was spent on paper only."
        self.own.save()
        editing.record_edit(article=self.own, user=self.editor)
        self.assertEqual(self.own.revisions.count(), 2)
        seeds = self.seeds()
        skipped = ("/admin/logout/", "/admin/r/", "/delete/", "/password_change/")
        answers = crawl(
            self.client,
            seeds,
            follow=lambda path: path.startswith("/admin/") and not any(s in path for s in skipped),
            limit=700,
            variants=6,
        )
        leaks = {}
        for address, response in answers.items():
            self.assertLess(response.status_code, 500, address)
            text = response.content.decode("utf-8", errors="replace")
            leaked = found_in(without_echo(text, address, IDENTITY), IDENTITY)
            if leaked:
                leaks[address] = leaked
        self.assertEqual(leaks, {})
        reached = [address for address, r in answers.items() if r.status_code == 200]
        self.assertGreater(len(reached), 80, "the walk reached too little of the workspace")
        # What she is may be shown: the label, in her quote, on the story's form.
        story_form = answers[admin_url(Article, "change", self.own.pk)]
        self.assertContains(story_form, LABEL)

    def test_the_same_walk_shows_an_editor_who_she_is(self):
        """The walk would see the identity if it were shown: editors get it."""
        self.protect()
        sign_in(self.client, self.editor)
        page = self.client.get(admin_url(Person, "change", self.source.pk))
        self.assertContains(page, CONTACTS)
        compare = self.client.get(f"{admin_url(Article, 'compare', self.own.pk)}?from=1&to=1")
        self.assertEqual(compare.status_code, 200)
