"""What a visitor on a slow phone downloads besides the HTML: at most 30 KB of
CSS and 10 KB of JavaScript per page, before compression, counting every
stylesheet (print included: browsers fetch it too) and script the page links."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.templatetags.static import static

pytestmark = pytest.mark.django_db

CSS_BUDGET = 30_000
JS_BUDGET = 10_000


def static_size(url):
    prefix = static("")
    assert url.startswith(prefix), f"{url} is not one of our static files"
    path = finders.find(url[len(prefix) :].split("?")[0])
    assert path, f"{url} is missing"
    with open(path, "rb") as handle:
        return len(handle.read())


def asset_sizes(response):
    soup = BeautifulSoup(response.content, "html.parser")
    css = [link["href"] for link in soup.select('link[rel="stylesheet"]')]
    js = [script["src"] for script in soup.select("script[src]")]
    return sum(map(static_size, css)), sum(map(static_size, js)), css, js


@pytest.mark.parametrize(
    "name",
    ["home", "news index", "story", "gallery", "report issue", "contact page", "search"],
)
def test_every_page_type_stays_within_the_asset_budget(client, site_tree, fetch_page, name):
    if name == "search":
        response = client.get(
            "/en/search/", {"q": "story"}, HTTP_HOST=site_tree.regional_site.hostname
        )
    else:
        page = {
            "home": site_tree.regional,
            "news index": site_tree.regional_news,
            "story": site_tree.kazakhstan_stories[0],
            "gallery": site_tree.gallery,
            "report issue": site_tree.issue,
            "contact page": site_tree.kyrgyzstan_contact,
        }[name]
        response = fetch_page(page)
    assert response.status_code == 200

    css, js, css_files, js_files = asset_sizes(response)

    assert css_files and js_files, "the page links no stylesheet or script at all"
    assert css <= CSS_BUDGET, f"{css} bytes of CSS: {css_files}"
    assert js <= JS_BUDGET, f"{js} bytes of JavaScript: {js_files}"


def test_the_photo_viewer_script_is_only_on_gallery_pages(site_tree, fetch_page):
    _css, _js, _css_files, story_js = asset_sizes(fetch_page(site_tree.kazakhstan_stories[0]))
    _css, _js, _css_files, gallery_js = asset_sizes(fetch_page(site_tree.gallery))

    assert not any("site.js" in url for url in story_js)
    assert any("site.js" in url for url in gallery_js)
