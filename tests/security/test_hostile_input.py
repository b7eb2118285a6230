"""
XSS and injection payloads in every text a user can type (SECURITY-TESTS 21–25,
28): escaped or sanitized on reader pages, feeds, JSON-LD, meta tags, the
workspace and error pages; unsafe link schemes dropped; sanitizing twice
changes nothing.
"""

import xml.etree.ElementTree as ET

from django.core.exceptions import ValidationError
from django.test import SimpleTestCase, TestCase
from django.urls import reverse

from articles import body
from people.models import Organization
from tests.support.factories import (
    make_affiliation,
    make_organization,
    make_person,
    make_photograph,
    make_published_article,
    make_quote,
    make_section,
    make_user,
)
from tests.support.payloads import BAD_URLS, XSS, unsafe_markup
from tests.support.reader import ReaderTestMixin
from tests.support.staff import sign_in


class BodySanitizerTests(SimpleTestCase):
    def test_payloads_in_the_body_come_out_inert(self):
        """Every payload, as Markdown or raw HTML, renders to allowlisted, script-free HTML."""
        for payload in XSS:
            for text in [payload, f"Before.\n\n{payload}\n\nAfter.", f"*{payload}*"]:
                with self.subTest(text=text):
                    rendered = body.render(text)
                    self.assertEqual(unsafe_markup(rendered, page=False), [])
                    self.assertEqual(body.sanitize(rendered), rendered)

    def test_unsafe_link_schemes_are_dropped(self):
        """javascript:, vbscript:, data: in any spelling lose their href; http links keep theirs."""
        for url in BAD_URLS:
            for text in [f"[a link]({url})", f'<a href="{url}">a link</a>']:
                with self.subTest(text=text):
                    rendered = body.render(text)
                    self.assertEqual(unsafe_markup(rendered, page=False), [])
                    if "\t" not in url:
                        # Markdown turns a tab into spaces: "jav    ascript:" is
                        # then a harmless relative address, kept.
                        self.assertNotIn("href", rendered)
        rendered = body.render("[our report](https://example.org/report)")
        self.assertIn('href="https://example.org/report"', rendered)
        self.assertIn('rel="noopener noreferrer"', rendered)

    def test_attribute_injection_is_dropped(self):
        """class, style, rowspan or quotes smuggled into an allowed tag do not survive."""
        rendered = body.render(
            '<p class="x" style="color:red" onclick="alert(1)">a</p>'
            '<a href="https://example.org/" title="t&quot; onmouseover=&quot;alert(1)">b</a>'
            '<td rowspan="2&quot;onfocus=alert(1)">c</td>'
        )
        self.assertEqual(unsafe_markup(rendered, page=False), [])
        self.assertNotIn("class=", rendered)
        self.assertNotIn("style=", rendered)
        self.assertNotIn("rowspan", rendered)


class ProfileLinkTests(TestCase):
    def test_organization_website_takes_only_http_and_https(self):
        """A website in javascript:, data:, vbscript: or ftp: is refused on validation."""
        for url in [*BAD_URLS, "ftp://files.example.org/"]:
            with self.subTest(url=url):
                organization = Organization(name="Land Alliance", website=url)
                with self.assertRaises(ValidationError):
                    organization.full_clean()
        Organization(name="Land Alliance", website="https://land.example.org/").full_clean()


class SurfaceTests(ReaderTestMixin, TestCase):
    """
    One story per payload, every typed field holding it; each surface is
    parsed as a browser would and must hold no markup that runs or redirects.
    """

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("xss-editor", role="Editors")
        cls.superuser = make_user("xss-root", is_superuser=True)
        cls.stories, cls.people, cls.organizations = [], [], []
        for number, payload in enumerate(XSS):
            text = f"P{number} {payload}"
            person = make_person(text[:200], bio=text, name_km=text[:200])
            organization = make_organization(text[:200], description=text, acronym=f"X{number}")
            make_affiliation(person, organization, title=text[:200])
            photo = make_photograph(
                caption=text, alt_text=text, credit_agency=text[:100], photographer=person
            )
            story = make_published_article(
                text[:300],
                standfirst=text,
                body=f"{text}\n\n[quote 1]\n\n{payload}",
                dateline=text[:100],
                lead_photo=photo,
                bylines=[person],
                section=make_section(f"S{number} {payload}"[:100], slug=f"s{number}"),
            )
            make_quote(story, speaker=person, text=text, speaker_role=text, is_pull_quote=True)
            story.people.add(person)
            story.organizations.add(organization)
            cls.stories.append(story)
            cls.people.append(person)
            cls.organizations.append(organization)

    def assert_safe(self, url, *, status=200, params=None):
        response = self.client.get(url, params or {})
        self.assertEqual(response.status_code, status, url)
        problems = unsafe_markup(response.content.decode())
        self.assertEqual(problems, [], url)
        return response

    def test_reader_pages(self):
        urls = [reverse("reader:home"), reverse("reader:archive"), reverse("reader:photo_list")]
        for story, person, organization in zip(
            self.stories, self.people, self.organizations, strict=True
        ):
            urls += [
                story.get_absolute_url(),
                reverse("reader:person_detail", args=[person.slug]),
                reverse("reader:organization_detail", args=[organization.slug]),
                reverse("reader:photo_detail", args=[story.lead_photo_id]),
                reverse("reader:section_detail", args=[story.section.slug]),
            ]
        for url in urls:
            with self.subTest(url=url):
                self.assert_safe(url)

    def test_search_and_filter_values_are_echoed_as_text(self):
        """A payload typed in the search box or an archive filter comes back as text."""
        for payload in XSS:
            with self.subTest(payload=payload):
                self.assert_safe(reverse("reader:search"), params={"q": payload})
                self.assert_safe(reverse("reader:archive"), params={"q": payload})
                response = self.client.get(
                    reverse("reader:archive"),
                    {"section": payload, "published_after": payload, "quoted": payload},
                )
                self.assertEqual(unsafe_markup(response.content.decode()), [])

    def test_error_pages_do_not_echo_markup(self):
        for payload in XSS:
            with self.subTest(payload=payload):
                response = self.client.get(f"/people/{payload}/")
                self.assertEqual(response.status_code, 404)
                self.assertEqual(unsafe_markup(response.content.decode()), [])
                if "<" in payload:
                    self.assertNotIn(payload, response.content.decode())

    def test_feeds_stay_well_formed_and_keep_the_text(self):
        """RSS and Atom escape every payload: the XML parses and gives the text back."""
        headlines = {story.headline for story in self.stories}
        for url in [reverse("reader:feed_latest"), reverse("reader:feed_latest_atom")]:
            with self.subTest(url=url):
                # Our own feed, parsed to check it is well-formed.
                root = ET.fromstring(self.client.get(url).content)  # noqa: S314
                titles = {
                    element.text
                    for element in root.iter()
                    if element.tag.rsplit("}", 1)[-1] == "title"
                }
                self.assertLessEqual(headlines, titles)
                self.assertFalse(any(element.tag.endswith("script") for element in root.iter()))

    def test_workspace_pages(self):
        """Changelists, change forms, delete confirmations and history escape every payload."""
        sign_in(self.client, self.superuser)
        story, person, organization = self.stories[1], self.people[1], self.organizations[1]
        urls = [
            reverse("admin:index"),
            reverse("admin:articles_article_changelist"),
            reverse("admin:people_person_changelist"),
            reverse("admin:people_organization_changelist"),
            reverse("admin:media_photograph_changelist"),
            reverse("admin:quotes_quote_changelist"),
        ]
        for model, obj in [
            ("articles_article", story),
            ("people_person", person),
            ("people_organization", organization),
            ("media_photograph", story.lead_photo),
        ]:
            for view in ["change", "delete", "history"]:
                urls.append(reverse(f"admin:{model}_{view}", args=[obj.pk]))
        for url in urls:
            with self.subTest(url=url):
                self.assert_safe(url)

    def test_success_messages_and_recent_actions(self):
        """Saving a record named with a payload: the message and Recent actions stay text."""
        sign_in(self.client, self.superuser)
        organization = self.organizations[2]
        response = self.client.post(
            reverse("admin:people_organization_change", args=[organization.pk]),
            {
                "name": organization.name,
                "name_km": "",
                "acronym": organization.acronym,
                "kind": "ngo",
                "slug": organization.slug,
                "description": organization.description,
                "website": "",
                "affiliations-TOTAL_FORMS": "0",
                "affiliations-INITIAL_FORMS": "0",
            },
            follow=True,
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(unsafe_markup(response.content.decode()), [])
        messages = [str(message) for message in response.context["messages"]]
        self.assertTrue(messages)
        index = self.assert_safe(reverse("admin:index"))
        self.assertContains(index, "P2 ")
