"""A mission's editors add publications on their own site only, and the PDF
files they upload go to their mission's collection."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from newsroom.models import PublicationPage
from tests.factories import PdfDocumentFactory, PublicationIndexPageFactory, pdf_bytes
from website.roles import team_for_slug
from website.structure import get_or_create_collection

pytestmark = pytest.mark.django_db

KYRGYZSTAN = team_for_slug("kyrgyzstan")
KAZAKHSTAN = team_for_slug("kazakhstan")


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("newsroom", "publicationpage", parent.pk))


def form(document, slug):
    return nested_form_data(
        {
            "title": "Guide for returning migrants",
            "slug": slug,
            "kind": "guide",
            "date": "2024-05-01",
            "summary": "Where to turn for help after coming home.",
            "cover_image_alt": "",
            "files": inline_formset([{"document": str(document.pk), "language": "ky"}]),
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
        }
    )


def test_kyrgyz_editor_adds_a_publication_on_the_kyrgyz_site(tree, kyrgyz_editor, client):
    index = PublicationIndexPageFactory(parent=tree.kyrgyzstan)
    collection = get_or_create_collection(KYRGYZSTAN.spec.collection)
    document = PdfDocumentFactory(collection=collection)
    client.force_login(kyrgyz_editor)

    assert client.get(add_url(index)).status_code == 200
    response = client.post(add_url(index), form(document, "guide-kg"))

    assert response.status_code == 302
    page = PublicationPage.objects.get(slug="guide-kg")
    assert page.get_parent().pk == index.pk
    assert page.files.get().language == "ky"


def test_kyrgyz_editor_cannot_add_a_publication_on_the_kazakh_site(tree, kyrgyz_editor, client):
    index = PublicationIndexPageFactory(parent=tree.kazakhstan)
    document = PdfDocumentFactory(collection=get_or_create_collection(KYRGYZSTAN.spec.collection))
    client.force_login(kyrgyz_editor)

    refused = client.get(add_url(index))
    assert refused.status_code in (302, 403)
    response = client.post(add_url(index), form(document, "guide-kz"))

    assert response.status_code in (302, 403)
    assert not PublicationPage.objects.filter(slug="guide-kz").exists()


def test_kazakh_moderator_publishes_on_the_kazakh_site(tree, kazakh_moderator, client):
    index = PublicationIndexPageFactory(parent=tree.kazakhstan)
    document = PdfDocumentFactory(collection=get_or_create_collection(KAZAKHSTAN.spec.collection))
    client.force_login(kazakh_moderator)

    data = form(document, "guide-kz")
    data["action-publish"] = "action-publish"
    response = client.post(add_url(index), data)

    assert response.status_code == 302
    assert PublicationPage.objects.get(slug="guide-kz").live


def test_kyrgyz_editor_uploads_pdfs_to_the_kyrgyz_collection(tree, kyrgyz_editor, client):
    kyrgyz = get_or_create_collection(KYRGYZSTAN.spec.collection)
    kazakh = get_or_create_collection(KAZAKHSTAN.spec.collection)
    client.force_login(kyrgyz_editor)

    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Handbook (Kyrgyz)",
            "collection": str(kazakh.pk),
            "file": SimpleUploadedFile("handbook.pdf", pdf_bytes(2), "application/pdf"),
        },
    )

    assert response.status_code == 302
    document = get_document_model().objects.get(title="Handbook (Kyrgyz)")
    assert document.collection == kyrgyz


def test_kyrgyz_editor_cannot_choose_a_kazakh_pdf(tree, kyrgyz_editor, client):
    kazakh = get_or_create_collection(KAZAKHSTAN.spec.collection)
    PdfDocumentFactory(collection=kazakh, title="Kazakh leaflet")
    PdfDocumentFactory(
        collection=get_or_create_collection(KYRGYZSTAN.spec.collection), title="Kyrgyz leaflet"
    )
    client.force_login(kyrgyz_editor)

    response = client.get(reverse("wagtaildocs_chooser:choose"))

    html = response.content.decode()
    assert "Kyrgyz leaflet" in html
    assert "Kazakh leaflet" not in html
