"""The move to the site's image model (images/migrations/0002) keeps every
image, rendition, tag and reference, and the pages that use them, on SQLite and
on PostgreSQL: a fresh database is migrated to the state before, filled, and
migrated forwards in a process of its own (tests/images/migration_check.py)."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

BASE_DIR = Path(__file__).resolve().parents[2]


def migrate_and_check(database_url):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
    }
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("migration_check.py"))],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


EXPECTED = {
    "model": "images.CustomImage",
    "images": [10, 20, 30],
    "file": "original_images/food_aid_1.jpg",
    "focal_point": [100, 120, 50, 60],
    "collection": "Kyrgyzstan",
    "uploaded_by": "photographer",
    "file_size": 12345,
    "file_hash": "abc123",
    "tags": ["food aid"],
    "rendition": [1, "width-400", "images/food_aid_1.width-400.jpg", 400],
    "lead_image": [10, "CustomImage"],
    "body_image": [20, "CustomImage"],
    "references": ["lead_image"],
    "new_pk_after_copied": True,
}


def test_images_survive_the_move_to_the_site_image_model_on_sqlite(tmp_path):
    assert migrate_and_check(f"sqlite:///{tmp_path / 'before.sqlite3'}") == EXPECTED


@pytest.mark.django_db
def test_images_survive_the_move_to_the_site_image_model_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("run with DATABASE_URL=postgres://… to check PostgreSQL")
    params = settings.DATABASES["default"]
    name = f"{params['NAME']}_images_{uuid.uuid4().hex[:8]}"
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        password = f":{params['PASSWORD']}" if params.get("PASSWORD") else ""
        url = (
            f"postgres://{params['USER']}{password}@{params.get('HOST') or '127.0.0.1'}"
            f":{params.get('PORT') or 5432}/{name}"
        )
        assert migrate_and_check(url) == EXPECTED
    finally:
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
