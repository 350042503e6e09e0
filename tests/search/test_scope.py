"""The right story on the right site: what each site's search covers, and what
it never shows (drafts, private, expired pages, other sites' pages)."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import (
    NewsItemPageFactory,
    PhotoGalleryPageFactory,
    ReportIssuePageFactory,
    TopicFactory,
    report_section,
    story_body,
)
from tests.search.conftest import found, found_titles, postgresql_only

pytestmark = pytest.mark.django_db


@pytest.fixture
def almaty_story(site_tree):
    """The conference story of the Kazakh newsroom, shared with Kyrgyzstan."""
    story = NewsItemPageFactory(
        parent=site_tree.kazakhstan_news,
        title="Almaty Process ministers discuss migration",
        summary="Ministers of the Almaty Process met to plan their joint work.",
    )
    story.shared_with.add(site_tree.kyrgyzstan_site)
    story.save_revision().publish()
    return story


def test_almaty_finds_the_conference_story_on_every_site_it_is_shared_with(
    site_tree, almaty_story, search
):
    for site in (site_tree.kazakhstan_site, site_tree.kyrgyzstan_site, site_tree.regional_site):
        response = search(site, "Almaty")

        assert response.status_code == 200
        assert almaty_story.title in found_titles(response), site.hostname


def test_almaty_does_not_find_the_conference_story_on_a_site_it_is_not_shared_with(
    site_tree, almaty_story, tajikistan, search
):
    response = search(tajikistan.site, "Almaty")

    assert response.status_code == 200
    assert almaty_story.title not in found_titles(response)


def test_a_mission_site_finds_its_own_pages_but_not_other_missions(site_tree, search):
    kazakh = NewsItemPageFactory(parent=site_tree.kazakhstan_news, summary="A quokka in Astana.")
    kyrgyz = NewsItemPageFactory(parent=site_tree.kyrgyzstan_news, summary="A quokka in Osh.")

    assert found(search(site_tree.kazakhstan_site, "quokka")) == [kazakh]
    assert found(search(site_tree.kyrgyzstan_site, "quokka")) == [kyrgyz]


def test_reintegration_finds_every_missions_stories_on_the_regional_site(site_tree, search):
    kazakh = NewsItemPageFactory(
        parent=site_tree.kazakhstan_news,
        title="Reintegration grants in Kostanay",
        body=story_body("Grants for reintegration."),
    )
    kyrgyz = NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news,
        title="Training on reintegration in Osh",
        body=story_body("Social workers learn how to help."),
    )

    regional = found(search(site_tree.regional_site, "reintegration"))
    kazakh_site = found(search(site_tree.kazakhstan_site, "reintegration"))

    assert {kazakh, kyrgyz} <= set(regional)
    assert kazakh in kazakh_site and kyrgyz not in kazakh_site


def test_galleries_reports_and_contact_pages_are_found(site_tree, search):
    gallery = site_tree.gallery
    gallery.intro = "<p>Shoemakers of Kostanay at the wombat workshop.</p>"
    gallery.save_revision().publish()

    assert found(search(site_tree.kazakhstan_site, "wombat")) == [gallery.specific]
    # The report's section headings, on the regional site where it lives.
    assert site_tree.issue in found(search(site_tree.regional_site, "Partnerships"))
    # The contact page's offices and hotlines.
    assert found(search(site_tree.kazakhstan_site, "Baizakov")) == [site_tree.kazakhstan_contact]
    assert site_tree.kyrgyzstan_contact in found(search(site_tree.kyrgyzstan_site, "hotline"))


# --- Never shown --------------------------------------------------------------------------


def test_drafts_are_never_found(site_tree, search):
    draft = NewsItemPageFactory(parent=site_tree.kazakhstan_news, summary="A quokka draft.")
    draft.unpublish()
    NewsItemPageFactory(parent=site_tree.kazakhstan_news, summary="A quokka story.", live=False)

    for site in (site_tree.kazakhstan_site, site_tree.regional_site):
        assert found(search(site, "quokka")) == []


def test_unpublished_changes_of_a_live_page_are_never_found(site_tree, search):
    story = site_tree.kazakhstan_stories[0]
    story.summary = "A secret quokka plan."
    story.save_revision()  # a draft of a live page: the live version has no quokka

    assert found(search(site_tree.kazakhstan_site, "quokka")) == []


@pytest.mark.parametrize(
    "restriction",
    [
        {"restriction_type": PageViewRestriction.LOGIN},
        {"restriction_type": PageViewRestriction.PASSWORD, "password": "secret"},
    ],
)
def test_private_pages_are_never_found(site_tree, search, restriction):
    private = NewsItemPageFactory(parent=site_tree.kazakhstan_news, summary="A private quokka.")
    PageViewRestriction.objects.create(page=private, **restriction)
    gallery = PhotoGalleryPageFactory(
        parent=site_tree.kazakhstan_gallery_index, intro="<p>A quokka gallery.</p>"
    )
    # A restriction on a section hides everything under it.
    PageViewRestriction.objects.create(page=site_tree.kazakhstan_gallery_index, **restriction)

    for site in (site_tree.kazakhstan_site, site_tree.regional_site):
        titles = found_titles(search(site, "quokka"))
        assert private.title not in titles and gallery.title not in titles


def test_expired_pages_are_never_found(site_tree, search):
    expired = NewsItemPageFactory(parent=site_tree.kazakhstan_news, summary="An expired quokka.")
    expired.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    expired.save()  # past its expiry, before publish_scheduled has run
    flagged = ReportIssuePageFactory(
        parent=site_tree.report_index, summary="An expired quokka report."
    )
    flagged.expired = True
    flagged.save()

    assert found(search(site_tree.regional_site, "quokka")) == []


def test_pages_of_other_sites_are_never_found_unless_shared(site_tree, tajikistan, search):
    story = NewsItemPageFactory(parent=tajikistan.news, summary="A Tajik quokka.")

    assert found(search(site_tree.kazakhstan_site, "quokka")) == []
    story.shared_with.add(site_tree.kazakhstan_site)
    story.save_revision().publish()
    assert found(search(site_tree.kazakhstan_site, "quokka")) == [story]


def test_galleries_of_other_missions_are_not_found_on_a_mission_site(site_tree, search):
    PhotoGalleryPageFactory(
        parent=site_tree.kyrgyzstan_gallery_index, intro="<p>A Kyrgyz quokka.</p>"
    )

    assert found(search(site_tree.kazakhstan_site, "quokka")) == []
    assert len(found(search(site_tree.regional_site, "quokka"))) == 1


# --- What is indexed ---------------------------------------------------------------------


def test_topic_names_are_found_once_the_story_is_published(site_tree, search):
    topic = TopicFactory(name="Quokka protection", slug="quokka-protection")
    story = site_tree.kazakhstan_stories[0]
    story.topics.add(topic)
    story.save_revision().publish()

    assert found(search(site_tree.kazakhstan_site, "quokka")) == [story]


def test_photo_captions_are_found(site_tree, search):
    photo = site_tree.gallery_photos[0]
    photo.caption = "A quokka at the workbench."
    photo.save()
    site_tree.gallery.save_revision().publish()

    assert found(search(site_tree.kazakhstan_site, "quokka")) == [site_tree.gallery.specific]


def test_report_sections_are_found(site_tree, search):
    issue = ReportIssuePageFactory(
        parent=site_tree.report_index,
        sections=[report_section("Quokka assistance", intro="Help for quokkas.")],
    )

    assert found(search(site_tree.regional_site, "quokka")) == [issue]


@postgresql_only
def test_a_title_match_ranks_before_a_body_match(site_tree, search):
    in_body = NewsItemPageFactory(
        parent=site_tree.kazakhstan_news, body=story_body("Somewhere a quokka.")
    )
    in_title = NewsItemPageFactory(parent=site_tree.kazakhstan_news, title="The quokka story")

    assert found(search(site_tree.kazakhstan_site, "quokka")) == [in_title, in_body]
