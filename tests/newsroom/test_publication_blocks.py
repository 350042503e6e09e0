"""Publications in stories and report issues: the story's "publication" block,
the "mentioned in" list of the publication's page, a report section that
features publications."""

import pytest

from tests.factories import (
    NewsItemPageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    paragraph,
    report_section,
)
from tests.performance.conftest import anonymous_get, host_and_path

pytestmark = pytest.mark.django_db


def publication_block(publication):
    return {"type": "publication", "value": publication.pk}


@pytest.fixture(scope="module")
def site_tree_additions():
    def add(tree):
        kg_index = PublicationIndexPageFactory(parent=tree.kyrgyzstan)
        handbook = PublicationPageFactory(
            parent=kg_index, title="Reintegration Handbook", files=("ru", "ky")
        )
        draft = PublicationPageFactory(parent=kg_index, title="Draft factsheet", files=("ru",))
        draft.unpublish()
        training = NewsItemPageFactory(
            parent=tree.kyrgyzstan_news,
            title="Officials trained on the handbook",
            body=[
                paragraph("<p>The training used the handbook.</p>"),
                publication_block(handbook),
                publication_block(draft),
            ],
        )
        unrelated = tree.kyrgyzstan_stories[0]
        return {
            "handbook": handbook,
            "draft": draft,
            "training": training,
            "unrelated": unrelated,
        }

    return add


@pytest.fixture
def added(site_tree, site_tree_added):
    return site_tree_added


def test_a_story_shows_the_publication_with_its_download_links(fetch_page, added):
    html = fetch_page(added["training"]).content.decode()

    block = html[html.index('class="block-publication"') :]
    block = block[: block.index("</aside>")]
    assert "Reintegration Handbook" in block
    assert "Download in Russian" in block and "Download in Kyrgyz" in block
    for file in added["handbook"].files.all():
        assert file.document.url in block
    assert "css/publications.css" in html


def test_a_story_leaves_out_an_unpublished_publication(fetch_page, added):
    html = fetch_page(added["training"]).content.decode()
    assert "Draft factsheet" not in html


def test_the_publication_lists_the_stories_that_mention_it(fetch_page, added):
    response = fetch_page(added["handbook"])

    assert [story.title for story in response.context["mentioned_in"]] == [
        "Officials trained on the handbook"
    ]
    assert "Stories that mention it" in response.content.decode()


def test_a_story_taken_down_no_longer_mentions_it(fetch_page, added):
    added["training"].unpublish()
    assert fetch_page(added["handbook"]).context["mentioned_in"] == []


def test_a_publication_nobody_mentions_has_no_such_list(fetch_page, added):
    other = PublicationPageFactory(parent=added["handbook"].get_parent(), title="Leaflet")
    html = fetch_page(other).content.decode()
    assert "Stories that mention it" not in html


def test_a_report_section_features_publications(fetch_page, site_tree, added):
    issue = site_tree.issue
    section = report_section("Publications", [])
    section["value"]["publications"] = [added["handbook"].pk, added["draft"].pk]
    issue.sections = [*issue.sections.raw_data, section]
    issue.save_revision().publish()

    html = fetch_page(issue).content.decode()

    assert "Reintegration Handbook" in html
    assert "Download in Kyrgyz" in html
    assert "Draft factsheet" not in html


def test_a_publication_card_is_kept_until_a_change(client, page_cache, added):
    """The card, alike wherever a site shows it in one language, is kept per
    content generation (like the story cards): shown again while nothing is
    published, made anew after a publish."""
    get = anonymous_get(client)
    training, handbook = added["training"], added["handbook"]
    host, path = host_and_path(training)
    assert ">Reintegration Handbook</a>" in get(host, path, _render="1").content.decode()

    # Changed behind the page models' back (no publish, no new generation).
    type(handbook).objects.filter(pk=handbook.pk).update(title="Renamed without a publish")
    html = get(host, path, _render="2").content.decode()
    assert ">Reintegration Handbook</a>" in html
    assert ">Renamed without a publish</a>" not in html

    handbook.refresh_from_db()
    handbook.title = "Reintegration Handbook, second edition"
    handbook.save_revision().publish()
    html = get(host, path, _render="3").content.decode()
    assert ">Reintegration Handbook, second edition</a>" in html
