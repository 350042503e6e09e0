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

Page actions: unpublishing (with or without subpages), deleting, moving and
copying a page, one at a time or with the explorer's bulk actions, are
refused to those ``website.roles`` (``may_unpublish`` …) does not allow,
whatever Wagtail's page permissions give, and left out of the explorer
listings' "⋯" menus and the page editor's action menu.
"""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db.models import F, OuterRef, Subquery
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from website.permissions import may_copy, may_delete, may_move, may_unpublish
from website.roles import grant_translator_page_permissions, translator_languages

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
    if page.locale_id != Locale.get_active().pk:
        raise Http404


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
    """The rules of the module's docstring for wagtail-localize's submit views."""

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


class NewsroomSubmitPageTranslationView(NewsroomSubmitMixin, SubmitPageTranslationView):
    @staticmethod
    def submit_url(page):
        return reverse("wagtail_localize:submit_page_translation", args=[page.pk])

    def form_valid(self, form):
        response = super().form_valid(form)
        # A home page may have just been translated into a language for the
        # first time: its translators need their permissions on it.
        grant_translator_page_permissions(
            [locale.language_code for locale in form.cleaned_data["locales"]]
        )
        return response


class NewsroomSubmitSnippetTranslationView(NewsroomSubmitMixin, SubmitSnippetTranslationView):
    @staticmethod
    def submit_url(snippet):
        return reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[snippet._meta.app_label, snippet._meta.model_name, quote(snippet.pk)],
        )


class NewsroomUpdateTranslationsView(UpdateTranslationsView):
    """ "Sync translated pages": a translator may bring the English changes into
    every translation's editor, but not "Publish immediately", which would
    publish the pages of every language (with the new words in English)."""

    def get_form(self):
        form = super().get_form()
        if translator_languages(self.request.user) is not None:
            field = form.fields["publish_translations"]
            field.disabled = True
            field.initial = False
            field.widget = forms.HiddenInput()
        return form


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


# --- Unpublishing, deleting, moving, copying: the teams' roles -------------------------


def _refuse_unless(allowed):
    if not allowed:
        raise PermissionDenied


@hooks.register("before_unpublish_page")
def only_moderators_unpublish_pages(request, page):
    """With or without its subpages (``include_descendants``)."""
    _refuse_unless(may_unpublish(request.user, page))


@hooks.register("before_delete_page")
def only_moderators_delete_pages(request, page):
    _refuse_unless(may_delete(request.user, page))


@hooks.register("before_move_page")
def only_moderators_move_pages(request, page, destination):
    _refuse_unless(may_move(request.user, page, destination))


@hooks.register("before_copy_page")
def only_the_sites_team_copies_pages(request, page):
    _refuse_unless(may_copy(request.user, page))


@hooks.register("before_bulk_action")
def bulk_page_actions_follow_the_roles(request, action_type, objects, action_class_instance):
    """The explorer's bulk Unpublish, Delete and Move: every selected page
    (and a move's destination) must be allowed."""
    if not issubclass(action_class_instance.model, Page):
        return
    user = request.user
    if action_type == "unpublish":
        _refuse_unless(all(may_unpublish(user, page) for page in objects))
    elif action_type == "delete":
        _refuse_unless(all(may_delete(user, page) for page in objects))
    elif action_type == "move":
        destination = action_class_instance.cleaned_form.cleaned_data["chooser"]
        _refuse_unless(all(may_move(user, page, destination) for page in objects))


@hooks.register("construct_page_listing_buttons")
def offer_only_the_page_actions_the_roles_allow(buttons, page, user, context=None):
    refused = [
        reverse(name, args=[page.pk])
        for name, allowed in (
            ("wagtailadmin_pages:move", may_move),
            ("wagtailadmin_pages:copy", may_copy),
            ("wagtailadmin_pages:delete", may_delete),
            ("wagtailadmin_pages:unpublish", may_unpublish),
        )
        if not allowed(user, page)
    ]
    if refused:
        _without_url(buttons, *refused)


@hooks.register("construct_page_action_menu")
def offer_unpublish_to_moderators_only(menu_items, request, context):
    page = context.get("page")
    if page is not None and page.pk and not may_unpublish(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "action-unpublish"]


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
    languages, and pages changed in English since they were last synced.

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
        english = Page.objects.live().filter(locale=default, depth__gt=1)
        sections = []
        for locale in Locale.objects.filter(language_code__in=self.languages):
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
