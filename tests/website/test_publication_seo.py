"""Publications where search engines and readers' tools look: the sitemap,
the site's publication feeds, Open Graph and schema.org JSON-LD."""

import json
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.factories import ImageFactory, PublicationIndexPageFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db

KYRGYZSTAN = "kyrgyzstan.localhost"
KAZAKHSTAN = "kazakhstan.localhost"


@pytest.fixture(scope="module")
def site_tree_additions():
    def add(tree):
        kg_index = PublicationIndexPageFactory(parent=tree.kyrgyzstan)
        kz_index = PublicationIndexPageFactory(parent=tree.kazakhstan)
        handbook = PublicationPageFactory(
            parent=kg_index,
            title="Reintegration Handbook",
            kind="handbook",
            cover_image=ImageFactory(),
            cover_image_alt="The handbook's cover",
            files=("ru", "ky"),
        )
        report = PublicationPageFactory(
            parent=kz_index, title="Annual report", kind="report", files=("en",)
        )
        draft = PublicationPageFactory(parent=kg_index, title="Draft leaflet", files=("ru",))
        draft.unpublish()
        return {"kg_index": kg_index, "handbook": handbook, "report": report}

    return add


@pytest.fixture
def added(site_tree, site_tree_added):
    return site_tree_added


def json_ld(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")
    ]


def test_the_sitemap_lists_published_publications_of_the_site(client, added):
    body = client.get("/sitemap.xml", HTTP_HOST=KYRGYZSTAN).content.decode()

    assert added["handbook"].get_full_url() in body
    assert added["kg_index"].get_full_url() in body
    assert "draft-leaflet" not in body
    assert "annual-report" not in body  # another site's


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_the_publication_feed_lists_the_sites_publications_with_their_files(get_feed, added, kind):
    response, parsed = get_feed(KYRGYZSTAN, f"/en/feeds/publications/{kind}/")

    assert response.status_code == 200
    assert not parsed.bozo, parsed.bozo_exception
    assert [entry.title for entry in parsed.entries] == ["Reintegration Handbook (Handbook)"]
    entry = parsed.entries[0]
    assert entry.link == added["handbook"].get_full_url()
    enclosures = [link.href for link in entry.links if link.rel == "enclosure"]
    files = [file.document.url for file in added["handbook"].files.all()]
    expected = files if kind == "atom" else files[:1]
    assert [urlsplit(url).path for url in enclosures] == expected
    assert parsed.feed.link == added["kg_index"].get_full_url()


def test_the_index_and_the_page_advertise_the_feeds(fetch_page, added):
    for page in (added["kg_index"], added["handbook"]):
        html = fetch_page(page).content.decode()
        assert "/en/feeds/publications/rss/" in html
        assert "/en/feeds/publications/atom/" in html


def test_a_site_not_published_in_a_language_has_no_feed_in_it(client, added):
    assert client.get("/ru/feeds/publications/rss/", HTTP_HOST=KYRGYZSTAN).status_code == 404


def test_a_handbook_is_a_book_with_a_language_per_file(fetch_page, added):
    response = fetch_page(added["handbook"])
    [data] = json_ld(response)

    assert data["@type"] == "Book"
    assert data["name"] == "Reintegration Handbook"
    assert data["inLanguage"] == ["ru", "ky"]
    assert [(part["inLanguage"], part["encodingFormat"]) for part in data["encoding"]] == [
        ("ru", "application/pdf"),
        ("ky", "application/pdf"),
    ]
    assert data["encoding"][0]["contentUrl"].startswith("http://kyrgyzstan.localhost/")
    assert data["numberOfPages"] == 2
    assert data["author"]["name"] == "Kyrgyzstan"
    html = response.content.decode()
    assert '<meta property="og:type" content="book">' in html
    assert 'property="og:image"' in html


def test_a_report_is_a_report(fetch_page, added):
    [data] = json_ld(fetch_page(added["report"]))
    assert data["@type"] == "Report"
    assert data["inLanguage"] == ["en"]
