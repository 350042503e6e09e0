"""Subscribers in the admin: administrators see them and the counts; editors
do not; nobody adds or edits an address there."""

import pytest
from bs4 import BeautifulSoup

from subscriptions.models import Subscriber

pytestmark = pytest.mark.django_db

LISTING = "/admin/subscribers/"


def assert_denied(response):
    """Wagtail answers a denied admin page with a redirect to the dashboard."""
    assert (response.status_code, response.get("Location")) == (302, "/admin/")


def test_administrator_sees_subscribers_and_counts_per_site_and_language(
    site_tree, make_subscriber, admin_client
):
    make_subscriber("a@example.org", site_tree.regional_site)
    make_subscriber("b@example.org", site_tree.regional_site)
    make_subscriber("c@example.org", site_tree.regional_site, confirmed=False)
    make_subscriber("d@example.org", site_tree.kyrgyzstan_site, language="ru")

    response = admin_client.get(LISTING)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    counts = [
        [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in soup.select("#subscriber-counts tbody tr")
    ]
    assert counts == [
        ["Central Asia", "English", "2", "1"],
        ["Kyrgyzstan", "Русский", "1", "0"],
    ]
    text = soup.get_text()
    assert all(f"{name}@example.org" in text for name in "abcd")


def test_nobody_adds_or_edits_subscribers_in_the_admin(site_tree, make_subscriber, admin_client):
    subscriber = make_subscriber("a@example.org", site_tree.regional_site)

    assert_denied(admin_client.get(f"{LISTING}new/"))
    assert_denied(admin_client.get(f"{LISTING}edit/{subscriber.pk}/"))
    assert admin_client.get(f"{LISTING}inspect/{subscriber.pk}/").status_code == 200
    assert f"{LISTING}new/" not in admin_client.get(LISTING).content.decode()


def test_administrator_can_delete_an_address(site_tree, make_subscriber, admin_client):
    subscriber = make_subscriber("a@example.org", site_tree.regional_site)

    response = admin_client.post(f"{LISTING}delete/{subscriber.pk}/")

    assert response.status_code == 302
    assert not Subscriber.objects.exists()


def test_editor_without_permission_does_not_see_subscribers(
    site_tree, make_subscriber, make_member
):
    make_subscriber("a@example.org", site_tree.regional_site)
    _user, client = make_member("moderators")

    assert_denied(client.get(LISTING))
    assert LISTING not in client.get("/admin/").content.decode()
