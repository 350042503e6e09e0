"""The right language: each language's search finds its own pages first, and on
PostgreSQL every page is stemmed with its language's text search configuration."""

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from search.backends import for_language
from tests.search.conftest import found, postgresql_only, soup_of, translate
from website.sites import SiteLanguages

pytestmark = pytest.mark.django_db


@pytest.fixture
def russian_story(site_tree):
    return translate(
        site_tree.kyrgyzstan_stories[0],
        "ru",
        title="Помощь мигрантам в Оше",
        summary="Мигранты, вернувшиеся домой, получили помощь.",
    )


def test_a_language_finds_its_own_pages_first(site_tree, russian_story, search):
    """Each language is searched with its own backend; the site's next
    languages come after (tests/search/test_fallback.py)."""
    english = site_tree.kyrgyzstan_stories[0]
    other = site_tree.kyrgyzstan_stories[1]
    SiteLanguages.objects.create(site=site_tree.kyrgyzstan_site, languages="ru, en")

    assert found(search(site_tree.kyrgyzstan_site, "помощь", language="ru")) == [russian_story]
    # The Russian reader gets the English pages their own language did not match.
    russian_results = found(search(site_tree.kyrgyzstan_site, "Kyrgyzstan", language="ru"))
    assert other in russian_results
    assert english in found(search(site_tree.kyrgyzstan_site, "Kyrgyzstan", language="en"))


def test_kyrgyz_search_never_returns_russian_pages(site_tree, search):
    story = site_tree.kyrgyzstan_stories[0]
    translate(story, "ru", title="Quokka по-русски", summary="Quokka и мигранты.")
    kyrgyz = translate(story, "ky", title="Quokka кыргызча", summary="Quokka жана мигранттар.")

    response = search(site_tree.kyrgyzstan_site, "quokka", language="ky")

    assert response.status_code == 200
    assert found(response) == [kyrgyz]
    assert all(page.locale.language_code == "ky" for page in found(response))


def test_a_site_without_a_home_page_in_the_language_searches_the_next_ones(site_tree, search):
    russian = translate(site_tree.kazakhstan_stories[0], "ru", summary="Quokka.")

    # The Kazakh site has Russian pages but no Kyrgyz home page.
    response = search(site_tree.kazakhstan_site, "quokka", language="ky")

    assert response.status_code == 200
    assert found(response) == [russian]


def test_a_language_the_site_has_not_is_a_404(site_tree, search):
    SiteLanguages.objects.create(site=site_tree.kazakhstan_site, languages="kk, ru, en")

    assert search(site_tree.kazakhstan_site, "quokka", language="ky").status_code == 404


@postgresql_only
def test_a_russian_query_finds_other_forms_of_the_word(site_tree, russian_story, search):
    # The page says "мигрантам" and "Мигранты"; the visitor types "мигрантов".
    response = search(site_tree.kyrgyzstan_site, "мигрантов", language="ru")

    assert found(response) == [russian_story]
    marks = [mark.get_text() for mark in soup_of(response).select(".search-result__summary mark")]
    assert marks == ["Мигранты"]


@postgresql_only
def test_an_english_query_finds_other_forms_of_the_word(site_tree, search):
    story = site_tree.kyrgyzstan_stories[0]
    story.summary = "Returning migrants found work."
    story.save_revision().publish()

    assert story in found(search(site_tree.kyrgyzstan_site, "migrant returns"))


# --- The index on PostgreSQL ---------------------------------------------------------------


def _vector(page, column="body"):
    entry = IndexEntry.objects.get(content_type_id=page.content_type_id, object_id=str(page.pk))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {column}::text FROM {IndexEntry._meta.db_table} WHERE id = %s",  # noqa: S608
            [entry.pk],
        )
        return cursor.fetchone()[0]


@postgresql_only
def test_each_page_is_indexed_with_its_languages_configuration(site_tree, russian_story):
    story = site_tree.kyrgyzstan_stories[0]
    kyrgyz = translate(story, "ky", title="Мигранттарга жардам", summary="Мигранттар кайтышты.")
    story.summary = "Returning migrants found work."
    story.save_revision().publish()

    assert "'migrant'" in _vector(story)  # english: stemmed
    assert "'мигрант'" in _vector(russian_story)  # russian: stemmed
    assert "'мигранттар'" in _vector(kyrgyz)  # simple: as written, lowercased

    # update_index rebuilds the same way.
    call_command("update_index", verbosity=0)
    assert "'мигрант'" in _vector(russian_story)
    assert "'migrant'" in _vector(story)


@postgresql_only
def test_the_admin_search_finds_pages_in_every_language(site_tree, russian_story):
    """Without a language (the admin, choosers) every configuration is tried."""
    results = list(Page.objects.search("мигрантов"))

    assert russian_story.page_ptr in results


def test_the_backend_chooses_a_configuration_per_language():
    from search.backends.postgres import LanguagePostgresSearchBackend

    params = {"SEARCH_CONFIGS": {"en": "english", "ru": "russian"}, "SEARCH_CONFIG": "simple"}
    backend = LanguagePostgresSearchBackend(params)

    assert backend.config_for_language("en") == "english"
    assert backend.config_for_language("en-gb") == "english"
    assert backend.config_for_language("ru") == "russian"
    assert [backend.config_for_language(code) for code in ("kk", "ky", "tg", "tk", "uz")] == [
        "simple"
    ] * 5
    assert backend.query_config() == ["english", "russian", "simple"]
    ru = LanguagePostgresSearchBackend({**params, "LANGUAGE": "ru"})
    assert ru.query_config() == "russian"


def test_the_settings_use_the_language_aware_backend(settings):
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    assert backend["BACKEND"] == "search.backends"
    assert backend["SEARCH_CONFIGS"] == {"en": "english", "ru": "russian"}
    assert backend["SEARCH_CONFIG"] == "simple"
    if connection.vendor == "postgresql":
        assert type(for_language("ru")).__name__ == "LanguagePostgresSearchBackend"
        assert for_language("ru").query_config() == "russian"
    else:
        # SQLite: modelsearch's FTS5 backend, ranking a search in one query.
        assert type(get_search_backend()).__name__ == "RankedSQLiteSearchBackend"
