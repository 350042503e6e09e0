"""A site's publications index: its own and shared publications, filters by
kind, topic, year and file language, pagination and empty states."""

import datetime
from urllib.parse import urlsplit

import pytest

from newsroom import library
from tests.factories import PublicationIndexPageFactory, PublicationPageFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site_tree_additions():
    def add(tree):
        kg_index = PublicationIndexPageFactory(parent=tree.kyrgyzstan)
        kz_index = PublicationIndexPageFactory(parent=tree.kazakhstan)
        regional_index = PublicationIndexPageFactory(parent=tree.regional)
        health = TopicFactory(name="Migrant health", slug="migrant-health")
        handbook = PublicationPageFactory(
            parent=kg_index,
            title="Reintegration Handbook",
            kind="handbook",
            date=datetime.date(2020, 11, 1),
            files=("ru", "ky"),
        )
        handbook.topics.add(tree.topic)
        handbook.save()
        brochure = PublicationPageFactory(
            parent=kz_index,
            title="STI and HIV prevention brochure",
            kind="brochure",
            date=datetime.date(2021, 1, 10),
            files=("tg", "ru"),
        )
        brochure.topics.add(health)
        brochure.shared_with.add(tree.kyrgyzstan_site)
        brochure.save_revision().publish()
        draft = PublicationPageFactory(parent=kg_index, title="Unfinished factsheet", files=("en",))
        draft.unpublish()
        return {
            "kg_index": kg_index,
            "kz_index": kz_index,
            "regional_index": regional_index,
            "handbook": handbook,
            "brochure": brochure,
        }

    return add


@pytest.fixture
def added(site_tree, site_tree_added):
    return site_tree_added


def get(client, index, **query):
    _site_id, root_url, path = index.get_url_parts()
    return client.get(path, query, HTTP_HOST=urlsplit(root_url).hostname)


def titles(response):
    return [page.title for page in response.context["publications"].object_list]


def test_a_mission_lists_its_own_and_shared_publications(fetch_page, added):
    response = fetch_page(added["kg_index"])

    assert response.status_code == 200
    assert titles(response) == ["STI and HIV prevention brochure", "Reintegration Handbook"]
    assert "Unfinished factsheet" not in response.content.decode()


def test_another_mission_lists_only_its_own(fetch_page, added):
    assert titles(fetch_page(added["kz_index"])) == ["STI and HIV prevention brochure"]


def test_the_regional_site_lists_every_missions_publications(fetch_page, added):
    assert titles(fetch_page(added["regional_index"])) == [
        "STI and HIV prevention brochure",
        "Reintegration Handbook",
    ]


def test_filters_offer_what_the_publications_have(fetch_page, added):
    context = fetch_page(added["kg_index"]).context
    assert [value for value, _name in context["kinds"]] == ["handbook", "brochure"]
    assert context["years"] == [2021, 2020]
    assert [code for code, _name in context["languages"]] == ["ky", "ru", "tg"]
    assert [topic.slug for topic in context["topics"]] == ["counter-trafficking", "migrant-health"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "handbook"}, ["Reintegration Handbook"]),
        ({"kind": "brochure"}, ["STI and HIV prevention brochure"]),
        ({"topic": "migrant-health"}, ["STI and HIV prevention brochure"]),
        ({"year": "2020"}, ["Reintegration Handbook"]),
        ({"language": "tg"}, ["STI and HIV prevention brochure"]),
        ({"language": "ky"}, ["Reintegration Handbook"]),
        ({"language": "ru", "kind": "handbook"}, ["Reintegration Handbook"]),
    ],
)
def test_filters_narrow_the_list(fetch_page, added, query, expected):
    assert titles(fetch_page(added["kg_index"], **query)) == expected


@pytest.mark.parametrize(
    "query",
    [
        {"kind": "novel"},
        {"language": "xx"},
        {"year": "abc"},
        {"year": "99999"},
        {"language": "ru\x00"},
    ],
)
def test_unknown_filter_values_are_ignored(fetch_page, added, query):
    response = fetch_page(added["kg_index"], **query)
    assert response.status_code == 200
    assert len(titles(response)) == 2


def test_an_unknown_topic_says_what_to_do(fetch_page, added):
    response = fetch_page(added["kg_index"], topic="no-such-topic")

    assert response.status_code == 200
    html = response.content.decode()
    assert "No publication matches these filters" in html
    assert "show all publications" in html


def test_an_empty_library_says_so(fetch_page, added):
    added["brochure"].unpublish()
    response = fetch_page(added["kz_index"])
    assert "No publications have been published here yet" in response.content.decode()


@pytest.mark.parametrize("number", ["0", "abc", "99", "-1"])
def test_pages_that_do_not_exist_are_404(client, added, number):
    assert get(client, added["kg_index"], page=number).status_code == 404


def test_pagination(client, fetch_page, added, monkeypatch):
    monkeypatch.setattr(library, "PUBLICATIONS_PER_PAGE", 1)
    first = fetch_page(added["kg_index"])
    second = get(client, added["kg_index"], page="2")
    assert titles(first) == ["STI and HIV prevention brochure"]
    assert titles(second) == ["Reintegration Handbook"]
    assert 'rel="next"' in first.content.decode()


def test_the_menu_links_the_library(fetch_page, added, site_tree):
    html = fetch_page(site_tree.kyrgyzstan).content.decode()
    nav = html[html.index('class="primary-nav"') :]
    nav = nav[: nav.index("</nav>")]
    assert "/en/publications/" in nav, nav
