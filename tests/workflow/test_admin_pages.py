"""
Smoke tests for the newsroom workspace: every registered admin page loads.

Django silently ignores a misspelt admin option until a page is rendered, so
every changelist, add page, change page, search, filter, sort order and
autocomplete answer is requested here for every ``ModelAdmin`` in
``admin.site._registry``. A newly registered admin is covered without editing
this file; if no object of its model exists yet, the data built in
``setUpTestData`` needs one.
"""

import datetime
import functools
import io
import warnings
from collections import Counter

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import call_command
from django.core.paginator import UnorderedObjectListWarning
from django.test import RequestFactory, TestCase
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from importing.models import FormerPermalink, WordPressImport
from importing.wordpress.report import Report
from media.models import Photograph
from media.tasks import make_renditions
from people.models import Person
from syndication.keys import create_key
from syndication.models import Delivery, Webhook
from tests.support.factories import (
    make_affiliation,
    make_alias,
    make_article,
    make_correction,
    make_organization,
    make_person,
    make_photo_needed,
    make_photograph,
    make_quote,
    make_section,
    make_topic,
    make_user,
    place_photo,
)
from tests.support.staff import sign_in
from tests.support.tasks import DATABASE_TASKS
from tests.support.workspace import admin_url, autocomplete_fields, filter_links, registered_admins
from workflow import live
from workflow.models import LanguagePreference, SecondFactorRequirement


def date_hierarchy_value(obj, path):
    value = functools.reduce(getattr, path.split("__"), obj)
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value)
    return value


class AdminPagesMixin:
    """Requests every admin page of every registered model."""

    def test_changelists_load(self):
        """Every changelist loads for a superuser."""
        for model, _model_admin in registered_admins():
            with self.subTest(model=model._meta.label):
                response = self.client.get(admin_url(model, "changelist"))
                self.assertEqual(response.status_code, 200)

    def test_add_pages_load(self):
        """
        Every add page loads for a superuser, except where nobody may add (the
        records of failed sign-ins are written by django-axes alone): 403.
        """
        for model, model_admin in registered_admins():
            with self.subTest(model=model._meta.label):
                response = self.client.get(admin_url(model, "add"))
                request = RequestFactory().get("/")
                request.user = self.superuser
                expected = 200 if model_admin.has_add_permission(request) else 403
                self.assertEqual(response.status_code, expected)

    # How many objects of each model to open; None opens them all.
    change_pages_per_model = None
    # Whether a model with no objects (so no change page to open) is a failure.
    every_model_has_objects = True

    def test_change_pages_load(self):
        """Every change page loads for a superuser."""
        for model, _model_admin in registered_admins():
            objects = model._default_manager.all()[: self.change_pages_per_model]
            if self.every_model_has_objects:
                self.assertTrue(objects, f"No {model._meta.label} to open; build one.")
            for obj in objects:
                with self.subTest(model=model._meta.label, pk=obj.pk):
                    response = self.client.get(admin_url(model, "change", obj.pk))
                    self.assertEqual(response.status_code, 200)


class AdminSmokeTests(AdminPagesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.superuser = make_user("chief", is_superuser=True)
        cls.journalist_user = make_user("reporter", role="Journalists")
        cls.organization = make_organization(
            "Cambodian Institute for Democracy", acronym="CID", kind="ngo"
        )
        cls.person = make_person("Ny Sokha", name_km="នី សុខា", short_name="Sokha")
        make_alias(cls.person, "Sokha Ny")
        make_affiliation(
            cls.person,
            cls.organization,
            title="president",
            start_date=datetime.date(2019, 1, 1),
        )
        cls.reporter = make_person("Sok Chan", user=cls.journalist_user)
        cls.photograph = make_photograph(
            caption="Ny Sokha speaks during an interview in Phnom Penh, July 7, 2021.",
            photographer=cls.reporter,
            date_taken=datetime.date(2021, 7, 7),
            place="Phnom Penh",
        )
        cls.person.portrait = cls.photograph
        cls.person.save()
        # A background task, for its page: the database backend keeps one.
        with DATABASE_TASKS:
            make_renditions.enqueue(photograph_id=cls.photograph.pk)
        cls.section = make_section("Politics")
        cls.topic = make_topic("Land rights")
        cls.article = make_article(
            "Court hears land case",
            bylines=[cls.reporter],
            section=cls.section,
            lead_photo=cls.photograph,
            status="published",
            published_at=timezone.now() - datetime.timedelta(days=1),
            body="Intro.\n\n[photo 1]\n\n[quote 1]\n\nMore.",
        )
        cls.article.topics.add(cls.topic)
        cls.article.people.add(cls.person)
        cls.article.organizations.add(cls.organization)
        place_photo(cls.article, cls.photograph)
        make_quote(
            cls.article,
            speaker=cls.person,
            speaker_role="president of the Cambodian Institute for Democracy",
            is_pull_quote=True,
        )
        make_quote(cls.article, anonymous_description="an official who asked not to be named")
        make_correction(cls.article, created_by=cls.superuser)
        # Live coverage of the story, with an update of its own.
        coverage = live.start_coverage(
            article=cls.article, editor=cls.superuser, reporters=[cls.journalist_user]
        )
        live.post_update(article=coverage.article, user=cls.superuser, body="Sokha spoke.")
        make_article("A draft about rice prices", bylines=[cls.reporter])
        make_photo_needed(cls.article, photographer=cls.reporter)
        # What django-axes records of sign-ins, as it writes them.
        seen = {"ip_address": "192.0.2.7", "user_agent": "Firefox", "path_info": "/admin/login/"}
        AccessAttempt.objects.create(username="nobody", failures_since_start=2, **seen)
        AccessLog.objects.create(username="chief", **seen)
        AccessFailureLog.objects.create(username="nobody", **seen)
        LanguagePreference.objects.create(user=cls.journalist_user, language="km")
        SecondFactorRequirement.objects.create(user=cls.journalist_user)
        # A partner's key and webhook, and one notice delivered to it.
        create_key(name="Mekong Daily", language="km")
        webhook = Webhook.objects.create(
            name="Mekong Daily", url="https://partner.example/hooks", secret="partner-secret"
        )
        Delivery.objects.create(
            webhook=webhook,
            event="story.published",
            payload={"event": "story.published", "uri": "https://news.example/api/v1/items/1"},
            status=Delivery.Status.DELIVERED,
            attempts=1,
            response_code=200,
        )

        # A WordPress export imported from the workspace, and an old address it kept.
        WordPressImport.objects.create(
            file_name="old-site.xml",
            size=2048,
            uploaded_by=cls.superuser,
            status=WordPressImport.Status.DONE,
            finished_at=timezone.now(),
            report=Report(stories_created=1, left_out=Counter(comments=3)).as_data(),
        )
        FormerPermalink.objects.create(path="/2024/05/court-hears-land-case", article=cls.article)

    def setUp(self):
        sign_in(self.client, self.superuser)

    def test_every_registered_model_has_data(self):
        """The smoke tests open a change page for every registered model."""
        for model, _model_admin in registered_admins():
            with self.subTest(model=model._meta.label):
                self.assertTrue(model._default_manager.exists())

    def test_changelist_search(self):
        """Every changelist with search fields answers a search, with and without matches."""
        for model, model_admin in registered_admins():
            if not model_admin.search_fields:
                continue
            for term in ["Sokha", "no such words anywhere", "សុខា"]:
                with self.subTest(model=model._meta.label, q=term):
                    response = self.client.get(admin_url(model, "changelist"), {"q": term})
                    self.assertEqual(response.status_code, 200)

    def test_changelist_search_finds(self):
        """Searching the people and stories changelists finds what they hold."""
        cases = [
            (self.person, "Sokha Ny"),
            (self.person, "សុខា"),
            (self.article, "land case"),
            (self.photograph, "interview"),
            (self.organization, "CID"),
        ]
        for obj, term in cases:
            with self.subTest(term=term):
                response = self.client.get(admin_url(type(obj), "changelist"), {"q": term})
                self.assertEqual(response.status_code, 200)
                self.assertIn(obj, response.context["cl"].result_list)

    def test_list_filter_options_load(self):
        """
        Every option of every list filter loads: refusing the lookups a list
        does not offer (tests/security/test_workspace_lists.py) leaves every
        one it offers working.
        """
        for model, _model_admin in registered_admins():
            changelist = admin_url(model, "changelist")
            response = self.client.get(changelist)
            self.assertEqual(response.status_code, 200)
            # A choice leading back to a list already loaded ("All") is not asked again.
            for link in filter_links(changelist, response.context["cl"]):
                with self.subTest(model=model._meta.label, filter=link):
                    self.assertEqual(self.client.get(link).status_code, 200)

    def test_sorting_by_every_column(self):
        """
        Every changelist column sorts, both ways: all of a list's columns at
        once (the admin's ``o=0.1.2``, each column's ordering in the one
        query, each header drawn sorted), ascending then descending. A column
        that cannot sort fails its list's request with the error naming it.
        """
        for model, _model_admin in registered_admins():
            changelist = admin_url(model, "changelist")
            columns = range(len(self.client.get(changelist).context["cl"].list_display))
            for sign in ("", "-"):
                order = ".".join(f"{sign}{index}" for index in columns)
                with self.subTest(model=model._meta.label, o=order):
                    response = self.client.get(changelist, {"o": order})
                    self.assertEqual(response.status_code, 200)

    def test_date_hierarchy_drills_down(self):
        """Every date hierarchy drills down to the day of an existing object."""
        for model, model_admin in registered_admins():
            path = model_admin.date_hierarchy
            if not path:
                continue
            obj = model._default_manager.exclude(**{f"{path}__isnull": True}).first()
            value = date_hierarchy_value(obj, path)
            params = {
                f"{path}__year": value.year,
                f"{path}__month": value.month,
                f"{path}__day": value.day,
            }
            with self.subTest(model=model._meta.label):
                response = self.client.get(admin_url(model, "changelist"), params)
                self.assertEqual(response.status_code, 200)
                self.assertIn(obj, response.context["cl"].result_list)

    def test_autocomplete_answers_json(self):
        """
        Every autocomplete field of every admin and inline answers JSON, from a
        queryset in a stable order (it is paginated).
        """
        for model, field_name in autocomplete_fields():
            with (
                self.subTest(model=model._meta.label, field=field_name),
                warnings.catch_warnings(),
            ):
                warnings.simplefilter("error", UnorderedObjectListWarning)
                response = self.client.get(
                    reverse("admin:autocomplete"),
                    {
                        "app_label": model._meta.app_label,
                        "model_name": model._meta.model_name,
                        "field_name": field_name,
                        "term": "",
                    },
                )
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response["Content-Type"], "application/json")
                self.assertIn("results", response.json())

    def test_autocomplete_finds_people_and_photos(self):
        """The speaker, byline and photo pickers find people and photographs by name."""
        cases = [
            ("quotes.quote", "speaker", "Sokha", self.person),
            ("quotes.quote", "speaker", "សុខា", self.person),
            ("articles.byline", "person", "Sok Chan", self.reporter),
            ("articles.article", "people", "Sokha Ny", self.person),
            ("articles.article", "lead_photo", "interview", self.photograph),
            ("articles.articlephoto", "photograph", "Sok Chan", self.photograph),
        ]
        for model, field_name, term, expected in cases:
            app_label, model_name = model.split(".")
            with self.subTest(field=f"{model_name}.{field_name}", term=term):
                response = self.client.get(
                    reverse("admin:autocomplete"),
                    {
                        "app_label": app_label,
                        "model_name": model_name,
                        "field_name": field_name,
                        "term": term,
                    },
                )
                self.assertEqual(response.status_code, 200)
                results = response.json()["results"]
                self.assertIn(str(expected.pk), [result["id"] for result in results])

    def test_journalist_changelists_load(self):
        """A journalist's workspace pages load for every model they may see."""
        sign_in(self.client, self.journalist_user)
        request = self.client.get(reverse("admin:index")).wsgi_request
        for model, model_admin in registered_admins():
            if not model_admin.has_view_permission(request):
                continue
            with self.subTest(model=model._meta.label):
                response = self.client.get(admin_url(model, "changelist"))
                self.assertEqual(response.status_code, 200)
                obj = model_admin.get_queryset(request).first()
                if obj is not None:
                    response = self.client.get(admin_url(model, "change", obj.pk))
                    self.assertEqual(response.status_code, 200)


class DemoContentAdminTests(AdminPagesMixin, TestCase):
    """The workspace opens on the demo newsroom that `make run` builds."""

    change_pages_per_model = 1
    every_model_has_objects = False

    @classmethod
    def setUpTestData(cls):
        call_command("demo_content", stdout=io.StringIO())
        cls.superuser = make_user("demo-chief", is_superuser=True)

    def setUp(self):
        sign_in(self.client, self.superuser)

    def test_demo_content_has_stories_people_and_photos(self):
        """The demo newsroom has stories, people and photographs to open."""
        for model in [Article, Person, Photograph]:
            with self.subTest(model=model._meta.label):
                self.assertTrue(model._default_manager.exists())


class MovedWorkspacePagesTests(TestCase):
    def test_old_addresses_of_moved_models_redirect(self):
        """Quotes and photos needed moved to their own apps; old bookmarks still work."""
        cases = {
            "/admin/articles/quote/": "/admin/quotes/quote/",
            "/admin/articles/quote/5/change/?_changelist_filters=q%3Dx": (
                "/admin/quotes/quote/5/change/?_changelist_filters=q%3Dx"
            ),
            "/admin/articles/quote/sources/": "/admin/quotes/quote/sources/",
            "/admin/articles/photoneeded/": "/admin/importing/photoneeded/",
        }
        for old, new in cases.items():
            with self.subTest(old=old):
                response = self.client.get(old)
                self.assertEqual(response.status_code, 301)
                self.assertEqual(response["Location"], new)
