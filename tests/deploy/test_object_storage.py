"""Uploaded media on S3-compatible object storage (website/storage.py)
against a real SeaweedFS started by the tests: images and renditions public
at the bucket's public address, documents and PDF editions private, deleted
files gone from the bucket, backups that include the bucket, and an outage
that refuses uploads with a form error while pages and /healthz still answer."""

import io
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.deploy import servers
from tests.deploy.servers import storages_for

Image = get_image_model()
Document = get_document_model()
HOST = "centralasia.localhost"


def png_bytes(size=(120, 90), color="teal"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def anonymous_get(url):
    """(status, body) of a GET without credentials, as a browser would."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def upload_image(admin, title="Job fair"):
    response = admin.post(
        reverse("wagtailimages:add"),
        {"title": title, "file": SimpleUploadedFile("fair.png", png_bytes())},
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    return Image.objects.get(title=title)


def test_an_uploaded_images_renditions_are_public_in_the_bucket_its_original_is_not(admin, bucket):
    image = upload_image(admin)
    assert image.file.name in bucket.keys("original_images/")

    html = Template("{% load wagtailimages_tags %}{% image image fill-80x60 %}").render(
        Context({"image": image})
    )
    rendition = image.get_rendition("fill-80x60")
    assert rendition.file.name in bucket.keys("images/")
    assert f'src="{bucket.public_url}/{rendition.file.name}"' in html
    status, body = anonymous_get(rendition.url)
    assert status == 200
    assert PILImage.open(io.BytesIO(body)).size == (80, 60)
    # The original (it may carry what the renditions leave out) is not at a
    # public address: the bucket refuses it unsigned.
    assert anonymous_get(f"{bucket.public_url}/{image.file.name}")[0] == 403
    assert "Signature=" in image.file.url  # a short-lived signed address


def test_documents_are_private_and_served_by_the_document_view(admin, bucket, client):
    response = admin.post(
        reverse("wagtaildocs:add"),
        {"title": "Annual plan", "file": SimpleUploadedFile("plan.txt", b"Plan for 2027\n")},
    )
    assert response.status_code == 302
    document = Document.objects.get(title="Annual plan")
    assert document.file.name in bucket.keys("documents/")
    # Not readable at the bucket's public address...
    assert anonymous_get(f"{bucket.public_url}/{document.file.name}")[0] == 403
    # ...but through Wagtail's view, which checks the collection's privacy.
    served = client.get(document.url, HTTP_HOST=HOST)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == b"Plan for 2027\n"


def test_deleting_an_image_or_a_document_removes_its_files(
    admin, bucket, django_capture_on_commit_callbacks
):
    image = upload_image(admin, "To delete")
    image.get_rendition("fill-40x40")
    document = Document.objects.create(title="Old", file=SimpleUploadedFile("old.txt", b"old\n"))
    assert len(bucket.keys()) == 3
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
        document.delete()
    assert bucket.keys() == []


def test_pdf_editions_are_written_and_replaced_in_the_bucket(
    site_tree, bucket, settings, django_capture_on_commit_callbacks
):
    from newsroom.editions.generate import generate_pdf

    # The tree's images, in the bucket as in MEDIA_ROOT.
    client = bucket.client()
    for path in Path(settings.MEDIA_ROOT).rglob("*"):
        if path.is_file():
            key = str(path.relative_to(settings.MEDIA_ROOT))
            client.upload_file(str(path), bucket.bucket, key)
    issue = site_tree.issue
    with django_capture_on_commit_callbacks(execute=True):
        issue.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        first = generate_pdf(issue.pk)
    assert first.file.name in bucket.keys()
    assert client.get_object(Bucket=bucket.bucket, Key=first.file.name)["Body"].read(5) == b"%PDF-"
    assert anonymous_get(f"{bucket.public_url}/{first.file.name}")[0] == 403

    issue.title = "Issue 1, corrected"
    with django_capture_on_commit_callbacks(execute=True):
        issue.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        second = generate_pdf(issue.pk)
    assert second.file.name != first.file.name
    pdfs = [key for key in bucket.keys() if key.endswith(".pdf")]
    assert pdfs == [second.file.name]


# --- Object storage down ------------------------------------------------------------------


@pytest.fixture
def storage_down(seaweedfs, settings):
    """The media storage points at an address where nothing answers."""
    settings.STORAGES = storages_for(seaweedfs, endpoint=f"http://127.0.0.1:{servers.free_port()}")


def test_uploads_are_refused_with_a_form_error_while_storage_is_down(admin, storage_down):
    response = admin.post(
        reverse("wagtailimages:add"),
        {"title": "Lost", "file": SimpleUploadedFile("lost.png", png_bytes())},
    )
    assert response.status_code == 200
    assert "cannot be reached" in str(response.context["form"].errors["file"])
    assert not Image.objects.filter(title="Lost").exists()
    response = admin.post(
        reverse("wagtaildocs:add"),
        {"title": "Lost", "file": SimpleUploadedFile("lost.txt", b"x\n")},
    )
    assert response.status_code == 200
    assert "cannot be reached" in str(response.context["form"].errors["file"])
    assert not Document.objects.filter(title="Lost").exists()


def test_pages_and_the_health_check_while_storage_is_down(site_tree, storage_down, client):
    assert client.get("/en/", HTTP_HOST=HOST).status_code == 200
    health = client.get("/healthz", HTTP_HOST=HOST)
    assert health.status_code == 503
    assert health.json() == {"status": "error", "failed": ["storage"]}


def test_the_health_check_passes_with_the_bucket(bucket, client, db):
    health = client.get("/healthz", HTTP_HOST=HOST)
    assert health.status_code == 200


def test_media_settings_come_from_the_environment(seaweedfs):
    """MEDIA_S3_* alone switch the default storage to the bucket."""
    import subprocess
    import sys

    code = (
        "from django.core.files.storage import storages; s = storages['default'];"
        "print(type(s).__name__, s.bucket_name, s.url('images/a.png'), s.url('documents/b.pdf'));"
        "from django.conf import settings;"
        "print(' '.join(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))"
    )
    env = {
        **{key: value for key, value in __import__("os").environ.items() if key != "DATABASE_URL"},
        "DJANGO_SETTINGS_MODULE": "website.settings.dev",
        **seaweedfs.settings_env(),
        "MEDIA_S3_PUBLIC_URL": "https://media.example.org",
    }
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=servers.PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out[:3] == ["MediaStorage", seaweedfs.bucket, "https://media.example.org/images/a.png"]
    # Private files: a short-lived signed address, never the public one.
    assert out[3].startswith(f"{seaweedfs.endpoint}/{seaweedfs.bucket}/documents/b.pdf?")
    assert "Signature=" in out[3] or "X-Amz-Signature=" in out[3]
    # Pages may show images from the public address (Content-Security-Policy).
    assert "https://media.example.org" in out[4:]
