"""What editors see of an image's state: badges in the image listing and
chooser, the report of images expiring in the next 30 days with the pages
using them (shown to those who may use images, refused to others), and the
form's refusals (consent reference of spaces, an expiry date already past)."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission

from tests.factories import ImageFactory, NewsItemPageFactory

Image = get_image_model()
TODAY = timezone.localdate()


def badges(html, title):
    soup = BeautifulSoup(html, "html.parser")
    found = {}
    for node in soup.select(".image-badges"):
        holder = node.find_parent(["li", "tr"])
        if holder is not None and title in holder.get_text(" "):
            found[title] = [badge.get_text(strip=True) for badge in node.select(".image-badge")]
    return found.get(title)


@pytest.fixture
def states(db):
    return {
        "fine": ImageFactory(title="Fine photo"),
        "uncredited": ImageFactory(title="Uncredited photo", credit=""),
        "people": ImageFactory(
            title="People photo", identifiable_people=True, consent_reference=""
        ),
        "sensitive": ImageFactory(title="Sensitive photo", sensitive=True),
        "expiring": ImageFactory(
            title="Expiring photo", usage_expires=TODAY + datetime.timedelta(days=10)
        ),
    }


@pytest.mark.parametrize("layout", ["grid", "list"])
def test_the_image_listing_shows_each_image_state(admin_client, states, layout):
    html = admin_client.get(reverse("wagtailimages:index"), {"layout": layout}).content.decode()
    assert badges(html, "Fine photo") is None
    assert badges(html, "Uncredited photo") == ["No credit"]
    assert badges(html, "People photo") == ["People: no consent"]
    assert badges(html, "Sensitive photo") == ["Sensitive"]
    expiry = (TODAY + datetime.timedelta(days=10)).isoformat()
    assert badges(html, "Expiring photo") == [f"Expires {expiry}"] or badges(
        html, "Expiring photo"
    )[0].startswith("Expires")


def test_the_image_chooser_shows_each_image_state(admin_client, states):
    response = admin_client.get(reverse("wagtailimages_chooser:choose"))
    assert response.status_code == 200
    html = (
        response.json()["html"]
        if response["Content-Type"].startswith("application/json")
        else response.content.decode()
    )
    assert badges(html, "Uncredited photo") == ["No credit"]
    assert badges(html, "Sensitive photo") == ["Sensitive"]
    assert badges(html, "Fine photo") is None


def test_the_report_lists_images_expiring_within_30_days_with_their_pages(site_tree, admin_client):
    soon = ImageFactory(title="Soon", usage_expires=TODAY + datetime.timedelta(days=3))
    ImageFactory(title="Later", usage_expires=TODAY + datetime.timedelta(days=45))
    ImageFactory(title="Past", usage_expires=TODAY - datetime.timedelta(days=1))
    story = NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news, title="Aid in Batken", lead_image=soon, lead_image_alt="x"
    )
    response = admin_client.get(reverse("images_expiring_report"))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    rows = [row.get_text(" ", strip=True) for row in soup.select("tbody tr")]
    assert len(rows) == 1
    assert "Soon" in rows[0] and story.title in rows[0] and "in 3 days" in rows[0]


def test_the_report_is_refused_to_users_who_may_not_use_images(client, django_user_model, db):
    user = django_user_model.objects.create_user("reader", "reader@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    refused = client.get(reverse("images_expiring_report"))
    # Wagtail answers a refusal with its dashboard and a message.
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    # An editor's group: may choose images of the root collection.
    group = Group.objects.create(name="Photo choosers")
    GroupCollectionPermission.objects.create(
        group=group,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(
            content_type__app_label="wagtailimages", codename="choose_image"
        ),
    )
    user.groups.add(group)
    assert client.get(reverse("images_expiring_report")).status_code == 200


# --- The form ------------------------------------------------------------------


def png():
    import io

    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return buffer.getvalue()


def upload(admin_client, **fields):
    data = {"title": "Upload", "file": SimpleUploadedFile("a.png", png()), **fields}
    return admin_client.post(reverse("wagtailimages:add"), data)


def test_a_consent_reference_of_spaces_is_refused(admin_client, media_tmp):
    response = upload(admin_client, identifiable_people="on", consent_reference="   ")
    assert response.status_code == 200
    assert response.context["form"].errors["consent_reference"]
    assert not Image.objects.filter(title="Upload").exists()


def test_identifiable_people_with_a_consent_reference_are_accepted(admin_client, media_tmp):
    response = upload(admin_client, identifiable_people="on", consent_reference=" Form 14 ")
    assert response.status_code == 302
    assert Image.objects.get(title="Upload").consent_reference == "Form 14"


def test_an_expiry_date_already_past_is_refused_at_upload(admin_client, media_tmp):
    past = (TODAY - datetime.timedelta(days=1)).isoformat()
    response = upload(admin_client, usage_expires=past)
    assert response.status_code == 200
    assert response.context["form"].errors["usage_expires"]
    assert upload(admin_client, usage_expires=TODAY.isoformat()).status_code == 302
