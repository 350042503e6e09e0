"""Uploaded files served by Django (SERVE_MEDIA: development and `make serve`):
only the public folders, images and their renditions. Documents are served by
Wagtail's view, which keeps a private collection private, and no spelling of
their path in the media route reaches them; the PDF editions of report issues
are served by their issue's page."""

import importlib

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import clear_url_caches
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

import website.urls
from newsroom.editions.models import ReportIssuePDF
from tests.factories import ImageFactory

Document = get_document_model()

HOST = "centralasia.localhost"
SECRET = b"%PDF-1.4\n% Minutes of the board: not for the public.\n%%EOF\n"

# Each of these once answered 200 with the file at documents/<name>.
ATTACKS = [
    "/media//documents/{name}",
    "/media/./documents/{name}",
    "/media/x/../documents/{name}",
    "/media/%2e/documents/{name}",
    "/media/%2Fdocuments/{name}",
]


@pytest.fixture
def serve_media():
    """The URLs as `make serve` has them: the media route is added only when
    SERVE_MEDIA is on as website.urls is imported."""
    with override_settings(SERVE_MEDIA=True):
        importlib.reload(website.urls)
        clear_url_caches()
        yield
    importlib.reload(website.urls)
    clear_url_caches()


@pytest.fixture
def private_document(db):
    """A document of a collection only logged-in users may read."""
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return Document.objects.create(
        title="Board minutes",
        file=ContentFile(SECRET, name="board-minutes.pdf"),
        collection=collection,
    )


@pytest.fixture
def public_document(db):
    return Document.objects.create(
        title="Annual report",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="annual-report.pdf"),
        collection=Collection.get_first_root_node(),
    )


def get(client, url):
    return client.get(url, HTTP_HOST=HOST)


def test_a_private_document_asks_anonymous_visitors_to_log_in(
    client, serve_media, private_document
):
    response = get(client, private_document.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("attack", ATTACKS)
def test_no_spelling_of_a_private_document_is_served_from_media(
    client, serve_media, private_document, attack
):
    assert private_document.file.name == "documents/board-minutes.pdf"
    response = get(client, attack.format(name="board-minutes.pdf"))
    assert response.status_code == 404
    assert SECRET not in b"".join(getattr(response, "streaming_content", [response.content]))


@pytest.mark.parametrize("attack", [*ATTACKS, "/media/documents/{name}"])
def test_public_documents_are_not_served_from_media_either(
    client, serve_media, public_document, attack
):
    assert get(client, attack.format(name="annual-report.pdf")).status_code == 404
    # Wagtail's view serves it.
    assert get(client, public_document.url).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/media/",
        "/media/images/",
        "/media/original_images",
        "/media/images/../documents/board-minutes.pdf",
        "/media/images/%2e%2e/documents/board-minutes.pdf",
        "/media/images/..%2Fdocuments/board-minutes.pdf",
        "/media/images/..%5Cdocuments%5Cboard-minutes.pdf",
        "/media/images/%252e%252e/documents/board-minutes.pdf",
        "/media/report-editions/1/issue.pdf",
        "/media/Documents/board-minutes.pdf",
    ],
)
def test_anything_outside_the_public_folders_is_not_found(
    client, serve_media, private_document, path
):
    assert get(client, path).status_code == 404


def test_a_rendition_is_served_and_the_original_is_not(client, serve_media, db):
    """The renditions are what pages show; the original (the file as uploaded,
    full size) is for editors, through the admin."""
    image = ImageFactory()
    rendition = image.get_rendition("fill-32x24")
    assert image.file.name.startswith("original_images/")
    assert rendition.file.name.startswith("images/")
    response = get(client, rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
    assert get(client, image.file.url).status_code == 404


def test_the_pdf_edition_is_served_by_its_issue_not_from_media(client, serve_media, site_tree):
    issue = site_tree.issue
    edition = ReportIssuePDF(page=issue, status=ReportIssuePDF.Status.READY)
    edition.file.save("issue-1-en.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    edition.file_size = edition.file.size
    edition.save()

    # The issue's own address, which keeps the page's privacy, serves it...
    _site_id, root_url, path = issue.get_url_parts()
    response = get(client, path + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    # ...and the file in storage is not public.
    assert edition.file.url.startswith("/media/report-editions/")
    assert get(client, edition.file.url).status_code == 404


def test_without_serve_media_nothing_is_served_from_media(client, private_document):
    assert get(client, "/media/original_images/x.jpg").status_code == 404
    assert get(client, "/media//documents/board-minutes.pdf").status_code == 404
