"""A reader of a site gets each page and story in the best of the site's
languages: in their own where it is live, else in the first of the site's
next languages, with a notice (test_site_languages.py: the setting itself).

The Kyrgyzstan site's languages and translations are made once for the module
(``site_tree_additions``); each test runs in its own savepoint."""

import re

import pytest
from wagtail.models import Locale, Page

from tests.factories import NewsItemPageFactory
from tests.i18n.conftest import localize
from tests.website.test_site_languages import (
    KG,
    card_titles,
    hreflangs,
    html,
    in_language,
    main_of,
    path_of,
    set_languages,
)
from website.sites import best_translations

pytestmark = pytest.mark.django_db


def _kyrgyz_site(tree):
    set_languages(tree.kyrgyzstan_site, "ky, ru, en")
    first, second = tree.kyrgyzstan_stories
    kyrgyz_story = localize(first, "ky", {"Kyrgyzstan story 1": "Кыргызстан окуясы"})
    russian_story = localize(second, "ru", {"Kyrgyzstan story 2": "История Кыргызстана"})
    localize(tree.kyrgyzstan_news, "ky")
    return {"kyrgyz_story": kyrgyz_story, "russian_story": russian_story}


@pytest.fixture(scope="module")
def site_tree_additions():
    """Made once for the module, on the shared tree (``kyrgyz_site``)."""
    return _kyrgyz_site


@pytest.fixture
def kyrgyz_site(site_tree, site_tree_added):
    """The Kyrgyzstan site in "ky, ru, en": its home and news index in Kyrgyz
    and Russian, its first story in Kyrgyz (``kyrgyz_story``), its second in
    Russian only (``russian_story``)."""
    site_tree.kyrgyz_story = site_tree_added["kyrgyz_story"]
    site_tree.russian_story = site_tree_added["russian_story"]
    return site_tree


def test_listing_shows_every_story_in_the_readers_best_language(kyrgyz_site, client):
    response = client.get("/ky/news/", **KG)
    page = html(response)

    assert response.status_code == 200
    assert "Кыргызстан окуясы" in page
    assert "История Кыргызстана" in page
    assert sorted(card_titles(page)) == ["История Кыргызстана", "Кыргызстан окуясы"]
    # The Russian card says so, in the reader's language, and carries its language.
    card = re.search(r'<article class="card" lang="ru">.*?</article>', page, re.S).group(0)
    assert "История Кыргызстана" in card
    assert 'class="card__mission card__language" lang="ky"' in card


def test_russian_readers_get_english_before_kyrgyz(kyrgyz_site, client):
    page = html(client.get("/ru/news/", **KG))

    # Story 1 is in Kyrgyz and English: the Russian reader's next language is English.
    assert sorted(card_titles(page)) == ["Kyrgyzstan story 1", "История Кыргызстана"]


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_the_number_of_stories_counts_each_story_once_whatever_the_readers_language(
    kyrgyz_site, client, language
):
    # Story 1 in English, Kyrgyz and Russian; story 2 in English and Russian;
    # a third story written in Kyrgyz only: three stories for every reader.
    localize(kyrgyz_site.kyrgyzstan_stories[0], "ru", {"Kyrgyzstan story 1": "Первая история"})
    kyrgyz_news = kyrgyz_site.kyrgyzstan_news.get_translation(
        Locale.objects.get(language_code="ky")
    )
    NewsItemPageFactory(parent=kyrgyz_news, title="Ош шаарында жаңы борбор")

    page = html(client.get(f"/{language}/news/", **KG))

    assert len(card_titles(page)) == 3
    count = re.search(r'<p class="result-count" role="status">\s*(\d+)', page)
    assert count is not None and count.group(1) == "3"


def test_mission_home_lists_the_stories_with_fallback(kyrgyz_site, client):
    page = html(client.get("/ky/", **KG))

    assert "Кыргызстан окуясы" in page and "История Кыргызстана" in page


def test_a_draft_translation_falls_back(kyrgyz_site, client):
    localize(
        kyrgyz_site.kyrgyzstan_stories[1], "ky", {"Kyrgyzstan story 2": "Долбоор"}, publish=False
    )

    listing = html(client.get("/ky/news/", **KG))
    story = client.get(in_language(kyrgyz_site.kyrgyzstan_stories[1], "ky"), **KG)

    assert sorted(card_titles(listing)) == ["История Кыргызстана", "Кыргызстан окуясы"]
    assert story.status_code == 200
    assert "История Кыргызстана" in html(story)


def test_an_untranslated_story_is_shown_in_the_best_language_with_a_notice(kyrgyz_site, client):
    story = kyrgyz_site.kyrgyzstan_stories[1]

    response = client.get(in_language(story, "ky"), **KG)
    page = html(response)

    assert response.status_code == 200
    assert "История Кыргызстана" in page
    assert 'lang="ru"' in main_of(response)
    assert 'role="note" lang="ky"' in page
    assert "Бул барак азырынча кыргыз тилинде жок." in page  # in Kyrgyz
    # Search engines see the Russian story at its own address only.
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', page).group(1)
    assert canonical.endswith(path_of(kyrgyz_site.russian_story))
    assert "ky" not in hreflangs(response)


def test_a_translated_story_has_no_notice(kyrgyz_site, client):
    response = client.get(path_of(kyrgyz_site.kyrgyz_story), **KG)

    assert response.status_code == 200
    assert 'role="note"' not in html(response)
    assert "lang=" not in main_of(response)


def test_a_private_translation_is_not_listed_and_asks_its_password(kyrgyz_site, client):
    from wagtail.models import PageViewRestriction

    story = kyrgyz_site.kyrgyzstan_stories[1]
    PageViewRestriction.objects.create(
        page=kyrgyz_site.russian_story, restriction_type="password", password="x"
    )

    listing = html(client.get("/ky/news/", **KG))
    response = client.get(in_language(story, "ky"), **KG)

    assert sorted(card_titles(listing)) == ["Kyrgyzstan story 2", "Кыргызстан окуясы"]
    assert "История Кыргызстана" not in html(response)
    assert 'type="password"' in html(response)


def test_a_missing_page_is_still_a_404_in_the_readers_language(kyrgyz_site, client):
    response = client.get("/ky/news/no-such-story/", **KG)

    assert response.status_code == 404
    assert '<html lang="ky"' in html(response)
    assert 'class="primary-nav"' in html(response)


# --- One query, whatever the number of stories ------------------------------------------------


def test_best_translations_picks_one_row_per_page_in_order(kyrgyz_site):
    from wagtail.models import Locale

    ids = {code: Locale.objects.get(language_code=code).pk for code in ("ky", "ru", "en")}
    stories = Page.objects.filter(
        translation_key__in=[story.translation_key for story in kyrgyz_site.kyrgyzstan_stories]
    )

    chosen = best_translations(stories, [ids["ky"], ids["ru"], ids["en"]])

    assert sorted(page.title for page in chosen) == ["История Кыргызстана", "Кыргызстан окуясы"]


def test_an_untranslated_alias_is_not_served_as_a_translation(kyrgyz_site, client):
    """wagtail-localize makes live aliases of untranslated parents: the alias
    is not a Kyrgyz page, the Russian translation is shown with a notice."""
    gallery_index = kyrgyz_site.kyrgyzstan_gallery_index
    from wagtail.models import Locale

    gallery_index.specific.copy_for_translation(Locale.objects.get(language_code="ky"), alias=True)
    localize(gallery_index, "ru", {gallery_index.title: "Фото"})

    response = client.get(in_language(gallery_index, "ky"), **KG)

    assert response.status_code == 200
    assert 'lang="ru"' in main_of(response)
    assert "Бул барак азырынча кыргыз тилинде жок." in html(response)  # in Kyrgyz
