"""A page in Russian shows its Russian content with the Russian interface
strings of the catalogue (locale/ru/LC_MESSAGES/django.po)."""

from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import translation

from tests.i18n.conftest import localize

pytestmark = pytest.mark.django_db

TARGET_LANGUAGES = ["ru", "kk", "ky", "tg", "tk", "uz"]


# The project's catalogues (the interface_translations fixture points
# LOCALE_PATHS at their compiled copies).
LOCALE_PATH = Path(settings.LOCALE_PATHS[0])


def catalogue(language_code):
    return polib.pofile(str(LOCALE_PATH / language_code / "LC_MESSAGES/django.po"))


def test_russian_home_page_has_russian_content_and_interface(
    site_tree, client, interface_translations
):
    home = localize(
        site_tree.regional,
        "ru",
        {
            "Central Asia": "Центральная Азия",
            "IOM's regional office for Central Asia.": "Региональное бюро МОМ в Центральной Азии.",
        },
    )
    localize(site_tree.regional_news, "ru", {"News": "Новости"})

    with translation.override("ru"):
        response = client.get(home.get_url_parts()[2], HTTP_HOST=site_tree.regional_site.hostname)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "ru"
    text = soup.get_text(" ", strip=True)
    # Content, from the translation.
    assert "Региональное бюро МОМ в Центральной Азии." in text
    assert [a.get_text(strip=True) for a in soup.select(".primary-nav a")][0] == "Новости"
    # The site's name is its home page's title in the reader's language.
    assert soup.select_one(".site-name").get_text(strip=True) == "Центральная Азия"
    # Interface strings, from the catalogue.
    assert soup.select_one(".skip-link").get_text(strip=True) == "Перейти к основному содержанию"
    assert "Бесплатный звонок" in text  # the footer's hotlines
    assert soup.find("label", attrs={"for": "header-q"}).get_text(strip=True) == "Поиск по сайту"
    assert soup.select_one(".language-switcher")["aria-label"] == "Язык"
    assert "Skip to main content" not in text


@pytest.mark.parametrize("language_code", TARGET_LANGUAGES)
def test_catalogue_translates_every_public_string(language_code):
    """Every string of the public templates, and of the Python code they show
    (search result kinds), is translated in every language of the site (the
    admin's templates, ours and our copies of Wagtail's image listing, fall
    back to Wagtail's catalogues)."""
    untranslated = [
        entry.msgid
        for entry in catalogue(language_code).untranslated_entries()
        if any(
            ("templates" in path and "/admin/" not in path and "/wagtailimages/" not in path)
            or path.endswith("search/scope.py")
            for path, _line in entry.occurrences
        )
    ]

    assert untranslated == []


@pytest.mark.parametrize("language_code", TARGET_LANGUAGES)
def test_catalogues_are_valid_and_keep_placeholders(language_code):
    po = catalogue(language_code)

    assert po.metadata["Language"] == language_code
    assert not po.metadata_is_fuzzy
    for entry in po.translated_entries():
        for placeholder in ("%(", "%%("):
            assert entry.msgid.count(placeholder) == (
                entry.msgstr or next(iter(entry.msgstr_plural.values()))
            ).count(placeholder), entry.msgid
    # Common words of the interface are translated in every language.
    translated = {entry.msgid for entry in po.translated_entries()}
    assert {"Search", "Previous", "Next", "Page", "Language", "Close"} <= translated


@pytest.mark.parametrize("language_code", ["kk", "ky", "tg", "tk", "uz"])
def test_home_page_in_each_central_asian_language_speaks_it(
    language_code, site_tree, client, interface_translations
):
    home = localize(site_tree.regional, language_code)
    expected = {
        entry.msgid: entry.msgstr
        for entry in catalogue(language_code).translated_entries()
        if not entry.msgid_plural
    }

    with translation.override(language_code):
        response = client.get(home.get_url_parts()[2], HTTP_HOST=site_tree.regional_site.hostname)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language_code
    skip_link = soup.select_one(".skip-link").get_text(strip=True)
    assert skip_link == expected["Skip to main content"] != "Skip to main content"
    search_label = soup.find("label", attrs={"for": "header-q"}).get_text(strip=True)
    assert search_label == expected["Search this site"]
