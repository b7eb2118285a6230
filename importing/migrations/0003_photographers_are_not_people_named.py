"""
Imports used to list a photo's photographer among the people its story
names, so story pages showed them under "People in this story". Take the
photographer off an imported story's people named when that is all they
are to it: not a speaker of its quotes, their name nowhere in its text.
"""

from django.db import migrations


def unname_photographers(apps, schema_editor):
    ImportedItem = apps.get_model("importing", "ImportedItem")
    Article = apps.get_model("articles", "Article")
    Quote = apps.get_model("quotes", "Quote")
    imported = ImportedItem.objects.filter(kind="post", article__isnull=False).values("article")
    for article in Article.objects.filter(pk__in=imported).select_related("lead_photo"):
        photographers = set(
            article.placed_photos.exclude(photograph__photographer=None).values_list(
                "photograph__photographer", flat=True
            )
        )
        photographers |= set(
            article.photos_needed.exclude(photographer=None).values_list("photographer", flat=True)
        )
        if article.lead_photo is not None and article.lead_photo.photographer_id:
            photographers.add(article.lead_photo.photographer_id)
        speakers = set(
            Quote.objects.filter(article=article, speaker__isnull=False).values_list(
                "speaker", flat=True
            )
        )
        text = " ".join([article.headline, article.standfirst, article.body])
        credited_only = [
            person
            for person in article.people.filter(pk__in=photographers - speakers)
            if person.name not in text and (not person.name_km or person.name_km not in text)
        ]
        if credited_only:
            article.people.remove(*credited_only)


class Migration(migrations.Migration):
    dependencies = [
        ("importing", "0002_content_types"),
        ("articles", "0014_moved_models_state"),
        ("quotes", "0002_content_types"),
        ("media", "0004_photo_withdrawal"),
    ]

    operations = [migrations.RunPython(unname_photographers, migrations.RunPython.noop)]
