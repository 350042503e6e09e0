"""Which site, home page and language a page belongs to, and which pages the
public may see: the one place every app asks.

A site's home page sits right under the tree's root (depth 2), so the first
two steps of a page's path are its home page's path, in the page's language
(each translation of a home page is a tree of its own). The regional home
page's type says that its site lists every mission's stories
(``lists_every_story``); every other home page is a mission's.

What changes only with the content (the home pages, the private sections, the
locales) is kept per content generation (website/cache.py). This module
imports no page model of the project's apps.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction, Site

from website.cache import memoized

HOME_PATH_LENGTH = 2 * Page.steplen


def home_path(page):
    """The path of the home page above ``page`` (its own when it is one)."""
    return page.path[:HOME_PATH_LENGTH]


def lists_every_story(home):
    """Whether the site of ``home`` lists every mission's stories (the regional
    site): its page type says so with ``lists_every_story``."""
    return getattr(home.specific_class, "lists_every_story", False)


def home_pages():
    """Every home page (depth 2, any language, live or not) by path; plain
    Pages with ``is_regional`` set. One query per content generation."""

    def load():
        homes = {}
        for page in Page.objects.filter(depth=2).order_by("path"):
            page.is_regional = lists_every_story(page)
            homes[page.path] = page
        return homes

    return memoized(("newsroom", "home-pages"), load)


def home_page_for(page):
    """The home page (a plain Page) of the site a page belongs to, or None."""
    return home_pages().get(home_path(page))


def home_of(page):
    """The home page (regional or mission) a page belongs to, not specific."""
    if page.depth == 2:
        return page
    home = home_page_for(page)
    if home is not None:
        return home
    return Page.objects.get(path=home_path(page))


def is_regional_home(home):
    regional = getattr(home, "is_regional", None)
    if regional is not None:
        return regional
    return lists_every_story(home)


def locale_ids():
    """The locales' pks by language code, kept per content generation."""
    return memoized(
        ("newsroom", "locale-ids"),
        lambda: dict(Locale.objects.values_list("language_code", "pk")),
    )


def with_homes(pages):
    """Pair each page with its site's home page (depth 2); the home pages are
    kept per content generation (website.sites.home_pages)."""
    pages = [page for page in pages if page is not None]
    homes = home_pages() if pages else {}
    return [(page, homes.get(page.path[:HOME_PATH_LENGTH])) for page in pages]


# --- What the public may see -------------------------------------------------------


def restricted_paths():
    """The paths of the pages with a view restriction (private sections)."""
    return memoized(
        ("newsroom", "restricted-paths"),
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )


def public_q():
    """A condition keeping pages outside private sections: Wagtail's
    ``PageQuerySet.public()``, without its query for the restrictions."""
    private = Q()
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    return ~private if private else Q()


# --- The site of a request ----------------------------------------------------------


@dataclass
class SiteRoot:
    """The request's site and its home page in the active language."""

    site: Site | None = None
    root: Page | None = None  # the home page, localized when translated and live
    default_root: Page | None = None  # the home page in the site's own language
    translations: list = field(default_factory=list)  # live translations of the home page

    @property
    def name(self):
        # A Site's name is in English; a translated home page's title is the
        # site's name in the reader's language.
        if self.root is not None and self.default_root is not None:
            if self.root.pk != self.default_root.pk:
                return self.root.title
        if self.site is not None and self.site.site_name:
            return self.site.site_name
        if self.root is not None:
            return self.root.title
        return settings.WAGTAIL_SITE_NAME

    @property
    def is_mission(self):
        return self.root is not None and not lists_every_story(self.root)


def get_site_root(request):
    """The SiteRoot of a request, looked up once (two queries) and cached on it."""
    if request is None:
        return SiteRoot()
    cached = getattr(request, "_newsroom_site_root", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    result = SiteRoot(site=site)
    if site is not None:

        def load_roots():
            default_root = Page.objects.filter(pk=site.root_page_id).values("translation_key")
            return list(
                Page.objects.filter(translation_key__in=default_root)
                .filter(Q(live=True) | Q(pk=site.root_page_id))
                .select_related("locale")
                .order_by("path")
            )

        # Kept per content generation (website/cache.py): no query once warm.
        roots = memoized(("site-tags", "roots", site.pk, site.root_page_id), load_roots)
        language = translation.get_language()
        localized = [p for p in roots if p.locale.language_code == language]
        fallback = [p for p in roots if p.pk == site.root_page_id]
        result.default_root = (fallback or [None])[0]
        result.root = (localized or fallback or [None])[0]
        result.translations = [p for p in roots if p.live]
    request._newsroom_site_root = result
    return result
