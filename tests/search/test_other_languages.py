"""A search that finds nothing in the visitor's language says where the words
are found: in the site's other languages, with a link to each one's results."""

import pytest

from tests.search.conftest import found, soup_of, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def russian_quokka(site_tree):
    return translate(
        site_tree.kyrgyzstan_stories[0], "ru", title="Квокка в Оше", summary="Квокка и мигранты."
    )


def test_nothing_here_but_results_in_russian_are_offered_with_a_link(
    site_tree, russian_quokka, search
):
    response = search(site_tree.kyrgyzstan_site, "квокка", language="en")

    assert response.status_code == 200
    assert found(response) == []
    soup = soup_of(response)
    status = soup.select_one(".result-count").get_text(" ", strip=True)
    assert "in this language" in status
    [link] = soup.select(".other-languages a")
    assert link.get_text(" ", strip=True) == "1 result in Русский"
    assert link["hreflang"] == "ru"
    assert link.find("span", lang="ru").get_text() == "Русский"
    assert link["href"] == "/ru/search/?q=%D0%BA%D0%B2%D0%BE%D0%BA%D0%BA%D0%B0"

    followed = search(site_tree.kyrgyzstan_site, "квокка", language="ru")
    assert found(followed) == [russian_quokka]


def test_the_count_is_of_the_other_languages_results(site_tree, search):
    for story in site_tree.kyrgyzstan_stories[:2]:
        translate(story, "ru", summary="Квокка.")

    response = search(site_tree.kyrgyzstan_site, "квокка", language="en")

    [link] = soup_of(response).select(".other-languages a")
    assert link.get_text(" ", strip=True) == "2 results in Русский"


def test_no_other_language_is_offered_when_the_search_finds_pages(
    site_tree, russian_quokka, search
):
    story = site_tree.kyrgyzstan_stories[1]
    story.summary = "A quokka. Квокка."
    story.save_revision().publish()

    response = search(site_tree.kyrgyzstan_site, "квокка", language="en")

    assert found(response) == [story]
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
