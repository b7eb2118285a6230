"""
``manage.py attribution_report``: how well quote attribution does on this archive.

The quotes people entered by hand (no confidence) or confirmed are the
answer key. Each English story with such quotes is attributed afresh inside
a transaction that is rolled back, so the database is left as it was, and
the speakers found are compared with the key. On the demo newsroom this
measures the rules on stories their author did not write.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q

from articles.models import Article, Language
from people.models import Person
from quotes import attribution
from quotes.models import Quote
from quotes.services import DatabaseDirectory, Speakers, fill_quote, story_paragraphs


def speaker_of(quote):
    if quote.speaker_id:
        return quote.speaker.name
    return f"unnamed: {quote.anonymous_description}"


def same_speaker(expected, found):
    if expected == found:
        return True
    # An unnamed source is described in full at first and shorter later.
    return (
        expected.startswith("unnamed: ")
        and found.startswith("unnamed: ")
        and expected.split()[-1] in found
    )


class Command(BaseCommand):
    help = (
        "Measure quote attribution against the quotes people entered or confirmed: "
        "precision and recall over the English stories. Changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--mistakes", action="store_true", help="List every quote attributed wrongly."
        )

    def handle(self, *args, mistakes=False, **options):
        known = Q(quotes__is_confirmed=True) | Q(quotes__confidence__isnull=True)
        stories = (
            Article.objects.filter(language=Language.ENGLISH)
            .filter(known)
            .distinct()
            .order_by("pk")
        )
        correct = found = expected = extra = 0
        wrong = []
        with transaction.atomic():
            for article in stories:
                key = {
                    " ".join(quote.text.split()): speaker_of(quote)
                    for quote in article.quotes.select_related("speaker").filter(
                        Q(is_confirmed=True) | Q(confidence__isnull=True)
                    )
                }
                expected += len(key)
                everyone = Person.objects.all()
                speakers = Speakers(article, everyone)
                directory = DatabaseDirectory(everyone)
                for finding in attribution.analyze(story_paragraphs(article.body), directory):
                    words = " ".join(finding.text.split())
                    if words not in key:
                        extra += 1
                        continue
                    quote = Quote(article=article)
                    fill_quote(quote, finding, speakers)
                    found += quote.confidence > 0
                    if same_speaker(key[words], speaker_of(quote)):
                        correct += 1
                    else:
                        wrong.append(
                            f"{article.pk}: “{words[:60]}” → {speaker_of(quote)}, "
                            f"not {key[words]} ({finding.how})"
                        )
            transaction.set_rollback(True)
        precision = correct / found if found else 0
        recall = correct / expected if expected else 0
        self.stdout.write(
            f"{stories.count()} stories, {expected} known quotes, {found} attributed, "
            f"{correct} right: precision {precision:.1%}, recall {recall:.1%}. "
            f"{extra} other quoted passages found that no one recorded."
        )
        if mistakes:
            for line in wrong:
                self.stdout.write(f"  {line}")
