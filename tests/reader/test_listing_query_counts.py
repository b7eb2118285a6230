"""
The reader pages not pinned elsewhere cost a fixed number of queries, with
nothing kept in the cache, whether a few stories or many are published:
sitemaps, the news sitemap, corrections and robots.txt.
"""

from django.test import TestCase

from tests.support.factories import make_correction, make_person, make_published_article
from tests.support.reader import ReaderTestMixin, cold_get

# Each page: what it reads, then 1 how long the page may be kept (the next
# scheduled story).
QUERIES = {
    # 1 the count of stories (for its pages); 2 the page of stories; 3–7 the
    # sections, topics, people, organizations and photos published stories
    # show; 8 how long it may be kept.
    "/sitemap.xml": 8,
    # 1 the count of the last two days' stories; 2 those stories; 3 how long
    # it may be kept.
    "/news-sitemap.xml": 3,
    # 1 the count; 2 the page of corrections with their stories; 3 the section
    # menu; 4 how long it may be kept.
    "/corrections/": 4,
    # Nothing from the database but how long it may be kept.
    "/robots.txt": 1,
}


class ListingQueryCountTests(ReaderTestMixin, TestCase):
    def add_stories(self, count):
        for number in range(count):
            story = make_published_article(f"Story {number}", bylines=[make_person()])
            make_correction(story)

    def test_each_page_costs_the_same_for_two_stories_or_thirty_two(self):
        self.add_stories(2)
        for stories in ("few", "many"):
            for url, queries in QUERIES.items():
                with self.subTest(url=url, stories=stories), self.assertNumQueries(queries):
                    self.assertEqual(cold_get(self.client, url).status_code, 200)
            self.add_stories(30)
