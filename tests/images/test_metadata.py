"""No location or device data served: a JPEG, a PNG and a WebP carrying GPS
coordinates, a camera serial number and XMP are uploaded through the admin's
image form, and every public URL of them (the renditions, in JPEG, PNG and
WebP) is read back with Pillow: no GPS, no serial, no XMP; the orientation and
the colour profile are kept in the original. A file whose metadata is
malformed or enormous is stored without it (or refused with a form error),
never a 500."""

import importlib
import io
import struct

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import clear_url_caches, reverse
from PIL import Image as PILImage
from PIL import ImageCms
from wagtail.images import get_image_model

import website.urls

Image = get_image_model()

HOST = "centralasia.localhost"
GPS_IFD = 0x8825
EXIF_IFD = 0x8769
BODY_SERIAL = 0xA431
MAKE = 0x010F
ORIENTATION = 0x0112
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><exif:GPSLatitude>42,52N</exif:GPSLatitude></rdf:RDF></x:xmpmeta>'
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def exif_with_location():
    exif = PILImage.Exif()
    exif[MAKE] = "PhoneMaker"
    exif[ORIENTATION] = 6
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (42.0, 52.0, 30.0)
    gps[3] = "E"
    gps[4] = (74.0, 36.0, 0.0)
    exif.get_ifd(EXIF_IFD)[BODY_SERIAL] = "SN-123456789"
    return exif


def photo(image_format):
    buffer = io.BytesIO()
    picture = PILImage.effect_noise((80, 60), 64).convert("RGB")
    options = {"exif": exif_with_location(), "icc_profile": SRGB}
    if image_format in ("JPEG", "WEBP"):
        options["xmp"] = XMP
    picture.save(buffer, image_format, **options)
    return buffer.getvalue()


def read_back(data):
    with PILImage.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        return {
            "format": image.format,
            "gps": dict(exif.get_ifd(GPS_IFD)),
            "serial": exif.get_ifd(EXIF_IFD).get(BODY_SERIAL),
            "make": exif.get(MAKE),
            "orientation": exif.get(ORIENTATION),
            "icc": image.info.get("icc_profile"),
            "xmp": image.info.get("xmp") or b"GPSLatitude" in data,
        }


@pytest.fixture
def serve_media():
    with override_settings(SERVE_MEDIA=True):
        importlib.reload(website.urls)
        clear_url_caches()
        yield
    importlib.reload(website.urls)
    clear_url_caches()


@pytest.fixture
def admin(admin_client):
    admin_client.defaults["HTTP_HOST"] = HOST
    return admin_client


def upload(admin, name, content):
    return admin.post(
        reverse("wagtailimages:add"),
        {"title": name, "credit": "© IOM", "file": SimpleUploadedFile(name, content)},
    )


def test_the_sample_files_carry_location_data():
    """The files uploaded below do carry what must be removed."""
    for image_format in ("JPEG", "PNG", "WEBP"):
        found = read_back(photo(image_format))
        assert found["gps"][2] == (42.0, 52.0, 30.0), image_format
        assert found["serial"] == "SN-123456789"


@pytest.mark.parametrize(
    "name, image_format", [("aid.jpg", "JPEG"), ("aid.png", "PNG"), ("aid.webp", "WEBP")]
)
def test_no_location_or_device_data_in_any_served_file(
    admin, client, media_tmp, serve_media, name, image_format
):
    response = upload(admin, name, photo(image_format))
    assert response.status_code == 302
    image = Image.objects.get(title=name)

    original = read_back(image.file.read())
    assert original["format"] == image_format
    assert original["gps"] == {}
    assert original["serial"] is None and original["make"] is None
    assert not original["xmp"]
    assert original["orientation"] == 6  # kept: the photo still stands upright
    assert original["icc"] == SRGB  # kept: the colours stay right

    for spec in ("width-40", "width-40|format-jpeg", "width-40|format-png", "width-40|format-webp"):
        url = image.get_rendition(spec).url
        served = client.get(url, HTTP_HOST=HOST)
        assert served.status_code == 200, url
        found = read_back(b"".join(served.streaming_content))
        assert found["gps"] == {}, (spec, found)
        assert found["serial"] is None and found["make"] is None, spec
        assert not found["xmp"], spec
        assert found["orientation"] in (None, 1), spec  # applied to the pixels


def jpeg_with_app1(payload):
    """A valid JPEG whose first segment after SOI is ``payload`` as APP1."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (16, 16), "green").save(buffer, "JPEG")
    data = buffer.getvalue()
    segment = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    return data[:2] + segment + data[2:]


def test_a_malformed_exif_block_is_dropped_and_the_upload_succeeds(admin, media_tmp):
    response = upload(
        admin, "broken.jpg", jpeg_with_app1(b"Exif\x00\x00MM\x00*\xff\xff\xff\xff garbage")
    )
    assert response.status_code == 302
    stored = Image.objects.get(title="broken.jpg").file.read()
    assert b"garbage" not in stored
    assert read_back(stored)["orientation"] is None


def test_an_enormous_metadata_load_is_dropped(admin, media_tmp):
    """Many maximal APP1 segments (4 MB of XMP-like data)."""
    data = jpeg_with_app1(b"Exif\x00\x00" + b"\x00" * 65000)
    payload = b"http://ns.adobe.com/xap/1.0/\x00" + b"x" * 65000
    block = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    data = data[:2] + block * 60 + data[2:]
    response = upload(admin, "huge.jpg", data)
    assert response.status_code == 302
    stored = Image.objects.get(title="huge.jpg").file.read()
    assert len(stored) < 2000


def test_a_jpeg_whose_segments_cannot_be_followed_is_a_form_error(admin, media_tmp):
    data = jpeg_with_app1(b"Exif\x00\x00")
    cut = data[:2] + b"\xff\xe1\xff\xf0" + b"short"  # a segment longer than the file
    response = upload(admin, "cut.jpg", cut)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Image.objects.filter(title="cut.jpg").exists()


def test_editors_read_the_original_through_the_admin_and_the_public_cannot(
    admin, client, media_tmp
):
    upload(admin, "aid.jpg", photo("JPEG"))
    image = Image.objects.get(title="aid.jpg")
    url = reverse("image_original", args=(image.pk,))
    response = admin.get(url)
    assert response.status_code == 200
    assert read_back(b"".join(response.streaming_content))["gps"] == {}
    assert client.get(url, HTTP_HOST=HOST).status_code == 302  # to the admin's log-in


def test_originals_stored_before_are_cleaned_by_the_command(db, media_tmp, client, serve_media):
    """An original stored with its GPS (before uploads were cleaned): the
    command cleans the file in place and its renditions are made again."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.core.management import call_command

    from tests.factories import ImageFactory

    image = ImageFactory()
    name = image.file.name
    default_storage.delete(name)
    default_storage.save(name, ContentFile(photo("JPEG")))
    old = image.get_rendition("width-40")

    call_command("clean_image_metadata", stdout=io.StringIO())

    image.refresh_from_db()
    assert image.file.name == name
    with image.open_file() as stored:
        assert read_back(stored.read())["gps"] == {}
    assert not image.renditions.filter(pk=old.pk).exists()
    served = client.get(image.get_rendition("width-40").url, HTTP_HOST=HOST)
    assert read_back(b"".join(served.streaming_content))["gps"] == {}
