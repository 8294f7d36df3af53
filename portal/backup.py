"""Backups: the database (pg_dump's custom format on PostgreSQL, SQLite's online backup otherwise) plus the
media files (uploads: documents, images, submission attachments) as one directory with a manifest.

`restore` replaces the database and the media with a backup's. Both work while the site is up, but a restore
should run with the site stopped, so nobody writes between the two halves.
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"


class BackupError(Exception):
    pass


def _pg_environment():
    """libpq environment variables for the default database, so no password ends up on a command line."""
    database = connection.settings_dict
    environment = dict(os.environ)
    mapping = {"PGHOST": "HOST", "PGPORT": "PORT", "PGUSER": "USER", "PGPASSWORD": "PASSWORD", "PGDATABASE": "NAME"}
    for variable, key in mapping.items():
        if database.get(key):
            environment[variable] = str(database[key])
    return environment


def _run(command, **kwargs):
    try:
        subprocess.run(command, check=True, capture_output=True, text=True, env=_pg_environment(), **kwargs)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL client tools are needed)") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()}") from error


def backup(directory):
    """Write a backup into `directory` (created; must be empty). Returns the manifest."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    if any(directory.iterdir()):
        raise BackupError(f"{directory} is not empty")
    vendor = connection.vendor
    if vendor == "postgresql":
        database_file = "database.dump"
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(directory / database_file)])
    elif vendor == "sqlite":
        database_file = "database.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(directory / database_file) as target:
            connection.connection.backup(target)
        target.close()
    else:
        raise BackupError(f"no backup for the {vendor} database")
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(directory / MEDIA_ARCHIVE, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname="media")
    manifest = {
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": vendor,
        "database_file": database_file,
        "media_files": sum(len(files) for _root, _dirs, files in os.walk(media_root)) if media_root.exists() else 0,
    }
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def restore(directory):
    """Replace the database and the media with the backup in `directory`. Returns its manifest."""
    directory = Path(directory)
    try:
        manifest = json.loads((directory / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{directory} holds no readable backup ({MANIFEST})") from error
    if manifest.get("database") != connection.vendor:
        raise BackupError(f"the backup is of a {manifest.get('database')} database; this one is {connection.vendor}")
    database_file = directory / manifest["database_file"]
    if connection.vendor == "postgresql":
        connection.close()  # pg_restore --clean drops tables; an open transaction here would block it
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--dbname",
                connection.settings_dict["NAME"],
                str(database_file),
            ]
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(database_file) as source:
            source.backup(connection.connection)
        source.close()
    media_root = Path(settings.MEDIA_ROOT)
    # Unpack beside the media directory first, then swap: a broken archive leaves the old media in place.
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media_root.parent) as unpacked:
        with tarfile.open(directory / MEDIA_ARCHIVE, "r:gz") as archive:
            _extract_safely(archive, unpacked)
        if media_root.exists():
            shutil.rmtree(media_root)
        restored = Path(unpacked) / "media"
        if restored.exists():
            shutil.move(str(restored), media_root)
        else:
            media_root.mkdir()
    return manifest


def _extract_safely(archive, target):
    """Only plain files and directories inside `target`: a tampered archive cannot write elsewhere."""
    if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
        archive.extractall(target, filter="data")
        return
    root = Path(target).resolve()
    for member in archive.getmembers():
        destination = (root / member.name).resolve()
        if not (member.isfile() or member.isdir()) or root not in destination.parents:
            raise BackupError(f"refusing to unpack {member.name!r} from the media archive")
    archive.extractall(target)
