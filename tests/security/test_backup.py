"""`manage.py backup` and `manage.py restore`: pages, their revisions and images
(rows and files) lost after a backup come back with a restore, on whichever
database the tests run (SQLite, or PostgreSQL when DATABASE_URL says so)."""

import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import DEFAULT_DB_ALIAS, connections
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from newsroom.models import NewsItemPage
from tests.factories import ImageFactory, NewsIndexPageFactory, NewsItemPageFactory

Image = get_image_model()

# The backup reads the database from another connection (pg_dump) or copies
# it whole, and the restore replaces it: the data must be committed, so these
# tests run outside a transaction; serialized_rollback puts back the rows the
# migrations made (root page, locales, collections) for the tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def snapshot():
    pages = list(
        Page.objects.filter(depth__gt=1)
        .order_by("path")
        .values_list("pk", "path", "title", "live", "latest_revision_id")
    )
    revisions = list(Revision.objects.order_by("pk").values_list("pk", "object_id", "content"))
    images = list(Image.objects.order_by("pk").values_list("pk", "title", "file", "file_hash"))
    return {"pages": pages, "revisions": revisions, "images": images}


def backup(folder):
    call_command("backup", output_dir=str(folder), stdout=io.StringIO())
    [made] = [path for path in Path(folder).iterdir() if path.is_dir()]
    return made


def restore(folder):
    call_command("restore", str(folder), interactive=False, stdout=io.StringIO())


@pytest.fixture
def content():
    """A newsroom with a published story that has a lead image and a draft
    revision on top of its published one."""
    index = NewsIndexPageFactory()
    story = NewsItemPageFactory(parent=index, title="Migrants return", with_lead_image=True)
    story.save_revision().publish()
    story.summary = "A new summary, still in draft."
    story.save_revision()
    other_image = ImageFactory(title="Job fair")
    return {"home": index.get_parent(), "story": story, "images": [story.lead_image, other_image]}


def test_backup_then_restore_brings_back_pages_revisions_and_images(content, tmp_path, media_tmp):
    before = snapshot()
    assert content["story"].revisions.count() == 2
    image_files = {
        image.file.name: Path(image.file.path).read_bytes() for image in content["images"]
    }

    folder = backup(tmp_path / "backups")
    vendor = connections[DEFAULT_DB_ALIAS].vendor
    database_file = "database.pgdump" if vendor == "postgresql" else "database.sqlite3"
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        [database_file, "media.tar.gz", "manifest.json"]
    )
    assert json.loads((folder / "manifest.json").read_text())["database_vendor"] == vendor
    assert folder.stat().st_mode & 0o077 == 0  # the owner's only

    # Lose everything: the pages (and so their revisions), the images, the files.
    content["home"].delete()
    Image.objects.all().delete()
    shutil.rmtree(media_tmp, ignore_errors=True)
    assert not NewsItemPage.objects.exists()
    assert not Image.objects.exists()

    restore(folder)

    assert snapshot() == before
    story = NewsItemPage.objects.get(pk=content["story"].pk)
    assert story.live
    assert story.title == "Migrants return"
    assert story.get_latest_revision().as_object().summary == "A new summary, still in draft."
    for name, data in image_files.items():
        assert (Path(media_tmp) / name).read_bytes() == data
    assert story.lead_image.file.name in image_files


def test_restore_refuses_a_damaged_backup_and_changes_nothing(content, tmp_path):
    folder = backup(tmp_path / "backups")
    with (folder / "media.tar.gz").open("ab") as archive:
        archive.write(b"garbage")
    content["story"].delete()
    with pytest.raises(CommandError, match="checksum"):
        restore(folder)
    assert not NewsItemPage.objects.exists()


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    with pytest.raises(CommandError, match="not a backup folder"):
        restore(tmp_path)


def test_restore_asks_before_replacing_anything(content, tmp_path, monkeypatch):
    folder = backup(tmp_path / "backups")
    content["story"].delete()
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore", str(folder), stdout=io.StringIO())
    assert not NewsItemPage.objects.exists()


def test_two_backups_in_the_same_second_get_two_folders(content, tmp_path):
    folder = tmp_path / "backups"
    call_command("backup", output_dir=str(folder), stdout=io.StringIO())
    call_command("backup", output_dir=str(folder), stdout=io.StringIO())
    assert len(list(folder.iterdir())) == 2
