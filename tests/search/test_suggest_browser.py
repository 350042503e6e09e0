"""The header search box in a real browser (Chromium): the suggestions
combobox with the keyboard, and the plain form without JavaScript."""

import pytest
from playwright.sync_api import expect

from tests.browser import fixtures as browser_fixtures
from tests.factories import NewsItemPageFactory

# Chromium for tests that also use the database (tests/browser/fixtures.py).
browser = browser_fixtures.browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def site_tree(fresh_site_tree):
    """The live server sees only committed pages: the tree is built in each test."""
    return fresh_site_tree


@pytest.fixture
def quokka_stories(transactional_db, site_tree):
    return [
        NewsItemPageFactory(parent=site_tree.kazakhstan_news, title="Quokka census in Astana"),
        NewsItemPageFactory(parent=site_tree.kazakhstan_news, title="Quokka habitats"),
    ]


def _url(live_server, site, path):
    port = live_server.url.rsplit(":", 1)[1]
    return f"http://{site.hostname}:{port}{path}"


def test_the_search_box_suggests_titles_as_an_accessible_combobox(
    site_tree, quokka_stories, live_server, browser
):
    page = browser.new_page()
    page.goto(_url(live_server, site_tree.kazakhstan_site, "/en/news/"))
    box = page.locator("header input[name=q]")

    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    assert listbox.get_attribute("role") == "listbox"

    box.fill("quok")
    options = listbox.locator("[role=option]")
    options.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert sorted(options.all_inner_texts()) == ["Quokka census in Astana", "Quokka habitats"]
    # The count is announced (polled by Playwright, not evaluated: the site's CSP
    # forbids eval, which a string predicate would need).
    expect(page.locator("header form [role=status]")).to_contain_text("2")

    box.press("ArrowDown")
    first_id = options.nth(0).get_attribute("id")
    assert box.get_attribute("aria-activedescendant") == first_id
    assert options.nth(0).get_attribute("aria-selected") == "true"
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.nth(1).get_attribute("id")
    box.press("ArrowUp")
    assert box.get_attribute("aria-activedescendant") == first_id

    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert listbox.is_hidden()
    assert box.get_attribute("aria-activedescendant") is None

    box.press("ArrowDown")
    chosen = options.nth(0).inner_text()
    box.press("Enter")
    page.wait_for_url("**/en/news/quokka-**")
    assert page.locator("h1").inner_text() == chosen


def test_enter_without_a_chosen_suggestion_searches(
    site_tree, quokka_stories, live_server, browser
):
    page = browser.new_page()
    page.goto(_url(live_server, site_tree.kazakhstan_site, "/en/news/"))
    box = page.locator("header input[name=q]")

    box.fill("quokka")
    box.press("Enter")

    page.wait_for_url("**/en/search/?q=quokka")
    assert page.locator(".search-result").count() == 2


def test_without_javascript_the_search_box_is_a_plain_form(
    site_tree, quokka_stories, live_server, browser
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(_url(live_server, site_tree.kazakhstan_site, "/en/news/"))
    box = page.locator("header input[name=q]")

    assert box.get_attribute("role") is None
    box.fill("quokka")
    box.press("Enter")

    page.wait_for_url("**/en/search/?q=quokka")
    assert page.locator(".search-result").count() == 2
    context.close()
