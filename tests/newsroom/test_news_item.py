"""A news story: it renders with its content, survives a deleted lead image,
and the admin refuses a lead image without alt text."""

from wagtail.test.utils.form_data import rich_text, streamfield

from newsroom.models import NewsItemPage
from tests.factories import ImageFactory, NewsItemPageFactory


def test_story_renders_its_title_summary_and_body(site_tree, fetch_page):
    story = site_tree.kazakhstan_stories[0]

    response = fetch_page(story)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Kazakhstan story 1" in html
    assert "The body of Kazakhstan story 1." in html


def test_story_renders_its_lead_image_with_alt_text(site_tree, fetch_page):
    story = NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news, title="Job fair", with_lead_image=True
    )

    response = fetch_page(story)

    assert response.status_code == 200
    assert 'alt="Migrants at a job fair"' in response.content.decode()


def test_story_whose_lead_image_was_deleted_still_renders(site_tree, fetch_page):
    story = NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news, title="Job fair", with_lead_image=True
    )
    story.lead_image.delete()

    response = fetch_page(story)

    assert response.status_code == 200
    html = response.content.decode()
    assert "The body of Job fair." in html
    story.refresh_from_db()
    assert story.lead_image is None


# --- Admin ---------------------------------------------------------------------


def _story_fields(title, slug, image, alt):
    return {
        "title": title,
        "slug": slug,
        "date": "2024-06-01",
        "summary": "Returning migrants met employers in Bishkek.",
        "lead_image": str(image.pk),
        "lead_image_alt": alt,
        "lead_image_caption": "",
        "lead_image_credit": "© IOM",
        "body": streamfield([("paragraph", rich_text("<p>Forty employers came.</p>"))]),
        "source_url": "",
    }


def test_admin_publishes_a_story_with_a_lead_image_and_alt_text(site_tree, page_admin):
    image = ImageFactory()
    fields = _story_fields("Job fair", "job-fair", image, "Migrants at a job fair")

    response = page_admin.add(site_tree.kyrgyzstan_news, NewsItemPage, fields)

    assert response.status_code == 302
    story = NewsItemPage.objects.get(slug="job-fair")
    assert story.live
    assert story.lead_image == image
    assert story.lead_image_alt == "Migrants at a job fair"


def test_admin_refuses_a_lead_image_without_alt_text(site_tree, page_admin):
    image = ImageFactory()
    fields = _story_fields("Job fair", "job-fair", image, "   ")

    response = page_admin.add(site_tree.kyrgyzstan_news, NewsItemPage, fields)

    assert "lead_image_alt" in page_admin.form_errors(response)
    assert not NewsItemPage.objects.filter(slug="job-fair").exists()


def test_admin_refuses_removing_the_alt_text_of_a_story_lead_image(site_tree, page_admin):
    story = NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news, title="Job fair", with_lead_image=True
    )
    fields = _story_fields("Job fair", story.slug, story.lead_image, "")

    response = page_admin.edit(story, fields)

    assert "lead_image_alt" in page_admin.form_errors(response)
    story.refresh_from_db()
    assert story.lead_image_alt == "Migrants at a job fair"
    assert story.revisions.count() == 0
