"""Each site answers in its own ordered list of languages (a site setting),
and a reader in one of them gets every page and story the site has: in their
language where it is live, else in the first of the site's next languages."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.i18n.conftest import localize
from website.sites import SiteLanguages, fallback_order, parse_languages
from website.structure import MISSIONS, REGIONAL, default_languages

pytestmark = pytest.mark.django_db

KG = {"HTTP_HOST": MISSIONS[1].hostname}
REGIONAL_HOST = {"HTTP_HOST": REGIONAL.hostname}


def set_languages(site, languages):
    SiteLanguages.objects.update_or_create(site=site, defaults={"languages": languages})


def path_of(page):
    return page.get_url_parts()[2]


def in_language(page, code):
    """The address of ``page`` (English) with another language prefix."""
    return path_of(page).replace("/en/", f"/{code}/", 1)


def html(response):
    return response.content.decode()


def card_titles(page):
    return re.findall(r'class="card__link" href="[^"]*">([^<]*)<', page)


def main_of(response):
    return re.search(r"<main[^>]*>", html(response)).group(0)


def hreflangs(response):
    return re.findall(r'hreflang="([a-z-]+)" href', html(response))


# --- The setting ---------------------------------------------------------------------


def test_languages_are_read_in_order_each_once():
    assert parse_languages("ky, RU ru,en") == ["ky", "ru", "en"]
    assert fallback_order(["ky", "ru", "en"], "ky") == ["ky", "ru", "en"]
    assert fallback_order(["ky", "ru", "en"], "ru") == ["ru", "en", "ky"]


def test_default_languages_of_the_demo_sites():
    assert default_languages("") == "en, ru"
    assert default_languages("KG") == "ky, ru, en"
    assert default_languages("KZ") == "kk, ru, en"
    assert default_languages("UZ") == "uz, ru, en"


def test_setup_gives_every_site_its_default_languages(site_tree):
    from django.core.management import call_command

    call_command("setup_newsroom", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert SiteLanguages.for_site(site_tree.kyrgyzstan_site).language_list == ["ky", "ru", "en"]
    assert SiteLanguages.for_site(site_tree.regional_site).language_list == ["en", "ru"]


def settings_url(site):
    return reverse("wagtailsettings:edit", args=["website", "sitelanguages", site.pk])


@pytest.mark.parametrize(
    ("languages", "error"),
    [
        ("", "This field is required."),
        ("ky, ru", "Keep English (en)"),
        ("ky, xx, en", "Unknown language code: xx"),
    ],
)
def test_the_form_refuses_a_list_without_english_or_with_unknown_codes(
    site_tree, admin_client, languages, error
):
    set_languages(site_tree.kyrgyzstan_site, "ky, ru, en")

    response = admin_client.post(settings_url(site_tree.kyrgyzstan_site), {"languages": languages})

    assert response.status_code == 200
    assert error in html(response)
    assert SiteLanguages.for_site(site_tree.kyrgyzstan_site).languages == "ky, ru, en"


def test_only_administrators_edit_the_languages(site_tree, client, admin_client):
    editor = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    refused = client.post(settings_url(site_tree.kyrgyzstan_site), {"languages": "ky, en"})
    allowed = admin_client.post(settings_url(site_tree.kyrgyzstan_site), {"languages": "ky, en"})

    assert refused.status_code in (302, 403)
    assert allowed.status_code == 302
    assert SiteLanguages.for_site(site_tree.kyrgyzstan_site).language_list == ["ky", "en"]


def test_a_change_of_languages_shows_in_the_switcher_at_once(
    site_tree, admin_client, client, page_cache
):
    localize(site_tree.kyrgyzstan, "ru")
    localize(site_tree.kyrgyzstan, "kk")
    set_languages(site_tree.kyrgyzstan_site, "ky, ru, kk, en")
    before = client.get("/en/", **KG)

    admin_client.post(settings_url(site_tree.kyrgyzstan_site), {"languages": "ky, ru, en"})
    after = client.get("/en/", **KG)

    assert 'hreflang="kk"' in html(before)
    assert 'hreflang="kk"' not in html(after)
    assert 'hreflang="ru"' in html(after)


# --- A site answers in its languages only -------------------------------------------------


def test_another_languages_address_is_a_404(site_tree, client):
    localize(site_tree.kyrgyzstan_stories[0], "kk")
    set_languages(site_tree.kyrgyzstan_site, "ky, ru, en")

    assert client.get(in_language(site_tree.kyrgyzstan_stories[0], "kk"), **KG).status_code == 404
    assert client.get("/kk/search/", {"q": "x"}, **KG).status_code == 404
    assert client.get("/kk/feeds/rss/", **KG).status_code == 404
    assert client.get(path_of(site_tree.kyrgyzstan_stories[0]), **KG).status_code == 200


def test_switcher_hreflang_and_sitemap_know_only_the_sites_languages(site_tree, client):
    story = site_tree.kyrgyzstan_stories[0]
    localize(story, "ru")
    localize(story, "kk")
    set_languages(site_tree.kyrgyzstan_site, "ky, ru, en")

    page = client.get(path_of(story), **KG)
    sitemap = html(client.get("/sitemap.xml", **KG))

    assert hreflangs(page) == ["ru", "en", "x-default"]
    assert "/kk/" not in html(page)
    assert "/ru/news/" in sitemap and "/kk/" not in sitemap


def test_root_sends_a_reader_to_a_language_of_the_site(site_tree, client):
    localize(site_tree.kyrgyzstan, "ru")
    set_languages(site_tree.kyrgyzstan_site, "ky, ru, en")

    kazakh = client.get("/", HTTP_ACCEPT_LANGUAGE="kk", **KG)
    english = client.get("/", HTTP_ACCEPT_LANGUAGE="en", **KG)

    # Kazakh falls back to Russian (settings.TRANSLATION_FALLBACKS), which the site has.
    assert kazakh["Location"] == "/ru/"
    assert english["Location"] == "/en/"


# --- Fallback (more in test_language_fallback.py) --------------------------------------------


def test_an_untranslated_gallery_index_lists_its_galleries(site_tree, client):
    set_languages(site_tree.kazakhstan_site, "kk, ru, en")
    host = {"HTTP_HOST": MISSIONS[0].hostname}

    response = client.get(in_language(site_tree.kazakhstan_gallery_index, "kk"), **host)

    assert response.status_code == 200
    assert "Kostanay workshop" in html(response)
    assert 'lang="en"' in html(response)


def test_a_kyrgyz_sign_up_is_for_the_russian_edition(site_tree, client):
    """The regional report is published in English and Russian only."""
    from subscriptions.models import Subscriber

    set_languages(site_tree.regional_site, "en, ru")
    set_languages(site_tree.kyrgyzstan_site, "ky, ru, en")

    client.post("/ky/subscribe/", {"email": "reader@example.org"}, **KG)

    assert list(Subscriber.objects.values_list("language", flat=True)) == ["ru"]


SITE_LANGUAGES = {
    "regional": "en, ru",
    "kazakhstan": "kk, ru, en",
    "kyrgyzstan": "ky, ru, en",
}


def test_every_site_and_language_answers_as_its_languages_say(site_tree, client):
    """Each site x each of the seven languages, for a story translated into
    Russian only: 404 outside the site's languages; the Russian story in
    Russian (no notice); elsewhere the best of the site's order, with a
    notice, its hreflang listing the live translations only."""
    from django.conf import settings

    stories = {
        "regional": site_tree.regional_story,
        "kazakhstan": site_tree.kazakhstan_stories[0],
        "kyrgyzstan": site_tree.kyrgyzstan_stories[0],
    }
    sites = {
        "regional": site_tree.regional_site,
        "kazakhstan": site_tree.kazakhstan_site,
        "kyrgyzstan": site_tree.kyrgyzstan_site,
    }
    for name, story in stories.items():
        set_languages(sites[name], SITE_LANGUAGES[name])
        localize(story, "ru")
    problems = []
    for name, story in stories.items():
        languages = parse_languages(SITE_LANGUAGES[name])
        for code, _language in settings.LANGUAGES:
            response = client.get(in_language(story, code), HTTP_HOST=sites[name].hostname)
            if code not in languages:
                expected = (404, None, False)
            else:
                shown = code if code in ("en", "ru") else fallback_order(languages, code)[1]
                expected = (200, shown, shown != code)
            if response.status_code != 200:
                got = (response.status_code, None, False)
            else:
                main = main_of(response)
                shown_lang = re.search(r'lang="([a-z]+)"', main)
                got = (
                    200,
                    shown_lang.group(1) if shown_lang else code,
                    'role="note"' in html(response),
                )
                if sorted(hreflangs(response)) != ["en", "ru", "x-default"]:
                    problems.append((name, code, "hreflang", hreflangs(response)))
            if got != expected:
                problems.append((name, code, got, expected))
    assert problems == []
