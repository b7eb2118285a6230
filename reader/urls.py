"""The readers' site, in English at the root and in Khmer under /km/ (``newsroom.urls``)."""

from django.urls import path

from . import feeds
from .views import home, listings, live, photos, profiles, stories

app_name = "reader"

urlpatterns = [
    path("", home.home, name="home"),
    path("articles/", listings.archive, name="archive"),
    path(
        "articles/<yyyy:year>/<mm:month>/<uslug:slug>/",
        stories.article_detail,
        name="article_detail",
    ),
    path(
        "articles/<yyyy:year>/<mm:month>/<uslug:slug>/updates/",
        live.live_updates,
        name="live_updates",
    ),
    path(
        "articles/<yyyy:year>/<mm:month>/<uslug:slug>/updates/feed/",
        feeds.cached(feeds.LiveUpdatesFeed()),
        name="live_updates_feed",
    ),
    path("sections/<uslug:slug>/", listings.section_detail, name="section_detail"),
    path("topics/<uslug:slug>/", listings.topic_detail, name="topic_detail"),
    path("search/", listings.search, name="search"),
    path("corrections/", listings.correction_list, name="correction_list"),
    path("people/<uslug:slug>/", profiles.person_detail, name="person_detail"),
    path("organizations/<uslug:slug>/", profiles.organization_detail, name="organization_detail"),
    path("photos/", photos.photo_list, name="photo_list"),
    path("photos/<int:pk>/", photos.photo_detail, name="photo_detail"),
    path("feeds/latest/", feeds.cached(feeds.LatestStoriesFeed()), name="feed_latest"),
    path(
        "feeds/latest/atom/", feeds.cached(feeds.LatestStoriesAtomFeed()), name="feed_latest_atom"
    ),
    path("feeds/sections/<uslug:slug>/", feeds.cached(feeds.SectionFeed()), name="feed_section"),
    path(
        "feeds/sections/<uslug:slug>/atom/",
        feeds.cached(feeds.SectionAtomFeed()),
        name="feed_section_atom",
    ),
    path("feeds/authors/<uslug:slug>/", feeds.cached(feeds.AuthorFeed()), name="feed_author"),
    path(
        "feeds/authors/<uslug:slug>/atom/",
        feeds.cached(feeds.AuthorAtomFeed()),
        name="feed_author_atom",
    ),
    path(
        "feeds/languages/<str:language>/", feeds.cached(feeds.LanguageFeed()), name="feed_language"
    ),
    path(
        "feeds/languages/<str:language>/atom/",
        feeds.cached(feeds.LanguageAtomFeed()),
        name="feed_language_atom",
    ),
]
