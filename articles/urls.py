from django.urls import path

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.archive, name="archive"),
    path(
        "articles/<yyyy:year>/<mm:month>/<uslug:slug>/",
        views.article_detail,
        name="article_detail",
    ),
    path("sections/<uslug:slug>/", views.section_detail, name="section_detail"),
    path("topics/<uslug:slug>/", views.topic_detail, name="topic_detail"),
    path("search/", views.search, name="search"),
    path("corrections/", views.correction_list, name="correction_list"),
    path("preview/<str:token>/", views.shared_preview, name="shared_preview"),
    path("feeds/latest/", feeds.LatestStoriesFeed(), name="feed_latest"),
    path("feeds/latest/atom/", feeds.LatestStoriesAtomFeed(), name="feed_latest_atom"),
    path("feeds/sections/<uslug:slug>/", feeds.SectionFeed(), name="feed_section"),
    path("feeds/sections/<uslug:slug>/atom/", feeds.SectionAtomFeed(), name="feed_section_atom"),
    path("feeds/authors/<uslug:slug>/", feeds.AuthorFeed(), name="feed_author"),
    path("feeds/authors/<uslug:slug>/atom/", feeds.AuthorAtomFeed(), name="feed_author_atom"),
    path("feeds/languages/<str:language>/", feeds.LanguageFeed(), name="feed_language"),
    path(
        "feeds/languages/<str:language>/atom/",
        feeds.LanguageAtomFeed(),
        name="feed_language_atom",
    ),
]
