"""Addresses carry their language; an address without one goes to a language
in which it exists, an address in a language the site does not answer in (or
in no language at all) is a 404 at once, and one in a language of the site the
page is not translated into shows it in the next language of the site."""

import pytest
from django.conf import settings
from wagtail.models import Locale

from tests.i18n.conftest import localize
from website.sites import SiteLanguages
from website.structure import REGIONAL

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": REGIONAL.hostname}


def path_of(page):
    """The page's address on its site: /<language>/…"""
    return page.get_url_parts()[2]


def test_the_seven_languages_have_locales(db):
    codes = set(Locale.objects.values_list("language_code", flat=True))

    assert codes >= {"en", "ru", "kk", "ky", "tg", "tk", "uz"}
    assert dict(settings.LANGUAGES) == {
        "en": "English",
        "ru": "Русский",
        "kk": "Қазақша",
        "ky": "Кыргызча",
        "tg": "Тоҷикӣ",
        "tk": "Türkmençe",
        "uz": "Oʻzbekcha",
    }


def test_root_goes_to_the_visitors_language_when_the_home_page_is_live_in_it(site_tree, client):
    localize(site_tree.regional, "ru")

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru,en;q=0.8", **HOST)

    assert response.status_code == 302
    assert response["Location"] == "/ru/"
    assert "Accept-Language" in response["Vary"]


def test_root_goes_to_english_when_the_home_page_is_not_in_the_visitors_language(site_tree, client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru,en;q=0.8", **HOST)

    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_root_goes_to_english_when_the_home_pages_translation_is_a_draft(site_tree, client):
    localize(site_tree.regional, "ru", publish=False)

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru", **HOST)

    assert response["Location"] == "/en/"


def test_root_keeps_the_query_string(site_tree, client):
    response = client.get("/?utm_source=newsletter", HTTP_ACCEPT_LANGUAGE="en", **HOST)

    assert response["Location"] == "/en/?utm_source=newsletter"


def test_unknown_language_code_gives_404_directly(site_tree, client):
    response = client.get("/xx/news/", **HOST)

    assert response.status_code == 404


def regional_languages(site_tree, languages="en, ru"):
    SiteLanguages.objects.create(site=site_tree.regional_site, languages=languages)


def test_address_without_language_goes_to_the_visitors_language_where_it_exists(site_tree, client):
    regional_languages(site_tree, "en, ru, tg")
    localize(site_tree.regional_news, "ru")

    russian = client.get("/news/", HTTP_ACCEPT_LANGUAGE="ru", **HOST)
    # Kazakh is not a language of the site: its fallback, Russian, is.
    kazakh = client.get("/news/", HTTP_ACCEPT_LANGUAGE="kk", **HOST)
    # Tajik is, but nothing is translated into it yet: the next language with the page.
    tajik = client.get("/news/", HTTP_ACCEPT_LANGUAGE="tg", **HOST)

    assert (russian.status_code, russian["Location"]) == (302, "/ru/news/")
    assert (kazakh.status_code, kazakh["Location"]) == (302, "/ru/news/")
    assert (tajik.status_code, tajik["Location"]) == (302, "/ru/news/")


def test_page_gives_404_at_the_address_of_a_language_its_site_has_not(site_tree, client):
    regional_languages(site_tree)
    path = path_of(site_tree.regional_story)

    english = client.get(path, **HOST)
    kazakh = client.get(path.replace("/en/", "/kk/", 1), **HOST)

    assert english.status_code == 200
    assert kazakh.status_code == 404


def test_english_page_is_shown_with_a_notice_where_it_is_not_translated(site_tree, client):
    """The Russian home page exists, the story is not translated: /ru/… of the
    story shows the English story, says so, and names its English address as
    the canonical one (tests/website/test_site_languages.py has the rest)."""
    regional_languages(site_tree)
    localize(site_tree.regional_news, "ru")

    response = client.get(path_of(site_tree.regional_story).replace("/en/", "/ru/", 1), **HOST)

    assert response.status_code == 200
    # In the reader's language (locale/ru/LC_MESSAGES/django.po).
    assert "Эта страница пока недоступна на русском языке." in response.content.decode()
    assert (
        f'rel="canonical" href="http://{REGIONAL.hostname}{path_of(site_tree.regional_story)}"'
        in (response.content.decode())
    )


def test_translated_page_is_served_at_its_own_language_only(site_tree, client):
    regional_languages(site_tree)
    russian = localize(site_tree.regional_story, "ru", {"Regional story": "Региональная история"})

    at_russian = client.get(path_of(russian), **HOST)
    at_kazakh = client.get(path_of(russian).replace("/ru/", "/kk/", 1), **HOST)

    assert path_of(russian).startswith("/ru/")
    assert at_russian.status_code == 200
    assert "Региональная история" in at_russian.content.decode()
    assert at_kazakh.status_code == 404
