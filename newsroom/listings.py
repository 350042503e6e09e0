"""Which stories a site lists: query helpers for listings, home pages and feeds.

A site's stories are the live, public, unexpired NewsItemPages of one locale that
live under the site's home page in that locale, or that are shared with the site
(``NewsItemPage.shared_with``). The regional site lists every mission's stories.
Every helper returns a queryset or a list built with a fixed number of queries,
however many stories there are, so listings never grow an N+1.

What changes only when content changes - the home pages, the private sections,
the topics, a listing's order, counts and filters - is computed once per content
generation with ``website.cache.memoized`` (see website/cache.py), so that a page
rendered again after a publish costs a few small queries, not a scan of every
story. Without the page cache (no shared cache), it is computed once per request.

The page models call these helpers from their ``get_context``; the helpers import
the models, so the models import this module inside their methods.
"""

from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F, Q, prefetch_related_objects
from django.utils import timezone
from wagtail.models import Locale, Page

from missions.models import MissionHomePage
from newsroom.models import NewsIndexPage, NewsItemPage, ReportIssuePage, Topic
from website.cache import data_cache_enabled, memoized
from website.sites import (
    HOME_PATH_LENGTH,
    home_pages,
    is_regional_home,
    public_q,
)
from website.structure import MISSIONS, MISSIONS_BY_COUNTRY

STORIES_PER_PAGE = 12
LATEST_STORIES = 6
RELATED_STORIES = 3
MAX_FEATURED_STORIES = 4

# The home pages are children of the tree root: their path is two steps long.
MISSION_SLUGS = {mission.slug: mission for mission in MISSIONS}


# --- What changes only with the content (once per generation) ----------------------


def all_topics():
    """Every topic in every language, by (translation key, locale id)."""

    def load():
        return {(topic.translation_key, topic.locale_id): topic for topic in Topic.objects.all()}

    return memoized(("newsroom", "topics"), load)


def localize_topics(topics, locale_id, translated=None):
    """Each topic in the given locale where translated, as it is otherwise
    (``translated``: ``all_topics()``, when the caller has it already)."""
    translated = all_topics() if translated is None else translated
    return [translated.get((topic.translation_key, locale_id), topic) for topic in topics]


def pages_by_path(paths):
    """Live or not, plain Pages at these paths: the index pages above stories,
    looked up once per generation."""
    paths = tuple(sorted(set(paths)))
    pages = memoized(
        ("newsroom", "pages-by-path", paths),
        lambda: {page.path: page for page in Page.objects.filter(path__in=paths)},
    )
    return pages


# --- The stories a site lists ------------------------------------------------


def site_stories(site, locale=None):
    """The stories a Site lists in ``locale`` (default: the active one)."""
    locale = locale or Locale.get_active()
    home = site.root_page.get_translation_or_none(locale)
    if home is None:
        return NewsItemPage.objects.none()
    return NewsItemPage.objects.readable().listed_on(home)


def stories_by_id(ids):
    """The stories with these pks, in that order, without the renditions of
    their lead images (two queries, however many)."""
    ids = list(ids)
    if not ids:
        return []
    stories = NewsItemPage.objects.filter(pk__in=ids).for_cards(renditions=False)
    found = {story.pk: story for story in stories}
    return [found[pk] for pk in ids if pk in found]


class StoryBatch:
    """Stories by pk, fetched together and decorated (``stories_by_id``,
    ``decorate``) the first time any of them is looked at, for one or more
    StoryLists. The renditions of their lead images come in one more query,
    the first time a card needs one (``fetch_renditions``): a card whose HTML
    is kept for the content generation needs none, so a listing rendered
    again makes no rendition objects at all (about a hundred for twelve cards:
    the biggest cost of a listing that is not in the page cache)."""

    def __init__(self, ids):
        self.ids = list(dict.fromkeys(ids))
        self._found = None
        self._renditions_fetched = False

    def found(self):
        if self._found is None:
            stories = decorate(stories_by_id(self.ids))
            for story in stories:
                story.story_batch = self
            self._found = {story.pk: story for story in stories}
        return self._found

    def fetch_renditions(self):
        if not self._renditions_fetched:
            self._renditions_fetched = True
            with_images = [story for story in self.found().values() if story.lead_image_id]
            prefetch_related_objects(with_images, "lead_image__renditions")


def fetch_renditions(story):
    """Make sure the renditions of ``story``'s lead image are at hand: for a
    story of a StoryList, those of the whole batch in one query."""
    batch = getattr(story, "story_batch", None)
    if batch is not None:
        batch.fetch_renditions()


class StoryList(Sequence):
    """A list of stories (ready for cards) known by their pks, fetched only
    when one of them is looked at. Its ``cache_key`` names it for the content
    generation, so a template can keep the HTML of its cards
    (components/story_list.html) and, on the next rendering, fetch nothing.
    Its length is that of the pks: within a generation each is a live story."""

    def __init__(self, ids, batch=None):
        self.ids = tuple(ids)
        self.batch = batch or StoryBatch(self.ids)
        self._stories = None

    @property
    def cache_key(self):
        return "stories:" + ",".join(map(str, self.ids))

    @property
    def stories(self):
        if self._stories is None:
            found = self.batch.found()
            self._stories = [found[pk] for pk in self.ids if pk in found]
        return self._stories

    def __len__(self):
        return len(self.ids)

    def __bool__(self):
        return bool(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, (int, slice)):
            # Templates try ``stories["cache_key"]`` before the attribute.
            raise TypeError("StoryList indices are integers or slices")
        return self.stories[index]

    def __iter__(self):
        return iter(self.stories)

    def __eq__(self, other):
        if isinstance(other, (StoryList, list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None

    def __repr__(self):
        return f"<StoryList {list(self.ids)!r}>"


def newest_story_ids(stories, key, limit=None):
    """The pks of ``stories``, newest first (at most ``limit``), computed once
    per content generation for ``key``: a listing's order."""

    def load():
        ordered = stories.newest_first().values_list("pk", flat=True)
        return array("q", ordered[:limit] if limit is not None else ordered)

    return memoized(("newsroom", "story-ids", *key, limit), load)


def latest_story_ids(home, limit=LATEST_STORIES, exclude_ids=()):
    """The newest ``limit`` stories of the site of ``home``, without
    ``exclude_ids`` (at most MAX_FEATURED_STORIES of them)."""
    exclude_ids = set(exclude_ids)
    ids = newest_story_ids(
        NewsItemPage.objects.readable().listed_on(home),
        ("latest", home.pk),
        limit=limit + max(len(exclude_ids), MAX_FEATURED_STORIES),
    )
    return [pk for pk in ids if pk not in exclude_ids][:limit]


def latest_stories(home, limit=LATEST_STORIES, exclude=()):
    """The newest ``limit`` stories of the site of ``home``, decorated for cards."""
    ids = latest_story_ids(home, limit, [story.pk for story in exclude])
    return StoryList(ids)


def related_story_ids(story, limit=RELATED_STORIES, kept_topics=False):
    """Up to ``limit`` other stories of the same locale sharing a topic with
    ``story``, newest first. The order of the stories of a set of topics is
    kept per generation; so are the story's topics with ``kept_topics`` (not
    for previews, whose topics may be unsaved): otherwise reading them is the
    one query."""

    def read_topic_keys():
        return tuple(sorted({str(topic.translation_key) for topic in story.topics.all()}))

    if kept_topics and story.pk:
        topic_keys = memoized(("newsroom", "story-topic-keys", story.pk), read_topic_keys)
    else:
        topic_keys = read_topic_keys()
    if not topic_keys:
        return []
    tagged = NewsItemPage.topics.through.objects.filter(
        topic__translation_key__in=topic_keys
    ).values("newsitempage_id")
    stories = NewsItemPage.objects.readable(story.locale_id).filter(pk__in=tagged)
    ids = newest_story_ids(stories, ("related", story.locale_id, topic_keys), limit=limit + 1)
    return [pk for pk in ids if pk != story.pk][:limit]


def related_stories(story, limit=RELATED_STORIES, kept_topics=False):
    """Up to ``limit`` other stories of the same locale sharing a topic, newest first."""
    return StoryList(related_story_ids(story, limit, kept_topics))


# --- Decorating a page of stories ----------------------------------------------


def decorate(stories):
    """Give each story ``mission_name`` (the title of the home page that owns it,
    i.e. its site's name in the story's language) and ``localized_topics`` (its
    topics in the story's language where translated). No query of its own
    (topics are prefetched by ``for_cards``; homes and topic translations are
    kept per generation)."""
    stories = list(stories)
    if not stories:
        return stories
    homes = home_pages()
    translated = all_topics()
    for story in stories:
        home = homes.get(story.path[:HOME_PATH_LENGTH])
        story.mission_name = home.title if home is not None else ""
        story.localized_topics = localize_topics(story.topics.all(), story.locale_id, translated)
    return stories


# --- Filters of the news index ---------------------------------------------------


@dataclass(frozen=True)
class StoryFilters:
    """The filters of a news index, read from its query string. Values that
    cannot be used (a non-numeric year, a mission off the regional site) are
    dropped; values that name nothing (an unknown topic) match nothing."""

    topic: str = ""
    year: int | None = None
    mission: str = ""

    @classmethod
    def from_query(cls, query, *, regional=False):
        mission = _clean_text(query.get("mission")) if regional else ""
        spec = mission_for(mission) if mission else None
        return cls(
            topic=_clean_text(query.get("topic")),
            year=_clean_year(query.get("year")),
            # A country code ("KG") is accepted too, and shown as the slug.
            mission=spec.slug if spec else mission,
        )

    def as_dict(self):
        return {"topic": self.topic, "year": self.year, "mission": self.mission}

    def as_key(self):
        return (self.topic, self.year, self.mission)

    def __bool__(self):
        return bool(self.topic or self.year is not None or self.mission)

    def apply(self, stories, locale):
        if self.topic:
            keys = Topic.objects.filter(slug=self.topic, locale__in=_topic_locales(locale)).values(
                "translation_key"
            )
            tagged = NewsItemPage.topics.through.objects.filter(
                topic__translation_key__in=keys
            ).values("newsitempage_id")
            stories = stories.filter(pk__in=tagged)
        if self.year is not None:
            stories = stories.filter(date__year=self.year)
        if self.mission:
            stories = filter_by_mission(stories, self.mission, locale)
        return stories


def _clean_text(value):
    value = (value or "").strip()
    # A NUL character cannot be sent to PostgreSQL: it names nothing.
    return value.replace("\x00", "")[:100] if value else ""


def _clean_year(value):
    try:
        year = int((value or "").strip())
    except ValueError:
        return None
    # Outside these bounds a date cannot be built: ignore, like a non-number.
    return year if 1 <= year <= 9999 else None


def _topic_locales(locale):
    return Locale.objects.filter(
        Q(pk=getattr(locale, "pk", locale)) | Q(language_code=settings.LANGUAGE_CODE)
    )


def mission_for(value):
    """The SiteSpec of a mission named by its slug ("kyrgyzstan") or its
    country code ("KG"), or None."""
    return MISSION_SLUGS.get(value.lower()) or MISSIONS_BY_COUNTRY.get(value.upper())


def mission_home_paths(country, locale):
    """The paths of the mission home pages of ``country`` in ``locale``."""
    locale_id = getattr(locale, "pk", locale)
    return memoized(
        ("newsroom", "mission-paths", country, locale_id),
        lambda: list(
            MissionHomePage.objects.filter(country=country, locale=locale_id).values_list(
                "path", flat=True
            )
        ),
    )


def filter_by_mission(stories, value, locale):
    """The stories owned by the mission named by ``value`` (its SiteSpec slug, or
    its country code), not those shared with it; none for an unknown mission."""
    spec = mission_for(value)
    if spec is None:
        return stories.none()
    paths = mission_home_paths(spec.country, locale)
    if not paths:
        return stories.none()
    query = Q()
    for path in paths:
        query |= Q(path__startswith=path)
    return stories.filter(query)


def listing_topics(stories, locale):
    """The topics of ``stories``, one per topic, in ``locale`` where translated
    (in the source language otherwise), ordered by name."""
    keys = NewsItemPage.topics.through.objects.filter(
        newsitempage_id__in=stories.values("pk")
    ).values("topic__translation_key")
    locale_id = getattr(locale, "pk", locale)
    chosen = {}
    for topic in Topic.objects.filter(
        translation_key__in=keys, locale__in=_topic_locales(locale)
    ).order_by("name"):
        if topic.locale_id == locale_id or topic.translation_key not in chosen:
            chosen[topic.translation_key] = topic
    return sorted(chosen.values(), key=lambda topic: topic.name.casefold())


def listing_years(stories):
    """The years that have stories, newest first."""
    return [day.year for day in stories.order_by().dates("date", "year", order="DESC")]


def mission_choices(locale):
    """The missions with a live home page in ``locale``, in tree order, for the
    regional news index's mission filter: dicts of ``slug`` (the filter's value),
    ``name`` (the home page's title), and ``country`` / ``title`` as aliases."""
    locale_id = getattr(locale, "pk", locale)

    def load():
        choices = []
        for country, title in (
            MissionHomePage.objects.live()
            .filter(locale=locale_id)
            .order_by("path")
            .values_list("country", "title")
        ):
            spec = MISSIONS_BY_COUNTRY.get(country)
            if spec is not None:
                choices.append(
                    {"slug": spec.slug, "name": title, "country": country, "title": title}
                )
        return choices

    return memoized(("newsroom", "mission-choices", locale_id), load)


@dataclass
class StoryListing:
    """What a news index shows: a paginator page of decorated stories, and the
    values its filters offer."""

    page: object
    topics: list
    years: list
    missions: list


def story_listing(home, locale_id, filters, page_number):
    """The stories of a news index: page ``page_number`` of the stories of the
    site of ``home`` matching ``filters``, newest first, decorated, with the
    topics, years and missions to filter by. Raises InvalidPage (or
    PageNotAnInteger) for a page that does not exist.

    With the data cache, the listing's order (the pks, newest first), its
    topics and its years are computed once per generation: each page of the
    listing costs three small queries (its stories, their renditions and
    topics). Without it, a LIMIT query and a count."""
    regional = is_regional_home(home)
    stories = NewsItemPage.objects.readable().listed_on(home)
    filtered = filters.apply(stories, locale_id) if filters else stories
    if data_cache_enabled():
        ids = newest_story_ids(filtered, ("listing", home.pk, locale_id, filters.as_key()))
        page = Paginator(ids, STORIES_PER_PAGE).page(page_number)
        page.object_list = StoryList(page.object_list)
    else:
        page = Paginator(filtered.newest_first().for_cards(), STORIES_PER_PAGE).page(page_number)
        page.object_list = decorate(page.object_list)

    topics, years = memoized(
        ("newsroom", "listing-facets", home.pk, locale_id),
        lambda: (listing_topics(stories, locale_id), listing_years(stories)),
    )
    return StoryListing(
        page=page,
        topics=topics,
        years=years,
        missions=mission_choices(locale_id) if regional else [],
    )


# --- Home pages -------------------------------------------------------------------


def latest_report(locale):
    """The newest live report issue in ``locale`` with its cover, or None."""
    report_id = latest_report_id(locale)
    if report_id is None:
        return None
    # The cover with its renditions, fetched fresh (renditions made since the
    # generation started are then found).
    return (
        ReportIssuePage.objects.filter(pk=report_id)
        .select_related("cover_image")
        .prefetch_related("cover_image__renditions")
        .first()
    )


def latest_report_id(locale):
    """The pk of the newest live report issue in ``locale``, or None; kept per
    content generation."""
    locale_id = getattr(locale, "pk", locale)

    def load():
        report = (
            ReportIssuePage.objects.live()
            .filter(public_q())
            .filter(locale=locale_id, expired=False)
            .exclude(expire_at__lte=timezone.now())
            .order_by("-publication_date", F("first_published_at").desc(nulls_last=True))
            .first()
        )
        return report.pk if report is not None else None

    return memoized(("newsroom", "latest-report", locale_id), load)


def featured_story_ids(home):
    """The pks of the stories chosen in ``home.featured_stories`` that readers
    may see (live, public, unexpired), in ``home``'s locale where translated, in
    the editor's order."""
    chosen_ids = tuple(
        item["value"] for item in home.featured_stories.raw_data if item.get("value") is not None
    )
    if not chosen_ids:
        return []

    def load():
        keys = dict(Page.objects.filter(pk__in=chosen_ids).values_list("pk", "translation_key"))
        order = {}
        for page_id in chosen_ids:
            if page_id in keys:
                order.setdefault(keys[page_id], len(order))
        found = NewsItemPage.objects.readable(home.locale_id).filter(
            translation_key__in=list(order)
        )
        pairs = sorted(found.values_list("translation_key", "pk"), key=lambda pair: order[pair[0]])
        return [pk for _key, pk in pairs]

    return memoized(("newsroom", "featured", home.pk, chosen_ids), load)


def featured_stories(home):
    """The stories chosen in ``home.featured_stories`` that readers may see
    (live, public, unexpired), in ``home``'s locale where translated, in the
    editor's order. Drafts and private stories are left out."""
    return StoryList(featured_story_ids(home))


def regional_home_stories(home):
    """The featured and the latest stories of the regional home page, fetched
    together: (featured, latest)."""
    featured_ids = featured_story_ids(home)
    latest_ids = latest_story_ids(home, exclude_ids=featured_ids)
    batch = StoryBatch([*featured_ids, *latest_ids])
    return StoryList(featured_ids, batch), StoryList(latest_ids, batch)


def news_index_of(home):
    """The first live, public news index under ``home``, or None."""
    return memoized(
        ("newsroom", "news-index", home.pk),
        lambda: (
            NewsIndexPage.objects.child_of(home).live().filter(public_q()).order_by("path").first()
        ),
    )
