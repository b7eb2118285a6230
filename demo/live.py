"""
The demo's live story (``data/live.toml``): a published story and its
translation covered live, with key points, updates a few minutes apart and
quotes, so ``make run`` shows a live page that is still going on.
"""

import datetime

from django.utils import timezone

from articles.models import LiveCoverage, LiveUpdate
from quotes.models import Quote

from .seeds import person_seed, read


def make_live_story(newsroom):
    """Cover the story ``live.toml`` names (and its translation) live, with its updates."""
    seed = read("live")
    now = timezone.now()
    started = now - datetime.timedelta(minutes=seed["started"])
    stories = [(newsroom.stories[seed["story"]][0], "")]
    translation = newsroom.stories.get(f"{seed['story']}-km")
    if translation is not None:
        stories.append((translation[0], "_km"))
    for article, suffix in stories:
        coverage = LiveCoverage.objects.create(
            article=article, started_at=started, key_points=seed[f"key_points{suffix}"]
        )
        # The journalists who post to it may post more from the live desk.
        coverage.reporters.set(
            {newsroom.staff[update_seed["author"]] for update_seed in seed["updates"]}
        )
        lead = newsroom.stories[seed["story"]][1]
        position = article.quotes.count()
        for update_seed in seed["updates"]:
            update = LiveUpdate.objects.create(
                article=article,
                author=newsroom.staff[update_seed["author"]],
                posted_at=now - datetime.timedelta(minutes=update_seed["minutes"]),
                title=update_seed[f"title{suffix}"],
                body=update_seed[f"body{suffix}"],
                photo=lead if update_seed.get("photo") else None,
            )
            if "quote" in update_seed:
                speaker, english, khmer = update_seed["quote"]
                position += 1
                Quote.objects.create(
                    article=article,
                    live_update=update,
                    text=khmer if suffix else english,
                    speaker=newsroom.people[speaker],
                    speaker_role=getattr(person_seed(speaker), f"role{suffix}"),
                    position=position,
                    date_said=timezone.localdate(),
                    is_confirmed=True,
                )
