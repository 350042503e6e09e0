"""The languages of the public sites.

English is the source language; every page and snippet is written in English
first and translated with wagtail-localize. This module holds what the rest of
the project needs to know about that:

- ``PAGE_TRANSLATABLE_FIELDS``: how wagtail-localize treats the fields every
  page has (the page models add their own after these).
- ``home_in_language()`` and ``language_with_content()``: whether a site, or an
  address on it, exists in a language.
- ``LocaleMiddleware``: Django's, except that an address without a language
  (``/news/``) is only redirected to a language in which it leads somewhere.
- ``install_translation_fallbacks()``: a language with no catalogue of its own
  in a package (Wagtail has none in Kazakh, Kyrgyz, Tajik, Turkmen or Uzbek)
  falls back to another language (Russian) before English
  (``settings.TRANSLATION_FALLBACKS``).

Which translations of a page a visitor is offered is decided by
``website.templatetags.site_tags.page_translations``; that a page is served
only in its own language, by the ``before_serve_page`` hook in
``website.wagtail_hooks``.
"""

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.utils.translation import trans_real
from wagtail.models import Page, Site
from wagtail_localize.fields import SynchronizedField, TranslatableField

# Wagtail's own page fields. The slug is kept from the English page, so a page's
# addresses differ only by their language prefix (/en/news/x/, /ru/news/x/); a
# translator may still give a translation its own slug.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    SynchronizedField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus", overridable=False),
]

WAGTAIL_SERVE_URL_NAME = "wagtail_serve"

# What a card or a page in another language than the reader's says, in the
# reader's interface language (``site_tags.in_language``, the fallback notice).
IN_LANGUAGE = {
    "en": _("In English"),
    "ru": _("In Russian"),
    "kk": _("In Kazakh"),
    "ky": _("In Kyrgyz"),
    "tg": _("In Tajik"),
    "tk": _("In Turkmen"),
    "uz": _("In Uzbek"),
}
NOT_YET_IN = {
    "en": _("This page is not yet available in English."),
    "ru": _("This page is not yet available in Russian."),
    "kk": _("This page is not yet available in Kazakh."),
    "ky": _("This page is not yet available in Kyrgyz."),
    "tg": _("This page is not yet available in Tajik."),
    "tk": _("This page is not yet available in Turkmen."),
    "uz": _("This page is not yet available in Uzbek."),
}
SHOWN_IN = {
    "en": _("It is shown in English."),
    "ru": _("It is shown in Russian."),
    "kk": _("It is shown in Kazakh."),
    "ky": _("It is shown in Kyrgyz."),
    "tg": _("It is shown in Tajik."),
    "tk": _("It is shown in Turkmen."),
    "uz": _("It is shown in Uzbek."),
}


def home_in_language(request, language_code):
    """The live home page of the request's site in this language, or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return (
        Page.objects.live()
        .filter(
            translation_key__in=Page.objects.filter(pk=site.root_page_id).values("translation_key"),
            locale__language_code=language_code,
        )
        .first()
    )


def _page_exists(request, path, language_code):
    """Whether a page lives at this path (below the home page) of the request's
    site in this language."""
    home = home_in_language(request, language_code)
    if home is None:
        return False
    components = [component for component in path.split("/") if component]
    try:
        home.specific.route(request, components)
    except Http404:
        return False
    return True


def _address_exists(request, path, language_code):
    """Whether ``/<language_code><path>`` leads to a view or a live page."""
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    with translation.override(language_code):
        try:
            match = resolve(f"/{language_code}{path}", urlconf)
        except Resolver404:
            return False
        if match.url_name != WAGTAIL_SERVE_URL_NAME:
            return True
        return _page_exists(request, match.args[0] if match.args else "", language_code)


def language_with_content(request, path):
    """The language to send a request for ``path`` (an address without a
    language prefix) to: the visitor's own (cookie, then Accept-Language) when
    the address exists in it, else the default language when it exists in that;
    None when it exists in neither."""
    for language_code in preferred_languages(request):
        candidates = [path]
        if settings.APPEND_SLASH and not path.endswith("/"):
            candidates.append(f"{path}/")
        if any(_address_exists(request, candidate, language_code) for candidate in candidates):
            return language_code
    return None


def preferred_languages(request):
    """The languages of the request's site in the order the visitor is sent
    to them: their own (cookie, then Accept-Language) and the language it
    falls back to (``TRANSLATION_FALLBACKS``: Kyrgyz to Russian) when the site
    has them, then the site's languages in its order."""
    from website.sites import frame_for, site_languages

    frame = frame_for(request)
    languages = frame.languages if frame is not None else site_languages(None)
    preferred = translation.get_language_from_request(request)
    fallback = getattr(settings, "TRANSLATION_FALLBACKS", {}).get(preferred)
    wanted = [code for code in (preferred, fallback) if code in languages]
    return list(dict.fromkeys([*wanted, *languages]))


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, with a stricter redirect.

    Django answers a 404 for an address without a language prefix by
    redirecting to the same address in the visitor's language, whether or not
    anything is there: ``/ru/news/`` on a site that has no Russian pages, or
    ``/en/xx/news/`` for ``/xx/news/`` (there is no language "xx"), which then
    gives a second 404. Here the redirect only goes to a language in which the
    address exists (see ``language_with_content``), and when there is none the
    404 is answered at once.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and self._would_add_language_prefix(request):
            language_code = language_with_content(request, request.path_info)
            if language_code is None:
                patch_vary_headers(response, ("Accept-Language",))
                response.headers.setdefault("Content-Language", translation.get_language())
                return response
            # Django's redirect goes to the active language.
            translation.activate(language_code)
        return super().process_response(request, response)

    @staticmethod
    def _would_add_language_prefix(request):
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        i18n_patterns_used, prefixed_default_language = is_language_prefix_patterns_used(urlconf)
        return (
            i18n_patterns_used
            and prefixed_default_language
            and not translation.get_language_from_path(request.path_info)
        )


def install_translation_fallbacks():
    """Make gettext fall back to another language before English, as
    ``settings.TRANSLATION_FALLBACKS`` says (``{"ky": "ru", …}``).

    Django's catalogues merge per language: a Kyrgyz message is looked up in
    every Kyrgyz catalogue (Django's, the apps', the project's), and a
    message none of them has falls back to the default language, English.
    Wagtail and wagtail-localize ship no Kazakh, Kyrgyz, Tajik, Turkmen or
    Uzbek catalogue, so a Kyrgyz admin would be the project's Kyrgyz labels
    among Wagtail's English. With a fallback the chain is Kyrgyz (wherever a
    catalogue has it), then Russian (the whole Russian translation, Wagtail's
    included, with Russian plural forms), then English. ``LANG_INFO``'s
    "fallback" entries do not do this: they only name a language's info
    (``get_language_info("zh-tw")``), gettext never reads them.

    Django has no setting for it: its ``DjangoTranslation`` adds the default
    language as the fallback in ``_add_fallback``, which is wrapped here, for
    the ``django`` domain (``translation()``, cached per language) and the
    JavaScript catalogues (``djangojs``, made per request). Installed once,
    by ``WebsiteConfig.ready()``: ``website`` is the first installed app, so
    no language has been activated before.
    """
    translation_class = trans_real.DjangoTranslation
    if getattr(translation_class, "_newsroom_fallbacks_installed", False):
        return
    django_add_fallback = translation_class._add_fallback

    def _add_fallback(self, localedirs=None):
        fallbacks = getattr(settings, "TRANSLATION_FALLBACKS", {})
        fallback = fallbacks.get(self.language())
        if fallback is None:
            return django_add_fallback(self, localedirs)
        if fallback in fallbacks:
            raise ImproperlyConfigured(
                f"TRANSLATION_FALLBACKS: {self.language()!r} falls back to {fallback!r}, "
                "which has a fallback of its own; name the last language instead."
            )
        if self.domain == "django":
            # Cached, with its own fallback to the default language.
            self.add_fallback(trans_real.translation(fallback))
        else:
            self.add_fallback(
                translation_class(fallback, domain=self.domain, localedirs=localedirs)
            )
        return None

    translation_class._add_fallback = _add_fallback
    translation_class._newsroom_fallbacks_installed = True
