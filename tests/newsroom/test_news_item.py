"""A news story: it renders with its content, survives a deleted lead image,
and the admin refuses a lead image without alt text."""

from django.urls import reverse
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


# --- Shared with -------------------------------------------------------------------
# A story's own site lists it anyway, and the regional site lists every
# mission's stories: "Shared with" offers the other missions only.


def _offered_sites(form):
    return set(form.fields["shared_with"].queryset)


def test_shared_with_offers_only_the_other_missions_when_editing(site_tree, admin_client):
    story = site_tree.kyrgyzstan_stories[0]

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))

    assert response.status_code == 200
    assert _offered_sites(response.context["form"]) == {site_tree.kazakhstan_site}
    html = response.content.decode()
    assert f'name="shared_with" value="{site_tree.kazakhstan_site.pk}"' in html
    for site in (site_tree.kyrgyzstan_site, site_tree.regional_site):
        assert f'name="shared_with" value="{site.pk}"' not in html


def test_shared_with_offers_only_the_missions_when_creating_a_regional_story(
    site_tree, admin_client
):
    url = reverse(
        "wagtailadmin_pages:add", args=["newsroom", "newsitempage", site_tree.regional_news.pk]
    )

    response = admin_client.get(url)

    assert _offered_sites(response.context["form"]) == {
        site_tree.kazakhstan_site,
        site_tree.kyrgyzstan_site,
    }


def test_a_story_cannot_be_shared_with_its_own_or_the_regional_site(site_tree, page_admin):
    story = NewsItemPageFactory(parent=site_tree.kyrgyzstan_news, title="Job fair")
    fields = _story_fields("Job fair", story.slug, ImageFactory(), "Migrants at a job fair")
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])

    def save_shared_with(site):
        data = {**page_admin._data(fields, publish=True), "shared_with": [str(site.pk)]}
        return page_admin.client.post(url, data)

    for refused_site in (site_tree.regional_site, site_tree.kyrgyzstan_site):
        refused = save_shared_with(refused_site)
        assert "shared_with" in page_admin.form_errors(refused)
    assert story.revisions.count() == 0

    shared = save_shared_with(site_tree.kazakhstan_site)
    assert shared.status_code == 302
    story.refresh_from_db()
    assert list(story.shared_with.all()) == [site_tree.kazakhstan_site]


# --- Autosave on the create form ---------------------------------------------------
# Wagtail's autosave posts the create form in the background (asking for JSON)
# as a "Save draft", which skips required fields: a title alone made a draft
# page, left in the tree when the editor gave up on the form.


_INCOMPLETE = {
    "title": "Half-written story",
    "slug": "half-written",
    "date": "2024-06-01",  # filled in for a new story
    "summary": "",
    "body": streamfield([]),
    "source_url": "",
}


def _autosave_new_story(page_admin, parent, fields):
    url = reverse("wagtailadmin_pages:add", args=["newsroom", "newsitempage", parent.pk])
    return page_admin.client.post(
        url, page_admin._data(fields, publish=False), HTTP_ACCEPT="application/json"
    )


def test_autosave_does_not_create_a_page_from_an_incomplete_form(site_tree, page_admin):

    response = _autosave_new_story(page_admin, site_tree.kyrgyzstan_news, _INCOMPLETE)

    assert response.status_code == 400
    assert response.json()["success"] is False
    assert response.json()["error_code"] == "validation_error"
    assert not NewsItemPage.objects.filter(slug="half-written").exists()


def test_autosave_creates_the_draft_once_the_form_is_complete(site_tree, page_admin):
    fields = _story_fields("Job fair", "job-fair", ImageFactory(), "Migrants at a job fair")

    response = _autosave_new_story(page_admin, site_tree.kyrgyzstan_news, fields)

    assert response.json()["success"] is True
    story = NewsItemPage.objects.get(slug="job-fair")
    assert not story.live
    assert response.json()["pk"] == story.pk


def test_save_draft_still_keeps_an_incomplete_new_story(site_tree, page_admin):
    """The editor's own *Save draft* saves what there is (Wagtail's rule)."""

    response = page_admin.add(site_tree.kyrgyzstan_news, NewsItemPage, _INCOMPLETE, publish=False)

    assert response.status_code == 302
    assert not NewsItemPage.objects.get(slug="half-written").live
