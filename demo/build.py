"""
Building the demo newsroom into an empty archive: the stories, in English
and Khmer, with their bylines, quotes, photographs and corrections.
"""

import dataclasses
import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from articles.models import (
    Article,
    ArticlePhoto,
    ArticleStatus,
    Byline,
    BylineRole,
    Correction,
    Language,
)
from media.files import remove_stored_files
from media.services import create_photograph
from quotes.models import Quote

from .live import make_live_story
from .pictures import render_photo
from .pictures.drawing import FRAME, SHIRTS
from .reference import make_organizations, make_people, make_sections, make_topics
from .seeds import (
    ALT_TEXT,
    FILE_PHOTOS,
    FREELANCE_AGENCY,
    KHMER_STORIES,
    SEED,
    SHIRT_KM,
    STAFF_AGENCY,
    STORIES,
)
from .writing import compose, english_date, khmer_date, pick_quotes, speakers

PUBLISHED = ArticleStatus.PUBLISHED
IN_REVIEW = ArticleStatus.IN_REVIEW
APPROVED = ArticleStatus.APPROVED
UNPUBLISHED = ArticleStatus.UNPUBLISHED


class DemoNewsroom:
    """Builds the demo content into an empty archive, drawing pictures ``picture_size`` big."""

    def __init__(self, *, staff, rng, today, picture_size=FRAME):
        self.staff = staff  # username -> User
        self.rng = rng
        self.today = today
        self.picture_size = picture_size
        self.sections = {}
        self.topics = {}
        self.organizations = {}
        self.people = {}
        self.file_photos = {}
        self.section_photos = {}  # section slug -> photos taken for its stories
        self.stories = {}
        self.photo_seed = 0
        self.stored = []  # Photographs whose files this build wrote.

    def build(self):
        self.sections = make_sections()
        self.topics = make_topics()
        self.organizations = make_organizations()
        self.people = make_people(self.staff)
        self.make_file_photos()
        for spec in STORIES:
            self.make_story(spec)
        for spec in STORIES:
            if spec.translation:
                self.make_translation(spec)
        for spec in KHMER_STORIES:
            self.make_story(spec, language=Language.KHMER)
        make_live_story(self)

    def photograph(self, *, scene, caption, alt_text, place, day, photographer_key, **options):
        self.photo_seed += 1
        photographer = self.people[photographer_key]
        uploaded_by = self.staff.get(photographer_key, self.staff["editor"])
        agency = STAFF_AGENCY if photographer.user_id else FREELANCE_AGENCY
        image = render_photo(
            scene, SEED * 1000 + self.photo_seed, size=self.picture_size, **options
        )
        photograph = create_photograph(
            image=SimpleUploadedFile("demo.jpg", image, content_type="image/jpeg"),
            uploaded_by=uploaded_by,
            caption=caption,
            alt_text=alt_text,
            credit_agency=agency,
            photographer=photographer,
            date_taken=day,
            place=place,
        )
        self.stored.append(photograph)
        return photograph

    def remove_files(self):
        """After a failed build: its rows are rolled back, but not the files they named."""
        remove_stored_files(photographs=self.stored)

    def make_file_photos(self):
        for number, (section, photo) in enumerate(FILE_PHOTOS.items()):
            day = self.today - datetime.timedelta(days=120 + 37 * number)
            self.file_photos[section] = self.photograph(
                scene=photo.scene,
                caption=f"{photo.caption}, {english_date(day)}.",
                alt_text=ALT_TEXT[photo.scene],
                place=photo.place,
                day=day,
                photographer_key="journalist2" if number % 2 else "long_narith",
            )

    def story_photos(self, spec, cast, day, photographer_key, language):
        """The story's own pictures: the scene it reports, then a portrait."""
        photo = spec.photo
        date_text = khmer_date(day) if language == Language.KHMER else english_date(day)
        end = "។" if language == Language.KHMER else "."
        separator = " " if language == Language.KHMER else ", "
        scene_photo = self.photograph(
            scene=photo.scene,
            caption=f"{photo.caption}{separator}{date_text}{end}",
            alt_text=photo.alt_text or ALT_TEXT[photo.scene],
            place=photo.place,
            day=day,
            photographer_key=photographer_key,
        )
        sitter = next(speaker for speaker in cast if speaker.named)
        seed = sitter.seed
        shirt = self.rng.choice(list(SHIRTS))
        if language == Language.KHMER:
            honorific = "លោកស្រី" if seed.gender == "f" else "លោក"
            name = seed.name_km or seed.name
            caption = f"{honorific} {name} ផ្តល់បទសម្ភាសន៍នៅ{spec.dateline} {date_text}។"
            who = "ស្ត្រី" if seed.gender == "f" else "បុរស"
            alt_text = f"{who}ម្នាក់ពាក់អាវពណ៌{SHIRT_KM[shirt]} កំពុងនិយាយ។"
        else:
            if seed.affiliations:
                where = f"speaks during an interview in {spec.dateline}"
            elif photo.place in seed.role:
                where = f"poses for a portrait near {'her' if seed.gender == 'f' else 'his'} home"
            else:
                where = f"poses for a portrait in {photo.place}"
            caption = f"{seed.name}, {seed.role}, {where}, {date_text}."
            who = "woman" if seed.gender == "f" else "man"
            alt_text = (
                f"A {who} in {'an' if shirt[0] in 'aeiou' else 'a'} {shirt} shirt, seen from the "
                "chest up against a blurred background."
            )
        portrait_photo = self.photograph(
            scene="portrait",
            caption=caption,
            alt_text=alt_text,
            place=photo.place,
            day=day,
            photographer_key=photographer_key,
            shirt=shirt,
            long_hair=seed.gender == "f",
        )
        if sitter.person.portrait_id is None:
            sitter.person.portrait = portrait_photo
            sitter.person.save(update_fields=["portrait"])
        return scene_photo, portrait_photo

    def publish_time(self, days, hour=None):
        hour = hour if hour is not None else self.rng.randint(7, 18)
        minute = self.rng.choice([0, 5, 15, 20, 30, 40, 45, 50])
        day = self.today - datetime.timedelta(days=days)
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))

    def timing(self, spec):
        """The publish time and the day the reporting was done."""
        if spec.status in {PUBLISHED, UNPUBLISHED}:
            if spec.days < 0:
                published_at = self.publish_time(spec.days, hour=7)
                return published_at, self.today - datetime.timedelta(days=1)
            published_at = self.publish_time(spec.days)
            day = timezone.localdate(published_at) - datetime.timedelta(
                days=self.rng.choice([0, 0, 1])
            )
            return published_at, day
        return None, self.today - datetime.timedelta(days=self.rng.randint(1, 3))

    def make_story(self, spec, language=Language.ENGLISH):
        published_at, day = self.timing(spec)
        cast = speakers(spec, language, people=self.people)
        if isinstance(spec.quotes, int):
            picked = pick_quotes(self.rng, spec, cast)
        else:
            by_key = dict(zip(spec.cast, cast, strict=True))
            picked = [(by_key[key], text) for key, text, *_ in spec.quotes]
        photographer_key = next(
            (key for key, role in spec.bylines if role == "photographer"),
            spec.bylines[0][0],
        )
        if photographer_key == "editor":
            photographer_key = "journalist2"
        lead, portrait_photo = self.story_photos(spec, cast, day, photographer_key, language)
        # Longer stories also reuse scenes from the section's earlier stories.
        earlier = self.section_photos.setdefault(spec.section, [])
        room = min(2, len(picked) // 4)
        extra = self.rng.sample(earlier, min(len(earlier), self.rng.randint(room // 2, room)))
        body_photos = [portrait_photo, self.file_photos[spec.section], *extra]
        earlier.append(lead)
        article = self.write_article(
            spec,
            language=language,
            cast=cast,
            picked=picked,
            published_at=published_at,
            day=day,
            lead=lead,
            body_photos=body_photos,
        )
        self.stories[spec.key] = (article, lead, body_photos)
        return article

    def make_translation(self, spec):
        original, lead, body_photos = self.stories[spec.key]
        cast = speakers(spec, Language.KHMER, people=self.people)
        by_key = dict(zip(spec.cast, cast, strict=True))
        picked = [(by_key[key], khmer) for key, _, khmer in spec.quotes]
        translation = spec.translation
        published_at = self.publish_time(translation.days)
        khmer_spec = dataclasses.replace(
            spec,
            key=f"{spec.key}-km",
            headline=translation.headline,
            standfirst=translation.standfirst,
            dateline=translation.dateline,
            lede=translation.lede,
            background=translation.background,
            bylines=[*spec.bylines[:1], ("oum_sreypov", "translator")],
            featured=False,
            correction=None,
        )
        article = self.write_article(
            khmer_spec,
            language=Language.KHMER,
            cast=cast,
            picked=picked,
            published_at=published_at,
            day=original.quotes.first().date_said,
            lead=lead,
            body_photos=body_photos,
            translation_of=original,
        )
        self.stories[khmer_spec.key] = (article, lead, body_photos)

    def write_article(
        self,
        spec,
        *,
        language,
        cast,
        picked,
        published_at,
        day,
        lead,
        body_photos,
        translation_of=None,
    ):
        count = len(picked)
        pulls = []
        if count >= 6:
            pulls = sorted(self.rng.sample(range(2, count // 2 + 2), 2 if count >= 15 else 1))
        body, paragraphs = compose(
            self.rng,
            lede=spec.lede,
            background=spec.background,
            picked=picked,
            photo_count=len(body_photos),
            pull_quotes=pulls,
            language=language,
            day=day,
        )
        article = Article.objects.create(
            headline=spec.headline,
            standfirst=spec.standfirst,
            body=body,
            dateline=spec.dateline,
            language=language,
            translation_of=translation_of,
            section=self.sections[spec.section],
            lead_photo=lead,
            status=spec.status,
            published_at=published_at,
            is_featured=spec.featured,
            **self.approval(spec.status, published_at),
        )
        article.topics.set([self.topics[slug] for slug in spec.topics])
        for position, (key, role) in enumerate(spec.bylines):
            Byline.objects.create(
                article=article, person=self.people[key], role=BylineRole(role), position=position
            )
        for position, photograph in enumerate(body_photos, start=1):
            ArticlePhoto.objects.create(article=article, photograph=photograph, position=position)
        confirmed = spec.status in {PUBLISHED, APPROVED, UNPUBLISHED}
        for position, (speaker, text) in enumerate(picked, start=1):
            Quote.objects.create(
                article=article,
                text=text,
                speaker=speaker.person,
                anonymous_description=speaker.anonymous,
                speaker_role="" if speaker.anonymous else speaker.role,
                position=position,
                paragraph=paragraphs[position],
                date_said=day,
                is_pull_quote=position in pulls,
                is_confirmed=confirmed,
            )
        named = [speaker.person for speaker in cast if speaker.named]
        named += [self.people[key] for key in spec.named]
        article.people.set(named)
        organizations = {
            affiliation.organization
            for speaker in cast
            if speaker.named
            for affiliation in speaker.seed.affiliations
            if affiliation.end is None
        }
        organizations.update(spec.organizations)
        article.organizations.set([self.organizations[key] for key in sorted(organizations)])
        if spec.correction and published_at:
            kind, text = spec.correction
            Correction.objects.create(
                article=article,
                kind=kind,
                text=text,
                published_at=published_at + datetime.timedelta(hours=self.rng.randint(20, 30)),
                created_by=self.staff["editor"],
            )
        return article

    def approval(self, status, published_at):
        """Who approved a story that is approved or was published, and when."""
        if status not in {APPROVED, PUBLISHED, UNPUBLISHED}:
            return {"submitted_at": timezone.now()} if status == IN_REVIEW else {}
        approved_at = min(published_at or timezone.now(), timezone.now())
        return {"approved_by": self.staff["editor"], "approved_at": approved_at}
