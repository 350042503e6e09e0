"""Which stories a site lists: query helpers for listings, home pages and feeds.

A site's stories are the live, public, unexpired NewsItemPages of one locale that
live under the site's home page in that locale, or that are shared with the site
(``NewsItemPage.shared_with``). The regional site lists every mission's stories.

Every helper answers in a fixed number of queries, however many stories there
are, so listings never grow an N+1: a list of stories for cards is one query
(the stories with their lead images), and the renditions of every card of a
page come in one more (``fetch_renditions``). The home pages (the missions'
names on cards) and the private sections come from the request's frame
(website/sites.py). Nothing is kept between requests: a page rendered again is
the full-page cache's (website/cache.py).
"""

import datetime
import operator
from dataclasses import dataclass
from functools import reduce

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.db.models import (
    CharField,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce
from django.http import QueryDict
from django.utils import timezone
from wagtail.models import Locale, Page

from missions.models import MissionHomePage
from newsroom.cards import fetch_renditions
from newsroom.models import NewsIndexPage, NewsItemPage, ReportIssuePage, Topic
from newsroom.models.news import Unindexed
from website.prepared import Fixed, Prepared
from website.sites import (
    HOME_PATH_LENGTH,
    current_frame,
    home_pages,
    is_regional_home,
    language_codes,
    language_of,
    public_q,
    reading_locale_ids,
    restricted_paths,
)
from website.structure import MISSIONS, MISSIONS_BY_COUNTRY

STORIES_PER_PAGE = 12
# Beyond this a page of stories cannot exist (and its offset would not fit a
# database integer).
MAX_PAGE_NUMBER = 1_000_000
LATEST_STORIES = 6
RELATED_STORIES = 3
MAX_FEATURED_STORIES = 4
# The years a news index offers are asked one by one back from next year;
# stories older than this window are read apart, by one more query
# (``_year_expression``). Each year asked costs PostgreSQL a quarter of a millisecond
# of planning.
YEAR_WINDOW = 16

MISSION_SLUGS = {mission.slug: mission for mission in MISSIONS}


# --- Topics in the reader's language -------------------------------------------------


def localize_topics(topics, locale_id):
    """Each topic in the given locale where translated, as it is otherwise: no
    query when they all are in that locale, one otherwise."""
    topics = list(topics)
    foreign = {topic.translation_key for topic in topics if topic.locale_id != locale_id}
    if not foreign or locale_id is None:
        return topics
    translated = {
        topic.translation_key: topic
        for topic in Topic.objects.filter(translation_key__in=foreign, locale_id=locale_id)
    }
    return [translated.get(topic.translation_key, topic) for topic in topics]


# --- The stories a site lists ------------------------------------------------


def site_stories(site, locale=None):
    """The stories a Site lists in ``locale`` (default: the active one)."""
    locale = locale or Locale.get_active()
    home = site.root_page.get_translation_or_none(locale)
    if home is None:
        return NewsItemPage.objects.none()
    return NewsItemPage.objects.readable().listed_on(home)


# --- Stories in the reader's languages ------------------------------------------

# ``stories_for_readers``' default: the reader's home pages from the frame.
READING_HOMES = object()
# A site lists every story it has, each in the first of its languages, in the
# reader's order (the request's frame: ``Frame.reading_order``), in which the
# story is live: on the Kyrgyzstan site a Kyrgyz reader sees the Kyrgyz
# stories, the others in Russian, then English.


def reading_homes(home):
    """The translations of ``home`` (the home page of the request's site) in
    the reader's order of languages, or None when the site lists one
    language only (or ``home`` is not the request's site's)."""
    frame = current_frame()
    if frame is None or frame.site is None or frame.default_root is None:
        return None
    if home.translation_key != frame.default_root.translation_key:
        return None
    by_locale = {page.locale_id: page for page in frame.home_translations}
    homes = [by_locale[pk] for pk in frame.reading_locale_ids if pk in by_locale]
    return homes if len(homes) > 1 else None


def stories_for_readers(home, stories=None, *, homes=READING_HOMES, now=None, private=None):
    """The stories the site of ``home`` lists, readable, each once in the
    reader's best language (``reading_homes``, unless ``homes`` are given);
    in ``home``'s locale alone when the site has one language. ``stories``:
    the queryset to start from (``NewsItemPage.objects``, or
    ``NewsItemPage.as_pages()``). ``now`` and ``private``: as for
    ``readable()``."""
    stories = NewsItemPage.objects if stories is None else stories
    homes = reading_homes(home) if homes is READING_HOMES else homes
    if homes is None:
        return stories.readable(now=now, private=private).listed_on(home)
    return (
        stories.readable(now=now, private=private)
        .listed_on_homes(homes)
        .in_best_language([page.locale_id for page in homes])
    )


def readable_for_readers(locale_id, *, order=None, now=None, private=None):
    """Readable stories in the reader's languages (``order``, default
    ``website.sites.reading_locale_ids``), each once in the best; in
    ``locale_id`` alone outside a site of several languages."""
    order = reading_locale_ids() if order is None else order
    if len(order) < 2:
        return NewsItemPage.objects.readable(locale_id, now=now, private=private)
    return (
        NewsItemPage.objects.readable(now=now, private=private)
        .alias(story_locale=Unindexed("locale_id"))
        .filter(story_locale__in=order)
        .in_best_language(order)
    )


def _home_values(home):
    """What ``StoryQuerySet.listed_on`` reads of a home page, as values of a
    prepared query (website/prepared.py)."""
    return {
        "locale_id": home.locale_id,
        "path": home.path,
        "translation_key": home.translation_key,
        "is_regional": Fixed(is_regional_home(home)),
    }


def _reader_values(home):
    """What ``stories_for_readers`` reads for the site of ``home``, as values
    of a prepared query: the home page and the reader's home pages."""
    homes = reading_homes(home)
    return {
        "home": _home_values(home),
        "homes": None if homes is None else [_home_values(page) for page in homes],
    }


def decorate(stories, topics=False):
    """Give each story ``mission_name`` (the title of the home page that owns it,
    i.e. its site's name in the story's language), from the request's frame;
    with ``topics``, ``localized_topics`` too (the stories' topics must have
    been prefetched: then one query at most)."""
    stories = list(stories)
    homes = home_pages() if stories else {}
    codes = language_codes() if stories else {}
    for story in stories:
        home = homes.get(story.path[:HOME_PATH_LENGTH])
        story.mission_name = home.title if home is not None else ""
        story.language_code = language_of(story.locale_id, codes)
    if topics:
        for story in stories:
            story.localized_topics = localize_topics(story.topics.all(), story.locale_id)
    return stories


def _latest(reader, now, private, exclude_keys, limit):
    stories = stories_for_readers(reader.home, homes=reader.homes, now=now, private=private)
    if exclude_keys:
        stories = stories.exclude(translation_key__in=exclude_keys)
    return stories.for_cards().newest(limit)


_LATEST = Prepared(_latest)


def latest_stories(home, limit=LATEST_STORIES, exclude=()):
    """The newest ``limit`` stories of the site of ``home``, ready for cards."""
    return decorate(
        _LATEST.run(
            _reader_values(home),
            timezone.now(),
            restricted_paths(),
            [story.translation_key for story in exclude],
            Fixed(limit),
        )
    )


def related_stories(story, limit=RELATED_STORIES, preview=False):
    """Up to ``limit`` other stories sharing a topic with ``story``, in the
    reader's languages (each once, in the best), newest first, ready for
    cards: one query (a preview's topics are those being edited)."""
    values = (story.translation_key, story.locale_id, reading_locale_ids())
    if story.pk and not preview:
        return decorate(
            _RELATED.run(story.pk, *values, timezone.now(), restricted_paths(), Fixed(limit))
        )
    keys = [topic.translation_key for topic in story.topics.all()]
    if not keys:
        return []
    return decorate(_related(story.pk, *values, None, None, limit, keys=keys))


def _related(story_pk, story_key, locale_id, order, now, private, limit, keys=None):
    if keys is None:
        keys = Topic.objects.filter(stories=story_pk).values("translation_key")
    # Asked of each story, newest first, until enough are found: the stories
    # sharing a topic may be thousands. Asked as a value (the first matching
    # row, or none), not with EXISTS: PostgreSQL turns an EXISTS into a join
    # and first gathers every tagged story (at 20,000 stories 20 to 70 ms);
    # a value is looked up in the index of the stories' topics, story by
    # story (under a millisecond).
    tagged = NewsItemPage.topics.through.objects.filter(
        newsitempage_id=OuterRef("pk"),
        topic__in=Topic.objects.filter(translation_key__in=keys),
    )
    stories = (
        readable_for_readers(locale_id, order=order, now=now, private=private)
        .alias(shares_topic=Subquery(tagged.order_by().values("pk")[:1]))
        .filter(shares_topic__isnull=False)
    )
    if story_pk:
        stories = stories.exclude(translation_key=story_key)
    return stories.for_cards().newest(limit)


_RELATED = Prepared(_related)


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

    def __bool__(self):
        return bool(self.topic or self.year is not None or self.mission)

    def as_query(self, number):
        """The filters set and page ``number`` as the query string's
        parameters (a QueryDict): what the listing's links keep, without a
        request's other parameters; urlencoded, a cache key's part."""
        query = QueryDict(mutable=True)
        for name, value in self.as_dict().items():
            if value not in ("", None):
                query[name] = str(value)
        query["page"] = str(number)
        return query

    def apply(self, stories, locale, missions=None):
        """``stories`` narrowed by the filters; ``missions``: the mission
        choices when the caller has them (``mission_choices``)."""
        if self.topic:
            stories = stories.filter(pk__in=tagged_with_topic(NewsItemPage, self.topic, locale))
        if self.year is not None:
            stories = stories.filter(date__year=self.year)
        if self.mission:
            stories = filter_by_mission(stories, self.mission, locale, missions)
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


def tagged_with_topic(model, slug, locale):
    """The pks of ``model``'s pages tagged with the topic ``slug`` (in ``locale``
    or the source language), any translation of it: a subquery."""
    keys = Topic.objects.filter(slug=slug, locale__in=_topic_locales(locale)).values(
        "translation_key"
    )
    through = model.topics.through
    column = f"{model._meta.model_name}_id"
    return through.objects.filter(topic__translation_key__in=keys).values(column)


def _topic_locales(locale):
    return Locale.objects.filter(
        Q(pk=getattr(locale, "pk", locale)) | Q(language_code=settings.LANGUAGE_CODE)
    )


def find_topic(slug, locale_id):
    """The topic with this slug in ``locale_id`` (its translation), else in
    the source language; None when there is no such topic."""
    topics = {
        topic.locale_id: topic
        for topic in Topic.objects.filter(
            Q(locale_id=locale_id) | Q(locale__language_code=settings.LANGUAGE_CODE),
            slug=slug[:80],
        )
    }
    if not topics:
        return None
    return topics.get(locale_id) or next(iter(topics.values()))


def feed_topic(slug, topics, locale_id):
    """The topic a news index is filtered by, for its feed links: among the
    listing's ``topics`` when it is one, else looked up (``find_topic``);
    None without a filter or for an unknown topic."""
    if not slug or "\x00" in slug:
        return None
    for topic in topics:
        if topic.slug == slug:
            return topic
    return find_topic(slug, locale_id)


def mission_for(value):
    """The SiteSpec of a mission named by its slug ("kyrgyzstan") or its
    country code ("KG"), or None."""
    return MISSION_SLUGS.get(value.lower()) or MISSIONS_BY_COUNTRY.get(value.upper())


def filter_by_mission(stories, value, locale, missions=None):
    """The stories owned by the mission named by ``value`` (its SiteSpec slug, or
    its country code), not those shared with it; none for an unknown mission."""
    spec = mission_for(value)
    if spec is None:
        return stories.none()
    if missions is None:
        missions = mission_choices(locale)
    paths = [choice["path"] for choice in missions if choice["country"] == spec.country]
    if not paths:
        return stories.none()
    # The mission's home page in the reader's other languages too (fallback).
    homes = home_pages()
    keys = {homes[path].translation_key for path in paths if path in homes}
    paths += [path for path, home in homes.items() if home.translation_key in keys]
    query = Q()
    for path in paths:
        query |= Q(path__startswith=path)
    return stories.filter(query)


def year_probes(stories, years, older_than):
    """An SQL text expression listing which of ``years`` have some of
    ``stories`` ("2026,2024,"), and "older" when some story is dated before
    the year ``older_than``.

    Each year is one lookup in the index of the stories' dates that stops at
    the first story. The lookup is built by the ORM once, for placeholder
    dates, and repeated with each year's dates: built once per year, the
    querysets cost more than the query."""
    low, high = datetime.date(1000, 1, 1), datetime.date(1000, 12, 31)
    probe = stories.filter(date__gte=low, date__lte=high).order_by().values("pk")[:1]
    sql, params = probe.query.sql_with_params()
    adapt = connection.ops.adapt_datefield_value
    placeholders = {adapt(low): "low", adapt(high): "high"}
    roles = [
        placeholders.get(param) if isinstance(param, str | datetime.date) else None
        for param in params
    ]
    if roles.count("low") != 1 or roles.count("high") != 1:
        raise ValueError("The stories are already filtered by these placeholder dates.")
    texts, values = [], []
    bounds = [(year, datetime.date(year, 1, 1), datetime.date(year, 12, 31)) for year in years]
    bounds.append(("older", datetime.date(1, 1, 1), datetime.date(older_than - 1, 12, 31)))
    for label, start, end in bounds:
        texts.append(f"CASE WHEN EXISTS({sql}) THEN '{label},' ELSE '' END")
        chosen = {"low": adapt(start), "high": adapt(end)}
        values += [
            chosen[role] if role else param for role, param in zip(roles, params, strict=True)
        ]
    return RawSQL(" || ".join(texts), values, output_field=CharField())


def listing_facets(stories, locale, counted=None):
    """(the topics, one per topic in ``locale`` where translated, by name; the
    years, newest first; the number of ``counted``) of ``stories`` in one
    query: the rows of the three, united.

    Each topic and each year is asked whether some story has it (a lookup in
    the index of the stories' topics or dates that stops at the first story),
    rather than every story for its topics and year: at 20,000 stories the
    topics and years then cost a millisecond, not a scan of every story."""
    locale_id = getattr(locale, "pk", locale)
    last = timezone.localdate().year + 1
    rows = _facet_rows(stories, locale_id, counted, last)
    return _read_facets(rows, locale_id, _years_reader(lambda: stories, last))


def _site_facets(reader, now, private, last, counting_order):
    # Every translation of a story has its dates and topics (synchronised
    # fields), so the facets are read from the stories in all the reader's
    # languages, without choosing each one's best translation (a lookup per
    # story); the stories are counted language by language: all of the
    # first language (read from an index), then in each next one those not
    # found in an earlier one. The number does not depend on the order of
    # the languages; the site's default language, which has the most
    # stories, comes first (``counting_order``), so that the stories looked
    # up one by one are those of the other languages.
    def stories(start=None):
        stories = start if start is not None else NewsItemPage.objects
        if reader.homes is None:
            return stories.readable(now=now, private=private).listed_on(reader.home)
        return stories.readable(now=now, private=private).listed_on_homes(reader.homes)

    return _facet_rows(
        stories(),
        reader.home.locale_id,
        stories(NewsItemPage.as_pages()),
        last,
        by_locale=None if reader.homes is None else counting_order,
    )


_SITE_FACETS = Prepared(_site_facets)


def site_facets(home):
    """``listing_facets`` of every story the site of ``home`` lists."""
    last = timezone.localdate().year + 1
    reader = _reader_values(home)
    counting_order = []
    if reader["homes"] is not None:
        frame = current_frame()
        first = frame.default_root.locale_id
        locale_ids = [values["locale_id"] for values in reader["homes"]]
        counting_order = sorted(locale_ids, key=lambda pk: pk != first)
    rows = _SITE_FACETS.run(reader, timezone.now(), restricted_paths(), Fixed(last), counting_order)
    return _read_facets(
        rows, home.locale_id, _years_reader(lambda: stories_for_readers(home), last)
    )


def _facet_rows(stories, locale_id, counted, last, by_locale=None):
    text, number = CharField(), IntegerField()
    # A topic is offered when a story is tagged with it: asked as a value
    # (the first tagged story, or none), not with EXISTS, as for the related
    # stories (``_related``): with its statistics PostgreSQL turns an EXISTS
    # into a join gathering every tagged story for each topic (at 20,000
    # stories 40 to 70 ms); a value is found through the index of the
    # stories' topics (a fraction of a millisecond).
    tagged = stories.filter(topics__translation_key=OuterRef("translation_key"))
    topic_rows = (
        Topic.objects.filter(locale__in=_topic_locales(locale_id))
        .alias(first_tagged=Subquery(tagged.order_by().values("pk")[:1]))
        .filter(first_tagged__isnull=False)
        .order_by()
        .values_list(
            Value(0, output_field=number),
            "pk",
            Cast("translation_key", text),
            "locale_id",
            "name",
            "slug",
        )
    )
    # One row: the years that have stories, as "2026,2025,..." (``_year_expression``).
    years_found = _year_expression(stories, last)
    year_rows = (
        Locale.objects.filter(pk=locale_id)
        .order_by()
        .values_list(
            Value(1, output_field=number),
            Value(0, output_field=number),
            years_found,
            Value(0, output_field=number),
            Value("", output_field=text),
            Value("", output_field=text),
        )
    )
    others = [year_rows]
    if counted is not None:
        # One row: the number of stories, counted without grouping (a count
        # by a constant group sorts its rows first); with ``by_locale``,
        # added up language by language.
        parts = [counted]
        if by_locale:
            # The translation key as a range of one value, not an equality:
            # SQLite takes a unique index whose every column is compared for
            # equality (the key and the language) without weighing the
            # others, and reads each page's row; the count index (migration
            # 0011) answers the lookup alone (2.9 to 1.1 ms at 1,983
            # Russian translations).
            parts = [
                counted.filter(locale_id=pk).filter(
                    ~Exists(
                        counted.filter(
                            translation_key__gte=OuterRef("translation_key"),
                            translation_key__lte=OuterRef("translation_key"),
                            locale_id__in=by_locale[:index],
                        ).values("pk")
                    )
                )
                if index
                else counted.filter(locale_id=pk)
                for index, pk in enumerate(by_locale)
            ]
        # (None of an empty queryset, e.g. an unknown mission, counts as 0.)
        counts = [
            Coalesce(
                Subquery(
                    part.order_by()
                    .annotate(total=Func(Value(1), function="COUNT", output_field=number))
                    .values("total")
                ),
                Value(0),
                output_field=number,
            )
            for part in parts
        ]
        others.append(
            Locale.objects.filter(pk=locale_id)
            .order_by()
            .values_list(
                Value(2, output_field=number),
                reduce(operator.add, counts),
                Value("", output_field=text),
                Value(0, output_field=number),
                Value("", output_field=text),
                Value("", output_field=text),
            )
        )
    return topic_rows.union(*others, all=True)


def _read_facets(rows, locale_id, read_years):
    chosen, years, total = {}, [], 0
    for kind, value, key, topic_locale, name, slug in rows:
        if kind == 2:
            total = value
        elif kind == 1:
            years = read_years(key)
        elif topic_locale == locale_id or key not in chosen:
            chosen[key] = Topic(
                pk=value, translation_key=key, locale_id=topic_locale, name=name, slug=slug
            )
    topics = sorted(chosen.values(), key=lambda topic: (topic.name.casefold(), topic.pk))
    return topics, years, total


def _year_expression(stories, last):
    first = last - YEAR_WINDOW + 1
    return year_probes(stories, range(last, first - 1, -1), older_than=first)


def _years_reader(stories, last):
    """The function that reads the years' expression into the years, newest
    first; ``stories()`` makes the stories' queryset, only when the rare
    older years are read."""
    first = last - YEAR_WINDOW + 1

    def read(value):
        years = [int(year) for year in (value or "").split(",") if year.isdigit()]
        if "older" in (value or ""):
            older = stories().filter(date__lt=datetime.date(first, 1, 1)).order_by()
            years += [day.year for day in older.dates("date", "year", order="DESC")]
        return years

    return read


def _mission_homes(locale_id):
    return (
        MissionHomePage.objects.live()
        .filter(locale=locale_id)
        .order_by("path")
        .values_list("country", "title", "path")
    )


_MISSION_HOMES = Prepared(_mission_homes)


def mission_choices(locale):
    """The missions with a live home page in ``locale``, in tree order, for the
    regional news index's mission filter: dicts of ``slug`` (the filter's value),
    ``name`` (the home page's title), ``country``, ``title`` and ``path`` (the
    home page's). One query."""
    locale_id = getattr(locale, "pk", locale)
    choices = []
    for country, title, path in _MISSION_HOMES.run(locale_id):
        spec = MISSIONS_BY_COUNTRY.get(country)
        if spec is not None:
            choices.append(
                {"slug": spec.slug, "name": title, "country": country, "title": title, "path": path}
            )
    return choices


class ListingPaginator(Paginator):
    """A paginator whose count came with the listing's facets
    (``listing_facets``): a page of a listing is one LIMIT query, whatever its
    number."""

    def __init__(self, total, per_page):
        super().__init__([], per_page)
        self.total = total

    @property
    def count(self):
        return self.total


def page_number_of(value):
    """The page number asked for; InvalidPage for one that cannot exist."""
    try:
        number = int(str(value))
    except (TypeError, ValueError) as error:
        raise PageNotAnInteger("That page number is not an integer") from error
    if number < 1:
        raise EmptyPage("That page number is less than 1")
    if number > MAX_PAGE_NUMBER:
        raise EmptyPage("That page contains no results")
    return number


def page_of_stories(stories, number, per_page, total):
    """Page ``number`` of ``stories`` (a story queryset), newest first, of
    ``total``: one query. Raises InvalidPage past the last page."""
    paginator = ListingPaginator(total, per_page)
    number = paginator.validate_number(number)
    start = (number - 1) * per_page
    return paginator._get_page(list(stories.newest(per_page, start)), number, paginator)


def _site_stories_slice(reader, now, private, count, start):
    return (
        stories_for_readers(reader.home, homes=reader.homes, now=now, private=private)
        .for_cards()
        .newest(count, start)
    )


_SITE_STORIES_SLICE = Prepared(_site_stories_slice)


def _page_of_site_stories(home, number, per_page, total):
    """``page_of_stories`` of every story the site of ``home`` lists."""
    paginator = ListingPaginator(total, per_page)
    number = paginator.validate_number(number)
    stories = _SITE_STORIES_SLICE.run(
        _reader_values(home),
        timezone.now(),
        restricted_paths(),
        Fixed(per_page),
        Fixed((number - 1) * per_page),
    )
    return paginator._get_page(stories, number, paginator)


@dataclass
class StoryListing:
    """What a news index shows: a paginator page of stories ready for cards,
    and the values its filters offer."""

    page: object
    topics: list
    years: list
    missions: list


def story_listing(home, locale_id, filters, page_number):
    """The stories of a news index: page ``page_number`` of the stories of the
    site of ``home`` matching ``filters``, newest first, ready for cards, with
    the topics, years and missions to filter by. Raises InvalidPage (or
    PageNotAnInteger) for a page that does not exist. Four queries (the
    topics, years and number of stories; the page of stories; their
    renditions; and on the regional site the missions)."""
    number = page_number_of(page_number)
    regional = is_regional_home(home)
    missions = mission_choices(locale_id) if regional else []
    if filters:
        stories = stories_for_readers(home)
        filtered = filters.apply(stories, locale_id, missions)
        topics, years, total = listing_facets(stories, locale_id, counted=filtered)
        page = page_of_stories(filtered.for_cards(), number, STORIES_PER_PAGE, total)
    else:
        # Prepared queries (website/prepared.py): no queryset is built.
        topics, years, total = site_facets(home)
        page = _page_of_site_stories(home, number, STORIES_PER_PAGE, total)
    page.object_list = decorate(page.object_list)
    fetch_renditions(page.object_list)
    return StoryListing(page=page, topics=topics, years=years, missions=missions)


# --- Home pages -------------------------------------------------------------------


def latest_report(locale):
    """The newest live report issue in ``locale`` with its cover, or None."""
    locale_id = getattr(locale, "pk", locale)
    found = _LATEST_REPORT.run(locale_id, timezone.now(), restricted_paths())
    return found[0] if found else None


def _latest_report(locale_id, now, private):
    return (
        ReportIssuePage.objects.live()
        .filter(public_q(private))
        .filter(locale=locale_id, expired=False)
        .exclude(expire_at__lte=now)
        .select_related("cover_image")
        .order_by("-publication_date", F("first_published_at").desc(nulls_last=True))[:1]
    )


_LATEST_REPORT = Prepared(_latest_report)


def featured_stories(home):
    """The stories chosen in ``home.featured_stories`` that readers may see
    (live, public, unexpired), in ``home``'s locale where translated, in the
    editor's order, ready for cards: one query. Drafts and private stories
    are left out."""
    chosen_ids = [
        item["value"] for item in home.featured_stories.raw_data if item.get("value") is not None
    ]
    if not chosen_ids:
        return []
    found = _FEATURED.run(
        chosen_ids, home.locale_id, reading_locale_ids(), timezone.now(), restricted_paths()
    )
    position = {pk: index for index, pk in reversed(list(enumerate(chosen_ids)))}
    return decorate(sorted(found, key=lambda story: position.get(story.chosen_pk, len(position))))


def _featured(chosen_ids, locale_id, order, now, private):
    chosen = Page.objects.filter(pk__in=chosen_ids)
    return (
        readable_for_readers(locale_id, order=order, now=now, private=private)
        .filter(translation_key__in=chosen.values("translation_key"))
        .annotate(
            chosen_pk=Subquery(
                chosen.filter(translation_key=OuterRef("translation_key")).values("pk")[:1]
            )
        )
        .for_cards()
    )


_FEATURED = Prepared(_featured)


def regional_home_stories(home):
    """The featured and the latest stories of the regional home page:
    (featured, latest), ready for cards."""
    featured = featured_stories(home)
    latest = latest_stories(home, exclude=featured)
    return featured, latest


def news_index_of(home):
    """The first live, public news index under ``home``, or None."""
    frame = current_frame()
    if frame is not None and frame.holds_sections_of(home):
        for page in frame.sections(home):
            if page.specific_class is NewsIndexPage and page.live and frame.is_public(page):
                return page
        return None
    return NewsIndexPage.objects.child_of(home).live().filter(public_q()).order_by("path").first()
