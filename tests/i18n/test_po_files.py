"""Translators can work offline: export a translation's PO file from
wagtail-localize's editor, edit it, import it, publish, and the page shows it."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail_localize.models import Translation

from tests.i18n.conftest import localize

pytestmark = pytest.mark.django_db


def russian_translation_of(page):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="ru"
    )


def test_po_export_edit_import_changes_the_published_translation(
    site_tree, admin_client, fetch_page, django_capture_on_commit_callbacks
):
    story = site_tree.regional_story
    russian = localize(story, "ru", {"Regional story": "Региональная история"})
    record = russian_translation_of(story)

    download = admin_client.get(reverse("wagtail_localize:download_pofile", args=[record.pk]))

    assert download.status_code == 200
    assert download["Content-Type"].startswith("text/x-gettext-translation")
    po = polib.pofile(download.content.decode())
    by_msgid = {entry.msgid: entry for entry in po}
    assert by_msgid["Regional story"].msgstr == "Региональная история"
    by_msgid["The summary of Regional story."].msgstr = "Сводка, исправленная в PO-файле."

    edit_url = reverse("wagtailadmin_pages:edit", args=[russian.pk])
    upload = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[record.pk]),
        {"file": SimpleUploadedFile("story-ru.po", str(po).encode()), "next": edit_url},
    )
    assert upload.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        published = admin_client.post(edit_url, {"action": "publish"})
    assert published.status_code == 302

    with translation.override("ru"):
        response = fetch_page(russian)
    page = response.content.decode()
    assert "Сводка, исправленная в PO-файле." in page
    assert "Региональная история" in page


def test_po_file_of_another_translation_is_refused(site_tree, admin_client):
    story = site_tree.regional_story
    localize(story, "ru")
    localize(story, "ky")
    russian, kyrgyz = (
        Translation.objects.get(
            source__object_id=story.translation_key, target_locale__language_code=code
        )
        for code in ("ru", "ky")
    )
    kyrgyz_po = kyrgyz.export_po()
    kyrgyz_po.find("Regional story").msgstr = "Not for the Russian page"

    admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[russian.pk]),
        {"file": SimpleUploadedFile("story-ky.po", str(kyrgyz_po).encode())},
    )

    assert "Not for the Russian page" not in {entry.msgstr for entry in russian.export_po()}
