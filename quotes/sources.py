"""
The sources dashboard: whose voices the newsroom carries, counted from quotes.

Every quote counts once, for its speaker as they were when the story ran:
their gender, the kind of organization they spoke for (their role current
on the story's date), their home province, the story's section and month.
Unnamed sources are counted apart: the story does not say who they are.
"""

import collections
import dataclasses
import datetime

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people.choices import Gender, OrganizationKind, Province
from people.models import Affiliation

# What kind of voice each kind of organization is.
VOICES = {
    OrganizationKind.MINISTRY: "government",
    OrganizationKind.COURT: "government",
    OrganizationKind.PARTY: "party",
    OrganizationKind.NGO: "civil_society",
    OrganizationKind.UNION: "civil_society",
    OrganizationKind.INTERNATIONAL: "civil_society",
    OrganizationKind.ACADEMIC: "independent",
    OrganizationKind.MEDIA: "independent",
    OrganizationKind.COMPANY: "business",
    OrganizationKind.OTHER: "other",
}
VOICE_LABELS = {
    "government": _("Government and courts"),
    "party": _("Political parties"),
    "civil_society": _("Civil society: NGOs, unions, international groups"),
    "independent": _("Independent: researchers and media"),
    "business": _("Business"),
    "residents": _("Ordinary residents (no organization)"),
    "other": _("Other organizations"),
    "unnamed": _("Unnamed sources"),
}
UNNAMED = _("Unnamed sources")
NOT_RECORDED = _("Not recorded")


@dataclasses.dataclass
class Row:
    label: str
    count: int
    share: float  # Per cent of all quotes.


@dataclasses.dataclass
class SectionMonth:
    month: datetime.date
    section: str
    quotes: int
    women: int
    men: int

    @property
    def women_share(self):
        named = self.women + self.men
        return round(100 * self.women / named) if named else None


@dataclasses.dataclass
class Speaker:
    person: object
    quotes: int
    stories: int


@dataclasses.dataclass
class Report:
    total: int
    by_gender: list
    by_voice: list
    by_province: list
    by_section_month: list
    most_quoted: list


def _rows(counter, total, order=None):
    keys = order if order is not None else [key for key, _count in counter.most_common()]
    return [
        Row(str(key), counter[key], round(100 * counter[key] / total, 1) if total else 0.0)
        for key in keys
        if counter[key]
    ]


def story_date(quote):
    article = quote.article
    moment = article.published_at or article.created_at
    return quote.date_said or timezone.localtime(moment).date()


def voice_of(quote):
    """The kind of voice a quote carries, from the speaker's role on the day."""
    if quote.speaker is None:
        return "unnamed"
    day = story_date(quote)
    for affiliation in quote.speaker.affiliations.all():
        started = affiliation.start_date is None or affiliation.start_date <= day
        ongoing = affiliation.end_date is None or affiliation.end_date >= day
        if started and ongoing:
            return VOICES.get(affiliation.organization.kind, "other")
    return "residents"


def source_report(*, quotes, top=15):
    """Count ``quotes`` (a Quote queryset) every way the dashboard shows them."""
    quotes = quotes.select_related("speaker", "article__section").prefetch_related(
        Prefetch(
            "speaker__affiliations",
            queryset=Affiliation.objects.select_related("organization").order_by(
                "position", "-start_date", "pk"
            ),
        )
    )
    genders, voices, provinces = collections.Counter(), collections.Counter(), collections.Counter()
    months = collections.defaultdict(collections.Counter)
    speakers, speaker_stories, people = collections.Counter(), collections.defaultdict(set), {}
    total = 0
    gender_labels = dict(Gender.choices)
    province_labels = dict(Province.choices)
    for quote in quotes.iterator(chunk_size=2000):
        total += 1
        speaker = quote.speaker
        if speaker is None:
            genders[str(UNNAMED)] += 1
            provinces[str(UNNAMED)] += 1
        else:
            genders[str(gender_labels.get(speaker.gender, NOT_RECORDED))] += 1
            provinces[str(province_labels.get(speaker.home_province, NOT_RECORDED))] += 1
            speakers[speaker.pk] += 1
            speaker_stories[speaker.pk].add(quote.article_id)
            people[speaker.pk] = speaker
        voices[voice_of(quote)] += 1
        article = quote.article
        section = article.section.name if article.section_id else str(_("No section"))
        bucket = months[(article.month, section)]
        bucket["quotes"] += 1
        if speaker is not None and speaker.gender in {Gender.FEMALE, Gender.MALE}:
            bucket[speaker.gender] += 1
    gender_order = [str(label) for _value, label in Gender.choices] + [
        str(NOT_RECORDED),
        str(UNNAMED),
    ]
    return Report(
        total=total,
        by_gender=_rows(genders, total, gender_order),
        by_voice=[
            Row(str(VOICE_LABELS[key]), row.count, row.share)
            for key in VOICE_LABELS
            for row in _rows(voices, total, [key])
        ],
        by_province=_rows(provinces, total),
        by_section_month=[
            SectionMonth(
                month=month,
                section=section,
                quotes=counts["quotes"],
                women=counts[Gender.FEMALE],
                men=counts[Gender.MALE],
            )
            for (month, section), counts in sorted(
                months.items(), key=lambda item: (-item[0][0].toordinal(), item[0][1])
            )
        ],
        most_quoted=[
            Speaker(people[pk], count, len(speaker_stories[pk]))
            for pk, count in speakers.most_common(top)
        ],
    )
