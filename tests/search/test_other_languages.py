"""A search that finds nothing in the visitor's language shows what the site's
next languages find (the fallback order), each result marked with its
language; other sites' pages are never counted."""

import pytest

from tests.search.conftest import found, soup_of, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def russian_quokka(site_tree):
    return translate(
        site_tree.kyrgyzstan_stories[0], "ru", title="Квокка в Оше", summary="Квокка и мигранты."
    )


def test_nothing_here_but_results_in_russian_are_shown_marked_as_russian(
    site_tree, russian_quokka, search
):
    """The search falls back to the site's next languages (tests/search/
    test_fallback.py): the Russian results are shown, each marked, and no
    other language is left to offer."""
    response = search(site_tree.kyrgyzstan_site, "квокка", language="en")

    assert response.status_code == 200
    assert found(response) == [russian_quokka]
    [item] = soup_of(response).select("ol.search-results li.search-result")
    assert item["lang"] == "ru"
    assert soup_of(response).select(".other-languages") == []


def test_a_page_found_here_is_shown_in_this_language_first(site_tree, russian_quokka, search):
    story = site_tree.kyrgyzstan_stories[1]
    story.summary = "A quokka. Квокка."
    story.save_revision().publish()

    response = search(site_tree.kyrgyzstan_site, "квокка", language="en")

    assert found(response) == [story, russian_quokka]
    assert soup_of(response).select(".other-languages") == []


def test_other_sites_pages_are_not_counted(site_tree, search):
    translate(site_tree.kazakhstan_stories[0], "ru", summary="Квокка.")
    translate(site_tree.kyrgyzstan_stories[0], "ru", summary="Nothing to see.")

    response = search(site_tree.kyrgyzstan_site, "квокка", language="en")

    assert soup_of(response).select(".other-languages") == []
    assert "Try other or fewer words" in soup_of(response).select_one(".result-count").get_text()


def test_a_filtered_search_offers_no_other_language(site_tree, russian_quokka, search):
    response = search(site_tree.kyrgyzstan_site, "квокка", language="en", type="gallery")

    assert soup_of(response).select(".other-languages") == []
