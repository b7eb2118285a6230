"""Building the demo newsroom from the invented data."""

import dataclasses
import datetime
from collections import Counter

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from articles.models import (
    Article,
    ArticlePhoto,
    Byline,
    BylineRole,
    Correction,
    Language,
    Section,
    Topic,
)
from media.services import create_photograph
from people.models import (
    Affiliation,
    Organization,
    Person,
    PersonAlias,
)
from people.slugs import slugify
from quotes.models import Quote

from .data import (
    ALT_TEXT,
    ANONYMOUS,
    APPROVED,
    FILE_PHOTOS,
    FREELANCE_AGENCY,
    IN_REVIEW,
    KHMER_DIGITS,
    KHMER_MONTHS,
    KHMER_STORIES,
    ORGANIZATIONS,
    PEOPLE,
    PUBLISHED,
    SECTIONS,
    SEED,
    SHIRT_KM,
    STAFF,
    STAFF_AGENCY,
    STORIES,
    TOPICS,
    UNPUBLISHED,
    VOICES,
    PersonSeed,
)
from .pictures import SHIRTS, render_photo

# -- Words ------------------------------------------------------------------


def english_date(day):
    return f"{day:%B} {day.day}, {day.year}"


def khmer_date(day):
    return f"ថ្ងៃទី{day.day} ខែ{KHMER_MONTHS[day.month - 1]} ឆ្នាំ{day.year}".translate(KHMER_DIGITS)


@dataclasses.dataclass
class Speaker:
    """Someone quoted in one story, and how that story refers to them."""

    person: Person | None
    seed: PersonSeed | None
    voice: str
    gender: str
    first: str  # First reference: "Chea Sokha, executive director of …".
    later: str  # Later references: "Sokha", or "the official".
    role: str = ""
    anonymous: str = ""
    named: bool = True


def capitalize(text):
    return text[:1].upper() + text[1:]


def quoted(text, end):
    """``text`` in curly quotes, closing with ``end`` unless it carries its own."""
    if text[-1] in "?!":
        return f"“{text}”"
    return f"“{text}{end}”"


def english_paragraph(rng, speaker, text, *, introduced, previous, weekday):
    """A paragraph carrying one quote, attributed in news style."""
    pronoun = "she" if speaker.gender == "f" else "he"
    if previous is speaker:
        return rng.choice(
            [f"{quoted(text, ',')} {pronoun} added.", f"{quoted(text, ',')} {pronoun} said."]
        )
    if speaker.anonymous:
        if introduced:
            return f"{quoted(text, ',')} {speaker.later} said."
        return f"{quoted(text, ',')} said {speaker.anonymous}."
    if introduced:
        return rng.choice(
            [
                f"{quoted(text, ',')} {speaker.later} said.",
                f"{quoted(text, ',')} said {speaker.later}.",
                f"{speaker.later} added: {quoted(text, '.')}",
            ]
        )
    return rng.choice(
        [
            f"{quoted(text, ',')} said {speaker.first}.",
            f"{quoted(text, ',')} {speaker.first}, said.",
            f"{speaker.first}, said on {weekday}: {quoted(text, '.')}",
        ]
    )


def khmer_paragraph(rng, speaker, text, *, introduced, previous, weekday):
    honorific = "លោកស្រី" if speaker.gender == "f" else "លោក"
    if not introduced:
        return f"{honorific} {speaker.first} បាននិយាយថា “{text}”។"
    verb = "បន្តថា" if previous is speaker else rng.choice(["បាននិយាយថា", "បន្តថា"])
    return f"{honorific} {speaker.later} {verb} “{text}”។"


# -- Building ---------------------------------------------------------------


class DemoNewsroom:
    """Builds the demo content into an empty archive."""

    def __init__(self, *, staff, rng, today):
        self.staff = staff  # username -> User
        self.rng = rng
        self.today = today
        self.sections = {}
        self.topics = {}
        self.organizations = {}
        self.people = {}
        self.file_photos = {}
        self.section_photos = {}  # section slug -> photos taken for its stories
        self.stories = {}
        self.photo_seed = 0
        self.stored_files = []

    def build(self):
        self.make_sections()
        self.make_topics()
        self.make_organizations()
        self.make_people()
        self.make_file_photos()
        for spec in STORIES:
            self.make_story(spec)
        for spec in STORIES:
            if spec.translation:
                self.make_translation(spec)
        for spec in KHMER_STORIES:
            self.make_story(spec, language=Language.KHMER)

    # Reference data -------------------------------------------------------

    def make_sections(self):
        for position, (slug, name, name_km, description) in enumerate(SECTIONS, start=1):
            self.sections[slug], _ = Section.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "name_km": name_km,
                    "description": description,
                    "position": position,
                },
            )

    def make_topics(self):
        for slug, name, name_km in TOPICS:
            self.topics[slug], _ = Topic.objects.get_or_create(
                slug=slug, defaults={"name": name, "name_km": name_km}
            )

    def make_organizations(self):
        for key, fields in ORGANIZATIONS.items():
            self.organizations[key], _ = Organization.objects.get_or_create(
                slug=slugify(fields["name"]), defaults=fields
            )

    def make_people(self):
        for staff in STAFF:
            if staff.person:
                user = self.staff[staff.username]
                self.people[staff.username] = getattr(user, "person", None) or make_person(
                    staff.person
                )
        for key, seed in PEOPLE.items():
            self.people[key] = make_person(seed)

    def person_seed(self, key):
        if key in PEOPLE:
            return PEOPLE[key]
        return next(staff.person for staff in STAFF if staff.username == key)

    # Photographs -----------------------------------------------------------

    def photograph(self, *, scene, caption, alt_text, place, day, photographer_key, **options):
        self.photo_seed += 1
        photographer = self.people[photographer_key]
        uploaded_by = self.staff.get(photographer_key, self.staff["editor"])
        agency = STAFF_AGENCY if photographer.user_id else FREELANCE_AGENCY
        image = render_photo(scene, SEED * 1000 + self.photo_seed, **options)
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
        self.stored_files.append(photograph.image.name)
        return photograph

    def remove_files(self):
        for name in self.stored_files:
            default_storage.delete(name)

    def make_file_photos(self):
        for number, (section, (scene, what, place)) in enumerate(FILE_PHOTOS.items()):
            day = self.today - datetime.timedelta(days=120 + 37 * number)
            self.file_photos[section] = self.photograph(
                scene=scene,
                caption=f"{what}, {english_date(day)}.",
                alt_text=ALT_TEXT[scene],
                place=place,
                day=day,
                photographer_key="journalist2" if number % 2 else "long_narith",
            )

    def story_photos(self, spec, speakers, day, photographer_key, language):
        """The story's own pictures: the scene it reports, then a portrait."""
        scene, what, place, *khmer_alt = spec.photo
        date_text = khmer_date(day) if language == Language.KHMER else english_date(day)
        end = "។" if language == Language.KHMER else "."
        separator = " " if language == Language.KHMER else ", "
        scene_photo = self.photograph(
            scene=scene,
            caption=f"{what}{separator}{date_text}{end}",
            alt_text=khmer_alt[0] if khmer_alt else ALT_TEXT[scene],
            place=place,
            day=day,
            photographer_key=photographer_key,
        )
        sitter = next(speaker for speaker in speakers if speaker.named)
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
            elif place in seed.role:
                where = f"poses for a portrait near {'her' if seed.gender == 'f' else 'his'} home"
            else:
                where = f"poses for a portrait in {place}"
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
            place=place,
            day=day,
            photographer_key=photographer_key,
            shirt=shirt,
            long_hair=seed.gender == "f",
        )
        if sitter.person.portrait_id is None:
            sitter.person.portrait = portrait_photo
            sitter.person.save(update_fields=["portrait"])
        return scene_photo, portrait_photo

    # Stories ---------------------------------------------------------------

    def speakers(self, spec, language):
        """The story's cast as Speakers, with later references that stay unambiguous."""
        cast = []
        for key in spec.cast:
            if key.startswith("anon:"):
                description, later, gender, voice = ANONYMOUS[key.removeprefix("anon:")]
                cast.append(
                    Speaker(
                        person=None,
                        seed=None,
                        voice=voice,
                        gender=gender,
                        first=description,
                        later=later,
                        anonymous=description,
                        named=False,
                    )
                )
                continue
            seed = self.person_seed(key)
            if language == Language.KHMER:
                name = seed.name_km or seed.name
                later = name.split()[-1]
                role = seed.role_km
            else:
                name, later, role = seed.name, seed.short, seed.role
            cast.append(
                Speaker(
                    person=self.people[key],
                    seed=seed,
                    voice=seed.voice,
                    gender=seed.gender,
                    first=f"{name}, {role}" if language == Language.ENGLISH else f"{name} {role}",
                    later=later,
                    role=role,
                )
            )
        # Two people who share a short name keep their full names throughout.
        shared = Counter(speaker.later for speaker in cast if speaker.named)
        for speaker in cast:
            if speaker.named and shared[speaker.later] > 1:
                if language == Language.KHMER:
                    speaker.later = speaker.seed.name_km or speaker.seed.name
                else:
                    speaker.later = speaker.seed.name
        return cast

    def pick_quotes(self, spec, cast):
        """Draw ``spec.quotes`` quotes from the speakers' voices, lead speaker first."""
        wanted = spec.quotes
        pools = {}
        for speaker in cast:
            if speaker.voice not in pools:
                lines = [
                    capitalize(text.format(actor=spec.actor, issue=spec.issue))
                    for section, text in VOICES[speaker.voice]
                    if section in {None, spec.section}
                ]
                self.rng.shuffle(lines)
                pools[speaker.voice] = lines
        weights = {id(speaker): max(1, 4 - index) for index, speaker in enumerate(cast)}
        heard = Counter()
        picked = []
        for number in range(wanted):
            available = [speaker for speaker in cast if pools[speaker.voice]]
            if not available:
                break
            unheard = [speaker for speaker in available if not heard[id(speaker)]]
            if number == 0:
                speaker = available[0]
            elif unheard and (wanted - number <= len(unheard) or self.rng.random() < 0.35):
                speaker = unheard[0]
            else:
                recent = [s for s, _ in picked[-2:]]
                choices = [
                    s for s in available if not (len(recent) == 2 and recent[0] is recent[1] is s)
                ] or available
                speaker = self.rng.choices(choices, [weights[id(s)] for s in choices])[0]
            heard[id(speaker)] += 1
            picked.append((speaker, pools[speaker.voice].pop()))
        return picked

    def compose(self, *, lede, background, picked, photo_count, pull_quotes, language, day):
        """
        The Markdown body and, for each quote, the number of its paragraph.
        Background paragraphs are spread between the quotes, photo markers
        between the paragraphs, and each pull quote follows its paragraph.
        """
        weekday = f"{day:%A}"
        write = khmer_paragraph if language == Language.KHMER else english_paragraph
        quote_blocks = []
        introduced = set()
        previous = None
        for speaker, text in picked:
            quote_blocks.append(
                write(
                    self.rng,
                    speaker,
                    text,
                    introduced=id(speaker) in introduced,
                    previous=previous,
                    weekday=weekday,
                )
            )
            introduced.add(id(speaker))
            previous = speaker
        blocks = [("text", lede.format(weekday=weekday), None)]
        after = {}
        for index, item in enumerate(background):
            place = max(1, round((index + 1) * len(quote_blocks) / (len(background) + 1)))
            after.setdefault(place, []).extend(item if isinstance(item, tuple) else [item])
        for index, paragraph in enumerate(quote_blocks, start=1):
            blocks.append(("text", paragraph, index))
            for text in after.get(index, ()):
                blocks.append(("text", text.format(weekday=weekday), None))
        # A marker goes before the block at its place, never after the last
        # paragraph; markers go in from the end, so earlier places stay put.
        last = len(blocks) - 1
        markers = []
        for number in range(1, photo_count + 1):
            place = round(number * len(blocks) / (photo_count + 1)) + 1
            markers.append((min(place, last), f"[photo {number}]"))
        for position in pull_quotes:
            index = next(i for i, block in enumerate(blocks) if block[2] == position)
            markers.append((min(index + 2, last), f"[quote {position}]"))
        for place, marker in sorted(markers, reverse=True):
            blocks.insert(place, ("marker", marker, None))
        paragraphs = {}
        number = 0
        for kind, _, quote in blocks:
            if kind == "text":
                number += 1
                if quote:
                    paragraphs[quote] = number
        return "\n\n".join(text for _, text, _ in blocks), paragraphs

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
        cast = self.speakers(spec, language)
        if isinstance(spec.quotes, int):
            picked = self.pick_quotes(spec, cast)
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
        cast = self.speakers(spec, Language.KHMER)
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
        body, paragraphs = self.compose(
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
            affiliation[0]
            for speaker in cast
            if speaker.named
            for affiliation in speaker.seed.affiliations
            if affiliation[4] is None
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


def make_person(seed, *, user=None):
    person, created = Person.objects.get_or_create(
        slug=slugify(seed.name),
        defaults={
            "name": seed.name,
            "name_km": seed.name_km,
            "short_name": seed.short,
            "bio": seed.bio,
            "birth_year": seed.born,
            "home_province": seed.province,
            "gender": seed.gender,
            "user": user,
        },
    )
    if created:
        for alias in seed.aliases:
            PersonAlias.objects.create(person=person, name=alias)
        organizations = {}
        for position, (key, title, unit, start, end) in enumerate(seed.affiliations):
            if key not in organizations:
                organizations[key] = Organization.objects.get(
                    slug=slugify(ORGANIZATIONS[key]["name"])
                )
            Affiliation.objects.create(
                person=person,
                organization=organizations[key],
                title=title,
                unit=unit,
                start_date=start,
                end_date=end,
                position=len(seed.affiliations) - position,
            )
    return person
