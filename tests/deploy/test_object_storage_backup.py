"""``make backup`` and ``make restore`` with media on object storage: the
bucket's objects are saved and put back. Apart from the other object storage
tests: like tests/security/test_backup.py, every test of this module runs
outside a transaction (a restore replaces the database), and a module-scoped
site tree kept in a transaction must not share its module."""

import io

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model

from tests.deploy.test_object_storage import upload_image

Image = get_image_model()

# Run outside a transaction; serialized_rollback puts back the rows the
# migrations made (locales, the root page) for the tests after these.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_backup_and_restore_include_the_bucket(admin, bucket, tmp_path):
    image = upload_image(admin, "Kept")
    image.get_rendition("fill-40x40")
    before = {
        key: bucket.client().get_object(Bucket=bucket.bucket, Key=key)["Body"].read()
        for key in bucket.keys()
    }
    assert len(before) == 2

    call_command("backup", output_dir=str(tmp_path), stdout=io.StringIO())
    [folder] = [path for path in tmp_path.iterdir() if path.is_dir()]
    for key in before:
        bucket.client().delete_object(Bucket=bucket.bucket, Key=key)
    Image.objects.all().delete()
    assert bucket.keys() == []

    call_command("restore", str(folder), interactive=False, stdout=io.StringIO())
    after = {
        key: bucket.client().get_object(Bucket=bucket.bucket, Key=key)["Body"].read()
        for key in bucket.keys()
    }
    assert after == before
    assert Image.objects.get(title="Kept").file.name in after
