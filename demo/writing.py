"""
How a demo story is written: dates in English and Khmer, who speaks and how
they are named, which quotes they say, and the body those quotes stand in.
"""

import dataclasses
from collections import Counter

from articles.models import Language
from people.models import Person
from people.names import KHMER_DIGITS, KHMER_MONTHS

from .seeds import ANONYMOUS, VOICES, PersonSeed, person_seed


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


def speakers(spec, language, *, people):
    """
    The story's cast as Speakers, with later references that stay unambiguous;
    ``people`` maps the cast's keys to their Person rows.
    """
    cast = []
    for key in spec.cast:
        if key.startswith("anon:"):
            source = ANONYMOUS[key.removeprefix("anon:")]
            cast.append(
                Speaker(
                    person=None,
                    seed=None,
                    voice=source.voice,
                    gender=source.gender,
                    first=source.description,
                    later=source.later,
                    anonymous=source.description,
                    named=False,
                )
            )
            continue
        seed = person_seed(key)
        if language == Language.KHMER:
            name = seed.name_km or seed.name
            later = name.split()[-1]
            role = seed.role_km
        else:
            name, later, role = seed.name, seed.short, seed.role
        cast.append(
            Speaker(
                person=people[key],
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


def pick_quotes(rng, spec, cast):
    """Draw ``spec.quotes`` quotes from the speakers' voices, lead speaker first."""
    wanted = spec.quotes
    pools = {}
    for speaker in cast:
        if speaker.voice not in pools:
            lines = [
                capitalize(text.format(actor=spec.actor, issue=spec.issue))
                for section, text in VOICES[speaker.voice]
                if section in {"any", spec.section}
            ]
            rng.shuffle(lines)
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
        elif unheard and (wanted - number <= len(unheard) or rng.random() < 0.35):
            speaker = unheard[0]
        else:
            recent = [s for s, _ in picked[-2:]]
            choices = [
                s for s in available if not (len(recent) == 2 and recent[0] is recent[1] is s)
            ] or available
            speaker = rng.choices(choices, [weights[id(s)] for s in choices])[0]
        heard[id(speaker)] += 1
        picked.append((speaker, pools[speaker.voice].pop()))
    return picked


def compose(rng, *, lede, background, picked, photo_count, pull_quotes, language, day):
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
                rng,
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
