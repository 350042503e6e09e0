"""Search on a site of several languages searches the reader's language, then
the site's next ones in order, each page once, each result marked with its
language."""

import pytest

from tests.search.conftest import found, soup_of, translate
from website.sites import SiteLanguages

pytestmark = pytest.mark.django_db


@pytest.fixture
def kyrgyz_site(site_tree):
    SiteLanguages.objects.create(site=site_tree.kyrgyzstan_site, languages="ky, ru, en")
    first, second = site_tree.kyrgyzstan_stories
    kyrgyz = translate(first, "ky", title="Квокка Ошто", summary="Квокка жана мигранттар.")
    russian = translate(second, "ru", title="Квокка в Оше", summary="Квокка и мигранты.")
    return site_tree, kyrgyz, russian


def test_results_fall_back_in_the_sites_order_each_marked(kyrgyz_site, search):
    site_tree, kyrgyz, russian = kyrgyz_site

    response = search(site_tree.kyrgyzstan_site, "квокка", language="ky")

    assert response.status_code == 200
    assert found(response) == [kyrgyz, russian]
    items = soup_of(response).select("ol.search-results li.search-result")
    assert "lang" not in items[0].attrs
    assert items[1]["lang"] == "ru"
    # "In Russian", in the reader's Kyrgyz.
    assert "Орусча" in items[1].select_one(".search-result__type").get_text()


def test_a_page_found_in_two_languages_is_shown_once_in_the_best(kyrgyz_site, search):
    site_tree, kyrgyz, _russian = kyrgyz_site
    translate(site_tree.kyrgyzstan_stories[0], "ru", title="Квокка (рус.)", summary="Квокка.")

    response = search(site_tree.kyrgyzstan_site, "квокка", language="ky")

    titles = [page.title for page in found(response)]
    assert titles.count("Квокка (рус.)") == 0
    assert kyrgyz in found(response)


def test_another_sites_language_is_not_searched(kyrgyz_site, search):
    site_tree, _kyrgyz, _russian = kyrgyz_site

    assert search(site_tree.kyrgyzstan_site, "квокка", language="kk").status_code == 404
