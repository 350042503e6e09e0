"""The public search of every site, and the suggestions of its search box."""

import logging
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.html import format_html
from django.views.decorators.http import require_safe

from search import backends
from search import tasks as search_queries
from search.scope import (
    KINDS,
    RESULTS_PER_PAGE,
    Promotions,
    SearchFilters,
    SearchScope,
    hits,
    pages_in_order,
    ranked_ids,
    ranked_in_reading_order,
)
from search.text import parse_query
from website.chrome import LANGUAGE_NAMES

logger = logging.getLogger(__name__)

MAX_SUGGESTIONS = 8
MIN_SUGGEST_LENGTH = 2
# Seconds browsers and shared caches may keep suggestions: as long as the
# pages themselves (website.cache.BROWSER_MAX_AGE), so an unpublished page
# is not suggested for longer than it is shown.
SUGGEST_MAX_AGE = 60


@dataclass(frozen=True)
class MatchesInLanguage:
    """Where a search that found nothing here finds pages: in this language
    of the same site."""

    language: str  # its code
    name: str  # in that language ("Русский")
    count: int
    url: str  # the same search in that language

    @property
    def name_html(self):
        """The name marked with its language, for screen readers."""
        return format_html('<span lang="{}">{}</span>', self.language, self.name)


def matches_in_other_languages(request, text):
    """The site's other languages whose pages the words match (one query a
    language, asked only when nothing matches in the visitor's language)."""
    found = []
    for scope in SearchScope.other_languages(request):
        language = scope.locale.language_code
        count = len(ranked_ids(scope, text, SearchFilters(), language))
        if count:
            with translation.override(language):
                url = f"{reverse('search')}?{urlencode({'q': text.raw})}"
            found.append(
                MatchesInLanguage(language, LANGUAGE_NAMES.get(language, language), count, url)
            )
    return found


class SearchResponse(TemplateResponse):
    """A TemplateResponse that runs ``after_response`` callbacks when it is
    closed: WSGI and ASGI servers (and Django's test client) close a response
    after its last byte has been sent, so the visitor never waits for them."""

    def __init__(self, *args, after_response=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.after_response = list(after_response)

    def close(self):
        callbacks, self.after_response = self.after_response, []
        for callback in callbacks:
            try:
                callback()
            except Exception:  # the visitor has their answer; keep the worker going
                logger.exception("A search's after-response work failed")
        super().close()


@require_safe
def search(request):
    """Search the current site's stories, galleries, reports and contact pages
    in the current language (every mission's on the regional site)."""
    text = parse_query(request.GET.get("q"))
    scope = SearchScope.for_request(request)
    filters = SearchFilters.from_query(request.GET, regional=scope.regional)
    context = {
        "search_query": text.raw,
        "search_has_words": bool(text),
        "search_shortened": text.shortened,
        "search_results": None,
        "promotions": [],
        "result_count": 0,
        "filters": filters.as_dict(),
        "filtered": bool(filters),
        "kinds": KINDS,
        "topics": [],
        "years": [],
        "missions": [],
        "other_languages": [],
    }
    after_response = []
    if text:
        context.update(topics=scope.topics(), years=scope.years(), missions=scope.missions())
        promotions = Promotions(text.raw, scope, text.terms)
        ids = ranked_in_reading_order(request, scope, text, filters, translation.get_language())
        if promotions.page_ids:
            promoted_ids = set(promotions.page_ids)
            ids = [pk for pk in ids if pk not in promoted_ids]
        page = Paginator(ids, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        page.object_list = hits(pages_in_order(page.object_list), text.terms)
        promoted = promotions.items if page.number == 1 else []
        context.update(
            search_results=page,
            promotions=promoted,
            result_count=page.paginator.count + len(promotions.items),
        )
        if not context["result_count"] and not filters:
            context["other_languages"] = matches_in_other_languages(request, text)
        if request.GET.get("page", "1") == "1":
            # Counted once per search, not per page of results, after the answer.
            after_response.append(lambda: search_queries.counter.add(text.raw))
    return SearchResponse(request, "search/search.html", context, after_response=after_response)


@require_safe
def suggest(request):
    """Up to eight titles of pages the search covers, whose words start with
    what the visitor typed, as JSON: ``{"query": …, "results": [{"title",
    "url"}, …]}``. The same for everyone, so browsers and caches may keep it."""
    text = parse_query(request.GET.get("q"), max_length=100)
    results = []
    if len(text.query) >= MIN_SUGGEST_LENGTH:
        scope = SearchScope.for_request(request)
        if scope:
            backend = backends.for_language(translation.get_language())
            pages = backend.autocomplete(text.query, scope.pages(), operator="and")
            results = [
                {"title": page.title, "url": page.get_url(request)}
                for page in pages[:MAX_SUGGESTIONS]
            ]
    # The query as searched: plain words, nothing of the input's markup.
    response = JsonResponse({"query": text.query, "results": results})
    patch_cache_control(response, public=True, max_age=SUGGEST_MAX_AGE)
    return response
