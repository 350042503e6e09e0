"""What every public page shows around its content: the site's name and home
page, the menu, the language switcher and the footer.

``site_chrome`` (a context processor) puts a :class:`SiteChrome` in every
template's context; its parts are read when a template first uses them, from
the request's frame (website/sites.py: the site, the home pages, the menu and
the page's translations, already read when Wagtail served the page) and, for
the footer, in two queries (the site's settings with its footer text in the
reader's language, and the contact pages). The template tags of
website/templatetags/site_tags.py only lay these out.
"""

from functools import cached_property

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Subquery
from django.db.models.functions import Substr
from django.urls import translate_url
from wagtail.models import Page, PageViewRestriction

from missions.models import contact_page_of, contact_pages
from website.i18n import NOT_YET_IN, SHOWN_IN
from website.models import FooterText, SiteSettings
from website.sites import (
    HOME_PATH_LENGTH,
    active_locale_id,
    frame_for,
    get_site_root,
    home_path,
    with_homes,
)

LANGUAGE_NAMES = dict(settings.LANGUAGES)
LANGUAGE_ORDER = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}


def site_chrome(request):
    """Context processor: ``site_chrome``, read lazily."""
    return {"site_chrome": SiteChrome(request)}


def chrome_of(context):
    """The SiteChrome of a template context (made when the context has none,
    e.g. a template rendered without the context processor)."""
    chrome = context.get("site_chrome")
    if chrome is None:
        chrome = SiteChrome(context.get("request"))
    return chrome


class SiteChrome:
    def __init__(self, request):
        self.request = request

    @cached_property
    def site_root(self):
        return get_site_root(self.request)

    @cached_property
    def frame(self):
        return frame_for(self.request)

    # --- The menu ------------------------------------------------------------------

    def nav_items(self, current=None):
        """The home page's live, public children in tree order: those marked
        "show in menus" when any is, all of them otherwise; dicts of page,
        current and ancestor (of ``current``, the page shown)."""
        frame = self.frame
        if frame is None or frame.root is None:
            return []
        children = [page for page in frame.sections() if page.live and frame.is_public(page)]
        children = self._with_fallback_sections(frame, children)
        in_menu = [child for child in children if child.show_in_menus]
        current_path = getattr(current, "path", "") or ""
        return [
            {
                "page": item,
                "current": current_path == item.path,
                "ancestor": current_path.startswith(item.path) and current_path != item.path,
                "language": getattr(item, "fallback_language", ""),
                "url": getattr(item, "fallback_url", None),
            }
            for item in (in_menu or children)
        ]

    def _with_fallback_sections(self, frame, children):
        """The home page's sections in the reader's language and, after them
        in the English tree's order, those not translated into it, each in
        the first of the site's next languages it is live in, at its address
        in the reader's language (``Frame.route`` shows it there)."""
        root = frame.root
        if root is None or frame.site is None or root.locale.language_code != frame.language:
            return children
        found = {child.translation_key for child in children}
        for language in frame.reading_order[1:]:
            home = frame.live_home(language)
            if home is None:
                continue
            for section in frame.sections(home):
                if section.translation_key in found or not section.live:
                    continue
                if not frame.is_public(section):
                    continue
                found.add(section.translation_key)
                url = section.get_url(self.request)
                if url is None:
                    continue
                section.fallback_language = language
                section.fallback_url = url.replace(f"/{language}/", f"/{frame.language}/", 1)
                children.append(section)
        order = {
            section.translation_key: index
            for index, section in enumerate(frame.sections(frame.default_root))
        }
        return sorted(children, key=lambda page: order.get(page.translation_key, len(order)))

    # --- The language switcher -------------------------------------------------------

    def translations(self, page=None):
        """The languages of the site this page can be read in, in the site's
        order (settings.LANGUAGES order without a site):
        dicts of code, name (the language's own name), url, full_url and
        current. A page gives its readable translations: live, outside
        private sections, below a live home page in their language. A view
        without a page (search) gives the same view in each language the
        site's home page is published in; an error page gives nothing."""
        request = self.request
        items = []
        if isinstance(page, Page) and page.pk:
            items = self._page_translations(page)
        elif request is not None and not page and _is_view_without_page(request):
            query = request.GET.urlencode()
            language = self.frame.language if self.frame else settings.LANGUAGE_CODE
            for root in self.site_root.translations:
                code = root.locale.language_code
                path = translate_url(request.path, code)
                if query:
                    path = f"{path}?{query}"
                items.append(_item(code, path, request.build_absolute_uri(path), code == language))
        frame = self.frame
        if frame is not None and frame.site is not None:
            # Only the site's languages, in the site's order.
            order = {code: index for index, code in enumerate(frame.languages)}
            items = [item for item in items if item["code"] in order]
            items.sort(key=lambda item: order[item["code"]])
        else:
            items.sort(key=lambda item: LANGUAGE_ORDER.get(item["code"], len(LANGUAGE_ORDER)))
        return items

    def _page_translations(self, page):
        frame = self.frame
        if frame is None:
            found = list(readable_translations(page))
        else:
            found = frame.translations(page)
            if found is None:  # a page the frame does not hold (a preview)
                found = list(
                    Page.objects.filter(translation_key=page.translation_key).select_related(
                        "locale"
                    )
                )
            found = [other for other in found if _readable(frame, other)]
        items = []
        for other in found:
            url = other.get_url(self.request)
            if url is None:
                continue
            code = other.locale.language_code
            items.append(_item(code, url, other.get_full_url(self.request), other.pk == page.pk))
        return items

    # --- A page shown in another language -------------------------------------------

    def language_fallback(self):
        """dict of ``asked`` and ``shown`` (language codes) and ``notice`` (in
        the reader's language) when the page is shown in another language than
        its address's (``Frame.route``); None otherwise."""
        frame = self.frame
        if frame is None or not frame.falls_back:
            return None
        notice = f"{NOT_YET_IN.get(frame.language, '')} {SHOWN_IN.get(frame.shown_language, '')}"
        return {"asked": frame.language, "shown": frame.shown_language, "notice": notice.strip()}

    # --- The footer ------------------------------------------------------------------

    @cached_property
    def footer(self):
        """footer_body (the site's footer text in the reader's language, else
        in its own), social_links, contacts ([(contact page, mission home)])
        and regional."""
        site_root = self.site_root
        footer = {
            "site_root": site_root,
            "footer_body": None,
            "social_links": [],
            "contacts": [],
            "regional": site_root.root is not None and not site_root.is_mission,
        }
        if site_root.site is None:
            return footer
        translated = FooterText.objects.filter(
            translation_key=OuterRef("footer_text__translation_key"),
            locale_id=active_locale_id(),
        ).values("body")[:1]
        site_settings = (
            SiteSettings.objects.filter(site=site_root.site)
            .select_related("footer_text")
            .annotate(translated_footer=Subquery(translated))
            .first()
        )
        if site_settings is not None:
            footer["social_links"] = site_settings.social_links
            if site_settings.footer_text is not None:
                footer["footer_body"] = (
                    site_settings.translated_footer or site_settings.footer_text.body
                )
        footer["contacts"] = with_homes(self.contact_pages())
        return footer

    def contact_pages(self):
        """The contact pages the footer shows: a mission's own, or every mission's."""
        root = self.site_root.root
        if root is None:
            return []
        if self.site_root.is_mission:
            page = contact_page_of(root)
            return [page] if page is not None else []
        return contact_pages(active_locale_id())


def _readable(frame, page):
    """Whether readers can open ``page``: live, outside private sections,
    below a live home page in its language (without one, Wagtail routes the
    language's addresses through the English tree)."""
    home = frame.homes.get(home_path(page))
    if page.alias_of_id and page.locale.language_code != settings.LANGUAGE_CODE:
        return False  # an untranslated copy (wagtail-localize's alias)
    return page.live and home is not None and home.live and frame.is_public(page)


def readable_translations(page):
    """The translations of a page (itself included) that a visitor can read,
    with their locales, in one query (without a request's frame)."""
    in_private_section = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, F("page__depth") * Page.steplen)
    )
    live_home = Page.objects.filter(path=Substr(OuterRef("path"), 1, HOME_PATH_LENGTH), live=True)
    return (
        Page.objects.filter(translation_key=page.translation_key, live=True)
        .filter(Exists(live_home))
        .exclude(Exists(in_private_section))
        .select_related("locale")
    )


def _item(code, url, full_url, current):
    return {
        "code": code,
        "name": LANGUAGE_NAMES.get(code, code),
        "url": url,
        "full_url": full_url,
        "current": current,
    }


def _is_view_without_page(request):
    """Whether the request was answered by a view of ours (search), not by an
    error page."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name not in (None, "wagtail_serve")
