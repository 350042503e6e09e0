"""``manage.py restore FOLDER``: put back a backup made by ``manage.py backup``.

    manage.py restore backups/20250101-120000            # asks for confirmation
    manage.py restore backups/20250101-120000 --noinput

It first checks the folder (manifest, checksums, same database engine), then
replaces the whole database named by the settings with the backup's
(PostgreSQL: ``pg_restore --clean --if-exists --single-transaction``; SQLite:
SQLite's backup API, in place), extracts the media archive into MEDIA_ROOT,
or into the media bucket with media on object storage (files of the same name
are overwritten; files the backup does not know are left alone), and clears
the cache. Stop the site first (or take it out of the
load balancer): requests during a restore may see a half-restored site.
"""

import json
import posixpath
import sqlite3
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from website.management.commands.backup import (
    DATABASE_FILES,
    FORMAT_VERSION,
    MANIFEST,
    MEDIA_ARCHIVE,
    postgres_command_env,
    run,
    sha256,
)
from website.storage import object_storage


class Command(BaseCommand):
    help = "Restore the database and the media files from a folder made by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="The backup folder, e.g. backups/20250101-120000")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, folder, interactive=True, **options):
        folder = Path(folder)
        connection = connections[DEFAULT_DB_ALIAS]
        manifest = self.check_backup(folder, connection.vendor)
        media_root = Path(settings.MEDIA_ROOT)
        bucket = object_storage()
        media_place = f"bucket {bucket.bucket_name}" if bucket is not None else str(media_root)
        name = connection.settings_dict.get("NAME")

        if interactive:
            answer = input(
                f"This replaces the {connection.vendor} database {name} and the media files "
                f"in {media_place} with the backup of {manifest.get('created')}.\n"
                "Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")

        database_file = folder / DATABASE_FILES[connection.vendor]
        if connection.vendor == "postgresql":
            self.restore_postgresql(connection, database_file)
        else:
            self.restore_sqlite(connection, database_file)
        self.stdout.write(f"  database restored from {database_file.name}")

        if bucket is not None:
            count = self.upload_media(folder / MEDIA_ARCHIVE, bucket)
        else:
            count = self.extract_media(folder / MEDIA_ARCHIVE, media_root)
        self.stdout.write(f"  media: {count} files restored into {media_place}")

        # Cached pages, site root paths and rendition lookups describe the
        # database as it was before.
        cache.clear()
        self.stdout.write(self.style.SUCCESS(f"Restore complete from {folder}"))

    @staticmethod
    def check_backup(folder, vendor):
        manifest_file = folder / MANIFEST
        if not manifest_file.is_file():
            raise CommandError(f"{folder} is not a backup folder: {MANIFEST} is missing.")
        try:
            manifest = json.loads(manifest_file.read_text())
        except ValueError as error:
            raise CommandError(f"{manifest_file} is not valid JSON.") from error
        if manifest.get("format") != FORMAT_VERSION:
            raise CommandError(f"Unknown backup format {manifest.get('format')!r}.")
        if vendor not in DATABASE_FILES:
            raise CommandError(f"Restoring into a {vendor} database is not supported.")
        if manifest.get("database_vendor") != vendor:
            raise CommandError(
                f"The backup is of a {manifest.get('database_vendor')} database; "
                f"the settings name a {vendor} database."
            )
        for name in (DATABASE_FILES[vendor], MEDIA_ARCHIVE):
            path = folder / name
            expected = manifest.get("files", {}).get(name, {}).get("sha256")
            if not path.is_file() or expected is None:
                raise CommandError(f"{path} is missing from the backup.")
            if sha256(path) != expected:
                raise CommandError(f"{path} does not match its checksum: the backup is damaged.")
        return manifest

    @staticmethod
    def restore_postgresql(connection, path):
        # pg_restore drops and recreates every table: Django must hold no
        # transaction (nor locks) on them meanwhile.
        if connection.in_atomic_block:
            raise CommandError("Cannot restore inside a transaction.")
        settings_dict = connection.settings_dict
        connection.close()
        args, env = postgres_command_env(settings_dict)
        run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={settings_dict['NAME']}",
                *args,
                str(path),
            ],
            env=env,
        )

    @staticmethod
    def restore_sqlite(connection, path):
        # Copied into Django's own connection with SQLite's backup API: the
        # database is replaced page by page, in place, whatever else has it open.
        if connection.in_atomic_block:
            raise CommandError("Cannot restore inside a transaction.")
        connection.ensure_connection()
        source = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            source.backup(connection.connection)
        finally:
            source.close()

    @staticmethod
    def upload_media(archive_path, storage):
        """Put every file of the archive back into the bucket, under its name
        (names that are absolute or climb with ".." are refused)."""
        client = storage.connection.meta.client
        count = 0
        with tarfile.open(archive_path, "r:gz") as archive:
            for member in archive.getmembers():
                if not member.isfile():
                    continue
                name = posixpath.normpath(member.name)
                if name.startswith("/") or name.split("/")[0] == "..":
                    raise CommandError(f"The media archive names a file outside it: {member.name}")
                client.upload_fileobj(archive.extractfile(member), storage.bucket_name, name)
                count += 1
        return count

    @staticmethod
    def extract_media(archive_path, media_root):
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive_path, "r:gz") as archive:
            members = [member for member in archive.getmembers() if member.isfile()]
            # The "data" filter refuses absolute paths, "..", links and
            # special files: an archive cannot write outside MEDIA_ROOT.
            archive.extractall(media_root, members=members, filter="data")
        return len(members)
