"""A backup of one installation: the database, exactly, and its media files.

The archive is a gzipped tar holding ``manifest.json``, the database copy under
``database/`` and the media files under ``media/``. The copy is the database's own:
SQLite's online backup API (a consistent page copy while others write) or
PostgreSQL's ``pg_dump`` in the custom format, taken in the snapshot in which the
manifest's audit head is read. Neither goes through Django's serializers, which
round times to milliseconds and would lose whatever they do not model.

The manifest records the format version, the database vendor, the migrations
applied, every file with its size and SHA-256, the audit chain's head and a
fingerprint of the audit key (not the key: it never goes with the data).
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import hmac
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections
from django.db.migrations.loader import MigrationLoader

from hedef.core.audit import audit_key
from hedef.domain.core.errors import DomainError

FORMAT = "hedef-backup"
VERSION = 1
MANIFEST = "manifest.json"
SQLITE_COPY = "database/hedef.sqlite3"
POSTGRES_COPY = "database/hedef.pgdump"
MEDIA = "media"
CHUNK = 1 << 20


class BackupError(DomainError):
    """A backup that cannot be made or restored; the message says why."""


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    vendor: str
    files: int
    media_files: int
    audit_head: dict[str, Any]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while block := file.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def key_fingerprint() -> str:
    """A value that tells whether two installations share the audit key, not the key."""
    return hmac.new(audit_key(), b"hedef.audit-key-fingerprint", hashlib.sha256).hexdigest()[:16]


def _vendor() -> str:
    vendor: str = connection.vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise BackupError(
            "backup_vendor",
            "Backups are made of SQLite and PostgreSQL databases, not %(vendor)s.",
            {"vendor": vendor},
        )
    return vendor


def _applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(
        MigrationLoader(connection, ignore_no_migrations=True).applied_migrations
    ):
        applied.setdefault(app, []).append(name)
    return applied


def _pg_environment() -> tuple[list[str], dict[str, str]]:
    """The connection arguments and environment for pg_dump/pg_restore (no password in argv)."""
    db = settings.DATABASES["default"]
    arguments = ["--dbname", str(db["NAME"])]
    if db.get("HOST"):
        arguments += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        arguments += ["--port", str(db["PORT"])]
    if db.get("USER"):
        arguments += ["--username", str(db["USER"])]
    environment = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    return arguments, environment


def _run(command: list[str], environment: dict[str, str]) -> None:
    try:
        subprocess.run(command, env=environment, check=True, capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(
            "backup_tool_missing",
            "%(tool)s is not installed; PostgreSQL backups need the PostgreSQL client tools.",
            {"tool": command[0]},
        ) from None
    except subprocess.CalledProcessError as error:
        raise BackupError(
            "backup_tool_failed",
            "%(tool)s failed: %(output)s",
            {"tool": command[0], "output": (error.stderr or error.stdout).strip()},
        ) from None


_HEAD_SQL = "SELECT last_id, last_hash FROM monitoring_audithead WHERE id = 1"


def _head(row: Any) -> dict[str, Any]:
    return {"entry": row[0], "hash": row[1]} if row else {"entry": None, "hash": None}


def _copy_sqlite(target: Path) -> dict[str, Any]:
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
    finally:
        destination.close()
    copy = sqlite3.connect(target)
    try:
        return _head(copy.execute(_HEAD_SQL).fetchone())
    except sqlite3.OperationalError:  # no audit table: an unmigrated database
        return _head(None)
    finally:
        copy.close()


def _copy_postgres(target: Path) -> dict[str, Any]:
    """pg_dump inside an exported snapshot, the audit head read in that same snapshot."""
    arguments, environment = _pg_environment()
    connection.ensure_connection()
    raw = connection.connection
    previous = raw.autocommit
    raw.autocommit = False
    try:
        with raw.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            cursor.execute("SELECT to_regclass('monitoring_audithead')")
            has_head = cursor.fetchone()[0] is not None
            head = None
            if has_head:
                cursor.execute(_HEAD_SQL)
                head = cursor.fetchone()
            _run(
                [
                    "pg_dump",
                    *arguments,
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    "--file",
                    str(target),
                ],
                environment,
            )
    finally:
        raw.rollback()
        raw.autocommit = previous
    return _head(head)


def _media_files(root: Path) -> Iterator[Path]:
    if root.is_dir():
        for path in sorted(root.rglob("*")):
            if path.is_file() and not path.is_symlink():
                yield path


def backup(output: Path) -> BackupSummary:
    """Write a backup of the database and the media files to ``output`` (a .tar.gz)."""
    vendor = _vendor()
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="hedef-backup-") as scratch:
        copy = Path(scratch) / "database"
        name = SQLITE_COPY if vendor == "sqlite" else POSTGRES_COPY
        head = _copy_sqlite(copy) if vendor == "sqlite" else _copy_postgres(copy)
        # Media files are read after the database copy: every file the copy's rows
        # name was written before it, unless it was removed while the backup ran.
        members = [(name, copy)] + [
            (f"{MEDIA}/{path.relative_to(media_root).as_posix()}", path)
            for path in _media_files(media_root)
        ]
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "vendor": vendor,
            "migrations": _applied_migrations(),
            "audit_head": head,
            "audit_key_fingerprint": key_fingerprint(),
            "files": [
                {"path": arcname, "size": path.stat().st_size, "sha256": _sha256(path)}
                for arcname, path in members
            ],
        }
        manifest_path = Path(scratch) / MANIFEST
        manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(manifest_path, arcname=MANIFEST)
            for arcname, path in members:
                archive.add(path, arcname=arcname)
        with partial.open("rb+") as file:
            os.fsync(file.fileno())
        partial.replace(output)
    return BackupSummary(output, vendor, len(members), len(members) - 1, head)


# ---- restore ----------------------------------------------------------------------------


def _refuse(code: str, message: str, **params: Any) -> BackupError:
    return BackupError(code, message, params)


def _read_manifest(archive: tarfile.TarFile, source: Path) -> dict[str, Any]:
    try:
        member = archive.extractfile(MANIFEST)
    except KeyError:
        member = None
    if member is None:
        raise _refuse(
            "backup_no_manifest",
            "%(file)s is not a Hədəf backup: it has no manifest.json.",
            file=source,
        )
    try:
        manifest: dict[str, Any] = json.loads(member.read())
    except ValueError:
        raise _refuse(
            "backup_bad_manifest", "%(file)s: manifest.json is not JSON.", file=source
        ) from None
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise _refuse(
            "backup_format",
            "%(file)s: not a Hədəf backup of format version %(version)s.",
            file=source,
            version=VERSION,
        )
    return manifest


def _target_contents() -> list[str]:
    """What already occupies the target: database tables, media files."""
    found = []
    tables = connection.introspection.table_names()
    if tables:
        found.append(f"the database has {len(tables)} tables")
    media = sum(1 for _ in _media_files(Path(settings.MEDIA_ROOT)))
    if media:
        found.append(f"the media folder {settings.MEDIA_ROOT} has {media} files")
    return found


def _extract(archive: tarfile.TarFile, manifest: dict[str, Any], into: Path, source: Path) -> None:
    """Extract the files the manifest lists and check each one's size and hash."""
    listed = {item["path"]: item for item in manifest.get("files", [])}
    for member in archive.getmembers():
        if member.name != MANIFEST and member.name not in listed:
            raise _refuse(
                "backup_unlisted", "%(file)s holds %(member)s, which its manifest does not list.",
                file=source, member=member.name,
            )  # fmt: skip
    archive.extractall(
        into, members=[m for m in archive.getmembers() if m.name in listed], filter="data"
    )
    for name, item in listed.items():
        path = into / name
        if (
            not path.is_file()
            or path.stat().st_size != item["size"]
            or _sha256(path) != item["sha256"]
        ):
            raise _refuse(
                "backup_corrupt",
                "%(file)s: %(member)s is missing or does not match the manifest's hash.",
                file=source, member=name,
            )  # fmt: skip


def _restore_sqlite(copy: Path) -> None:
    target = Path(settings.DATABASES["default"]["NAME"])
    connections.close_all()
    source = sqlite3.connect(copy)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        source.close()
        destination.close()


def _restore_postgres(copy: Path, *, wipe: bool) -> None:
    if wipe:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
    connections.close_all()
    arguments, environment = _pg_environment()
    _run(
        ["pg_restore", *arguments, "--no-owner", "--no-privileges", "--exit-on-error", str(copy)],
        environment,
    )


def _unknown_migrations(manifest: dict[str, Any]) -> list[str]:
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return [
        f"{app}.{name}"
        for app, names in manifest.get("migrations", {}).items()
        for name in names
        if (app, name) not in known
    ]


@dataclass(frozen=True)
class RestoreSummary:
    vendor: str
    media_files: int
    audit_head: dict[str, Any]
    key_matches: bool
    migrated: bool


def restore(source: Path, *, force: bool = False) -> RestoreSummary:
    """Restore the backup ``source`` into this installation's database and media folder.

    The target must be empty (no tables, no media files) unless ``force``, which
    replaces what is there. The manifest's hashes are checked before anything is
    written; migrations newer than the backup are applied after.
    """
    vendor = _vendor()
    Path(settings.DATA_DIR).mkdir(parents=True, exist_ok=True)
    try:
        archive = tarfile.open(source, "r:*")
    except (OSError, tarfile.TarError) as error:
        raise _refuse(
            "backup_unreadable",
            "%(file)s cannot be read as a backup: %(error)s",
            file=source,
            error=error,
        ) from None
    with (
        archive,
        tempfile.TemporaryDirectory(prefix="hedef-restore-", dir=settings.DATA_DIR) as scratch,
    ):
        manifest = _read_manifest(archive, source)
        if manifest.get("vendor") != vendor:
            raise _refuse(
                "backup_vendor_mismatch",
                "%(file)s holds a %(theirs)s database; this installation uses %(ours)s.",
                file=source, theirs=manifest.get("vendor"), ours=vendor,
            )  # fmt: skip
        unknown = _unknown_migrations(manifest)
        if unknown:
            raise _refuse(
                "backup_newer",
                "%(file)s was made by a newer Hədəf (migrations %(names)s); upgrade first.",
                file=source, names=", ".join(unknown),
            )  # fmt: skip
        occupied = _target_contents()
        if occupied and not force:
            raise _refuse(
                "restore_not_empty",
                "The target is not empty (%(what)s); restore into an empty data directory "
                "and database, or pass --force to replace them.",
                what="; ".join(occupied),
            )
        extracted = Path(scratch)
        _extract(archive, manifest, extracted, source)
        if vendor == "sqlite":
            _restore_sqlite(extracted / SQLITE_COPY)
        else:
            _restore_postgres(extracted / POSTGRES_COPY, wipe=bool(occupied))
        media_root = Path(settings.MEDIA_ROOT)
        if media_root.exists():
            shutil.rmtree(media_root)
        media = extracted / MEDIA
        if media.is_dir():
            shutil.copytree(media, media_root)
        else:
            media_root.mkdir(parents=True, exist_ok=True)
    pending = _pending_migrations()
    if pending:
        call_command("migrate", interactive=False, verbosity=0)
    with contextlib.suppress(Exception):
        connections.close_all()
    return RestoreSummary(
        vendor=vendor,
        media_files=sum(1 for _ in _media_files(Path(settings.MEDIA_ROOT))),
        audit_head=manifest.get("audit_head", {}),
        key_matches=manifest.get("audit_key_fingerprint") == key_fingerprint(),
        migrated=bool(pending),
    )


def _pending_migrations() -> bool:
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
