"""The public photo archive: /photos/ and /photos/<id>/."""

import re

from django.test import TestCase
from django.urls import reverse

from tests.support.factories import (
    make_article,
    make_person,
    make_photograph,
    make_published_article,
    place_photo,
)
from tests.support.reader import ReaderTestMixin, cold_get

PHOTOS = reverse("reader:photo_list")


def photo_page(photograph):
    return reverse("reader:photo_detail", args=[photograph.pk])


class PhotoPageTests(ReaderTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.photographer = make_person("Long Narith")
        cls.lead = make_photograph(
            caption="Fishing boats on the Mekong, Kratie, May 2, 2024.",
            photographer=cls.photographer,
            credit_agency="CamboJA",
        )
        cls.placed = make_photograph(caption="A village meeting in Kampong Speu.")
        cls.story = make_published_article(
            "Fishing families say catches have halved", lead_photo=cls.lead
        )
        place_photo(cls.story, cls.placed)
        cls.secret = make_photograph(caption="A source's house, draft only.")
        draft = make_article("Draft with a sensitive photo", lead_photo=cls.secret)
        place_photo(draft, make_photograph(caption="Another draft picture."))
        cls.unused = make_photograph(caption="Never used anywhere.")

    def test_archive_lists_published_photos_with_caption_and_credit(self):
        response = self.client.get(PHOTOS)
        self.assertContains(response, photo_page(self.lead))
        self.assertContains(response, photo_page(self.placed))
        self.assertContains(response, "CamboJA/ Long Narith")
        for hidden in (self.secret, self.unused):
            self.assertNotContains(response, photo_page(hidden))
        self.assertNotContains(response, "draft")

    def test_photo_page_shows_caption_credit_and_the_stories_using_it(self):
        response = self.client.get(photo_page(self.lead))
        self.assertContains(response, "Fishing boats on the Mekong, Kratie, May 2, 2024.")
        self.assertContains(
            response, reverse("reader:person_detail", args=[self.photographer.slug])
        )
        self.assertContains(response, "Fishing families say catches have halved")

    def test_images_are_responsive_sized_and_lazy_below_the_fold(self):
        """
        Each image offers its renditions in srcset, has width and height set
        (no layout shift); the first row loads at once, the rest lazily.
        """
        for _ in range(6):
            make_published_article(lead_photo=make_photograph())
        content = self.client.get(PHOTOS).content.decode()
        images = re.findall(r"<img [^>]*>", content)
        self.assertEqual(len(images), 8)
        for image in images:
            self.assertRegex(image, r'srcset="[^"]+ \d+w"')
            self.assertRegex(image, r'width="\d+" height="\d+"')
            self.assertIn('alt="', image)
        self.assertNotIn('loading="lazy"', images[0])
        self.assertIn('loading="lazy"', images[-1])

    def test_unpublished_and_unknown_photos_answer_404_even_to_conditional_requests(self):
        """A draft's photo is never confirmed, not even by a 304 (GHSA-92hv-j533-69wc)."""
        unknown = self.client.get(reverse("reader:photo_detail", args=[999_999]))
        for photograph in (self.secret, self.unused):
            for headers in (
                {},
                {"If-None-Match": "*"},
                {"If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT"},
            ):
                with self.subTest(photograph=photograph.caption, headers=headers):
                    response = self.client.get(photo_page(photograph), headers=headers)
                    self.assertEqual(response.status_code, 404)
                    self.assertEqual(response.content, unknown.content)

    def test_photo_pages_in_khmer(self):
        for url in (f"/km{PHOTOS}", f"/km{photo_page(self.lead)}"):
            with self.subTest(url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_the_credit_names_the_photographer_in_the_page_language(self):
        """On a Khmer photo page the credit links the photographer by their Khmer name."""
        self.photographer.name_km = "ឡុង ណារិទ្ធ"
        self.photographer.save()
        profile = reverse("reader:person_detail", args=[self.photographer.slug])
        english = self.client.get(photo_page(self.lead))
        self.assertContains(english, f'CamboJA/ <a href="{profile}">Long Narith</a>', html=False)
        khmer = self.client.get(f"/km{photo_page(self.lead)}")
        self.assertContains(khmer, "CamboJA/ <a href=")
        self.assertContains(khmer, ">ឡុង ណារិទ្ធ</a>")
        self.assertNotContains(khmer, "Long Narith</a>")


# Photo archive: 1 count; 2 the page of photos with photographers; 3 the
# section menu; 4 how long the page may be kept (the next scheduled story).
PHOTO_LIST_QUERIES = 4
# One photo: 1 the photo with its photographer; 2 stories using it; 3 their
# bylines; 4 the section menu; 5 how long the page may be kept.
PHOTO_QUERIES = 5


class PhotoQueryCountTests(ReaderTestMixin, TestCase):
    def test_photo_pages_cost_the_same_for_few_or_many_photos_and_stories(self):
        photograph = make_photograph(photographer=make_person())
        make_published_article(lead_photo=photograph, bylines=[make_person()])
        with self.assertNumQueries(PHOTO_LIST_QUERIES):
            cold_get(self.client, PHOTOS)
        with self.assertNumQueries(PHOTO_QUERIES):
            cold_get(self.client, photo_page(photograph))
        for _ in range(30):
            story = make_published_article(
                lead_photo=make_photograph(photographer=make_person()), bylines=[make_person()]
            )
            place_photo(story, photograph)
        with self.assertNumQueries(PHOTO_LIST_QUERIES):
            cold_get(self.client, PHOTOS)
        with self.assertNumQueries(PHOTO_QUERIES):
            cold_get(self.client, photo_page(photograph))
