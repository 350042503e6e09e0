"""The page tree of DESIGN.md is the only tree an editor can build."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import rich_text

from missions.models import ContactIndexPage, MissionContactPage, MissionHomePage
from newsroom.models import (
    GalleryIndexPage,
    NewsIndexPage,
    NewsItemPage,
    PhotoGalleryPage,
    PublicationIndexPage,
    ReportIndexPage,
    ReportIssuePage,
)
from tests.factories import MissionHomePageFactory
from website.models import RegionalHomePage

ALL_PAGE_TYPES = {
    RegionalHomePage,
    MissionHomePage,
    MissionContactPage,
    ContactIndexPage,
    NewsIndexPage,
    NewsItemPage,
    GalleryIndexPage,
    PhotoGalleryPage,
    ReportIndexPage,
    ReportIssuePage,
}
# Publications render in tests/newsroom/test_publications.py (not in the shared tree).
HOME_PAGE_TYPES = {RegionalHomePage, MissionHomePage}


class TestPageTreeRules(WagtailPageTestCase):
    """Parent and child types of every page type, as DESIGN.md draws them."""

    def test_only_the_two_home_page_types_can_be_created_at_the_root(self):
        self.assertEqual(set(Page.creatable_subpage_models()), HOME_PAGE_TYPES)
        for model in ALL_PAGE_TYPES - HOME_PAGE_TYPES:
            self.assertCanNotCreateAt(Page, model)

    def test_regional_home_page_holds_news_reports_photos_publications_and_contacts(self):
        self.assertAllowedParentPageTypes(RegionalHomePage, {Page})
        self.assertAllowedSubpageTypes(
            RegionalHomePage,
            {
                NewsIndexPage,
                ReportIndexPage,
                GalleryIndexPage,
                PublicationIndexPage,
                ContactIndexPage,
            },
        )

    def test_mission_home_page_holds_news_photos_publications_and_its_contact_page(self):
        self.assertAllowedParentPageTypes(MissionHomePage, {Page})
        self.assertAllowedSubpageTypes(
            MissionHomePage,
            {NewsIndexPage, GalleryIndexPage, PublicationIndexPage, MissionContactPage},
        )

    def test_news_index_lives_under_either_home_and_holds_only_stories(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, HOME_PAGE_TYPES)
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsItemPage})

    def test_story_lives_only_in_a_news_index_and_has_no_children(self):
        self.assertAllowedParentPageTypes(NewsItemPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsItemPage, set())
        self.assertCanNotCreateAt(MissionHomePage, NewsItemPage)
        self.assertCanNotCreateAt(RegionalHomePage, NewsItemPage)
        self.assertCanNotCreateAt(GalleryIndexPage, NewsItemPage)

    def test_gallery_index_lives_under_either_home_and_holds_only_galleries(self):
        self.assertAllowedParentPageTypes(GalleryIndexPage, HOME_PAGE_TYPES)
        self.assertAllowedSubpageTypes(GalleryIndexPage, {PhotoGalleryPage})

    def test_photo_gallery_lives_only_in_a_gallery_index_and_has_no_children(self):
        self.assertAllowedParentPageTypes(PhotoGalleryPage, {GalleryIndexPage})
        self.assertAllowedSubpageTypes(PhotoGalleryPage, set())
        self.assertCanNotCreateAt(NewsIndexPage, PhotoGalleryPage)

    def test_report_series_lives_only_under_the_regional_home(self):
        self.assertAllowedParentPageTypes(ReportIndexPage, {RegionalHomePage})
        self.assertAllowedSubpageTypes(ReportIndexPage, {ReportIssuePage})
        self.assertCanCreateAt(RegionalHomePage, ReportIndexPage)
        self.assertCanNotCreateAt(MissionHomePage, ReportIndexPage)

    def test_report_issue_lives_only_in_a_report_series_and_has_no_children(self):
        self.assertAllowedParentPageTypes(ReportIssuePage, {ReportIndexPage})
        self.assertAllowedSubpageTypes(ReportIssuePage, set())
        self.assertCanNotCreateAt(NewsIndexPage, ReportIssuePage)

    def test_mission_contact_page_lives_only_under_a_mission_home(self):
        self.assertAllowedParentPageTypes(MissionContactPage, {MissionHomePage})
        self.assertAllowedSubpageTypes(MissionContactPage, set())
        self.assertCanCreateAt(MissionHomePage, MissionContactPage)
        self.assertCanNotCreateAt(RegionalHomePage, MissionContactPage)

    def test_contact_index_lives_only_under_the_regional_home(self):
        self.assertAllowedParentPageTypes(ContactIndexPage, {RegionalHomePage})
        self.assertAllowedSubpageTypes(ContactIndexPage, set())
        self.assertCanNotCreateAt(MissionHomePage, ContactIndexPage)


# --- Singletons, checked on a real tree -----------------------------------------


@pytest.mark.parametrize(
    "home, model",
    [
        ("kazakhstan", NewsIndexPage),
        ("kazakhstan", GalleryIndexPage),
        ("kazakhstan", MissionContactPage),
        ("regional", NewsIndexPage),
        ("regional", GalleryIndexPage),
        ("regional", ReportIndexPage),
        ("regional", ContactIndexPage),
    ],
)
def test_index_and_contact_pages_are_singletons_under_their_home(site_tree, home, model):
    parent = getattr(site_tree, home)
    assert not model.can_create_at(parent)


@pytest.mark.parametrize("model", [NewsIndexPage, GalleryIndexPage, MissionContactPage])
def test_a_new_mission_home_can_have_its_own_index_and_contact_pages(site_tree, model):
    new_mission = MissionHomePageFactory(title="Tajikistan", slug="tajikistan", country="TJ")
    assert model.can_create_at(new_mission)


def test_a_second_regional_home_page_cannot_be_created(site_tree):
    assert not RegionalHomePage.can_create_at(Page.get_first_root_node())
    assert MissionHomePage.can_create_at(Page.get_first_root_node())


# --- The admin refuses what the tree forbids ---------------------------------------


def _news_index_fields(title):
    return {"title": title, "slug": "more-news", "intro": rich_text("<p>More.</p>")}


def test_admin_creates_a_news_index_under_a_new_mission_home(site_tree, page_admin):
    """The control for the refusals below: the same form data is accepted
    where the tree allows the page."""
    new_mission = MissionHomePageFactory(title="Tajikistan", slug="tajikistan", country="TJ")

    response = page_admin.add(new_mission, NewsIndexPage, _news_index_fields("Tajik news"))

    assert response.status_code == 302
    assert NewsIndexPage.objects.child_of(new_mission).get().title == "Tajik news"


def test_admin_refuses_a_second_news_index_under_the_same_home(site_tree, page_admin):
    response = page_admin.add(site_tree.kazakhstan, NewsIndexPage, _news_index_fields("Twice"))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert NewsIndexPage.objects.child_of(site_tree.kazakhstan).count() == 1
    assert not Page.objects.filter(title="Twice").exists()


def test_admin_refuses_a_story_directly_under_a_mission_home(site_tree, page_admin):
    fields = {"title": "Misplaced story", "slug": "misplaced", "summary": "Nowhere."}

    response = page_admin.add(site_tree.kazakhstan, NewsItemPage, fields)

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert not Page.objects.filter(title="Misplaced story").exists()


def test_admin_refuses_a_report_series_under_a_mission_home(site_tree, page_admin):
    fields = {"title": "Kazakh report", "slug": "kazakh-report"}

    response = page_admin.add(site_tree.kazakhstan, ReportIndexPage, fields)

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert not Page.objects.filter(title="Kazakh report").exists()


def test_admin_refuses_a_second_contact_page_for_a_mission(site_tree, page_admin):
    fields = {"title": "Contact again", "slug": "contact-again"}

    response = page_admin.add(site_tree.kyrgyzstan, MissionContactPage, fields)

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert MissionContactPage.objects.child_of(site_tree.kyrgyzstan).count() == 1


# --- Every page of the tree renders -------------------------------------------------

TREE_PAGES = [
    "regional",
    "regional_news",
    "regional_story",
    "regional_gallery_index",
    "report_index",
    "issue",
    "contact_index",
    "kazakhstan",
    "kazakhstan_news",
    "kazakhstan_gallery_index",
    "gallery",
    "kazakhstan_contact",
    "kyrgyzstan",
    "kyrgyzstan_news",
    "kyrgyzstan_contact",
]


def test_render_check_covers_every_page_type(site_tree):
    covered = {type(getattr(site_tree, name)) for name in TREE_PAGES}
    assert covered == ALL_PAGE_TYPES


@pytest.mark.parametrize("name", TREE_PAGES)
def test_each_page_of_the_tree_renders_at_its_address_on_its_site(site_tree, fetch_page, name):
    page = getattr(site_tree, name)

    response = fetch_page(page)

    assert response.status_code == 200
    assert response.request["PATH_INFO"].startswith("/en/")
    assert page.title in response.content.decode()
