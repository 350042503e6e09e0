"""What a site's search covers, its filters, and its results ready to show.

A site's search covers the live, public, unexpired pages of five kinds in the
active language: stories (the site's own and those shared with it, as its
news index lists them: ``newsroom.listings``), photo galleries, report issues,
publications (their summary, topics and the text of their PDF files) and
contact pages (those under the site's home page). The regional site
covers every mission. Drafts, private pages (login or password), expired
pages and other sites' pages never appear.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.rich_text import get_text_for_indexing
from wagtail.search.utils import normalise_query_string

from missions.models import ContactIndexPage, MissionContactPage
from newsroom import listings
from newsroom.models import NewsItemPage, PhotoGalleryPage, PublicationPage, ReportIssuePage
from search import backends
from search.text import highlight
from website.sites import (
    HOME_PATH_LENGTH,
    frame_for,
    get_site_root,
    home_pages,
    is_regional_home,
    language_codes,
    language_of,
    public_q,
)

RESULTS_PER_PAGE = 10
# Results a backend without a queryset (OpenSearch) ranks: a hundred pages.
MAX_RANKED_RESULTS = 1000


@dataclass(frozen=True)
class Kind:
    slug: str  # the ?type= value
    label: str  # one result's kind, shown above its title
    plural: str  # the filter's option
    models: tuple
    date_field: str = ""


KINDS = [
    Kind("story", _("Story"), _("Stories"), (NewsItemPage,), "date"),
    Kind("gallery", _("Photo gallery"), _("Photo galleries"), (PhotoGalleryPage,), "date"),
    Kind("report", _("Report"), _("Reports"), (ReportIssuePage,), "publication_date"),
    Kind("publication", _("Publication"), _("Publications"), (PublicationPage,), "date"),
    Kind("contact", _("Contacts"), _("Contacts"), (MissionContactPage, ContactIndexPage)),
]
KINDS_BY_SLUG = {kind.slug: kind for kind in KINDS}
KIND_OF_MODEL = {model: kind for kind in KINDS for model in kind.models}


# --- Filters -------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchFilters:
    """The filters of a search, read from its query string like the news
    index's (``listings.StoryFilters``), plus the kind of page. Unknown kinds
    are ignored; a topic only stories have narrows the search to stories."""

    type: str = ""
    topic: str = ""
    year: int | None = None
    mission: str = ""

    @classmethod
    def from_query(cls, query, *, regional=False):
        story_filters = listings.StoryFilters.from_query(query, regional=regional)
        kind = (query.get("type") or "").strip()
        return cls(
            type=kind if kind in KINDS_BY_SLUG else "",
            topic=story_filters.topic,
            year=story_filters.year,
            mission=story_filters.mission,
        )

    def __bool__(self):
        return bool(self.type or self.topic or self.year is not None or self.mission)

    def as_dict(self):
        return {"type": self.type, "topic": self.topic, "year": self.year, "mission": self.mission}

    def wants(self, kind):
        return not self.type or self.type == kind.slug


# --- The scope of a site's search ---------------------------------------------------------


def _published(queryset):
    """The pages readers may see: live, public, unexpired (as
    ``NewsItemPage.objects.readable()`` has it for stories)."""
    return (
        queryset.live()
        .filter(public_q())
        .filter(expired=False)
        .exclude(expire_at__lte=timezone.now())
    )


@dataclass
class SearchScope:
    """The request's site and its home page in the active language (None when
    the site is not translated into it: then nothing is found)."""

    home: Page | None = None
    locale: Locale | None = None
    regional: bool = False

    @classmethod
    def for_request(cls, request):
        language = translation.get_language()
        root = get_site_root(request).root  # cached on the request, shared with base.html
        if root is None or root.locale.language_code != language:
            return cls()
        return cls.for_home(root)

    @classmethod
    def for_home(cls, home):
        """The search of the site of ``home`` in the home page's language."""
        return cls(home=home, locale=home.locale, regional=is_regional_home(home))

    @classmethod
    def other_languages(cls, request):
        """The scopes of the request's site in its other languages (those its
        home page is translated into and live in), in the order of LANGUAGES."""
        language = translation.get_language()
        order = [code for code, _name in settings.LANGUAGES]
        homes = [
            home
            for home in get_site_root(request).translations
            if home.locale.language_code != language and home.locale.language_code in order
        ]
        homes.sort(key=lambda home: order.index(home.locale.language_code))
        return [cls.for_home(home) for home in homes]

    @classmethod
    def fallback_scopes(cls, request):
        """The scopes of the request's site in the languages a page missing in
        the reader's is looked for in, in that order (``Frame.reading_order``,
        the reader's own left out), where the home page is live."""
        frame = frame_for(request)
        if frame is None or frame.site is None:
            return []
        homes = {home.locale.language_code: home for home in get_site_root(request).translations}
        return [
            cls.for_home(homes[code])
            for code in frame.reading_order[1:]
            if code in homes and code != frame.language
        ]

    def __bool__(self):
        return self.home is not None

    def stories(self, start=None):
        start = NewsItemPage.objects if start is None else start
        return start.readable().listed_on(self.home)

    def other_pages(self, kinds):
        """Galleries, reports and contact pages of the site (of every mission on
        the regional site) of the given kinds, as a Page queryset."""
        models = [model for kind in kinds for model in kind.models]
        pages = _published(Page.objects.filter(locale=self.locale).type(*models))
        if not self.regional:
            inside = Q(path__startswith=self.home.path)
            if PublicationPage in models:
                # Publications shared with the site, as its publications index lists them.
                shared = PublicationPage.objects.listed_on(self.home).values("pk")
                inside |= Q(pk__in=shared)
            pages = pages.filter(inside)
        return pages

    def pages(self, filters=SearchFilters()):
        """Every page the search covers, filtered: a Page queryset."""
        if not self:
            return Page.objects.none()
        subqueries = []
        if filters.wants(KINDS_BY_SLUG["story"]):
            story_filters = listings.StoryFilters(
                topic=filters.topic, year=filters.year, mission=filters.mission
            )
            if story_filters:
                stories = story_filters.apply(self.stories(), self.locale)
            else:
                # Read from the page table's index alone (no join with the
                # stories' table): the search's matches are looked up in it.
                stories = self.stories(NewsItemPage.as_pages())
            subqueries.append(stories)
        kinds = [k for k in KINDS if k.slug != "story" and filters.wants(k)]
        # Topics are for stories only: a topic filter leaves the other kinds out.
        if kinds and not filters.topic:
            others = self.other_pages(kinds)
            if filters.year is not None:
                dated = Q()
                for kind in kinds:
                    for model in kind.models if kind.date_field else ():
                        lookup = f"{model._meta.model_name}__{kind.date_field}__year"
                        dated |= Q(**{lookup: filters.year})
                others = others.filter(dated) if dated else others.none()
            if filters.mission:
                others = listings.filter_by_mission(others, filters.mission, self.locale)
            subqueries.append(others)
        if not subqueries:
            return Page.objects.none()
        # The page querysets' conditions joined into one (one scan of the page
        # table, which PostgreSQL joins to the matches; an OR of subqueries
        # would be looked up row by row); others (filtered stories) by pk.
        pages = None
        for subquery in subqueries:
            if subquery.model is not Page:
                subquery = Page.objects.filter(pk__in=subquery.values("pk"))
            pages = subquery if pages is None else pages | subquery
        # Searched by pk: the backends filter a search by indexed fields only.
        return Page.objects.filter(pk__in=pages.values("pk"))

    # --- The filters' options ---

    @cached_property
    def _story_facets(self):
        """(topics, years) of the scope's stories: one query for both."""
        topics, years, _count = listings.listing_facets(self.stories(), self.locale)
        return topics, years

    def topics(self):
        if not self:
            return []
        return self._story_facets[0]

    def years(self):
        """The years of the stories, galleries and reports, newest first."""
        if not self:
            return []
        years = set(self._story_facets[1])
        for kind in KINDS:
            if kind.slug == "story" or not kind.date_field:
                continue
            for model in kind.models:
                pages = _published(model.objects.filter(locale=self.locale))
                if not self.regional:
                    pages = pages.descendant_of(self.home)
                years.update(day.year for day in pages.order_by().dates(kind.date_field, "year"))
        return sorted(years, reverse=True)

    def missions(self):
        return listings.mission_choices(self.locale) if self and self.regional else []


# --- Results ----------------------------------------------------------------------------


def _result_ids(results):
    """The pks of every result, most relevant first, without making the pages."""
    compiler = getattr(results, "query_compiler", None)
    ranked = getattr(compiler, "ranked_ids", None)
    if ranked is not None:  # one query (search/backends/sqlite.py, postgres.py)
        return ranked(compiler.get_config(results.backend))
    get_queryset = getattr(results, "get_queryset", None)  # the database backends
    if get_queryset is not None:
        return list(get_queryset().values_list("pk", flat=True))
    return [page.pk for page in results[:MAX_RANKED_RESULTS]]  # OpenSearch


def ranked_ids(scope, text, filters, language):
    """The pks of the pages a search finds on the scope's site, most relevant
    first: one query."""
    if not scope or not text:
        return []

    backend = backends.for_language(language)
    return _result_ids(backend.search(text.query, scope.pages(filters), operator="and"))


def ranked_in_reading_order(request, scope, text, filters, language):
    """``ranked_ids`` in the reader's language, then in each of the site's
    next languages (``SearchScope.fallback_scopes``, each searched with its
    own text search configuration), each page once, in the first language
    it was found in: one query a language, and one for the translation keys
    of the pages found in all but the largest of them (a page of the largest
    whose key is not among those has no translation in the others)."""
    groups = [ranked_ids(scope, text, filters, language)]
    for other in SearchScope.fallback_scopes(request):
        groups.append(ranked_ids(other, text, filters, other.locale.language_code))
    if len(groups) < 2:
        return groups[0]
    largest = max(range(len(groups)), key=lambda index: len(groups[index]))
    fewer = [pk for index, group in enumerate(groups) if index != largest for pk in group]
    keys = {}
    if fewer:
        keys = dict(
            Page.objects.filter(
                translation_key__in=Page.objects.filter(pk__in=fewer).values("translation_key")
            ).values_list("pk", "translation_key")
        )
    # A page without a key here has no translation among the others (and
    # pks are unique): only those with one are looked for among those seen.
    seen, ids = set(), []
    for group in groups:
        for pk in group:
            key = keys.get(pk)
            if key is None:
                ids.append(pk)
            elif key not in seen:
                seen.add(key)
                ids.append(pk)
    return ids


def pages_in_order(ids):
    """The specific pages of ``ids``, in that order, without their stream fields
    (results show titles and summaries, not bodies)."""
    pages = Page.objects.filter(pk__in=ids).defer_streamfields().specific()
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in ids if pk in by_id]


@dataclass
class SearchHit:
    """One result as the template shows it."""

    page: Page  # the specific page
    kind: Kind
    date: object = None
    mission: str = ""
    summary: str = ""  # HTML: escaped text with the matched words in <mark>
    promoted: bool = False
    description: str = ""  # an editor's words for a promoted result
    language: str = ""  # the page's language code

    @property
    def title(self):
        return self.page.title


@dataclass
class ExternalPromotion:
    """A promoted link to another website."""

    title: str
    url: str
    description: str = ""
    promoted: bool = True


def summary_of(page):
    """The plain text shown under a result's title."""
    if getattr(page, "search_description", ""):
        return page.search_description
    summary = getattr(page, "summary", "")
    if summary:
        return summary
    intro = get_text_for_indexing(str(getattr(page, "intro", "") or ""))
    if intro:
        return intro
    return getattr(page, "place", "")


def hits(pages, terms, promoted=False):
    """SearchHits for specific pages, in their order, without queries of its
    own (the home pages' titles are kept per content generation)."""
    pages = list(pages)
    homes = home_pages()  # kept per content generation
    codes = language_codes() if pages else {}
    results = []
    for page in pages:
        kind = KIND_OF_MODEL.get(type(page)) or KINDS_BY_SLUG["contact"]
        results.append(
            SearchHit(
                page=page,
                kind=kind,
                date=getattr(page, kind.date_field, None) if kind.date_field else None,
                mission=getattr(homes.get(page.path[:HOME_PATH_LENGTH]), "title", ""),
                summary=highlight(summary_of(page), terms),
                promoted=promoted,
                language=language_of(page.locale_id, codes),
            )
        )
    return results


class Promotions:
    """The editors' promoted results for a query (wagtail.contrib.search_promotions),
    the pages among them in the active language and readers' reach on this site."""

    def __init__(self, raw_query, scope, terms):
        self.query_string = normalise_query_string(raw_query)
        self.scope = scope
        self.terms = terms

    @cached_property
    def items(self):
        if not self.query_string or not self.scope:
            return []
        promotions = list(
            SearchPromotion.objects.filter(query__query_string=self.query_string)
            .select_related("page")
            .order_by("sort_order", "pk")
        )
        if not promotions:
            return []
        keys = [p.page.translation_key for p in promotions if p.page_id]
        pages = {}
        if keys:
            visible = (
                self.scope.pages().filter(translation_key__in=keys).defer_streamfields().specific()
            )
            pages = {page.translation_key: page for page in visible}
        chosen = []  # (promotion, its page here or None)
        seen = set()
        for promotion in promotions:
            if promotion.page_id:
                page = pages.get(promotion.page.translation_key)
                if page is None or page.pk in seen:
                    continue  # not on this site, not in this language, or not public
                seen.add(page.pk)
                chosen.append((promotion, page))
            elif promotion.external_link_url:
                chosen.append((promotion, None))
        page_hits = iter(hits([page for _, page in chosen if page is not None], self.terms, True))
        items = []
        for promotion, page in chosen:
            if page is None:
                item = ExternalPromotion(
                    title=promotion.external_link_text or promotion.external_link_url,
                    url=promotion.external_link_url,
                )
            else:
                item = next(page_hits)
            item.description = promotion.description
            items.append(item)
        return items

    @property
    def page_ids(self):
        return [item.page.pk for item in self.items if isinstance(item, SearchHit)]
