"""
``manage.py generate_load_data --stories N``: a realistic archive for load tests.

Stories in both languages and every workflow state over ten years, with
bylines, quotes (one minister quoted in a tenth of them), people named,
topics, sections and photos reused from a small pool of real images. Rows are
written with ``bulk_create`` in batches, so 100,000 stories take minutes.
Each run adds to what is there; nothing existing is changed.
"""

import datetime
import io
import random
import time
import uuid

from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from articles import body as story_body
from articles.models import Article, ArticlePhoto, Byline, Section, Topic
from media.services import create_photograph
from operations.management.commands.update_statistics import update_statistics
from people.models import Organization, Person
from quotes.models import Quote
from reader import pagecache

FAMILY_NAMES = ["Ny", "Sok", "Chea", "Meas", "Vann", "Long", "Keo", "Hun", "Pen", "Sam", "Kem"]
GIVEN_NAMES = [
    "Sokha", "Chanroeun", "Malin", "Piseth", "Narith", "Dara", "Vanna", "Sophal", "Bopha",
    "Rathana", "Sreymom", "Vuthy", "Kosal", "Chenda", "Phalla", "Sopheap", "Visal",
]  # fmt: skip
SECTIONS = [
    ("Politics", "នយោបាយ"), ("Land", "ដីធ្លី"), ("Labour", "ការងារ"), ("Environment", "បរិស្ថាន"),
    ("Courts", "តុលាការ"), ("Health", "សុខភាព"), ("Economy", "សេដ្ឋកិច្ច"), ("Media", "ប្រព័ន្ធផ្សព្វផ្សាយ"),
]  # fmt: skip
TOPICS = [
    "Land disputes", "Garment workers", "Elections", "Press freedom", "Mekong dams",
    "Microfinance", "Forestry", "Fisheries", "Trade unions", "Evictions", "Floods",
    "Drought", "Rice prices", "Migration", "Education", "Public health", "Courts",
    "Corruption", "Human rights", "Tourism",
]  # fmt: skip
PLACES = ["Phnom Penh", "Siem Reap", "Battambang", "Kampong Speu", "Kampot", "Koh Kong"]
SUBJECTS = [
    "families", "garment workers", "farmers", "fishers", "teachers", "villagers", "nurses",
    "journalists", "land activists", "union leaders",
]  # fmt: skip
EVENTS = [
    "demand compensation", "protest eviction", "wait for court ruling", "ask for clean water",
    "face rising debts", "return from Thailand", "question dam plans", "count flood losses",
]  # fmt: skip
KHMER_HEADLINES = [
    "ប្រជាពលរដ្ឋទាមទារសំណង", "កម្មករកាត់ដេរតវ៉ា", "កសិករប្រឈមនឹងគ្រោះរាំងស្ងួត",
    "តុលាការពិចារណាករណីដីធ្លី", "អ្នកនេសាទបារម្ភពីទំនប់",
]  # fmt: skip
QUOTES = [
    "We will not give up our land",
    "The company never asked us before the machines came",
    "Our wages do not cover the rent any more",
    "The ministry is studying the complaint and will answer soon",
    "We only want the court to listen to the families",
    "Nobody told us the water would rise this high",
]
BODY_VARIANTS = 60
# The desk's work in progress, the same for any archive size.
DRAFTS = 40
IN_REVIEW = 25
SCHEDULED = 10


def image_file(number):
    """A real JPEG, made here: a gradient with a few shapes, different for each number."""
    rng = random.Random(number)  # noqa: S311 (test data, not secrets)
    image = Image.new("RGB", (960, 640))
    draw = ImageDraw.Draw(image)
    top, bottom = [tuple(rng.randrange(40, 220) for _ in range(3)) for _ in range(2)]
    for y in range(640):
        share = y / 639
        draw.line(
            [(0, y), (959, y)],
            fill=tuple(int(a + (b - a) * share) for a, b in zip(top, bottom, strict=True)),
        )
    for _ in range(6):
        x, y = rng.randrange(0, 860), rng.randrange(0, 540)
        draw.ellipse([x, y, x + rng.randrange(30, 100), y + rng.randrange(30, 100)], fill="white")
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=80)
    return SimpleUploadedFile(f"load-{number}.jpg", output.getvalue(), content_type="image/jpeg")


class Command(BaseCommand):
    help = (
        "Add a realistic archive of N stories (people, quotes, photos, sections, topics, "
        "bylines) for load tests, in batches with bulk_create."
    )

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, required=True, help="How many stories to add.")
        parser.add_argument("--batch", type=int, default=2000, help="Stories per batch.")
        parser.add_argument("--photos", type=int, default=12, help="Images in the photo pool.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed.")

    def handle(self, *args, stories, batch, photos, seed, **options):
        if not 0 < stories <= 2_000_000:
            raise CommandError("--stories must be between 1 and 2,000,000.")
        self.rng = random.Random(seed)  # noqa: S311 (test data, not secrets)
        self.run = uuid.uuid4().hex[:6]
        self.now = timezone.now()
        started = time.monotonic()
        # Numbers go on from the stories already there, so a second run adds
        # to the archive rather than to the desk.
        self.offset = Article.objects.count()
        with transaction.atomic():
            self.editor = self.load_editor()
            self.sections = self.load_sections()
            self.topics = self.load_topics()
            self.people = self.load_people(count=min(max(stories // 20, 100), 5000))
            self.organizations = self.load_organizations()
            self.photos = self.load_photos(photos)
        self.bodies = self.body_variants()
        made = 0
        while made < stories:
            size = min(batch, stories - made)
            with transaction.atomic():
                self.load_stories(first=made, count=size)
            made += size
            if options["verbosity"] > 1 or made == stories:
                self.stdout.write(f"{made} stories in {time.monotonic() - started:.0f} s")
        # The query planner's statistics, as a database grown by use would
        # have them (PostgreSQL's autovacuum keeps them; SQLite has none).
        update_statistics()
        # bulk_create sends no signals: readers' pages are made afresh.
        pagecache.start_new_version()
        self.stdout.write(
            f"Added {stories} stories, {len(self.people)} people and {len(self.photos)} photos "
            f"in {time.monotonic() - started:.1f} s."
        )

    def load_editor(self):
        editor, created = User.objects.get_or_create(
            username="load-editor", defaults={"is_staff": True, "email": "load@example.org"}
        )
        if created:
            editor.set_unusable_password()
            editor.save()
            group = Group.objects.filter(name="Editors").first()
            if group:
                editor.groups.add(group)
        return editor

    def load_sections(self):
        sections = []
        for position, (name, name_km) in enumerate(SECTIONS):
            section, _ = Section.objects.get_or_create(
                slug=name.lower(), defaults={"name": name, "name_km": name_km, "position": position}
            )
            sections.append(section)
        return sections

    def load_topics(self):
        return [
            Topic.objects.get_or_create(
                slug=name.lower().replace(" ", "-"), defaults={"name": name}
            )[0]
            for name in TOPICS
        ]

    def load_people(self, *, count):
        people = []
        for number in range(count):
            family = self.rng.choice(FAMILY_NAMES)
            given = self.rng.choice(GIVEN_NAMES)
            people.append(
                Person(
                    name=f"{family} {given} {number}",
                    short_name=given,
                    slug=f"{family}-{given}-{self.run}-{number}".lower(),
                    bio="Speaks for families in land disputes.",
                    birth_year=self.rng.randrange(1950, 2000),
                )
            )
        return Person.objects.bulk_create(people, batch_size=1000)

    def load_organizations(self):
        organizations = [
            Organization(
                name=f"{subject.title()} Alliance {self.run} {number}",
                slug=f"{subject.replace(' ', '-')}-alliance-{self.run}-{number}",
            )
            for number, subject in enumerate(SUBJECTS)
        ]
        return Organization.objects.bulk_create(organizations)

    def load_photos(self, count):
        photographers = self.people[:5]
        return [
            create_photograph(
                image=image_file(number),
                caption=(
                    f"Villagers gather outside the provincial court in "
                    f"{PLACES[number % len(PLACES)]}, May {number % 28 + 1}, 2024."
                ),
                alt_text="People stand in front of a low building holding papers.",
                credit_agency="CamboJA",
                photographer=photographers[number % len(photographers)],
            )
            for number in range(count)
        ]

    def body_variants(self):
        """A pool of bodies, each with quotes, a placed photo and its rendered HTML."""
        variants = []
        for number in range(BODY_VARIANTS):
            place = PLACES[number % len(PLACES)]
            paragraphs = [
                f"{place} — Families gathered on Monday as the dispute entered its "
                f"{number % 9 + 2}th year.",
                "[photo 1]",
            ]
            for quote in self.rng.sample(QUOTES, 4):
                paragraphs.append(f"“{quote},” said {self.rng.choice(GIVEN_NAMES)}.")
                paragraphs.append(
                    "Officials did not respond to requests for comment by the time of publication."
                )
            text = "\n\n".join(paragraphs)
            variants.append((text, story_body.render(text)))
        return variants

    def story_state(self, number):
        """
        Status, publish time and approval of story ``number``. A newsroom's
        desk holds a few dozen drafts, stories in review and scheduled ones
        whatever the size of its archive; the archive itself is published,
        with a few stories taken down.
        """
        years = datetime.timedelta(days=3650)
        moment = self.now - years * self.rng.random() - datetime.timedelta(minutes=5)
        if number < DRAFTS:
            return Article.Status.DRAFT, None, False
        if number < DRAFTS + IN_REVIEW:
            return Article.Status.IN_REVIEW, None, False
        if number < DRAFTS + IN_REVIEW + SCHEDULED:
            future = self.now + datetime.timedelta(hours=self.rng.randrange(1, 72))
            return Article.Status.PUBLISHED, future, True
        if self.rng.random() < 0.005:
            return Article.Status.UNPUBLISHED, moment, False
        return Article.Status.PUBLISHED, moment, True

    def load_stories(self, *, first, count):
        rng = self.rng
        articles = []
        for number in range(first, first + count):
            status, published_at, approved = self.story_state(self.offset + number)
            khmer = rng.random() < 0.15
            if khmer:
                headline = f"{rng.choice(KHMER_HEADLINES)} {number}"
            else:
                headline = (
                    f"{rng.choice(PLACES)} {rng.choice(SUBJECTS)} {rng.choice(EVENTS)} ({number})"
                )
            text, html = rng.choice(self.bodies)
            local = timezone.localtime(published_at or self.now)
            articles.append(
                Article(
                    headline=headline,
                    slug=f"load-{self.run}-{number}",
                    month=datetime.date(local.year, local.month, 1),
                    standfirst="Families say they were never consulted about the project.",
                    body=text,
                    body_html=html,
                    dateline=rng.choice(PLACES),
                    language="km" if khmer else "en",
                    section=rng.choice(self.sections),
                    lead_photo=rng.choice(self.photos),
                    status=status,
                    published_at=published_at,
                    is_featured=rng.random() < 0.01,
                    submitted_at=self.now if status == Article.Status.IN_REVIEW else None,
                    approved_by=self.editor if approved else None,
                    approved_at=published_at if approved else None,
                )
            )
        articles = Article.objects.bulk_create(articles)
        # Half the Khmer stories are translations of an English story.
        english = [article for article in articles if article.language == "en"]
        translations = [article for article in articles if article.language == "km"][::2]
        translations = translations[: len(english)]
        originals = rng.sample(english, len(translations))
        for translation, original in zip(translations, originals, strict=True):
            translation.translation_of = original
        Article.objects.bulk_update(translations, ["translation_of"], batch_size=500)
        bylines, quotes, placements, topics, named = [], [], [], [], []
        journalists = self.people[:30]
        speakers = self.people[30:] or self.people
        minister = self.people[-1]
        for article in articles:
            for position, person in enumerate(rng.sample(journalists, rng.choice((1, 1, 2)))):
                bylines.append(Byline(article=article, person=person, position=position))
            chosen = rng.sample(speakers, rng.randrange(3, 7))
            if rng.random() < 0.1 and minister not in chosen:
                chosen[0] = minister
            for position, speaker in enumerate(chosen, start=1):
                quotes.append(
                    Quote(
                        article=article,
                        text=rng.choice(QUOTES),
                        speaker=speaker,
                        speaker_role="a villager" if speaker != minister else "minister",
                        position=position,
                        paragraph=position + 2,
                    )
                )
                named.append(Article.people.through(article=article, person=speaker))
            if rng.random() < 0.5:
                placements.append(
                    ArticlePhoto(article=article, photograph=rng.choice(self.photos), position=1)
                )
            for topic in rng.sample(self.topics, rng.choice((1, 2))):
                topics.append(Article.topics.through(article=article, topic=topic))
        Byline.objects.bulk_create(bylines, batch_size=2000)
        Quote.objects.bulk_create(quotes, batch_size=2000)
        ArticlePhoto.objects.bulk_create(placements, batch_size=2000)
        Article.topics.through.objects.bulk_create(topics, batch_size=2000)
        Article.people.through.objects.bulk_create(named, batch_size=2000)
