"""A Kyrgyz reader on the Kyrgyzstan site (demo content, languages "ky, ru,
en"): the switcher, a story card in Russian, a page shown in Russian with a
notice, a search falling back to Russian; no serious accessibility problem."""

import pytest

from tests.browser.test_public_pages import violations_report

expect = pytest.importorskip(
    "playwright.sync_api", reason="Browser tests skipped: Playwright is not installed."
).expect

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SITE = "kyrgyzstan"


def scan(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    blocking = [
        violation
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert not blocking, f"{page.url}:\n{violations_report(blocking)}"


def test_a_kyrgyz_reader_sees_kyrgyz_first_then_russian(newsroom, new_page):
    page = new_page()

    # The switcher offers the site's languages only, Kyrgyz first.
    page.goto(newsroom.url(SITE, "/ky/"))
    assert page.locator("html").get_attribute("lang") == "ky"
    switcher = page.locator(".language-switcher__list a")
    assert switcher.evaluate_all("links => links.map(link => link.lang)") == ["ky", "ru", "en"]
    scan(page)

    # The news: the Almaty Process story, shared with Kyrgyzstan, in Russian.
    page.goto(newsroom.url(SITE, "/ky/news/"))
    card = page.locator('article.card[lang="ru"]').first
    expect(card).to_be_visible()
    expect(card.locator(".card__language")).to_be_visible()
    assert card.locator(".card__language").get_attribute("lang") == "ky"
    scan(page)

    # The photos are not translated into Kyrgyz: shown in Russian, with a notice.
    page.locator(".primary-nav a[lang='ru']").first.click()
    assert page.url.endswith("/ky/photos/")
    expect(page.locator('main[lang="ru"] [role="note"]')).to_be_visible()
    scan(page)

    # Search finds the Russian story too, marked as Russian.
    page.goto(newsroom.url(SITE, "/ky/search/?q=Алматинского"))
    result = page.locator('li.search-result[lang="ru"]').first
    expect(result).to_be_visible()
    scan(page)

    # Another language's address on this site is a 404.
    assert page.goto(newsroom.url(SITE, "/kk/")).status == 404
