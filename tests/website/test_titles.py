"""The <title> of a page: its own title, then the site's name, which a home
page (titled with the site's name) does not repeat."""

from bs4 import BeautifulSoup

from tests.search.conftest import translate


def title_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").title.get_text()


def test_the_regional_home_page_title_names_the_site_once(site_tree, fetch_page):
    assert title_of(fetch_page(site_tree.regional)) == "Central Asia"


def test_a_mission_home_page_title_names_the_site_once(site_tree, fetch_page):
    assert title_of(fetch_page(site_tree.kazakhstan)) == "Kazakhstan"


def test_a_home_page_with_its_own_seo_title_is_not_followed_by_the_site_name(site_tree, fetch_page):
    home = site_tree.regional
    home.seo_title = "IOM in Central Asia"
    home.save_revision().publish()

    assert title_of(fetch_page(home)) == "IOM in Central Asia"


def test_a_translated_home_page_title_names_the_site_once(site_tree, fetch_page):
    russian = translate(site_tree.regional, "ru", title="Центральная Азия")

    assert title_of(fetch_page(russian)) == "Центральная Азия"


def test_other_pages_are_followed_by_the_site_name(site_tree, fetch_page, client):
    assert title_of(fetch_page(site_tree.regional_story)) == "Regional story – Central Asia"
    assert title_of(fetch_page(site_tree.kazakhstan_news)) == (
        f"{site_tree.kazakhstan_news.title} – Kazakhstan"
    )
    search = client.get("/en/search/", HTTP_HOST=site_tree.regional_site.hostname)
    assert title_of(search) == "Search – Central Asia"
