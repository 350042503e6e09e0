"""Wagtail's page chooser tells the missions' stories apart: a story's parent
is shown as its site's newsroom, "News (Kyrgyzstan)", not six parents all
called "News" (report issues' sections choose stories from every mission)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

pytestmark = pytest.mark.django_db


def chooser_search(client, q):
    response = client.get(
        reverse("wagtailadmin_choose_page_search"),
        {"q": q, "page_type": "newsroom.newsitempage"},
    )
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def parents_by_title(soup):
    rows = {}
    for row in soup.select("tbody tr"):
        title = row.select_one(".title, td").get_text(" ", strip=True)
        parent = row.select_one("a.navigate-parent")
        rows[title] = parent.get_text(strip=True) if parent else None
    return rows


def test_the_chooser_shows_each_storys_mission(site_tree, admin_client):
    soup = chooser_search(admin_client, "story")

    parents = set(parents_by_title(soup).values())
    assert "News (Kyrgyzstan)" in parents
    assert "News (Kazakhstan)" in parents
    assert "News (Central Asia)" in parents
    assert "News" not in parents


def test_news_and_photo_sections_are_named_with_their_site_in_the_admin(site_tree):
    assert site_tree.kyrgyzstan_news.get_admin_display_title() == "News (Kyrgyzstan)"
    assert site_tree.kazakhstan_gallery_index.get_admin_display_title() == (
        f"{site_tree.kazakhstan_gallery_index.title} (Kazakhstan)"
    )
