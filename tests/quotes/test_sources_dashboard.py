"""The sources dashboard: a protected source by their label, unless the viewer sees identities."""

from django.contrib.auth.models import Permission
from django.test import TestCase
from django.urls import reverse

from people.identity import sees_protected_identities
from tests.support.factories import make_person, make_published_article, make_quote, make_user
from tests.support.staff import sign_in
from workflow import roles

SOURCES_URL = reverse("admin:quotes_quote_sources")
LABEL = "a ministry official who asked not to be named"
NAME = "Chea Bophavy"


class SourcesDashboardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.source = make_person(NAME, is_protected_source=True, public_label=LABEL)
        cls.public = make_person("Kem Vuthy")
        story = make_published_article(bylines=[make_person("Vann Piseth")])
        make_quote(story, speaker=cls.source, text="The tenders were decided in advance")
        make_quote(story, speaker=cls.public, text="We asked for the documents")
        # May publish, so may open the dashboard; may not see who a source is.
        cls.publisher = make_user(is_staff=True)
        cls.publisher.user_permissions.add(
            Permission.objects.get(codename="publish_article", content_type__app_label="articles")
        )

    def test_a_publisher_who_may_not_see_identities_sees_the_label(self):
        self.assertTrue(roles.is_editor(self.publisher))
        self.assertFalse(sees_protected_identities(self.publisher))
        sign_in(self.client, self.publisher)
        response = self.client.get(SOURCES_URL)
        self.assertContains(response, "2 quotes counted.")
        self.assertContains(response, LABEL)
        self.assertContains(response, "Kem Vuthy")
        self.assertNotContains(response, NAME)
