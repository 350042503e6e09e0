"""The publications index and a publication's page render from scratch in at
most ten queries, whatever the number of publications, files and stories
mentioning them (as every public page: test_query_budget.py)."""

import pytest

from newsroom import library
from tests.factories import (
    ImageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    TopicFactory,
)
from tests.performance.conftest import host_and_path
from tests.performance.test_query_budget import BUDGET

pytestmark = pytest.mark.django_db


def grow_library(index, count, start, topics, cover):
    for number in range(start, start + count):
        publication = PublicationPageFactory(
            parent=index,
            title=f"Publication {number}",
            kind=["handbook", "brochure", "report"][number % 3],
            cover_image=cover,
            cover_image_alt="A cover",
            files=[("ru", "ky"), ("tg", "ru", "en")][number % 2],
        )
        publication.topics.add(topics[number % len(topics)])
        publication.save()


def test_publications_index_in_ten_queries_whatever_the_publications(
    site_tree, page_cache, count_queries, monkeypatch
):
    monkeypatch.setattr(library, "PUBLICATIONS_PER_PAGE", 4)
    index = PublicationIndexPageFactory(parent=site_tree.kyrgyzstan)
    regional = PublicationIndexPageFactory(parent=site_tree.regional)
    topics = [site_tree.topic, TopicFactory(name="Migrant health", slug="migrant-health")]
    cover = ImageFactory()
    pages = [
        ("mission", index, {}),
        ("regional", regional, {}),
        ("by kind", index, {"kind": "brochure"}),
        ("by topic", index, {"topic": "migrant-health"}),
        ("by year", index, {"year": "2023"}),
        ("by language", index, {"language": "tg"}),
        ("second page", index, {"page": "2"}),
    ]

    grow_library(index, 5, 0, topics, cover)
    few = {name: count_queries(*host_and_path(page), cold=True, **q) for name, page, q in pages}
    publication = index.get_children().live().last().specific
    few["publication"] = count_queries(*host_and_path(publication), cold=True)
    grow_library(index, 25, 5, topics, cover)
    many = {name: count_queries(*host_and_path(page), cold=True, **q) for name, page, q in pages}
    many["publication"] = count_queries(*host_and_path(publication), cold=True)

    report = "\n".join(f"{name:<12} {few[name]!r} {many[name]!r}" for name in many)
    assert all(many[name].total == few[name].total for name in many), report
    assert all(count.total <= BUDGET for count in many.values()), report


def test_a_story_with_publication_blocks_in_ten_queries(site_tree, page_cache, count_queries):
    from tests.factories import NewsItemPageFactory, paragraph

    index = PublicationIndexPageFactory(parent=site_tree.kyrgyzstan)
    cover = ImageFactory()
    publications = [
        PublicationPageFactory(parent=index, cover_image=cover, cover_image_alt="A cover")
        for _ in range(3)
    ]

    def story_with(count):
        return NewsItemPageFactory(
            parent=site_tree.kyrgyzstan_news,
            with_lead_image=True,
            body=[
                paragraph("<p>Read the handbooks.</p>"),
                *({"type": "publication", "value": p.pk} for p in publications[:count]),
            ],
        )

    one = count_queries(*host_and_path(story_with(1)), cold=True)
    three = count_queries(*host_and_path(story_with(3)), cold=True)
    assert one.total == three.total <= BUDGET, (one, three)
