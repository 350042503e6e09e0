"""A visitor who uses only the keyboard: the skip link, the main navigation,
search with suggestions, pagination and the gallery's photo viewer."""

import re

import pytest

from demo import content

expect = pytest.importorskip(
    "playwright.sync_api", reason="Browser tests skipped: Playwright is not installed."
).expect

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

KYRGYZ_GALLERY = next(g for g in content.GALLERIES if g.site == "kyrgyzstan")
MAX_TABS = 80


def focused(page, script="el => el"):
    return page.evaluate(f"({script})(document.activeElement)")


def tab_to(page, selector):
    """Presses Tab until the focused element matches the CSS selector."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{MAX_TABS} presses of Tab never reached {selector!r} on {page.url}")


def test_skip_link_then_main_navigation(newsroom, new_page):
    page = new_page()
    page.goto(newsroom.url("kyrgyzstan", "/en/"))

    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()  # shown when focused
    expect(skip).to_have_text("Skip to main content")
    page.keyboard.press("Enter")
    assert focused(page, "el => el.id") == "main"

    # From the top again, Tab reaches the main navigation's "News" and Enter follows it.
    page.goto(newsroom.url("kyrgyzstan", "/en/"))
    tab_to(page, "nav.primary-nav a[href$='/en/news/']")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/news/$"))
    expect(page.locator("h1")).to_have_text("News")
    expect(page.locator("nav.primary-nav a[aria-current=page]")).to_have_text("News")


def test_search_with_suggestions_by_keyboard(newsroom, new_page):
    page = new_page()
    page.goto(newsroom.url("centralasia", "/en/"))
    tab_to(page, "header input[name=q]")
    page.keyboard.type("almaty")
    box = page.locator("header input[name=q]")
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    options = listbox.locator("[role=option]")
    expect(options.first).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")

    page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", options.first.get_attribute("id"))
    chosen = options.first.inner_text()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(chosen)

    # Enter without choosing a suggestion searches.
    tab_to(page, "header input[name=q]")
    page.keyboard.type("migrants")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/search/\?q=migrants"))
    expect(page.locator(".search-result").first).to_be_visible()


def test_pagination_by_keyboard(newsroom, new_page):
    page = new_page()
    page.goto(newsroom.url("centralasia", "/en/news/"))
    first_page_titles = page.locator(".card__title").all_inner_texts()
    assert first_page_titles, "the regional news has no stories"

    tab_to(page, ".pagination a[rel=next]")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]page=2"))
    expect(page.locator(".pagination a[aria-current=page]")).to_contain_text("2")
    second_page_titles = page.locator(".card__title").all_inner_texts()
    assert second_page_titles
    assert not set(first_page_titles) & set(second_page_titles)

    tab_to(page, ".pagination a[rel=prev]")
    page.keyboard.press("Enter")
    expect(page.locator(".pagination a[aria-current=page]")).to_contain_text("1")
    assert page.locator(".card__title").all_inner_texts() == first_page_titles


def test_gallery_viewer_by_keyboard(newsroom, new_page):
    page = new_page()
    page.goto(newsroom.url("kyrgyzstan", f"/en/photos/{KYRGYZ_GALLERY.slug}/"))
    total = len(KYRGYZ_GALLERY.photos)
    links = page.locator("a[data-lightbox]")
    expect(links).to_have_count(total)
    dialog = page.get_by_role("dialog", name="Photo viewer")

    tab_to(page, "a[data-lightbox]")
    page.keyboard.press("Enter")
    expect(dialog).to_be_visible()
    expect(dialog.locator("[data-lightbox-close]")).to_be_focused()
    expect(dialog.locator("[data-lightbox-counter]")).to_have_text(f"Photo 1 of {total}")
    first_alt = links.nth(0).get_attribute("data-alt")
    expect(dialog.locator("[data-lightbox-frame] img")).to_have_attribute("alt", first_alt)

    page.keyboard.press("ArrowRight")
    expect(dialog.locator("[data-lightbox-counter]")).to_have_text(f"Photo 2 of {total}")
    second_alt = links.nth(1).get_attribute("data-alt")
    expect(dialog.locator("[data-lightbox-frame] img")).to_have_attribute("alt", second_alt)
    # The "Next photo" button, reached with Tab, does the same.
    tab_to(page, "[data-lightbox-next]")
    page.keyboard.press("Enter")
    expect(dialog.locator("[data-lightbox-counter]")).to_have_text(f"Photo 3 of {total}")

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    # Focus goes back to the photo that opened the viewer.
    assert focused(
        page,
        "el => el.matches('a[data-lightbox]') && el === document.querySelector('a[data-lightbox]')",
    )
