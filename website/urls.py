import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from search import views as search_views
from website.feeds import AtomPublicationFeed, AtomStoryFeed, PublicationFeed, StoryFeed
from website.health import healthz
from website.media import serve_media
from website.sitemaps import robots_txt, sitemap
from website.views import (
    authenticate_with_document_password,
    authenticate_with_password,
    root_redirect,
)

urlpatterns = [
    # No language prefix, no redirect to HTTPS (SECURE_REDIRECT_EXEMPT): for probes.
    path("healthz", healthz, name="healthz"),
    # `/`: the home page in the visitor's language when it is published in it.
    path("", root_redirect, name="root_redirect"),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password form of a protected collection, with wrong passwords
    # limited (website/views.py); before Wagtail's route to the same view.
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        authenticate_with_document_password,
    ),
    path("documents/", include(wagtaildocs_urls)),
    # Every readable page of the request's site, in every language.
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if settings.SERVE_MEDIA:
    # Images and renditions only (website/media.py): documents are served by
    # Wagtail's view (collection privacy, attachment headers), never straight
    # from MEDIA_ROOT.
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", serve_media)]

# Public pages carry their language in the URL: /en/news/…, /ru/news/…
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    # The site's stories in this language, and a topic's (website/feeds.py).
    path("feeds/rss/", StoryFeed(), name="feed_rss"),
    path("feeds/atom/", AtomStoryFeed(), name="feed_atom"),
    path("feeds/topics/<str:topic_slug>/rss/", StoryFeed(), name="topic_feed_rss"),
    path("feeds/topics/<str:topic_slug>/atom/", AtomStoryFeed(), name="topic_feed_atom"),
    # The site's publications in this language.
    path("feeds/publications/rss/", PublicationFeed(), name="publications_feed_rss"),
    path("feeds/publications/atom/", AtomPublicationFeed(), name="publications_feed_atom"),
    # Reports by e-mail: sign up, confirm, unsubscribe (subscriptions/urls.py).
    path("subscribe/", include("subscriptions.urls")),
    # Wagtail's password form of a protected page (wagtail.urls), with wrong
    # passwords limited (website/views.py): its address, matched first.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
