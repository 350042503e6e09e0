"""Wagtail hooks for the newsroom's languages.

Serving: a page is only served at an address in its own language.

Translating (wagtail-localize), two rules on top of wagtail-localize's own:

1. Translations start from the English original. wagtail-localize cannot
   translate a translation (wagtail/wagtail-localize#662: a Russian page
   translated into Kazakh gives the Kazakh page two sources, and its editor
   fails), so the "Translate" buttons are left out for pages and snippets that
   are not in the default language, and the submit views refuse them.
2. A translator (a member of a "Translators (<Language>)" group, see
   ``website.roles``) starts translations into their own languages only, may
   bring English changes into the translation editors ("Sync") but not publish
   other languages while doing so, and edits topics and footer texts in their
   languages only. wagtail-localize checks one global permission,
   ``wagtail_localize.submit_translation``, for any object and any language.

wagtail-localize's submit and sync views only check that global permission
and offer no hook, so the rules are enforced by subclasses of its views,
registered at the same admin addresses ahead of wagtail-localize's own
(``order=-1``): ``reverse("wagtail_localize:submit_page_translation")`` and
every button keep working and lead to them.

Page actions (unpublishing, deleting, moving, copying, reordering, privacy)
are decided by ``website.permissions``, which every page type asks: Wagtail's
views, menus and bulk actions follow it with no hook of ours.
"""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import F, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail import hooks
from wagtail.admin import messages as admin_messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from website.admin_pages import NewsroomPageViewSet
from website.roles import grant_translator_page_permissions, translator_languages
from website.sites import active_locale_id, current_frame

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"

# --- Serving ------------------------------------------------------------------------


@hooks.register("before_serve_page")
def serve_pages_in_their_own_language_only(page, request, serve_args, serve_kwargs):
    """404 for a page asked for at an address in another language.

    Wagtail routes a request through the site's home page in the address's
    language, and through the English home page when there is none live (or
    none at all), so without this ``/kk/news/`` on a site that is not
    translated into Kazakh would show the English page under a Kazakh
    address, with Kazakh interface strings.
    """
    if page.locale_id != active_locale_id() and not _shown_instead(page):
        raise Http404


def _shown_instead(page):
    """Whether ``page`` is the translation the request's frame chose to show
    because the address's language has none live (``Frame.route``)."""
    frame = current_frame()
    return (
        frame is not None and frame.falls_back and page.locale.language_code == frame.shown_language
    )


@hooks.register("before_serve_page")
def serve_no_page_past_its_expiry(page, request, serve_args, serve_kwargs):
    """404 for a live page whose expiry time has passed.

    Wagtail unpublishes expired pages only when ``publish_scheduled`` runs
    (from cron); until then the page would still be served, though no listing,
    feed or search shows it any more."""
    if page.expire_at is not None and page.expire_at <= timezone.now():
        raise Http404


# --- Translations start from English --------------------------------------------------


def is_translation_source(instance):
    """Whether translations may start from this page or snippet: it is in the
    default language (English)."""
    return instance.locale_id == Locale.get_default().pk


def _without_url(buttons, *urls):
    """Remove the buttons (and dropdown items) that lead to these addresses,
    whatever their query string (``?next=…``)."""
    paths = {urlsplit(url).path for url in urls}

    def kept(button):
        url = getattr(button, "url", None)
        return not url or urlsplit(url).path not in paths

    for button in buttons:
        dropdown = getattr(button, "dropdown_buttons", None)
        if dropdown:
            dropdown[:] = [item for item in dropdown if kept(item)]
    buttons[:] = [button for button in buttons if kept(button)]


@hooks.register("construct_page_listing_buttons")
def hide_translate_button_of_translated_pages(buttons, page, user, context=None):
    if not is_translation_source(page):
        _without_url(buttons, reverse("wagtail_localize:submit_page_translation", args=[page.pk]))


@hooks.register("construct_snippet_listing_buttons")
def hide_translate_button_of_translated_snippets(buttons, snippet, user):
    if isinstance(snippet, TranslatableMixin) and not is_translation_source(snippet):
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[snippet._meta.app_label, snippet._meta.model_name, quote(snippet.pk)],
        )
        _without_url(buttons, url)


class NewsroomSubmitMixin:
    """The rules of the module's docstring for wagtail-localize's submit views,
    and the translator sent on to the translation they made (wagtail-localize
    goes back to ``next``, the dashboard for a translator)."""

    def dispatch(self, request, *args, **kwargs):
        # Without the permission wagtail-localize's dispatch refuses on its own.
        if request.user.has_perm(SUBMIT_TRANSLATION):
            instance = self.get_object()
            if not is_translation_source(instance):
                return self.refuse_translation_of_translation(instance)
        return super().dispatch(request, *args, **kwargs)

    def refuse_translation_of_translation(self, instance):
        original = instance.get_translation_or_none(Locale.get_default())
        if original is None:
            raise PermissionDenied
        messages.error(
            self.request,
            _(
                "Translations start from the English original: “%(title)s” is a "
                "translation. Translate the English page or snippet instead."
            )
            % {"title": str(instance)},
        )
        return redirect(self.submit_url(original))

    def get_form(self):
        form = super().get_form()
        languages = translator_languages(self.request.user)
        if languages is not None:
            field = form.fields["locales"]
            field.queryset = field.queryset.filter(language_code__in=languages)
        return form

    def translations_made(self, form):
        translations = (
            self.object.get_translation_or_none(locale) for locale in form.cleaned_data["locales"]
        )
        return [translation for translation in translations if translation is not None]


def languages_of_site_of(page):
    """The languages of the site ``page`` belongs to, or None (no site)."""
    from wagtail.models import Site

    from website.sites import home_of, site_languages, with_languages

    if not page.path or page.depth < 2:
        return None
    home = home_of(page)
    site = with_languages(Site.objects.filter(root_page__translation_key=home.translation_key))
    site = site.order_by("pk").first()
    return site_languages(site) if site is not None else None


def to_the_translations(request, translations, response):
    """After a submit or a sync: the translator goes on to the translation
    just made or updated (its editor) when there is one, or is offered each
    one in a message when there are several; else ``response``."""
    finder = AdminURLFinder(request.user)
    links = []
    for translation in translations:
        url = finder.get_edit_url(translation)
        if url:
            links.append((url, translation.locale.get_display_name()))
    if len(links) == 1:
        return redirect(links[0][0])
    if links:
        admin_messages.success(
            request,
            _("Open a translation to work on it:"),
            buttons=[admin_messages.button(url, name) for url, name in links],
        )
    return response


class NewsroomSubmitPageTranslationView(NewsroomSubmitMixin, SubmitPageTranslationView):
    @staticmethod
    def submit_url(page):
        return reverse("wagtail_localize:submit_page_translation", args=[page.pk])

    def get_form(self):
        """Only the languages of the page's site are offered."""
        form = super().get_form()
        languages = languages_of_site_of(self.object)
        if languages is not None:
            field = form.fields["locales"]
            field.queryset = field.queryset.filter(language_code__in=languages)
        return form

    def form_valid(self, form):
        response = super().form_valid(form)
        # A home page may have just been translated into a language for the
        # first time: its translators need their permissions on it.
        grant_translator_page_permissions(
            [locale.language_code for locale in form.cleaned_data["locales"]]
        )
        return to_the_translations(self.request, self.translations_made(form), response)


class NewsroomSubmitSnippetTranslationView(NewsroomSubmitMixin, SubmitSnippetTranslationView):
    @staticmethod
    def submit_url(snippet):
        return reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[snippet._meta.app_label, snippet._meta.model_name, quote(snippet.pk)],
        )

    def form_valid(self, form):
        response = super().form_valid(form)
        return to_the_translations(self.request, self.translations_made(form), response)


class NewsroomUpdateTranslationsView(UpdateTranslationsView):
    """ "Sync translated pages": a translator may bring the English changes into
    every translation's editor, but not "Publish immediately", which would
    publish the pages of every language (with the new words in English).
    Then the translator goes on to the translation in their language."""

    def get_form(self):
        form = super().get_form()
        if translator_languages(self.request.user) is not None:
            field = form.fields["publish_translations"]
            field.disabled = True
            field.initial = False
            field.widget = forms.HiddenInput()
        return form

    def form_valid(self, form):
        response = super().form_valid(form)
        return to_the_translations(self.request, self.translations_synced(), response)

    def translations_synced(self):
        """The translations updated, in the user's languages when a translator."""
        records = self.object.translations.filter(enabled=True).select_related("target_locale")
        languages = translator_languages(self.request.user)
        if languages is not None:
            records = records.filter(target_locale__language_code__in=languages)
        translations = []
        for record in records.order_by("target_locale__language_code"):
            try:
                translations.append(record.get_target_instance())
            except ObjectDoesNotExist:  # deleted since
                continue
        return translations


@hooks.register("register_admin_urls", order=-1)
def register_newsroom_translation_views():
    """Ahead of wagtail-localize's own views at the same addresses."""
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            NewsroomSubmitPageTranslationView.as_view(),
            name="newsroom_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            NewsroomSubmitSnippetTranslationView.as_view(),
            name="newsroom_submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            NewsroomUpdateTranslationsView.as_view(),
            name="newsroom_update_translations",
        ),
    ]


# --- The page editor ------------------------------------------------------------------


@hooks.register("register_admin_viewset")
def register_newsroom_page_viewset():
    """Every page type's editor views (``website.admin_pages``), in place of
    Wagtail's default page viewset (registered with ``order=-1``)."""
    return NewsroomPageViewSet()


# --- Translators work in their own languages ------------------------------------------


@hooks.register("before_edit_snippet")
def translators_edit_snippets_in_their_languages_only(request, instance):
    """Snippet permissions are per model, not per language: a translator with
    ``change_topic`` could otherwise edit the English topics too."""
    if not isinstance(instance, TranslatableMixin):
        return None
    languages = translator_languages(request.user)
    if languages is not None and instance.locale.language_code not in languages:
        raise PermissionDenied
    return None


class WaitingForTranslationPanel(Component):
    """The translator's dashboard: English pages not yet translated into their
    languages, and pages changed in English since they were last synced, of
    the sites whose languages include theirs (``website.sites.site_languages``).

    Translators have no permissions on the English tree, so the explorer does
    not show them the English pages; this panel is where they start."""

    name = "waiting_for_translation"
    template_name = "website/admin/waiting_for_translation.html"
    order = 90
    LIMIT = 10
    NEWEST_FIRST = (F("last_published_at").desc(nulls_last=True), "-pk")

    def __init__(self, languages):
        self.languages = sorted(languages)

    def get_context_data(self, parent_context):
        names = dict(settings.LANGUAGES)
        default = Locale.get_default()
        english_pages = Page.objects.live().filter(locale=default, depth__gt=1)
        sections = []
        from website.translation_overview import sites_for_languages

        for locale in Locale.objects.filter(language_code__in=self.languages):
            # Only the sites whose languages include this one.
            under_sites = Q()
            for site in sites_for_languages([locale.language_code]):
                under_sites |= Q(path__startswith=site.root_page.path)
            english = english_pages.filter(under_sites) if under_sites else english_pages.none()
            translated = Page.objects.filter(locale=locale).values("translation_key")
            untranslated = english.exclude(translation_key__in=translated).order_by(
                *self.NEWEST_FIRST
            )[: self.LIMIT]
            source = TranslationSource.objects.filter(
                object_id=OuterRef("translation_key"),
                locale=default,
                translations__target_locale=locale,
                translations__enabled=True,
            )
            changed = (
                english.annotate(
                    source_id=Subquery(source.values("pk")[:1]),
                    synced_at=Subquery(source.values("last_updated_at")[:1]),
                )
                .filter(last_published_at__gt=F("synced_at"))
                .order_by(*self.NEWEST_FIRST)[: self.LIMIT]
            )
            sections.append(
                {
                    "language": names.get(locale.language_code, locale.language_code),
                    "code": locale.language_code,
                    "untranslated": list(untranslated),
                    "changed": list(changed),
                }
            )
        return {"sections": sections, "next_url": reverse("wagtailadmin_home")}


@hooks.register("construct_homepage_panels")
def add_waiting_for_translation_panel(request, panels):
    languages = translator_languages(request.user)
    if languages and request.user.has_perm(SUBMIT_TRANSLATION):
        panels.append(WaitingForTranslationPanel(languages))


# --- The translation overview ---------------------------------------------------------


def translation_overview_view(request):
    """Moderators and administrators: each site x language, live, missing and
    out of date (website/translation_overview.py)."""
    from django.template.response import TemplateResponse

    from website.translation_overview import may_see_overview, overview

    if not may_see_overview(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request, "website/admin/translation_overview.html", {"sites": overview()}
    )


@hooks.register("register_admin_urls")
def register_translation_overview_url():
    return [
        path(
            "reports/translation-overview/",
            translation_overview_view,
            name="translation_overview",
        )
    ]


class TranslationOverviewMenuItem(MenuItem):
    def is_shown(self, request):
        from website.translation_overview import may_see_overview

        return may_see_overview(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_overview_menu_item():
    return TranslationOverviewMenuItem(
        _lazy("Translation overview"),
        reverse_lazy("translation_overview"),
        icon_name="site",
        order=900,
    )
