"""`manage.py generate_bulk_content`: scale data made in bulk, as consistent as
if each story had been published through Wagtail."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, ReferenceIndex, Site

from demo import bulk
from newsroom.models import NewsItemPage
from tests.performance.conftest import POOL_SIZE, host_and_path

pytestmark = pytest.mark.django_db


def generated(language="en"):
    return NewsItemPage.objects.filter(slug__startswith="bulk-", locale__language_code=language)


def test_stories_are_spread_over_the_sites_with_topics_pictures_shares_and_translations(
    site_tree,
):
    result = bulk.generate(200, pool_size=POOL_SIZE)

    assert result.created == 200
    stories = generated()
    assert stories.count() == 200
    owners = {story.path[: 2 * Page.steplen] for story in stories}
    assert owners == {site_tree.regional.path, site_tree.kazakhstan.path, site_tree.kyrgyzstan.path}
    assert not stories.filter(topics=None).exists()
    with_picture = stories.exclude(lead_image=None)
    assert 150 <= with_picture.count() < 200
    assert len(set(with_picture.values_list("lead_image", flat=True))) == POOL_SIZE
    shared = stories.exclude(shared_with=None).distinct().count()
    assert 20 <= shared <= 60  # about one in five
    russian = generated("ru").count()
    assert result.translated == russian
    assert 8 <= russian <= 35  # about one in ten
    years = {day.year for day in stories.values_list("date", flat=True)}
    assert len(years) >= 5


def test_pages_are_published_with_a_revision_and_a_sound_tree(site_tree):
    bulk.generate(30, pool_size=POOL_SIZE)

    assert Page.find_problems() == ([], [], [], [], [])
    story = generated().select_related("latest_revision").first()
    assert story.live and not story.has_unpublished_changes
    assert story.live_revision_id == story.latest_revision_id is not None
    as_revision = story.latest_revision.as_object()
    assert as_revision.title == story.title
    assert list(as_revision.topics.all()) == list(story.topics.all())
    assert site_tree.kyrgyzstan_news.specific.get_children().count() == (
        Page.objects.child_of(site_tree.kyrgyzstan_news).count()
    )


def test_stories_are_served_searchable_and_in_the_reference_index(site_tree, client):
    bulk.generate(20, pool_size=POOL_SIZE)
    story = generated().exclude(lead_image=None).first()

    host, path = host_and_path(story)
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    assert story.title in response.content.decode()

    assert story in NewsItemPage.objects.live().search(story.title.split(" in ")[0])
    references = ReferenceIndex.get_references_for_object(story)
    assert references.filter(model_path="lead_image").exists()


def test_translations_live_under_a_russian_newsroom(site_tree):
    bulk.generate(120, pool_size=POOL_SIZE)
    translation = generated("ru").first()
    source = generated().get(translation_key=translation.translation_key)

    parent = translation.get_parent().specific
    assert parent.locale.language_code == "ru"
    assert parent.get_parent().translation_key == source.get_parent().get_parent().translation_key
    assert translation.live and parent.live and parent.get_parent().live
    assert set(translation.topics.all()) == set(source.topics.all())
    assert translation.lead_image_id == source.lead_image_id


def test_running_again_with_the_same_number_adds_nothing(site_tree):
    bulk.generate(25, pool_size=POOL_SIZE)
    titles = dict(generated().values_list("slug", "title"))

    again = bulk.generate(25, pool_size=POOL_SIZE)
    assert again.created == 0 and again.existing == 25
    more = bulk.generate(30, pool_size=POOL_SIZE)
    assert more.created == 5

    # The same number always gives the same story.
    assert {
        slug: title for slug, title in generated().values_list("slug", "title") if slug in titles
    } == titles


def test_clear_removes_the_generated_stories_only(site_tree):
    before = set(NewsItemPage.objects.values_list("pk", flat=True))
    bulk.generate(40, pool_size=POOL_SIZE)

    deleted = bulk.clear()

    assert deleted > 40  # with the translations
    assert set(NewsItemPage.objects.values_list("pk", flat=True)) == before
    assert Page.find_problems() == ([], [], [], [], [])


def test_the_command_needs_the_demo_content(site_tree):
    Site.objects.exclude(pk=site_tree.regional_site.pk).delete()
    with pytest.raises(CommandError, match="load_demo_content"):
        call_command("generate_bulk_content", "--stories", "10", stdout=StringIO())


def test_the_command_reports_what_it_made(site_tree, monkeypatch):
    monkeypatch.setattr(bulk, "missing_demo_sites", lambda: [])
    monkeypatch.setattr(bulk, "IMAGE_POOL_SIZE", POOL_SIZE)
    out = StringIO()
    call_command("generate_bulk_content", "--stories", "12", stdout=out, verbosity=0)
    assert "Created 12 stories" in out.getvalue()
    out = StringIO()
    call_command("generate_bulk_content", "--clear", stdout=out, verbosity=0)
    assert "Deleted" in out.getvalue()
    assert not generated().exists()
