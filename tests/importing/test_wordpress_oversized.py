"""
An export whose every free-text field is longer than the newsroom's field
for it (titles, slugs, logins, addresses, names, captions, credits, terms):
it imports, on SQLite and PostgreSQL alike (PostgreSQL refuses a value over
a column's length, SQLite keeps it), nothing stored is longer than its
field allows, and what had to be shortened is named in the report.
"""

import functools
import re
import tempfile
from pathlib import Path

from django.apps import apps
from django.db import models
from django.db.models.functions import Length
from django.test import TestCase

from articles.models import Article
from importing.wordpress.importer import import_wordpress
from tests.support import FIXTURES
from tests.support.factories import make_user

EXPORT = FIXTURES / "wordpress" / "export.xml"
# Each element whose text is free, with what to grow it by.
GROWN = {
    "wp:author_login": "x",
    "dc:creator": "x",
    "wp:author_display_name": "Sreyneang ",
    "wp:author_first_name": "Sreyneang",
    "wp:author_last_name": "Chan",
    "wp:category_nicename": "land-",
    "wp:cat_name": "Land ",
    "wp:tag_slug": "evictions-",
    "wp:tag_name": "Evictions ",
    "title": "Families evicted ",
    "wp:post_name": "families-",
    "link": "families/",
    "wp:meta_value": "AFP/ Long Narin ",
    "wp:base_blog_url": "/archive",
}
SIZE = 4_000


def grow(match, tag):
    """The element ``match`` found, its text about ``SIZE`` characters longer."""
    filler = GROWN[tag]
    inside = match[2]
    cdata = inside.startswith("<![CDATA[")
    value = inside[9:-3] if cdata else inside
    if not value or value.isdigit() or (tag == "wp:meta_value" and "/" not in value):
        return match[0]  # Ids and the thumbnail's number stay ids.
    # A login grows the same in the author and the post: the byline must still find it.
    longer = value + filler * (SIZE // len(filler))
    longer = f"<![CDATA[{longer}]]>" if cdata else longer
    return f"{match[1]}{longer}</{tag}>"


def grown_export(folder):
    """The test export with each free-text field about ``SIZE`` characters longer."""
    text = EXPORT.read_text()
    for tag in GROWN:
        text = re.sub(
            rf"(<{tag}(?:\s[^>]*)?>)(.*?)</{tag}>",
            functools.partial(grow, tag=tag),
            text,
            flags=re.DOTALL,
        )
    text = re.sub(
        r'(<category domain="\w+" nicename=")([^"]*)(">)',
        lambda match: match[1] + match[2] + "-more" * 1000 + match[3],
        text,
    )
    path = folder / "oversized.xml"
    path.write_text(text)
    return path


def overlong_values():
    """Every stored text longer than its field allows, as (model, field, row id)."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField) and field.max_length:
                rows = model._default_manager.annotate(length=Length(field.column)).filter(
                    length__gt=field.max_length
                )
                found += [
                    (model.__name__, field.name, pk) for pk in rows.values_list("pk", flat=True)
                ]
    return found


class OversizedExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("oversized-editor", role="Editors")
        with tempfile.TemporaryDirectory() as folder:
            cls.report = import_wordpress(path=grown_export(Path(folder)), user=cls.editor)

    def test_every_post_is_imported(self):
        """Long fields stop nothing: both posts are stories, with their bylines."""
        self.assertEqual(self.report.stories_created, 2)
        for article in Article.objects.all():
            with self.subTest(article=article.pk):
                self.assertEqual(article.bylines.count(), 1)

    def test_nothing_stored_is_longer_than_its_field(self):
        """What PostgreSQL would refuse, SQLite must not keep either."""
        self.assertEqual(overlong_values(), [])

    def test_shortened_headlines_are_named(self):
        """A title longer than a headline may be is cut at a word, and the report says so."""
        for article in Article.objects.all():
            with self.subTest(article=article.pk):
                self.assertLessEqual(len(article.headline), 300)
                self.assertTrue(article.headline.endswith("…"))
                self.assertFalse(article.headline[:-1].endswith(" "))
        self.assertEqual(len(self.report.shortened), 2)
        self.assertIn("Families evicted from Boeung Ream", self.report.shortened[0])
        lines = [line for line, _items in self.report.summary()]
        self.assertTrue(
            any(line.startswith("Titles longer than a headline") for line in lines), lines
        )


class LongPostTests(TestCase):
    def test_a_post_longer_than_a_story_may_be_is_named_not_imported(self):
        """
        Saved, it would be a story nobody could save again: it is named with
        its length and what to do, and every other post is imported.
        """
        editor = make_user("long-post-editor", role="Editors")
        text = EXPORT.read_text().replace(
            "<![CDATA[Sixty families in Boeung Ream",
            "<![CDATA["
            + "<p>A long paragraph of the council's minutes.</p><script>x</script>" * 5_000
            + "Sixty families in Boeung Ream",
        )
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "long.xml"
            path.write_text(text)
            report = import_wordpress(path=path, user=editor)
        self.assertEqual(report.stories_created, 1)
        (named,) = [line for line in report.skipped if line.startswith("post 201 ")]
        self.assertRegex(named, r"its text is [\d,]+ characters; a story holds at most 200,000")
        self.assertEqual(report.left_out["<script> elements"], 0)
        lines = [line for line, _items in report.summary()]
        self.assertIn("Posts not imported, each with the reason: 2.", lines)
