"""The full-page cache: what is cached, under which key, and when it goes stale.

Anonymous visitors' GET requests for public pages are answered from the cache
(``website.cache_middleware.PageCacheMiddleware``) without touching the
database. Invalidation is exact and needs no list of URLs:

- One number, the **content generation**, lives in the cache (so every process
  sharing a Redis cache sees the same one). Each stored page carries the
  generation that was current when its rendering *started*; a stored page is
  served only while that is still the current generation.
- Every change a reader could see bumps the generation (:func:`bump_generation`),
  from signals: a page published, unpublished, moved, deleted or saved with
  public fields; a snippet or setting of our apps saved or deleted (topics,
  footer texts, site settings, gallery photos…); a site, locale, view
  restriction, image or document saved or deleted. Saving a draft (only
  ``latest_revision``, ``draft_title``, ``has_unpublished_changes``…) and making
  a rendition do not bump it. So a published story shows at once on its page,
  on every site's listing and home page that shows it, in the report issues and
  the footers, without working out which those are.
- The generation is bumped at once *and* again when the transaction commits:
  the first makes the change visible to the process that made it (and to tests,
  which never commit), the second throws away a page another process may have
  rendered from the old data between the first bump and the commit.
- A missing generation (cache flushed or evicted) starts again from the current
  time in microseconds, never from a number used before.
- Expiry is an event too, without waiting for ``publish_scheduled``: with the
  generation the cache keeps its **deadline**, the earliest future
  ``expire_at`` of a live page (one query, once per generation, shared by
  every process). The first request after the deadline bumps the generation,
  so every page and search result that could show the expired page is stale
  at once; until then nothing is asked of the database.
  Entries are kept no longer than the deadline, and ``Cache-Control`` lets
  browsers and CDNs keep a page no longer either. Going live needs no clock:
  ``publish_scheduled`` publishes the page, and the publish bumps the
  generation.

The per-page revision is covered by the generation: publishing any revision
bumps it. The key is built from the site (scheme and host), the path (which
carries the language: ``/en/…``, ``/ru/…``) and the listing parameters that
change a page (``page``, ``topic``, ``year``, ``mission``). Requests with any
other parameter are not cached.

With ``wagtail.contrib.frontend_cache`` configured (FRONTEND_CACHE_URL or the
Cloudflare variables), a CDN in front is told to purge, after the commit, the
changed page and the pages that list it (see :func:`pages_listing`); the rest
expire after ``s-maxage``.
"""

import contextvars
import hashlib
import logging
import math
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import post_delete, post_save
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)


def code_version():
    """The version of the code that renders the pages: ``CODE_VERSION`` when a
    deployment sets it (e.g. the release's commit), else a digest of the
    project's code, templates, translations and static files. It is part of
    every key below, so a deploy starts with a fresh page cache without
    flushing a cache other programs may share."""
    configured = getattr(settings, "CODE_VERSION", "")
    if configured:
        return configured
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for folder in CODE_FOLDERS:
        for path in sorted((base / folder).rglob("*")):
            if path.suffix in CODE_SUFFIXES and path.is_file():
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


# What the digest of code_version() reads: every app's code and templates, the
# interface translations and the static files.
CODE_FOLDERS = ("website", "newsroom", "missions", "search", "subscriptions", "locale", "static")
CODE_SUFFIXES = frozenset({".py", ".html", ".txt", ".xml", ".mo", ".css", ".js", ".svg"})
CODE_VERSION = code_version()

_PREFIX = f"page-cache:{CODE_VERSION}:"
GENERATION_KEY = _PREFIX + "generation"
# (generation, its deadline: the earliest future expiry of a live page, or None).
DEADLINE_KEY = _PREFIX + "deadline"
# Set by the one process that ends a generation whose deadline passed.
DEADLINE_PASSED_KEY_PREFIX = _PREFIX + "deadline-passed:"
STATE_KEYS = (GENERATION_KEY, DEADLINE_KEY)
KEY_PREFIX = _PREFIX + "page:"
# Query parameters of listings that select what a page shows. With any other
# parameter a request is neither answered from nor stored in the cache.
CACHED_QUERY_PARAMETERS = frozenset({"page", "topic", "year", "mission"})
# Browsers keep a public page this long; shared caches (a CDN) this long, or
# longer when they are purged on publish (wagtail.contrib.frontend_cache).
BROWSER_MAX_AGE = 60
SHARED_MAX_AGE = 60
PURGED_SHARED_MAX_AGE = 300

# Page fields a draft save or a lock writes: nothing readers see.
DRAFT_ONLY_FIELDS = frozenset(
    {
        "wagtail_admin_comments",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        "numchild",
    }
)
# Apps whose every model is content (pages, snippets, settings).
CONTENT_APPS = frozenset({"website", "newsroom", "missions"})
# Other models whose changes readers see.
CONTENT_MODELS = frozenset(
    {
        "wagtailcore.site",
        "wagtailcore.locale",
        "wagtailcore.pageviewrestriction",
        "wagtailcore.collectionviewrestriction",
        "wagtailimages.image",
        "images.customimage",
        "wagtaildocs.document",
    }
)


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def cache_seconds():
    """How long a page stays in the cache; 0 when the page cache is off."""
    return max(0, int(getattr(settings, "PAGE_CACHE_SECONDS", 0) or 0))


def frontend_cache_enabled():
    return apps.is_installed("wagtail.contrib.frontend_cache")


def shared_max_age():
    return PURGED_SHARED_MAX_AGE if frontend_cache_enabled() else SHARED_MAX_AGE


# --- The content generation ----------------------------------------------------------


def _fresh_generation():
    # Later than any generation handed out before (each bump adds one).
    return time.time_ns() // 1000


def current_generation(cache=None):
    return current_state(cache)[0]


def current_state(cache=None, found=None):
    """(the current generation, its deadline or None). ``found``: what
    ``cache.get_many(STATE_KEYS)`` (and maybe more keys) returned, when the
    caller read them already. No query unless the generation is new to the
    cache (then one: :func:`next_expiry`)."""
    cache = cache or page_cache()
    if found is None:
        found = cache.get_many(STATE_KEYS)
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = _started(cache)
    kept = found.get(DEADLINE_KEY)
    now = timezone.now()
    if kept is not None and kept[0] == generation:
        deadline = kept[1]
        if deadline is None or now < deadline:
            return generation, deadline
        # A page expired: whatever was kept may show it. One process ends the
        # generation; the others see the new one.
        if cache.add(DEADLINE_PASSED_KEY_PREFIX + str(generation), True, timeout=3600):
            _bump()
        generation = cache.get(GENERATION_KEY) or _started(cache)
    deadline = next_expiry(now)
    _keep_deadline(cache, generation, deadline)
    return generation, deadline


def _started(cache):
    cache.add(GENERATION_KEY, _fresh_generation(), timeout=None)
    return cache.get(GENERATION_KEY)


def next_expiry(now):
    """The earliest moment after ``now`` at which a live page expires, or None.

    Expired pages stay live until ``publish_scheduled`` unpublishes them, but
    every query of what readers see leaves them out (``expire_at <= now``) and
    Wagtail's serving answers 404 for them (website/wagtail_hooks.py); so what
    was kept before that moment must not be served after it."""
    from wagtail.models import Page

    return Page.objects.filter(live=True, expire_at__gt=now).aggregate(moment=Min("expire_at"))[
        "moment"
    ]


def _keep_deadline(cache, generation, deadline):
    """Share the deadline of ``generation``. Two processes may work it out at
    once, a page expiring in between: the sooner deadline is kept."""
    if cache.add(DEADLINE_KEY, (generation, deadline), timeout=None):
        return
    kept = cache.get(DEADLINE_KEY)
    if (
        kept is None
        or kept[0] < generation
        or (
            kept[0] == generation
            and deadline is not None
            and (kept[1] is None or deadline < kept[1])
        )
    ):
        cache.set(DEADLINE_KEY, (generation, deadline), timeout=None)


def _seconds_to(deadline):
    return (deadline - timezone.now()).total_seconds()


def entry_timeout(deadline):
    """How long an entry of the generation of ``deadline`` may be kept: the
    page cache's time, or less when the deadline comes sooner."""
    seconds = cache_seconds()
    if deadline is None:
        return seconds
    return max(1, min(seconds, math.ceil(_seconds_to(deadline))))


def max_ages(deadline):
    """(max-age, s-maxage) of a public page of the generation of ``deadline``:
    browsers and CDNs keep it no longer than the deadline either."""
    ages = (BROWSER_MAX_AGE, shared_max_age())
    if deadline is None:
        return ages
    left = max(0, math.floor(_seconds_to(deadline)))
    return tuple(min(age, left) for age in ages)


def _bump():
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # missing: flushed, evicted, or never set
        if not cache.add(GENERATION_KEY, _fresh_generation(), timeout=None):
            cache.incr(GENERATION_KEY)
    except Exception:  # the cache is down: nothing is served from it either
        logger.exception("Could not bump the page cache generation")


def bump_generation():
    """Make every cached page stale: now, and again when the transaction commits."""
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump, robust=True)


# --- Cache keys and entries ----------------------------------------------------------------


FRAGMENT_PREFIX = _PREFIX + "fragment:"


class _Rendering:
    """What one request's rendering read of the cache: the generation it
    renders with, and the fragments read ahead (``read_fragments``: their
    HTML, or None for those not kept)."""

    __slots__ = ("generation", "read")

    def __init__(self):
        self.generation = None
        self.read = {}


_rendering = contextvars.ContextVar("page_cache_rendering", default=None)


def start_rendering():
    """Start a request's rendering (PageCacheMiddleware): its fragments are
    of one generation, read from the cache once, not once per fragment. Give
    the returned token to :func:`end_rendering`."""
    return _rendering.set(_Rendering())


def end_rendering(token):
    _rendering.reset(token)


def render_with_generation(generation):
    """The generation the request's page cache lookup read: its fragments are
    of that one (no round trip for it)."""
    rendering = _rendering.get()
    if rendering is not None and generation is not None:
        rendering.generation = generation


def _fragment_generation(cache):
    # The generation alone (no query): when a page's expiry passes, the page
    # cache ends the generation (current_state), and the keys with it.
    rendering = _rendering.get()
    if rendering is not None and rendering.generation is not None:
        return rendering.generation, rendering
    generation = cache.get(GENERATION_KEY) or _started(cache)
    if rendering is not None:
        rendering.generation = generation
    return generation, rendering


def _fragment_key(name, generation, parts):
    return FRAGMENT_PREFIX + ":".join(str(part) for part in (name, generation, *parts))


def fragment(name, parts, render):
    """The HTML of a part of pages rendered alike on many of them (the
    footer of a site in one language), kept while the content generation
    lasts: any publish or edit starts a new generation, and with it a new
    key. ``render()`` when the page cache is off (tests, development) or the
    part is not kept yet. Measured: the footer costs a query and a sixth of
    an uncached page's rendering."""
    seconds = cache_seconds()
    if not seconds:
        return render()
    cache = page_cache()
    generation, rendering = _fragment_generation(cache)
    key = _fragment_key(name, generation, parts)
    if rendering is not None and key in rendering.read:
        html = rendering.read.pop(key)
    else:
        html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, timeout=seconds)
    return html


def kept_part(name, parts, template, context, prepare=None):
    """The HTML of ``template`` rendered with ``context`` (a page's, a dict)
    once ``prepare(context)`` has added what it shows, kept per content
    generation under ``name``, ``parts`` and the active language: the part of
    a page alike for every reader of its site in one language whose queries
    and cards cost most of the page's time (a news index's list, a report
    issue's sections, a home page's stories). When it is kept, ``prepare`` is
    not called and the page's own queries are left out. Rendered and not
    kept for a preview (it shows the page being edited) or when a part is
    None (the pk of a page not saved yet)."""

    def render():
        if prepare is not None:
            prepare(context)
        return render_to_string(template, context)

    if None in parts or getattr(context.get("request"), "is_preview", False):
        return mark_safe(render())
    return mark_safe(fragment(name, (*parts, translation.get_language()), render))


def read_fragments(name, parts_list):
    """Read the fragments ``name`` of each of ``parts_list`` in one round
    trip, for the calls of :func:`fragment` that follow in the same request
    (a list of story cards): measured with Redis, a round trip costs about
    0.2 ms, a tenth of a card list's rendering."""
    rendering = _rendering.get()
    if rendering is None or not parts_list or not cache_seconds():
        return
    cache = page_cache()
    generation, rendering = _fragment_generation(cache)
    keys = [_fragment_key(name, generation, parts) for parts in parts_list]
    found = cache.get_many(keys)
    for key in keys:
        rendering.read[key] = found.get(key)


def cached_query(query_dict):
    """The listing parameters of a query string, in a fixed order, or None when
    the query string has any other parameter (the request is then not cached)."""
    if not query_dict:
        return ""
    if not set(query_dict).issubset(CACHED_QUERY_PARAMETERS):
        return None
    return "&".join(
        f"{name}={value}" for name in sorted(query_dict) for value in query_dict.getlist(name)
    )


def page_key(scheme, host, path, query):
    """The cache key of a page: its site (scheme and host), path (with the
    language prefix) and listing parameters."""
    raw = f"{scheme}://{host}{path}?{query}"
    return KEY_PREFIX + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


# --- What invalidates: signal handlers -------------------------------------------------------


def _is_page(instance):
    from wagtail.models import Page

    return isinstance(instance, Page)


def is_content_model(model):
    opts = model._meta
    return opts.app_label in CONTENT_APPS or opts.label_lower in CONTENT_MODELS


def on_save(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw:  # loading fixtures
        return
    if _is_page(instance):
        if update_fields is not None and set(update_fields) <= DRAFT_ONLY_FIELDS:
            return
        bump_generation()
    elif is_content_model(sender):
        bump_generation()


def on_delete(sender, instance, **kwargs):
    if _is_page(instance) or is_content_model(sender):
        bump_generation()
        if _is_page(instance):
            purge_frontend_cache(instance, include_page=False)


def on_publish_or_unpublish(sender, instance, **kwargs):
    bump_generation()
    # Wagtail's frontend_cache purges the page itself on publish and unpublish.
    purge_frontend_cache(instance, include_page=False)


def on_move(sender, instance, **kwargs):
    bump_generation()
    purge_frontend_cache(instance, include_page=True)


def connect_signals():
    """Connect the handlers above (idempotent). Called by WebsiteConfig.ready()."""
    post_save.connect(on_save, dispatch_uid="page_cache_on_save")
    post_delete.connect(on_delete, dispatch_uid="page_cache_on_delete")
    page_published.connect(on_publish_or_unpublish, dispatch_uid="page_cache_on_publish")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="page_cache_on_unpublish")
    post_page_move.connect(on_move, dispatch_uid="page_cache_on_move")


# --- Purging a CDN (wagtail.contrib.frontend_cache) ----------------------------------------------


def pages_listing(page):
    """The live pages that show ``page`` besides itself: its parent, the home
    page of its site, the pages that choose it (report issues, featured
    stories), and what the page itself names: a page model may define
    ``pages_listing_it()``, returning the pks of the other pages that list it
    (a story: the home pages and news indexes of the sites it is shared with).
    The page cache knows no page type: each type says what lists it."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex

    pks = set()
    if page.depth > 2:
        home_path = page.path[: 2 * Page.steplen]
        parent_path = page.path[: -Page.steplen]
        pks |= set(
            Page.objects.filter(path__in={home_path, parent_path}).values_list("pk", flat=True)
        )
    own = getattr(page.specific_deferred, "pages_listing_it", None)
    if own is not None and page.pk:
        pks |= set(own())
    if page.pk:
        page_type = ContentType.objects.get_for_model(Page)
        pks |= {
            int(object_id)
            for object_id in ReferenceIndex.get_references_to(page)
            .filter(base_content_type=page_type)
            .values_list("object_id", flat=True)
            if str(object_id).isdigit()
        }
        pks.discard(page.pk)
    return list(Page.objects.live().filter(pk__in=pks).order_by("path"))


def purge_frontend_cache(page, *, include_page):
    """After the commit, ask the CDN to purge the pages that list ``page`` (and
    ``page`` itself when ``include_page``)."""
    if not frontend_cache_enabled():
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    try:
        pages = pages_listing(page)
    except Exception:
        logger.exception("Could not find the pages listing %r to purge", page)
        return
    if include_page and page.live:
        pages.append(page)

    def purge():
        batch = PurgeBatch()
        batch.add_pages(pages)
        batch.purge()

    transaction.on_commit(purge, robust=True)
