"""A mission's home page renders, and its hotline highlight is validated."""

from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import rich_text

from missions.models import MissionHomePage


def test_mission_home_renders_its_intro_and_dialable_hotline(site_tree, fetch_page):
    response = fetch_page(site_tree.kazakhstan)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert "The mission helps migrants" in soup.get_text()
    assert soup.find("a", href="tel:1899") is not None


def _home_fields(hotline_number, hotline_label="National hotline"):
    return {
        "title": "Kazakhstan",
        "slug": "kazakhstan",
        "country": "KZ",
        "languages_spoken": "Kazakh, Russian, English",
        "intro": rich_text("<p>The mission helps migrants.</p>"),
        "hotline_label": hotline_label,
        "hotline_number": hotline_number,
    }


def test_admin_saves_a_new_hotline_number_on_a_mission_home(site_tree, page_admin):
    response = page_admin.edit(site_tree.kazakhstan, _home_fields("+7 800 080 48 48"))

    assert response.status_code == 302
    site_tree.kazakhstan.refresh_from_db()
    assert site_tree.kazakhstan.hotline_number == "+7 800 080 48 48"


def test_admin_refuses_a_mission_hotline_number_of_letters(site_tree, page_admin):
    response = page_admin.edit(site_tree.kazakhstan, _home_fields("abc"))

    assert "hotline_number" in page_admin.form_errors(response)
    site_tree.kazakhstan.refresh_from_db()
    assert site_tree.kazakhstan.hotline_number == "1899"


def test_admin_refuses_a_mission_hotline_number_without_its_name(site_tree, page_admin):
    response = page_admin.edit(site_tree.kazakhstan, _home_fields("1899", hotline_label=""))

    assert "hotline_label" in page_admin.form_errors(response)
    assert not MissionHomePage.objects.get(pk=site_tree.kazakhstan.pk).revisions.exists()
