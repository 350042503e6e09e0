"""``manage.py backup``: the database and the media files, into one folder.

    manage.py backup                      # into $BACKUP_DIR/<timestamp>/
    manage.py backup --output-dir DIR     # into DIR/<timestamp>/

The folder holds:

- ``database.pgdump`` (PostgreSQL: ``pg_dump --format=custom``, restored with
  ``pg_restore``) or ``database.sqlite3`` (SQLite: a consistent copy made with
  SQLite's online backup API, safe while the site is running);
- ``media.tar.gz``: every file under MEDIA_ROOT (original images, renditions,
  documents, PDF editions), or, with media on object storage
  (``MEDIA_S3_BUCKET``), every object of the bucket under the same names;
- ``manifest.json``: when, from which database engine, and the SHA-256 of each
  file, which ``manage.py restore`` checks before it changes anything.

The database is the one the settings name (``DATABASES["default"]``); the
PostgreSQL client (``pg_dump``) must be of the server's major version or newer.
"""

import hashlib
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from website.storage import object_storage

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
FORMAT_VERSION = 1


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def postgres_command_env(settings_dict):
    """Arguments and environment naming the database for pg_dump / pg_restore
    (the password goes in the environment, not on the command line)."""
    args = []
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    sslmode = (settings_dict.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = str(sslmode)
    return args, env


def run(command, env=None):
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise CommandError(
            f"{command[0]} was not found: install the PostgreSQL client "
            "(Debian: apt-get install postgresql-client)."
        ) from error
    if result.returncode != 0:
        raise CommandError(f"{command[0]} failed:\n{result.stderr.strip()}")
    return result


class Command(BaseCommand):
    help = "Back up the database and the media files into BACKUP_DIR/<timestamp>/."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            help="Folder in which the timestamped backup folder is made (default: BACKUP_DIR).",
        )

    def handle(self, *args, output_dir=None, **options):
        connection = connections[DEFAULT_DB_ALIAS]
        vendor = connection.vendor
        if vendor not in DATABASE_FILES:
            raise CommandError(f"Backing up a {vendor} database is not supported.")

        parent = Path(output_dir or settings.BACKUP_DIR)
        target = self.make_folder(parent)
        self.stdout.write(f"Backing up into {target}")

        database_file = target / DATABASE_FILES[vendor]
        if vendor == "postgresql":
            self.dump_postgresql(connection.settings_dict, database_file)
        else:
            self.copy_sqlite(connection, database_file)
        self.stdout.write(f"  database: {database_file.name}")

        media_file = target / MEDIA_ARCHIVE
        bucket = object_storage()
        if bucket is not None:
            count = self.archive_bucket(bucket, media_file)
            self.stdout.write(
                f"  media: {media_file.name} ({count} objects of bucket {bucket.bucket_name})"
            )
        else:
            count = self.archive_media(Path(settings.MEDIA_ROOT), media_file)
            self.stdout.write(f"  media: {media_file.name} ({count} files)")

        manifest = {
            "format": FORMAT_VERSION,
            "created": timezone.now().isoformat(),
            "database_vendor": vendor,
            "database_name": str(connection.settings_dict.get("NAME")),
            "files": {
                path.name: {"sha256": sha256(path), "size": path.stat().st_size}
                for path in (database_file, media_file)
            },
        }
        (target / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
        self.stdout.write(self.style.SUCCESS(f"Backup complete: {target}"))

    @staticmethod
    def make_folder(parent):
        parent.mkdir(parents=True, exist_ok=True)
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        for suffix in ["", *(f"-{n}" for n in range(1, 100))]:
            target = parent / f"{stamp}{suffix}"
            try:
                # Readable by the owner only: the dump holds password hashes
                # and sessions.
                target.mkdir(mode=0o700)
            except FileExistsError:
                continue
            return target
        raise CommandError(f"Could not make a new backup folder in {parent}.")

    @staticmethod
    def dump_postgresql(settings_dict, path):
        args, env = postgres_command_env(settings_dict)
        run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--file={path}",
                *args,
                str(settings_dict["NAME"]),
            ],
            env=env,
        )

    @staticmethod
    def copy_sqlite(connection, path):
        # Through Django's own connection, so the copy is of exactly the
        # database the site uses (an in-memory test database included), taken
        # with SQLite's online backup API: consistent even during writes.
        connection.ensure_connection()
        destination = sqlite3.connect(path)
        try:
            with destination:
                connection.connection.backup(destination)
        finally:
            destination.close()

    @staticmethod
    def archive_bucket(storage, path):
        """Every object of the media bucket, named as in MEDIA_ROOT (each
        object passes through a temporary file, not memory)."""
        client = storage.connection.meta.client
        count = 0
        with tarfile.open(path, "w:gz") as archive:
            for page in client.get_paginator("list_objects_v2").paginate(
                Bucket=storage.bucket_name
            ):
                for item in page.get("Contents", []):
                    key = item["Key"]
                    if key.endswith("/"):
                        continue
                    with tempfile.TemporaryFile() as buffer:
                        client.download_fileobj(storage.bucket_name, key, buffer)
                        info = tarfile.TarInfo(key)
                        info.size = buffer.tell()
                        info.mtime = int(item["LastModified"].timestamp())
                        info.mode = 0o600
                        buffer.seek(0)
                        archive.addfile(info, buffer)
                    count += 1
        return count

    @staticmethod
    def archive_media(media_root, path):
        count = 0
        with tarfile.open(path, "w:gz") as archive:
            if media_root.is_dir():
                for file in sorted(media_root.rglob("*")):
                    if file.is_file() and not file.is_symlink():
                        archive.add(file, arcname=str(file.relative_to(media_root)))
                        count += 1
        return count
