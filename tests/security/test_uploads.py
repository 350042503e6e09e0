"""Uploads through the admin: a file that is not a safe image of an allowed
format, size and pixel count is a form error, never a 500 and never stored;
documents are limited by type and size and served so they cannot run in the
site's origin."""

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from PIL import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

Image = get_image_model()
Document = get_document_model()

HOST = "centralasia.localhost"


# --- Files --------------------------------------------------------------------


def png_bytes(size=(32, 24), mode="RGB", color="red"):
    buffer = io.BytesIO()
    PILImage.new(mode, size, color).save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes(size=(64, 48)):
    buffer = io.BytesIO()
    # Noise, so that the compressed data is long enough to cut in half.
    PILImage.effect_noise(size, 64).convert("RGB").save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_claiming_size(width, height):
    """A tiny, well-formed PNG header claiming huge dimensions, followed by a
    few bytes of image data: what a decompression bomb looks like before
    anything is decoded."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + png_chunk(b"IEND", b"")
    )


SVG_WITH_SCRIPT = b"""<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
  <script>alert(document.cookie)</script>
  <rect width="10" height="10"/>
</svg>"""

BAD_IMAGES = {
    "text named .jpg": ("notes.jpg", b"This is plain text, not a JPEG.\n" * 20),
    "PNG named .jpg": ("photo.jpg", png_bytes()),
    "truncated JPEG": ("cut.jpg", jpeg_bytes()[:-1500]),
    "truncated PNG": ("cut.png", png_bytes(size=(400, 300), color="blue")[:-200]),
    # 8000 × 8000 = 64 million pixels, over WAGTAILIMAGES_MAX_IMAGE_PIXELS
    # (40 million), in a file of a few kilobytes.
    "decompression bomb": ("bomb.png", png_bytes(size=(8000, 8000), mode="1", color=0)),
    # 100,000 × 100,000: even Pillow's own limit refuses to open it.
    "huge declared dimensions": ("huge.png", png_claiming_size(100_000, 100_000)),
    "SVG with a script": ("drawing.svg", SVG_WITH_SCRIPT),
}


def stored_originals(media_root):
    folder = Path(media_root) / "original_images"
    return (
        sorted(path.name for path in folder.rglob("*") if path.is_file()) if folder.exists() else []
    )


@pytest.fixture
def admin(admin_client):
    admin_client.defaults["HTTP_HOST"] = HOST
    return admin_client


# --- Images -------------------------------------------------------------------


def test_a_valid_image_is_accepted(admin, media_tmp):
    response = admin.post(
        reverse("wagtailimages:add"),
        {"title": "Job fair", "file": SimpleUploadedFile("fair.png", png_bytes())},
    )
    assert response.status_code == 302
    assert Image.objects.filter(title="Job fair").exists()
    assert len(stored_originals(media_tmp)) == 1


def upload_is_refused_by_the_form(admin, media_tmp, name, content):
    """Upload in the image form: a form error on the file, nothing stored."""
    response = admin.post(
        reverse("wagtailimages:add"),
        {"title": "Upload", "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Image.objects.exists()
    assert stored_originals(media_tmp) == []


@pytest.mark.parametrize("name, content", BAD_IMAGES.values(), ids=BAD_IMAGES.keys())
def test_a_bad_image_is_a_form_error_and_is_not_stored(admin, media_tmp, name, content):
    upload_is_refused_by_the_form(admin, media_tmp, name, content)


@pytest.mark.parametrize("name, content", BAD_IMAGES.values(), ids=BAD_IMAGES.keys())
def test_a_bad_image_is_refused_by_the_multiple_upload(admin, media_tmp, name, content):
    response = admin.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content)},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200
    data = response.json()
    assert data["success"] is False
    assert data["error_message"]
    assert not Image.objects.exists()
    assert stored_originals(media_tmp) == []


@pytest.mark.parametrize("name", ["truncated JPEG", "truncated PNG"])
def test_a_truncated_image_is_refused_even_when_pillow_is_told_to_accept_them(
    admin, media_tmp, monkeypatch, name
):
    """WeasyPrint (the PDF editions) turns Pillow's LOAD_TRUNCATED_IMAGES on
    for the whole process when it is imported."""
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    filename, content = BAD_IMAGES[name]

    upload_is_refused_by_the_form(admin, media_tmp, filename, content)

    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # left as it was


def test_an_image_over_the_size_limit_is_refused(admin, media_tmp, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    content = jpeg_bytes(size=(200, 200))
    assert len(content) > 1024
    response = admin.post(
        reverse("wagtailimages:add"),
        {"title": "Big", "file": SimpleUploadedFile("big.jpg", content)},
    )
    assert response.status_code == 200
    assert "too big" in str(response.context["form"].errors["file"])
    assert not Image.objects.exists()


# --- Documents ------------------------------------------------------------------

BAD_DOCUMENTS = {
    "Windows program": ("setup.exe", b"MZ\x90\x00" + b"\x00" * 200),
    "HTML page": ("page.html", b"<html><script>alert(document.cookie)</script></html>"),
    "SVG drawing": ("drawing.svg", SVG_WITH_SCRIPT),
}


def stored_documents(media_root):
    folder = Path(media_root) / "documents"
    return (
        sorted(path.name for path in folder.rglob("*") if path.is_file()) if folder.exists() else []
    )


@pytest.mark.parametrize("name, content", BAD_DOCUMENTS.values(), ids=BAD_DOCUMENTS.keys())
def test_a_document_of_a_forbidden_type_is_refused(admin, media_tmp, name, content):
    response = admin.post(
        reverse("wagtaildocs:add"),
        {"title": "Upload", "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Document.objects.exists()
    assert stored_documents(media_tmp) == []


@pytest.mark.parametrize("name, content", BAD_DOCUMENTS.values(), ids=BAD_DOCUMENTS.keys())
def test_a_document_of_a_forbidden_type_is_refused_by_the_multiple_upload(
    admin, media_tmp, name, content
):
    response = admin.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content)},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not Document.objects.exists()
    assert stored_documents(media_tmp) == []


def test_a_document_over_the_size_limit_is_refused(admin, media_tmp, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = admin.post(
        reverse("wagtaildocs:add"),
        {"title": "Big", "file": SimpleUploadedFile("report.pdf", b"%PDF-1.4\n" + b"0" * 4096)},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Document.objects.exists()
    assert stored_documents(media_tmp) == []


def test_the_document_limits_are_set():
    from django.conf import settings

    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    assert set(settings.WAGTAILDOCS_EXTENSIONS) == {"pdf", "docx", "odt", "xlsx", "csv", "txt"}
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


def upload_document(admin, name, content):
    response = admin.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 302, response.context["form"].errors
    return Document.objects.get(title=name)


@pytest.mark.parametrize(
    "name, content",
    [("figures.csv", b"year,returns\n2024,70\n"), ("notes.txt", b"Plain notes.\n")],
)
def test_documents_other_than_pdf_are_served_as_downloads(admin, client, name, content):
    document = upload_document(admin, name, content)
    response = client.get(document.url, HTTP_HOST=HOST)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_a_pdf_opens_in_the_browser_without_running_anything(admin, client):
    document = upload_document(admin, "report.pdf", b"%PDF-1.4\n%%EOF\n")
    response = client.get(document.url, HTTP_HOST=HOST)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == "default-src 'none'"
