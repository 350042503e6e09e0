"""What a visitor or an operator sees first: the home page, the admin login,
and a clear answer to a request for an unknown host."""

import pytest
from wagtail.models import Locale, Page, Site

from website.models import RegionalHomePage


@pytest.fixture
def regional_home(db):
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=RegionalHomePage(
            title="Central Asia",
            slug="central-asia",
            intro="<p>News from the regional office.</p>",
            locale=Locale.get_default(),
        )
    )
    Site.objects.all().delete()
    Site.objects.create(
        hostname="centralasia.localhost",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name="Central Asia",
    )
    return home


def test_home_page_renders(client, regional_home):
    response = client.get("/en/", HTTP_HOST="centralasia.localhost")
    assert response.status_code == 200
    assert "Central Asia" in response.content.decode()


def test_root_redirects_to_a_language(client, regional_home):
    response = client.get("/", HTTP_HOST="centralasia.localhost")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_admin_login_page_renders(client, db):
    response = client.get("/admin/login/", HTTP_HOST="centralasia.localhost")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


def test_unknown_host_gets_400_not_500(client, regional_home):
    response = client.get("/en/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
