"""
Search across stories, people and photos.

On PostgreSQL, stories and photo captions are matched with full-text search
(``websearch_to_tsquery``, so any text typed is a valid query) and ranked.
Stories are searched through their stored ``SearchDocument`` (kept by a
trigger, migration ``0010``), photos through the GIN index migration ``0004``
creates over exactly the vector below.
Khmer is written without spaces between words, so PostgreSQL's parser cannot
split it into words: a query in Khmer script, and every query on SQLite, is
matched as substrings, term by term, ranked by where the terms are found.
Substring matching uses an index too (migration ``0008``): trigram GIN indexes
on PostgreSQL, an FTS5 trigram table on SQLite, which finds the candidate
stories for terms of three characters or more before ``LIKE`` checks them.

People are few and their names short: they are matched as substrings of the
name, the Khmer name, the short name and the aliases, exact names first.
"""

import dataclasses
import functools
import re
import sqlite3
import unicodedata

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections, router
from django.db.models import BooleanField, Case, F, Func, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Greatest

from people.slugs import KHMER

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
PEOPLE_SHOWN = 10
PHOTOS_SHOWN = 12
SEARCH_CONFIG = "english"
# The FTS5 table migration 0008 keeps beside the stories on SQLite.
FTS_TABLE = "articles_article_fts"
TRIGRAM = 3
# The site search looks among the stories written last: a common word matches
# most of the archive, and finding, checking and ranking every match read
# every story's text (0.25 s for "court" at 100,000 stories). Listings page
# through the first 1,000 anyway; the archive's filter looks at every story.
SEARCH_WINDOW = 1200


def photo_vector():
    """The photos' search document. Migration 0004 indexes this same expression."""
    return SearchVector("caption", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "credit_agency", weight="B", config=SEARCH_CONFIG
    )


# Unicode's control characters (category Cc, which by Unicode's stability
# policy is exactly these 65), each made a space: one pass in C, not a
# lookup per character of a query that may be megabytes long.
CONTROLS_TO_SPACES = dict.fromkeys([*range(0x20), *range(0x7F, 0xA0)], " ")


def clean_query(text):
    """
    ``text`` made safe to search for: Unicode-normalized, without control
    characters (PostgreSQL refuses NUL), spaces collapsed, at most
    ``MAX_QUERY_LENGTH`` characters.
    """
    text = unicodedata.normalize("NFC", str(text)).translate(CONTROLS_TO_SPACES)
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def terms(query):
    """The words of ``query`` for substring matching, without quote marks and operators."""
    words = re.sub(r"[\"“”'‘’()]", " ", query).split()
    words = [word.lstrip("-+") for word in words]
    return [word for word in words if word][:MAX_TERMS]


def uses_full_text(queryset, query):
    alias = queryset.db or router.db_for_read(queryset.model)
    return connections[alias].vendor == "postgresql" and not KHMER.search(query)


def vendor(queryset):
    return connections[queryset.db or router.db_for_read(queryset.model)].vendor


@functools.cache
def sqlite_has_fts5_trigram():
    """Whether this SQLite has FTS5's trigram tokenizer, as migration 0008 checks."""
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE probe USING fts5(a, tokenize='trigram')")
    except sqlite3.Error:
        return False
    finally:
        probe.close()
    return True


def fts_candidates(query, window=None):
    """
    A condition limiting stories to those the SQLite FTS5 trigram index finds
    holding every term (with ``window``, the ``window`` written last), or
    None when a term is too short for it. It finds at least what ``LIKE``
    finds (it also folds non-ASCII case), so the ``LIKE`` condition still
    decides.
    """
    words = terms(query)
    if not words or any(len(word) < TRIGRAM for word in words):
        return None
    match = " AND ".join('"{}"'.format(word.replace('"', '""')) for word in words)
    sql, params = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match]  # noqa: S608
    if window is not None:
        # FTS5 reads its index backwards and stops: no need to find every match.
        sql, params = f"{sql} ORDER BY rowid DESC LIMIT %s", [*params, int(window)]
    # The terms are bound parameters; only the table's name is written in.
    return Q(pk__in=RawSQL(sql, params))  # noqa: S611


def substring_score(query, fields):
    """
    Keep rows holding every term in one of ``fields`` (name → weight); score
    each by the weights of the fields where each term is found.
    """
    condition = Q()
    score = Value(0)
    for term in terms(query):
        found = Q()
        for field, weight in fields.items():
            lookup = Q(**{f"{field}__icontains": term})
            found |= lookup
            score = score + Case(
                When(lookup, then=Value(weight)), default=Value(0), output_field=IntegerField()
            )
        condition &= found
    return condition, score


def stories(queryset, query, *, window=None):
    """
    ``queryset`` limited to stories matching ``query``, best matches first.
    With ``window``, only the ``window`` stories written last that hold the
    words are looked at.
    """
    if not terms(query):
        return queryset.none()
    if uses_full_text(queryset, query):
        from articles.models import SearchDocument

        search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
        documents = SearchDocument.objects.filter(document=search_query).values("article")
        if window is not None:
            documents, window = documents.order_by("-article")[:window], None
        matches = queryset.filter(pk__in=documents)
        rank = SearchRank(F("search_document__document"), search_query)
    else:
        condition, rank = substring_score(query, {"headline": 4, "standfirst": 2, "body": 1})
        candidates = None
        if vendor(queryset) == "sqlite" and sqlite_has_fts5_trigram():
            candidates = fts_candidates(query, window)
        if candidates is not None:
            matches, window = queryset.filter(candidates & condition), None
        else:
            matches = queryset.filter(condition)
    if window is not None:
        matches = queryset.filter(pk__in=matches.order_by("-pk").values("pk")[:window])
    return matches.annotate(rank=rank).order_by("-rank", "-published_at", "-pk")


def people(queryset, query):
    """People in ``queryset`` whose names or aliases hold every term of ``query``."""
    words = terms(query)
    if not words:
        return queryset.none()
    from people.models import PersonAlias

    condition = Q()
    for word in words:
        aliases = PersonAlias.objects.filter(name__icontains=word).values("person")
        condition &= (
            Q(name__icontains=word)
            | Q(name_km__icontains=word)
            | Q(short_name__icontains=word)
            | Q(pk__in=aliases)
        )
    rank = Case(
        When(Q(name__iexact=query) | Q(name_km=query), then=Value(4)),
        When(Q(name__istartswith=query) | Q(name_km__startswith=query), then=Value(3)),
        When(Q(short_name__iexact=words[0]), then=Value(2)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return queryset.filter(condition).annotate(rank=rank).order_by("-rank", "name")


def photographs(queryset, query):
    """Photographs in ``queryset`` whose caption or credit matches ``query``."""
    words = terms(query)
    if not words:
        return queryset.none()
    if uses_full_text(queryset, query):
        from people.models import Person

        search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
        # A protected source's photos are not found by their name.
        photographers = Person.objects.public()
        for word in words:
            photographers = photographers.filter(name__icontains=word)
        # "= ANY(ARRAY(…))" is computed once, so PostgreSQL can combine the
        # photographer index with the full-text index; "IN (SELECT …)" joined
        # by OR would scan every photo.
        by_photographer = AnyOf(F("photographer"), ArraySubquery(photographers.values("pk")))
        return (
            queryset.annotate(document=photo_vector())
            .filter(Q(document=search_query) | Q(by_photographer))
            .annotate(
                rank=Greatest(SearchRank(photo_vector(), search_query), Value(0.05)),
            )
            .order_by("-rank", "-created_at", "-pk")
        )
    # A protected source's photos are not found by their name.
    queryset = queryset.annotate(
        credited_name=Case(
            When(photographer__is_protected_source=False, then=F("photographer__name")),
            default=Value(""),
        )
    )
    condition, score = substring_score(
        query, {"caption": 3, "credit_agency": 2, "credited_name": 2}
    )
    return queryset.filter(condition).annotate(rank=score).order_by("-rank", "-created_at", "-pk")


class AnyOf(Func):
    """``AnyOf(value, array)``: ``value = ANY(array)``, true when the array holds the value."""

    template = "(%(expressions)s))"
    arg_joiner = " = ANY("
    output_field = BooleanField()


@dataclasses.dataclass
class Results:
    query: str
    stories: QuerySet
    people: list
    photographs: list


def search(query):
    """Everything published that matches ``query``: stories, people and photographs."""
    from articles.models import Article

    published = Article.objects.published()
    return Results(
        query=query,
        stories=stories(published, query, window=SEARCH_WINDOW).for_listing(),
        people=list(people(published.people(), query)[:PEOPLE_SHOWN]),
        photographs=list(photographs(published.photographs().for_listing(), query)[:PHOTOS_SHOWN]),
    )
