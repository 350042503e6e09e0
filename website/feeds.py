"""RSS 2.0 and Atom feeds of a site's stories, per language and per topic.

Addresses (under the language prefix, on each site's own hostname):

- ``/<lang>/feeds/rss/`` and ``/<lang>/feeds/atom/``: the site's newest stories;
- ``/<lang>/feeds/topics/<slug>/rss/`` and ``…/atom/``: those of one topic
  (the English slug, the one the news index filters by: ``?topic=<slug>``).

A feed holds what the site's news index lists (newsroom.listings): its own
stories and those shared with it (every mission's on the regional site), live,
public and not expired, in the address's language only. Each item links to the
story's one canonical address, on the site that owns it, names that mission
as its author, and carries the story's share image as ``media:content``.

A language the site is not published in, or an unknown topic, is a 404. Query
strings are ignored. Feeds are stored in the page cache like pages
(website/cache_middleware.py caches RSS and Atom responses) and made stale by
the same content generation, so a publish shows in them at once.
"""

import mimetypes
import re

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext

from newsroom import listings
from newsroom.cards import fetch_renditions
from newsroom.models import NewsItemPage
from website import structured_data
from website.sites import get_site_root
from website.templatetags.site_tags import plain_text

FEED_ITEMS = 20
MEDIA_NAMESPACE = "http://search.yahoo.com/mrss/"


class MediaRssFeed(Rss201rev2Feed):
    """RSS 2.0 with the story's picture as Media RSS (no byte length needed,
    unlike ``<enclosure>``)."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_NAMESPACE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        add_media_content(handler, item)


class MediaAtomFeed(Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NAMESPACE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        add_media_content(handler, item)


def add_media_content(handler, item):
    image = item.get("image")
    if not image:
        return
    attributes = {"url": image["url"], "medium": "image"}
    if image.get("type"):
        attributes["type"] = image["type"]
    if image.get("width"):
        attributes["width"] = str(image["width"])
        attributes["height"] = str(image["height"])
    handler.startElement("media:content", attributes)
    if image.get("alt"):
        handler.addQuickElement("media:description", image["alt"], {"type": "plain"})
    handler.endElement("media:content")


class FeedSource:
    """What one feed shows: the site's home page and news index in the
    address's language, the topic (if any), and the stories."""

    def __init__(self, request, home, topic=None, specific=True):
        self.request = request
        self.home = home
        self.topic = topic
        index = listings.news_index_of(home)
        # The links in a page's head need the index's title only, which the
        # request's frame holds: no query.
        self.index = index.specific if index is not None and specific else index


class StoryFeed(Feed):
    """The newest stories of the request's site in the active language."""

    feed_type = MediaRssFeed
    url_name = "feed_rss"

    # --- The feed -----------------------------------------------------------------

    def get_object(self, request, topic_slug=None):
        home = home_for_request(request)
        topic = None
        if topic_slug is not None:
            # Not a slug (e.g. a NUL byte, which PostgreSQL refuses): no such topic.
            if not re.fullmatch(r"[-\w]{1,255}", topic_slug):
                raise Http404("There is no such topic.")
            topic = listings.find_topic(topic_slug, home.locale_id)
            if topic is None:
                raise Http404("There is no such topic.")
        return FeedSource(request, home, topic)

    def title(self, source):
        name = source.index.title if source.index is not None else gettext("News")
        parts = [source.topic.name] if source.topic is not None else []
        return " – ".join([*parts, name, source.home.title])

    def link(self, source):
        page = source.index or source.home
        url = page.get_full_url(source.request)
        if source.topic is not None and source.index is not None:
            url = f"{url}?topic={source.topic.slug}"
        return url

    def description(self, source):
        if source.topic is not None and source.topic.description:
            return source.topic.description
        if source.index is not None:
            text = source.index.search_description or plain_text(source.index.intro).strip()
            if text:
                return text
        return gettext("The latest stories of %(site)s") % {"site": source.home.title}

    def subtitle(self, source):
        return self.description(source)

    def feed_url(self, source):
        kwargs = {"topic_slug": source.topic.slug} if source.topic is not None else {}
        name = f"topic_{self.url_name}" if source.topic is not None else self.url_name
        return source.request.build_absolute_uri(reverse(name, kwargs=kwargs))

    def author_name(self, source):
        return source.home.title

    def items(self, source):
        stories = NewsItemPage.objects.readable().listed_on(source.home)
        if source.topic is not None:
            filters = listings.StoryFilters(topic=source.topic.slug)
            stories = filters.apply(stories, source.home.locale_id)
        items = listings.decorate(stories.for_cards(topics=True).newest(FEED_ITEMS), topics=True)
        fetch_renditions(items)
        for story in items:
            story.feed_link = story.get_full_url(source.request)
            story.feed_image = feed_image(story, source.request)
        return items

    # --- Its items ----------------------------------------------------------------

    def item_title(self, story):
        return story.title

    def item_description(self, story):
        return story.summary

    def item_link(self, story):
        return story.feed_link

    def item_guid(self, story):
        return story.feed_link

    def item_guid_is_permalink(self, story):
        return True

    def item_pubdate(self, story):
        return structured_data.published_at(story)

    def item_updateddate(self, story):
        return structured_data.modified_at(story) or structured_data.published_at(story)

    def item_author_name(self, story):
        return story.mission_name or None

    def item_categories(self, story):
        return [topic.name for topic in story.localized_topics]

    def item_extra_kwargs(self, story):
        return {"image": story.feed_image}


class AtomStoryFeed(StoryFeed):
    feed_type = MediaAtomFeed
    url_name = "feed_atom"


def home_for_request(request):
    """The live home page of the request's site in the active language; a 404
    when the site is not published in it."""
    language = translation.get_language()
    for home in get_site_root(request).translations:
        if home.locale.language_code == language:
            return home
    raise Http404("This site is not published in this language.")


def feed_image(story, request):
    """The story's share image for its feed item, or None."""
    if not story.lead_image_id or story.lead_image is None:
        return None
    rendition = story.lead_image.get_rendition(structured_data.SHARE_IMAGE_FILTER)
    return {
        "url": structured_data.absolute_url(story, rendition.url, request),
        "type": _mime_type(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": story.lead_image_alt,
    }


def _mime_type(url):
    return mimetypes.guess_type(url)[0] or ""


def feed_links(request, topic=None):
    """The feeds to advertise on a page: [(type, title, url)]: the site's RSS
    and Atom feeds in the active language, and ``topic``'s (a news index
    filtered by a known topic: its ``feed_topic``). Empty when the site is
    not published in the active language."""

    try:
        home = home_for_request(request)
    except Http404:
        return []
    source = FeedSource(request, home, specific=False)
    title = StoryFeed().title(source)
    links = [
        ("application/rss+xml", f"{title} (RSS)", reverse("feed_rss")),
        ("application/atom+xml", f"{title} (Atom)", reverse("feed_atom")),
    ]
    if topic is not None:
        source.topic = topic
        title = StoryFeed().title(source)
        kwargs = {"topic_slug": topic.slug}
        links += [
            ("application/rss+xml", f"{title} (RSS)", reverse("topic_feed_rss", kwargs=kwargs)),
            (
                "application/atom+xml",
                f"{title} (Atom)",
                reverse("topic_feed_atom", kwargs=kwargs),
            ),
        ]
    return links


# --- Publications -------------------------------------------------------------------
# ``/<lang>/feeds/publications/rss/`` and ``…/atom/``: the newest publications
# the site's publications index lists (its own and those shared with it), each
# with its PDF files as enclosures (RSS allows one: the first file).


class PublicationFeedSource:
    def __init__(self, request, home):
        self.request = request
        self.home = home
        self.index = publications_index_of(home)


def publications_index_of(home):
    """The live, public publications index under ``home`` (specific), or None."""
    from newsroom.models import PublicationIndexPage
    from website.sites import public_q

    return (
        PublicationIndexPage.objects.child_of(home).live().filter(public_q()).order_by("path")
    ).first()


class PublicationFeed(Feed):
    """The newest publications of the request's site in the active language."""

    feed_type = Rss201rev2Feed
    url_name = "publications_feed_rss"
    all_files = False  # RSS items carry one enclosure

    def get_object(self, request):
        return PublicationFeedSource(request, home_for_request(request))

    def title(self, source):
        name = source.index.title if source.index is not None else gettext("Publications")
        return f"{name} – {source.home.title}"

    def link(self, source):
        return (source.index or source.home).get_full_url(source.request)

    def description(self, source):
        if source.index is not None:
            text = source.index.search_description or plain_text(source.index.intro).strip()
            if text:
                return text
        return gettext("The latest publications of %(site)s") % {"site": source.home.title}

    def subtitle(self, source):
        return self.description(source)

    def feed_url(self, source):
        return source.request.build_absolute_uri(reverse(self.url_name))

    def author_name(self, source):
        return source.home.title

    def items(self, source):
        from newsroom.models import PublicationPage

        items = listings.decorate(
            PublicationPage.objects.readable()
            .listed_on(source.home)
            .newest_first()
            .for_cards()[:FEED_ITEMS]
        )
        for publication in items:
            publication.feed_link = publication.get_full_url(source.request)
            publication.feed_files = [
                (structured_data.absolute_url(publication, file.url, source.request), file)
                for file in publication.shown_files()
            ]
        return items

    def item_title(self, publication):
        return f"{publication.title} ({publication.kind_name})"

    def item_description(self, publication):
        return publication.summary

    def item_link(self, publication):
        return publication.feed_link

    def item_guid(self, publication):
        return publication.feed_link

    def item_guid_is_permalink(self, publication):
        return True

    def item_pubdate(self, publication):
        return structured_data.published_at(publication)

    def item_updateddate(self, publication):
        return structured_data.modified_at(publication) or structured_data.published_at(publication)

    def item_author_name(self, publication):
        return publication.mission_name or None

    def item_categories(self, publication):
        return [str(publication.kind_name)]

    def item_enclosures(self, publication):
        files = publication.feed_files if self.all_files else publication.feed_files[:1]
        return [Enclosure(url, str(file.file_size or 0), "application/pdf") for url, file in files]


class AtomPublicationFeed(PublicationFeed):
    feed_type = Atom1Feed
    url_name = "publications_feed_atom"
    all_files = True


def publication_feed_links(request, index):
    """[(type, title, url)] of the site's publication feeds in the active
    language, for the publications ``index`` and its pages; empty when the
    site is not published in the language."""
    try:
        home = home_for_request(request)
    except Http404:
        return []
    title = f"{index.title} – {home.title}"
    return [
        ("application/rss+xml", f"{title} (RSS)", reverse("publications_feed_rss")),
        ("application/atom+xml", f"{title} (Atom)", reverse("publications_feed_atom")),
    ]
