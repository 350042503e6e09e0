"""Publishing a page that uses an image without a credit, without consent
when people can be recognised, past its usage expiry or marked sensitive is
refused with a message naming the image and where the page uses it; the same
page with a usable image is published; a draft is always saved."""

import datetime

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from images.forms import ImageCheckedPageForm
from newsroom.models import NewsItemPage, PhotoGalleryPage, ReportIssuePage
from tests.factories import (
    GalleryPhotoFactory,
    ImageFactory,
    NewsItemPageFactory,
    PhotoGalleryPageFactory,
)

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)

REFUSALS = {
    "no credit": ({"credit": ""}, "it has no credit"),
    "no consent": (
        {"identifiable_people": True, "consent_reference": ""},
        "it shows identifiable people and has no consent reference",
    ),
    "expired": ({"usage_expires": YESTERDAY}, f"its usage expired on {YESTERDAY.isoformat()}"),
    "sensitive": ({"sensitive": True}, "it is marked sensitive (internal use only)"),
}


def story_fields(slug, lead_image=None, body_image=None):
    body = [("paragraph", rich_text("<p>Forty employers came.</p>"))]
    if body_image is not None:
        body.append(
            ("image", {"image": body_image.pk, "alt_text": "A truck", "caption": "", "credit": ""})
        )
    return {
        "title": "Food aid",
        "slug": slug,
        "date": "2024-06-01",
        "summary": "Food aid reached Batken.",
        "lead_image": str(lead_image.pk) if lead_image else "",
        "lead_image_alt": "Families receive food aid" if lead_image else "",
        "lead_image_caption": "",
        "lead_image_credit": "",
        "body": streamfield(body),
        "source_url": "",
    }


def non_field_errors(response):
    assert response.status_code == 200, response.status_code
    return [str(error) for error in response.context["form"].non_field_errors()]


@pytest.mark.parametrize("state, problem", REFUSALS.values(), ids=REFUSALS.keys())
def test_publishing_a_story_whose_lead_image_may_not_be_used_is_refused(
    site_tree, page_admin, state, problem
):
    image = ImageFactory(title="Batken food aid", **state)
    response = page_admin.add(site_tree.kyrgyzstan_news, NewsItemPage, story_fields("aid", image))
    assert non_field_errors(response) == [
        f"Cannot publish: the image “Batken food aid” (Lead image): {problem}."
    ]
    assert not NewsItemPage.objects.filter(slug="aid").exists()


@pytest.mark.parametrize("state, problem", REFUSALS.values(), ids=REFUSALS.keys())
def test_publishing_a_story_whose_body_image_may_not_be_used_is_refused(
    site_tree, page_admin, state, problem
):
    image = ImageFactory(title="Truck", **state)
    response = page_admin.add(
        site_tree.kyrgyzstan_news, NewsItemPage, story_fields("aid", body_image=image)
    )
    errors = non_field_errors(response)
    assert len(errors) == 1
    assert errors[0].startswith("Cannot publish: the image “Truck” (Body, block 2 (Image)")
    assert errors[0].endswith(f": {problem}.")


def test_a_draft_is_saved_whatever_its_images(site_tree, page_admin):
    image = ImageFactory(sensitive=True)
    response = page_admin.add(
        site_tree.kyrgyzstan_news, NewsItemPage, story_fields("aid", image), publish=False
    )
    assert response.status_code == 302
    assert not NewsItemPage.objects.get(slug="aid").live


def test_a_story_with_usable_images_is_published(site_tree, page_admin):
    image = ImageFactory(
        identifiable_people=True,
        consent_reference="Form KG-2026-014",
        usage_expires=timezone.localdate(),  # the last day it may be used: today
    )
    response = page_admin.add(
        site_tree.kyrgyzstan_news, NewsItemPage, story_fields("aid", image, image)
    )
    assert response.status_code == 302
    assert NewsItemPage.objects.get(slug="aid").live


def test_every_page_type_checks_its_images_when_published():
    page_types = [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and model._meta.app_label != "wagtailcore"
    ]
    assert page_types
    for model in page_types:
        form_class = model.get_edit_handler().get_form_class()
        assert issubclass(form_class, ImageCheckedPageForm), model


# --- Galleries, report issues, home pages ------------------------------------------


def gallery_fields(slug, image):
    return {
        "title": "Batken distribution",
        "slug": slug,
        "date": "2024-06-01",
        "place": "Batken",
        "intro": rich_text("<p>Food aid.</p>"),
        "photos": inline_formset(
            [{"image": str(image.pk), "alt_text": "Families", "caption": "", "credit": ""}]
        ),
    }


def issue_fields(slug, image):
    return {
        "title": "Issue 9",
        "slug": slug,
        "issue_number": "9",
        "publication_date": "2024-07-15",
        "cover_image": str(image.pk),
        "cover_image_alt": "The cover",
        "summary": "What the missions did this quarter.",
        "sections": streamfield(
            [
                (
                    "section",
                    {
                        "heading": "Direct assistance",
                        "intro": rich_text("<p>Help given to migrants.</p>"),
                        "stories": {"count": "0"},
                        "publications": {"count": "0"},
                        "text": rich_text(""),
                    },
                )
            ]
        ),
        "pdf": "",
    }


@pytest.mark.parametrize("state, problem", REFUSALS.values(), ids=REFUSALS.keys())
def test_publishing_a_gallery_with_a_photo_that_may_not_be_used_is_refused(
    site_tree, page_admin, state, problem
):
    image = ImageFactory(title="Batken photo", **state)
    response = page_admin.add(
        site_tree.kyrgyzstan_gallery_index, PhotoGalleryPage, gallery_fields("batken", image)
    )
    assert non_field_errors(response) == [
        f"Cannot publish: the image “Batken photo” (Photo 1, Photo): {problem}."
    ]


def test_a_gallery_with_usable_photos_is_published(site_tree, page_admin):
    response = page_admin.add(
        site_tree.kyrgyzstan_gallery_index, PhotoGalleryPage, gallery_fields("ok", ImageFactory())
    )
    assert response.status_code == 302
    assert PhotoGalleryPage.objects.get(slug="ok").live


@pytest.mark.parametrize("state, problem", REFUSALS.values(), ids=REFUSALS.keys())
def test_publishing_a_report_issue_with_a_cover_that_may_not_be_used_is_refused(
    site_tree, page_admin, state, problem
):
    image = ImageFactory(title="Cover photo", **state)
    response = page_admin.add(site_tree.report_index, ReportIssuePage, issue_fields("i9", image))
    assert non_field_errors(response) == [
        f"Cannot publish: the image “Cover photo” (Cover picture): {problem}."
    ]


def test_a_report_issue_with_a_usable_cover_is_published(site_tree, page_admin):
    response = page_admin.add(
        site_tree.report_index, ReportIssuePage, issue_fields("i9", ImageFactory())
    )
    assert response.status_code == 302, response.context["form"].errors
    assert ReportIssuePage.objects.get(slug="i9").live


def home_fields(home, story):
    return {
        "title": home.title,
        "slug": home.slug,
        "intro": rich_text("<p>Who we are.</p>"),
        "featured_stories": streamfield([("story", story.pk)]),
    }


@pytest.mark.parametrize("state, problem", REFUSALS.values(), ids=REFUSALS.keys())
def test_publishing_a_home_page_featuring_a_story_whose_image_may_not_be_used_is_refused(
    site_tree, page_admin, state, problem
):
    story = NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news,
        title="Aid in Batken",
        lead_image=ImageFactory(title="Batken photo", **state),
        lead_image_alt="Families",
    )
    response = page_admin.edit(site_tree.regional, home_fields(site_tree.regional, story))
    assert non_field_errors(response) == [
        "Cannot publish: the image “Batken photo” "
        f"(Featured stories, block 1 (Story), “Aid in Batken”, lead image): {problem}."
    ]


def test_a_home_page_featuring_stories_with_usable_images_is_published(site_tree, page_admin):
    story = NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news, lead_image=ImageFactory(), lead_image_alt="Families"
    )
    response = page_admin.edit(site_tree.regional, home_fields(site_tree.regional, story))
    assert response.status_code == 302


# --- Publishing from the page explorer's bulk actions --------------------------------------


def bulk_publish_url(*pages):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    explorer = reverse("wagtailadmin_explore", args=(pages[0].get_parent().pk,))
    return url + f"?next={explorer}&" + "&".join(f"id={page.pk}" for page in pages)


def test_bulk_publishing_a_draft_with_an_image_that_may_not_be_used_is_refused(
    site_tree, admin_client
):
    usable = NewsItemPageFactory(parent=site_tree.kyrgyzstan_news, title="Fine", live=False)
    usable.save_revision()
    refused = NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news,
        title="Aid in Batken",
        live=False,
        lead_image=ImageFactory(title="Batken photo", credit=""),
        lead_image_alt="Families",
    )
    refused.save_revision()

    response = admin_client.post(bulk_publish_url(usable, refused), follow=True)

    assert response.status_code == 200
    messages = [str(message).strip() for message in response.context["messages"]]
    assert messages == [
        "Aid in Batken: Cannot publish: the image “Batken photo” (Lead image): it has no credit."
    ]
    for page in (usable, refused):  # all or nothing, as the confirmation listed them
        page.refresh_from_db()
        assert not page.live


def test_bulk_publishing_drafts_with_usable_images_publishes_them(site_tree, admin_client):
    pages = [
        NewsItemPageFactory(
            parent=site_tree.kyrgyzstan_news,
            live=False,
            lead_image=ImageFactory(),
            lead_image_alt="Families",
        )
        for _ in range(2)
    ]
    for page in pages:
        page.save_revision()

    response = admin_client.post(bulk_publish_url(*pages))

    assert response.status_code == 302
    for page in pages:
        page.refresh_from_db()
        assert page.live


def test_bulk_publishing_with_descendants_checks_the_draft_descendants(site_tree, admin_client):
    gallery_index = site_tree.kyrgyzstan_gallery_index
    gallery = PhotoGalleryPageFactory(
        parent=gallery_index, title="Batken distribution", slug="batken", live=False
    )
    GalleryPhotoFactory(page=gallery, image=ImageFactory(title="Batken photo", sensitive=True))
    gallery.save_revision()
    news = site_tree.kyrgyzstan_news

    response = admin_client.post(
        bulk_publish_url(news, gallery_index), {"include_descendants": "on"}, follow=True
    )

    assert response.status_code == 200
    messages = [str(message).strip() for message in response.context["messages"]]
    assert messages == [
        "Batken distribution: Cannot publish: the image “Batken photo” (Photo 1, Photo): "
        "it is marked sensitive (internal use only)."
    ]
    gallery.refresh_from_db()
    assert not gallery.live
