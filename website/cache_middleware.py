"""Serve anonymous visitors' pages from the cache; see website/cache.py.

Placed right after the security middleware (and whitenoise), so a cached page
is answered before sessions, authentication, locale, CSRF and the page's
rendering run: no database query at all. The headers the inner middleware set
(Content-Security-Policy, Permissions-Policy, X-Frame-Options, Content-Language)
are stored with the page; the outer ones (HSTS, X-Request-ID) are added to each
answer.

A request is answered from the cache, and its response stored, only when:

- it is a GET (HEAD is answered from a stored GET), with no query parameter
  other than the listings' ``page``, ``topic``, ``year`` and ``mission``
  (tracking parameters such as ``utm_source`` or ``fbclid`` are dropped from
  every request first);
- it carries no session cookie (editors, and anyone who logged in or entered a
  page's password) and no cookie of pending messages, and it is not one of
  Wagtail's preview requests (``is_dummy``);
- the page cache is on (``PAGE_CACHE_SECONDS`` > 0) and the cache answers.

A response is stored only when it is a 200 with an HTML, XML or feed body, not
streamed, not a preview, sets no cookie (so no CSRF token was put in it, and no
message was left), uses no CSP nonce, varies on nothing but the cookies above,
and has no Cache-Control of its own.

Cache-Control: ``public, max-age=60, s-maxage=…`` on what may be stored (hit or
miss), less when a page expires sooner (the generation's deadline, see
website/cache.py); ``private, no-store`` for visitors with a session (editors)
unless the view said otherwise.
"""

import logging
from collections import OrderedDict

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control

from website import cache as page_cache

logger = logging.getLogger(__name__)

CACHE_HEADER = "X-Page-Cache"
CACHED_CONTENT_TYPES = (
    "text/html",
    "application/xml",
    "text/xml",
    "application/rss+xml",
    "application/atom+xml",
)
# Inner middleware may vary a response on these; a request that reaches the
# cache has no session or messages cookie, so the stored page fits all such
# requests. Anything else (Accept-Language on an address without a language,
# Authorization, *) is not stored.
ALLOWED_VARY = frozenset({"cookie", "accept-encoding"})
UNCACHED_PATH_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/healthz")


def _cookie_names():
    return (
        settings.SESSION_COOKIE_NAME,
        getattr(settings, "MESSAGES_COOKIE_NAME", "messages"),
    )


# The pages this process answered last, so that a hit costs one small round
# trip to the cache (the generation) instead of fetching the page: at most
# LOCAL_PAGES of them (a few megabytes), least recently used first out.
LOCAL_PAGES = 500
_local_pages = OrderedDict()


def _remember(key, entry):
    _local_pages[key] = entry
    _local_pages.move_to_end(key)
    while len(_local_pages) > LOCAL_PAGES:
        _local_pages.popitem(last=False)


# Parameters that links from campaigns, newsletters, social networks and search
# engines add to an address. They mean nothing to the site (analytics read them
# in the browser), so they are taken out of the request before anything sees
# them: the page is answered from the cache, and links made from the
# parameters (pagination) do not carry them on.
TRACKING_PARAMETER_PREFIXES = ("utm_",)
TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga"}
)


def _is_tracking(name):
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PARAMETER_PREFIXES)


def drop_tracking_parameters(request):
    """Take the tracking parameters out of ``request.GET``. The query string
    itself is left alone: a redirect (to the visitor's language, or a slash
    added) passes them on to the address the browser, and its analytics, end
    up at."""
    if request.path.startswith(UNCACHED_PATH_PREFIXES):
        return
    if not any(_is_tracking(name) for name in request.GET):
        return
    query = request.GET.copy()
    for name in [name for name in query if _is_tracking(name)]:
        del query[name]
    query._mutable = False
    request.GET = query


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = page_cache.start_rendering()
        try:
            return self.answer(request)
        finally:
            page_cache.end_rendering(token)

    def answer(self, request):
        drop_tracking_parameters(request)
        has_session = any(name in request.COOKIES for name in _cookie_names())
        # Wagtail's previews run through the middleware as "dummy" requests.
        dummy = getattr(request, "is_dummy", False)
        key = None if has_session or dummy else self.cache_key(request)
        state = None
        if key is not None:
            try:
                state, entry = self.lookup(key)
            except Exception:
                logger.exception("The page cache cannot be read")
                key = entry = None
            if state is not None and state[0] is None:
                # The cache answers nothing (Redis down): no generation to
                # check a page against, so none is served or kept.
                key = entry = None
            if entry is not None:
                return self.cached_response(request, entry, state)
            if state is not None:
                page_cache.render_with_generation(state[0])

        response = self.get_response(request)

        if has_session:
            if "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_store=True)
            return response
        if key is not None and self.storable(request, response):
            self.patch_max_ages(response, state)
            response[CACHE_HEADER] = "miss"
            self.store(key, state, response)
        return response

    # --- Which requests ----------------------------------------------------------

    @staticmethod
    def cache_key(request):
        if request.method not in ("GET", "HEAD") or page_cache.cache_seconds() == 0:
            return None
        path = request.path
        if path.startswith(UNCACHED_PATH_PREFIXES) or path.startswith(
            (settings.STATIC_URL, settings.MEDIA_URL)
        ):
            return None
        query = page_cache.cached_query(request.GET)
        if query is None:
            return None
        try:
            host = request.get_host()
        except DisallowedHost:
            return None
        return page_cache.page_key(request.scheme, host, path, query)

    # --- Which responses ---------------------------------------------------------

    @staticmethod
    def storable(request, response):
        if request.method != "GET" or response.status_code != 200:
            return False
        if response.streaming or getattr(request, "is_preview", False):
            return False
        if not response.get("Content-Type", "").startswith(CACHED_CONTENT_TYPES):
            return False
        if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        if "Cache-Control" in response:
            return False
        messages = getattr(request, "_messages", None)
        if messages is not None and len(messages):
            return False
        vary = {value.strip().lower() for value in cc_delim_re.split(response.get("Vary", ""))}
        if vary - ALLOWED_VARY - {""}:
            return False
        policy = response.get("Content-Security-Policy", "")
        return "'nonce-" not in policy

    # --- The entries: in the shared cache, and the most used in this process ---

    @staticmethod
    def lookup(key):
        """((current generation, its deadline), the stored entry for ``key`` if
        it is of that generation). One round trip to the cache: for the
        generation and its deadline alone when this process holds the page,
        for the page too otherwise."""
        cache = page_cache.page_cache()
        local = _local_pages.get(key)
        if local is not None:
            found = cache.get_many(page_cache.STATE_KEYS)
            entry = local
        else:
            found = cache.get_many([key, *page_cache.STATE_KEYS])
            entry = found.get(key)
        state = page_cache.current_state(cache, found)
        if entry is None or entry[0] != state[0]:
            return state, None
        _remember(key, entry)
        return state, entry

    @staticmethod
    def store(key, state, response):
        generation, deadline = state
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in ("set-cookie", "x-request-id", "cache-control")
        ]
        entry = (generation, response.status_code, headers, response.content)
        try:
            page_cache.page_cache().set(key, entry, page_cache.entry_timeout(deadline))
        except Exception:
            logger.exception("The page cache cannot be written")
        _remember(key, entry)

    @staticmethod
    def patch_max_ages(response, state):
        """Cache-Control for a public page: how long browsers and CDNs may keep
        it, never past the generation's deadline (a page expiring)."""
        max_age, s_maxage = page_cache.max_ages(state[1])
        patch_cache_control(response, public=True, max_age=max_age, s_maxage=s_maxage)

    @classmethod
    def cached_response(cls, request, entry, state):
        _generation, status, headers, content = entry
        response = HttpResponse(b"" if request.method == "HEAD" else content, status=status)
        for name, value in headers:
            response[name] = value
        cls.patch_max_ages(response, state)
        response[CACHE_HEADER] = "hit"
        return response
