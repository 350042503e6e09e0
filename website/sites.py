"""Which site, home page and language a page belongs to, and which pages the
public may see: the one place every app asks.

A site's home page sits right under the tree's root (depth 2), so the first
two steps of a page's path are its home page's path, in the page's language
(each translation of a home page is a tree of its own). The regional home
page's type says that its site lists every mission's stories
(``lists_every_story``); every other home page is a mission's.

**The frame of a request.** What every public page needs to know about the
tree - the sites, every home page in every language (with its locale), the
private sections, the sections under the site's home page (the menu), the
page the address leads to with its ancestors, and their translations (the
language switcher) - is read in two queries (the sites, then the pages) once
per request, by :class:`Frame`. ``SiteFrameMiddleware`` makes the request
known to this module and, for the pages Wagtail serves, gives Wagtail the
site and the route from the frame, so that serving a page costs those two
queries and one more for the page itself, at any depth. Nothing is kept
between requests: the full-page cache (website/cache.py) is the only cache
of what readers see. Outside a request (the admin's previews of PDF
editions, management commands) each function asks the database itself.

This module imports no page model of the project's apps.
"""

import contextvars
from dataclasses import dataclass, field
from functools import cached_property, partial
from html import unescape
from operator import attrgetter

from django.conf import settings
from django.core.exceptions import DisallowedHost, ValidationError
from django.db import models
from django.db.models import BooleanField, Case, Exists, OuterRef, Q, Subquery, Value, When
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.sites import SiteRootPath

from website.prepared import Prepared

HOME_PATH_LENGTH = 2 * Page.steplen
# Addresses deeper than this are left to Wagtail's own routing (a 404).
MAX_ROUTE_DEPTH = 12


def home_path(page):
    """The path of the home page above ``page`` (its own when it is one)."""
    return page.path[:HOME_PATH_LENGTH]


def lists_every_story(home):
    """Whether the site of ``home`` lists every mission's stories (the regional
    site): its page type says so with ``lists_every_story``."""
    return getattr(home.specific_class, "lists_every_story", False)


def is_regional_home(home):
    regional = getattr(home, "is_regional", None)
    if regional is not None:
        return regional
    return lists_every_story(home)


# --- The site of a host ---------------------------------------------------------------


def site_for_host(sites, hostname, port):
    """The Site Wagtail chooses for ``hostname`` and ``port`` among ``sites``
    (wagtail.models.sites.get_site_for_hostname, without a query): the exact
    host and port, else the host on the default site, else the one site of
    that host on another port, else the default site (None without one)."""
    default = next((site for site in sites if site.is_default_site), None)
    by_host = [site for site in sites if site.hostname == hostname]
    for site in by_host:
        if site.port == port:
            return site
    for site in by_host:
        if site.is_default_site:
            return site
    if len(by_host) == 1:
        return by_host[0]
    return default


# --- The languages of a site -----------------------------------------------------------
# Each site answers in its own ordered list of languages (``SiteLanguages``,
# a site setting administrators edit): the first is the one its readers are
# sent to by default, and the order is the order in which a page missing in
# the reader's language is looked for in the others (``fallback_order``).
# A site without the setting answers in every language of settings.LANGUAGES.
# The setting lives here, in the foundation, because the frame reads it with
# the sites (in the same query) and nothing here may import the public site.


def all_languages():
    """Every language of the project, in settings.LANGUAGES order."""
    return [code for code, _name in settings.LANGUAGES]


def parse_languages(text):
    """The language codes of ``text`` ("ky, ru en"), in order, each once."""
    codes = [code.strip().lower() for code in (text or "").replace(",", " ").split()]
    return list(dict.fromkeys(code for code in codes if code))


def validate_languages(text):
    codes = parse_languages(text)
    known = set(all_languages())
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise ValidationError(
            _("Unknown language code: %(codes)s. Use: %(known)s."),
            params={"codes": ", ".join(unknown), "known": ", ".join(all_languages())},
        )
    if not codes:
        raise ValidationError(_("A site needs at least one language."))
    if settings.LANGUAGE_CODE not in codes:
        raise ValidationError(
            _("Keep English (en): every page is written in English first."),
        )


@register_setting(icon="site")
class SiteLanguages(BaseSiteSetting):
    """The languages a site answers in, in order of preference."""

    languages = models.CharField(
        max_length=100,
        validators=[validate_languages],
        help_text=_(
            "Language codes in order of preference, separated by commas, e.g. "
            '"ky, ru, en". The site answers only in these languages; a page not yet '
            "translated into the reader's language is shown in the first of the next "
            "ones it exists in. Codes: en, ru, kk, ky, tg, tk, uz. English must stay."
        ),
        verbose_name=_("languages"),
    )

    class Meta:
        app_label = "website"
        verbose_name = _("site languages")
        verbose_name_plural = _("site languages")

    def __str__(self):
        return self.languages

    def clean(self):
        super().clean()
        self.languages = ", ".join(parse_languages(self.languages))

    @property
    def language_list(self):
        return parse_languages(self.languages)


def with_languages(sites):
    """``sites`` (a Site queryset) with each one's language setting read in
    the same query (``site_languages``)."""
    setting = SiteLanguages.objects.filter(site=OuterRef("pk")).values("languages")[:1]
    return sites.annotate(language_setting=Subquery(setting))


def site_languages(site):
    """The ordered language codes of ``site`` (every language without a
    setting, or without a site); one query unless the site came with its
    setting (``with_languages``)."""
    if site is None:
        return all_languages()
    if not hasattr(site, "language_setting"):
        site.language_setting = (
            SiteLanguages.objects.filter(site=site).values_list("languages", flat=True).first()
        )
    known = set(all_languages())
    codes = [code for code in parse_languages(site.language_setting) if code in known]
    return codes or all_languages()


def fallback_order(languages, language):
    """The order in which a page is looked for when asked in ``language`` on
    a site of ``languages``: that language, then the site's languages after
    it, then those before it (Kyrgyzstan, "ky, ru, en": ky, ru, en for a
    Kyrgyz reader; ru, en, ky for a Russian one)."""
    if language not in languages:
        return list(languages)
    index = languages.index(language)
    return languages[index:] + languages[:index]


def best_translations(pages, locale_ids):
    """``pages`` (a page queryset, in any of ``locale_ids``) with each page
    once, in the first of ``locale_ids`` it is among ``pages`` in: the rows
    for which no translation of a better rank is among them. One condition
    (NOT EXISTS, looked up by the translation key's index), whatever the
    number of pages; ``pages`` unchanged for fewer than two locales."""
    locale_ids = list(locale_ids)
    if len(locale_ids) < 2:
        return pages
    rank = Case(
        *(When(locale_id=pk, then=Value(index)) for index, pk in enumerate(locale_ids)),
        default=Value(len(locale_ids)),
        output_field=models.IntegerField(),
    )
    ranked = pages.annotate(language_rank=rank)
    better = ranked.filter(
        translation_key=OuterRef("translation_key"), language_rank__lt=OuterRef("language_rank")
    )
    # The pages in the first language are the best there is: their
    # condition is met without looking for a translation (the databases
    # stop at the first true term of an OR).
    return ranked.filter(Q(locale_id=locale_ids[0]) | ~Exists(better.order_by().values("pk")))


def reading_locale_ids():
    """The pks of the locales of the request's site in the order pages are
    looked for for its reader (``Frame.reading_order``); the active one alone
    outside a request."""
    frame = current_frame()
    if frame is not None and frame.site is not None:
        return frame.reading_locale_ids
    active = active_locale_id()
    return [active] if active is not None else []


def language_codes():
    """The language codes by locale pk (``locale_ids`` turned round): ask it
    once for a list of pages."""
    return {pk: code for code, pk in locale_ids().items()}


def language_of(locale_id, codes=None):
    """The language code of a locale's pk (``codes``: from ``language_codes``),
    or ""."""
    return (codes if codes is not None else language_codes()).get(locale_id, "")


# --- The frame -----------------------------------------------------------------------------


def _frame_pages(root_ids, root_id, slugs, in_a_site):
    """The pages of a request's frame, as a queryset (see :class:`Frame`)."""
    # The pages are chosen by a union of small lookups, each answered from
    # an index (depth, slug, translation key, primary key): as one condition
    # joined by OR, the databases scan the whole page table.
    wanted = [
        Page.objects.filter(depth=2).order_by().values("pk"),
        Page.objects.filter(pk__in=root_ids).order_by().values("pk"),
        PageViewRestriction.objects.order_by().values("page_id"),
    ]
    if in_a_site:
        # The sections under the site's home page in every language, and the
        # pages along the address with their translations. Each page is
        # placed by the start of its path (its home page's path): no
        # correlated subquery.
        root_key = Page.objects.filter(pk=root_id).values("translation_key")[:1]
        homes = Page.objects.filter(depth=2, translation_key=root_key).values("path")
        in_site = Q(home_path__in=homes)
        along = Q()
        for step, slug in enumerate(slugs, start=3):
            along |= Q(depth=step, slug=slug)
        placed = Page.objects.alias(home_path=_home_path_of("path"))
        wanted.append(placed.filter((Q(depth=3) | along) & in_site).order_by().values("pk"))
        if along:
            wanted.append(
                Page.objects.filter(
                    translation_key__in=placed.filter(along & in_site).values("translation_key")
                )
                .order_by()
                .values("pk")
            )
    restricted = PageViewRestriction.objects.values("page_id")
    return (
        Page.objects.filter(pk__in=wanted[0].union(*wanted[1:]))
        .annotate(
            is_restricted=Case(
                When(pk__in=restricted, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .select_related("locale")
        .order_by()
    )


# Each site with its languages (``with_languages``).
_SITES = Prepared(lambda: with_languages(Site.objects.order_by("pk")))

# Built and compiled once per process and shape (number of sites and of steps
# in the address): Django took longer to build this query than the database
# to answer it.
_FRAME_PAGES = Prepared(_frame_pages)


class Frame:
    """What a request needs to know about the tree, read once (two queries).

    ``path``: the address being served below the language prefix (``news/a-story/``)
    when the request is Wagtail's, else None.
    """

    def __init__(self, request=None, path=None):
        self.request = request
        self.language = translation.get_language() or settings.LANGUAGE_CODE
        self.sites = _SITES.run()
        self.site = None
        if request is not None:
            try:
                hostname = split_domain_port(request.get_host())[0]
                self.site = site_for_host(self.sites, hostname, request.get_port())
            except DisallowedHost:
                self.site = None
        components = [part for part in (path or "").split("/") if part]
        self.components = components if path is not None else None
        self._load(components if path is not None else [])
        if self.site is not None and self.default_root is not None:
            # Wagtail's own lookups of the request's site (page URLs) use this one.
            self.site.root_page = self.default_root
            if request is not None and not hasattr(request, "_wagtail_site"):
                request._wagtail_site = self.site

    def _load(self, components):
        root_id = self.site.root_page_id if self.site is not None else None
        rows = _FRAME_PAGES.run(
            [site.root_page_id for site in self.sites],
            root_id if root_id is not None else 0,
            components[:MAX_ROUTE_DEPTH] if root_id is not None else [],
            root_id is not None,
        )
        self.pages = sorted(rows, key=attrgetter("path"))
        self.by_path = {page.path: page for page in self.pages}
        self.homes = {page.path: page for page in self.pages if page.depth == 2}
        for home in self.homes.values():
            home.is_regional = lists_every_story(home)
        self.restricted = [page.path for page in self.pages if page.is_restricted]
        self.locales = {}
        for page in self.pages:
            self.locales.setdefault(page.locale.language_code, page.locale)

    # --- Homes and languages ------------------------------------------------

    @cached_property
    def default_root(self):
        """The site's home page in the site's own language."""
        if self.site is None:
            return None
        return next((p for p in self.pages if p.pk == self.site.root_page_id), None)

    @cached_property
    def home_translations(self):
        """Every translation of the site's home page (live or not), in tree order."""
        root = self.default_root
        if root is None:
            return []
        return [
            home for home in self.homes.values() if home.translation_key == root.translation_key
        ]

    @cached_property
    def root(self):
        """The site's home page in the active language when it is translated
        and live, else in the site's own language (Wagtail's ``localized``)."""
        for home in self.home_translations:
            if home.live and home.locale.language_code == self.language:
                return home
        return self.default_root

    @cached_property
    def locale(self):
        """The Locale of the active language, or None."""
        return self.locales.get(self.language) or _locale_for(self.language)

    # --- The site's languages ---------------------------------------------------

    @cached_property
    def languages(self):
        """The site's languages, in its order (``site_languages``)."""
        return site_languages(self.site)

    def speaks(self, language):
        """Whether the site answers in ``language``."""
        return language in self.languages

    @cached_property
    def reading_order(self):
        """The site's languages in the order a page is looked for when the
        reader asks for the active language (``fallback_order``)."""
        return fallback_order(self.languages, self.language)

    @cached_property
    def reading_locale_ids(self):
        """The pks of the locales of ``reading_order`` that have pages."""
        return [self.locales[code].pk for code in self.reading_order if code in self.locales]

    def live_home(self, language):
        """The site's live home page in ``language``, or None (an alias of
        the English one counts: translations may live under it; the route
        never serves an alias itself)."""
        for home in self.home_translations:
            if home.live and home.locale.language_code == language:
                return home
        return None

    def is_public(self, page):
        """Whether ``page`` is outside every private section."""
        return not any(page.path.startswith(path) for path in self.restricted)

    def sections(self, parent=None):
        """The children of the localized home page (or of ``parent``, another
        translation of it) the frame holds, in tree order."""
        parent = parent or self.root
        if parent is None:
            return []
        return [
            page
            for page in self.pages
            if page.depth == parent.depth + 1 and page.path.startswith(parent.path)
        ]

    def reuse(self, key, compute):
        """``compute()``, once per request for ``key``: what two parts of one
        page both show (the missions' contact pages of a report and of the
        footer)."""
        kept = self.__dict__.setdefault("_reused", {})
        if key not in kept:
            kept[key] = compute()
        return kept[key]

    def site_root_paths(self):
        """Wagtail's list of the sites' root paths (``Site.get_site_root_paths``:
        every translation of each site's home page, the most specific first),
        made from the frame's sites and home pages rather than read from the
        cache (a round trip with Redis on every page that makes a link); None
        when a site's home page is not among them."""
        homes = sorted(self.homes.values(), key=attrgetter("path"))
        sites = sorted(self.sites, key=attrgetter("hostname"))
        sites.sort(key=attrgetter("is_default_site"), reverse=True)
        roots = {home.pk: home for home in homes}
        if any(site.root_page_id not in roots for site in sites):
            return None
        sites.sort(key=lambda site: roots[site.root_page_id].url_path, reverse=True)
        i18n = getattr(settings, "WAGTAIL_I18N_ENABLED", False)
        paths = []
        for site in sites:
            root = roots[site.root_page_id]
            pages = (
                [h for h in homes if h.translation_key == root.translation_key] if i18n else [root]
            )
            paths.extend(
                SiteRootPath(site.id, page.url_path, site.root_url, page.locale.language_code)
                for page in pages
            )
        return paths

    def holds_sections_of(self, page):
        """Whether the frame holds the children of ``page``: a translation of
        the site's home page."""
        root = self.default_root
        return (
            root is not None
            and page.depth == 2
            and page.translation_key == root.translation_key
            and page.path in self.homes
        )

    def translations(self, page):
        """The pages of the frame that are translations of ``page`` (itself
        included), or None when the frame does not hold them."""
        found = [p for p in self.pages if p.translation_key == page.translation_key]
        return found if any(p.pk == page.pk for p in found) else None

    # --- Routing --------------------------------------------------------------

    def route(self, request):
        """Wagtail's RouteResult for the address, or None (a 404): the deepest
        page along the address under the localized home page, specific, and
        the rest of the address handed to its ``route()`` (a routable page's
        sub-pages; a plain page answers 404, as when Wagtail walks the tree)."""
        root = self.root
        if root is None or self.components is None:
            return None
        self.shown_language = self.language
        if self.site is not None and len(self.languages) > 1:
            # The page in the reader's language, else in the first of the
            # site's next languages it is live in (``reading_order``).
            for language in self.reading_order:
                home = self.live_home(language)
                if home is None:
                    continue
                page, depth = self._walk(home)
                if (
                    not page.live
                    or page.alias_of_id
                    or not (depth == len(self.components) or _routes_itself(page))
                ):
                    continue
                self.shown_language = language
                return self._route_from(page, depth, request)
        page, depth = self._walk(root)
        return self._route_from(page, depth, request)

    @property
    def falls_back(self):
        """Whether the page served is in another language than the address's
        (``route``): the reader's language has no live translation of it."""
        return getattr(self, "shown_language", self.language) != self.language

    def _walk(self, root):
        """The deepest page along the address below ``root`` that the frame
        holds, and how many steps of the address lead to it."""
        page, depth = root, 0
        for slug in self.components[:MAX_ROUTE_DEPTH]:
            if _routes_itself(page):
                break  # a routable page decides the rest of its address
            child = next(
                (
                    p
                    for p in self.pages
                    if p.depth == page.depth + 1 and p.path.startswith(page.path) and p.slug == slug
                ),
                None,
            )
            if child is None:
                break
            page, depth = child, depth + 1
        return page, depth

    def _route_from(self, page, depth, request):
        specific = fetch_specific(page)
        try:
            return specific.route(request, self.components[depth:])
        except Http404:
            return None


def _home_path_of(expression):
    from django.db.models.functions import Substr

    return Substr(expression, 1, HOME_PATH_LENGTH)


def _routes_itself(page):
    """Whether the page's type routes addresses below it (RoutablePageMixin)."""
    return page.specific_class is not None and page.specific_class.route is not Page.route


def fetch_specific(page):
    """``page`` as its own type, in one query, with what its type wants fetched
    with it (a model's ``serving_queryset()``); its locale is kept."""
    model = page.specific_class
    if model is None or type(page) is model:
        return page
    prepared = _SPECIFIC.get(model)
    if prepared is None:
        prepared = _SPECIFIC.setdefault(model, Prepared(partial(_serving_queryset, model)))
    found = prepared.run(page.pk)
    if not found:
        raise model.DoesNotExist(f"{model.__name__} {page.pk} does not exist")
    specific = found[0]
    if "locale" in page._state.fields_cache:
        specific._state.fields_cache["locale"] = page.locale
    if hasattr(page, "is_restricted"):
        specific.is_restricted = page.is_restricted
    return specific


def _serving_queryset(model, pk):
    queryset = model._default_manager.filter(pk=pk)
    serving = getattr(model, "serving_queryset", None)
    return serving(queryset) if serving is not None else queryset


# One prepared query per page type.
_SPECIFIC = {}


def _locale_for(language):
    return Locale.objects.filter(language_code=language).first()


# --- The frame of the current request ------------------------------------------------------

_current_request = contextvars.ContextVar("site_frame_request", default=None)


def current_frame():
    """The frame of the request being answered, made on first use; None
    outside a request."""
    return frame_for(_current_request.get())


def frame_for(request):
    """The frame of ``request`` (made on first use), or None without one."""
    if request is None:
        return None
    frame = getattr(request, "_site_frame", None)
    if frame is None:
        frame = Frame(request)
        request._site_frame = frame
    return frame


class SiteFrameMiddleware:
    """Makes the request known to this module while it is answered; for the
    pages Wagtail serves, reads the frame with the route to the page and gives
    Wagtail the site and the route (``Site.find_for_request`` and
    ``Page.route_for_request`` keep theirs on the request)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail import views as wagtail_views

        if view_func is not wagtail_views.serve or getattr(request, "is_dummy", False):
            self.answer_only_in_site_languages(request)
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        frame = Frame(request, path)
        request._site_frame = frame
        self.answer_only_in_site_languages(request, frame)
        if frame.site is None or frame.default_root is None or frame.default_root.depth != 2:
            return None  # Wagtail routes it (and answers 404 without a site)
        request._wagtail_site = frame.site
        request._wagtail_route_for_request = frame.route(request)
        # Page.get_url_parts reads the sites' root paths from the request
        # before the cache (Page._get_site_root_paths).
        paths = frame.site_root_paths()
        if paths is not None:
            request._wagtail_cached_site_root_paths = paths
        return None

    @staticmethod
    def answer_only_in_site_languages(request, frame=None):
        """A 404 for an address in a language the request's site does not
        answer in (``/kk/…`` on the Kyrgyzstan site), as for an unknown one."""
        language = translation.get_language_from_path(request.path_info)
        if not language or getattr(request, "is_dummy", False):
            return
        frame = frame or frame_for(request)
        if frame is not None and frame.site is not None and not frame.speaks(language):
            raise Http404("This site does not answer in this language.")


# --- Asked by every app ---------------------------------------------------------------------


def home_pages():
    """Every home page (depth 2, any language, live or not) by path; plain
    Pages with ``is_regional`` and their locale."""
    frame = current_frame()
    if frame is not None:
        return frame.homes
    homes = {}
    for page in Page.objects.filter(depth=2).select_related("locale").order_by("path"):
        page.is_regional = lists_every_story(page)
        homes[page.path] = page
    return homes


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


def locale_ids():
    """The locales' pks by language code."""
    frame = current_frame()
    if frame is not None and frame.locales:
        ids = {code: locale.pk for code, locale in frame.locales.items()}
        if frame.language in ids:
            return ids
    return dict(Locale.objects.values_list("language_code", "pk"))


def active_locale_id():
    """The pk of the active language's Locale, or None."""
    frame = current_frame()
    if frame is not None:
        locale = frame.locale
        return locale.pk if locale is not None else None
    return locale_ids().get(translation.get_language())


def parent_of(page):
    """The parent of ``page`` (a plain Page): from the request's frame when it
    holds it (the page served and its ancestors), else one query."""
    if not page.path or page.depth <= 1:
        return None
    parent_path = page.path[: -Page.steplen]
    frame = current_frame()
    if frame is not None and parent_path in frame.by_path:
        return frame.by_path[parent_path]
    return Page.objects.filter(path=parent_path).first()


def with_homes(pages):
    """Pair each page with its site's home page (depth 2)."""
    pages = [page for page in pages if page is not None]
    homes = home_pages() if pages else {}
    return [(page, homes.get(page.path[:HOME_PATH_LENGTH])) for page in pages]


class SiteSection:
    """A section that every site has once (its news, its photos), named in the
    admin with its site, "News (Kyrgyzstan)": Wagtail's page chooser shows a
    story's parent by this name, and six sections called "News" could not be
    told apart. The chooser's parent column is given the specific page
    (``templates/wagtailadmin/chooser/tables/parent_page_cell.html``)."""

    def get_admin_display_title(self):
        title = super().get_admin_display_title()
        if not self.path or self.depth <= 2:
            return title  # not in the tree yet
        home = home_of(self)
        return translation.gettext("%(section)s (%(site)s)") % {
            "section": title,
            "site": home.draft_title or home.title,
        }


# --- What the public may see -------------------------------------------------------


def restricted_paths():
    """The paths of the pages with a view restriction (private sections)."""
    frame = current_frame()
    if frame is not None:
        return frame.restricted
    return sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))


def public_q(paths=None):
    """A condition keeping pages outside private sections (``paths``, default
    ``restricted_paths()``): Wagtail's ``PageQuerySet.public()``, without its
    query for the restrictions."""
    private = Q()
    for path in restricted_paths() if paths is None else paths:
        private |= Q(path__startswith=path)
    return ~private if private else Q()


class PublicPage:
    """Mixed into every page type: Wagtail's check of view restrictions before
    serving asks the request's frame, which knows the private sections,
    instead of the database; pages in (or under) a private section are
    checked by Wagtail as ever."""

    def get_view_restrictions(self):
        frame = current_frame()
        if (
            frame is not None
            and self.path
            and not self.alias_of_id
            and not any(self.path.startswith(path) for path in frame.restricted)
            and not _has_alias_ancestor(frame, self)
        ):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def meta_description(self):
        """What search engines and link previews show of the page: its search
        description, else its summary, else the first 40 words of its
        introduction or description (rich text as plain text); "" without."""
        for name in ("search_description", "summary"):
            value = getattr(self, name, "")
            if value:
                return value
        for name in ("intro", "description"):
            text = unescape(strip_tags(str(getattr(self, name, "") or "")))
            if text:
                return Truncator(text).words(40, truncate=" …")
        return ""


def _has_alias_ancestor(frame, page):
    for step in range(HOME_PATH_LENGTH, len(page.path), Page.steplen):
        ancestor = frame.by_path.get(page.path[:step])
        if ancestor is None or ancestor.alias_of_id:
            return True
    return False


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
    """The SiteRoot of a request, from its frame."""
    frame = frame_for(request)
    if frame is None:
        return SiteRoot()
    return SiteRoot(
        site=frame.site,
        root=frame.root,
        default_root=frame.default_root,
        translations=[
            home
            for home in frame.home_translations
            if home.live and frame.speaks(home.locale.language_code)
        ],
    )


__all__ = [
    "HOME_PATH_LENGTH",
    "Frame",
    "PublicPage",
    "SiteFrameMiddleware",
    "SiteLanguages",
    "SiteRoot",
    "SiteSection",
    "active_locale_id",
    "current_frame",
    "fetch_specific",
    "frame_for",
    "get_site_root",
    "home_of",
    "home_page_for",
    "home_pages",
    "home_path",
    "is_regional_home",
    "lists_every_story",
    "parent_of",
    "locale_ids",
    "public_q",
    "restricted_paths",
    "site_for_host",
    "site_languages",
    "best_translations",
    "reading_locale_ids",
    "language_of",
    "language_codes",
    "fallback_order",
    "with_homes",
]
