"""``hedef backup`` and ``hedef restore``: a round trip keeps the audit chain and evidence.

The backup is made in the test's own (committed) database; ``hedef restore`` runs in
a separate process into a fresh target, an SQLite file in a new data directory or
a new PostgreSQL database, as an operator would run it.
"""

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core import serializers
from django.db import connection

from hedef.core.audit import audit_key
from hedef.core.backup import MANIFEST, backup
from hedef.core.models import AuditEntry
from hedef.domain.core.audit_chain import entry_hash
from hedef.monitoring.actions import CyclePublish, SubmissionAccept
from hedef.monitoring.models import Evidence
from tests.helpers.monitoring import actor, save

pytestmark = pytest.mark.django_db(transaction=True)

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
PDF = b"%PDF-1.4\n" + b"1" * 200
FILES = {"foto.png": PNG, "akt.pdf": PDF}
HEDEF = [sys.executable, "-m", "hedef.cli"]
CHECK_DOWNLOADS = """
import hashlib, os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hedef.settings.development")
django.setup()
from django.test import Client
from hedef.accounts.models import User
from hedef.monitoring.models import Evidence
client = Client(HTTP_ACCEPT_LANGUAGE="en")
client.force_login(User.objects.get(username="focal2"))
for evidence in Evidence.objects.order_by("pk"):
    response = client.get(f"/reporting/evidence/{evidence.pk}/")
    body = b"".join(response.streaming_content) if response.status_code == 200 else b""
    print(evidence.name, response.status_code, hashlib.sha256(body).hexdigest())
"""


@pytest.fixture
def history(client, platform, more_users):
    """Two evidence files, a report accepted and its cycle published."""
    client.force_login(more_users["focal_in"])
    for name, data in FILES.items():
        upload = io.BytesIO(data)
        upload.name = name
        client.post(f"/reporting/reports/{platform.pk}/evidence/", {"file": upload})
    save(platform, more_users["focal_in"], submit=True, narrative="Hazırdır.")
    SubmissionAccept(platform, actor=actor(more_users["operator_analyst"])).execute()
    CyclePublish(platform.cycle, actor=actor(more_users["operator_admin"])).execute()
    return {name: hashlib.sha256(data).hexdigest() for name, data in FILES.items()}


@pytest.fixture
def target(tmp_path):
    """The environment of a fresh installation: a new data dir, a new database."""
    environment = {
        **os.environ,
        "HEDEF_DATA_DIR": str(tmp_path / "restored"),
        "HEDEF_AUDIT_KEY": settings.HEDEF_AUDIT_KEY,
        "HEDEF_ALLOWED_HOSTS": "testserver",
        "HEDEF_EMAIL_URL": "dummy://",
    }
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    if connection.vendor == "sqlite":
        environment.pop("DATABASE_URL", None)
        yield environment
        return
    db = connection.settings_dict
    name = f"{db['NAME']}_restore"
    server = psycopg.connect(
        host=db["HOST"], port=db["PORT"], user=db["USER"], password=db["PASSWORD"],
        dbname="postgres", autocommit=True,
    )  # fmt: skip
    server.execute(f'DROP DATABASE IF EXISTS "{name}"')
    server.execute(f'CREATE DATABASE "{name}"')
    environment["DATABASE_URL"] = (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{name}"
    )
    yield environment
    server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    server.close()


def run(environment, *arguments):
    done = subprocess.run(
        [*HEDEF, *arguments], env=environment, capture_output=True, text=True, timeout=300
    )
    return done.returncode, " ".join((done.stdout + done.stderr).split())


def test_a_backup_restores_into_a_fresh_installation_whole(history, target, tmp_path):
    archive = tmp_path / "hedef-backup.tar.gz"
    summary = backup(archive)
    entries = AuditEntry.objects.count()
    assert summary.audit_head["entry"] == AuditEntry.objects.last().pk

    code, output = run(target, "restore", str(archive))
    assert code == 0, output
    assert f"restored {connection.vendor} database and 2 media files" in output

    code, output = run(target, "audit", "verify")
    assert (code, output) == (0, f"audit log intact: {entries} entries")
    downloads = subprocess.run(
        [sys.executable, "-c", CHECK_DOWNLOADS], env=target, capture_output=True, text=True
    )
    assert downloads.returncode == 0, downloads.stderr
    assert sorted(downloads.stdout.split("\n")[:-1]) == sorted(
        f"{name} 200 {digest}" for name, digest in history.items()
    )

    code, output = run(target, "restore", str(archive))
    assert code == 1 and "The target is not empty" in output and "--force" in output
    code, output = run(target, "restore", "--force", str(archive))
    assert code == 0, output
    assert run(target, "audit", "verify")[0] == 0


def test_the_manifest_lists_every_file_with_its_hash_and_the_audit_head(history, tmp_path):
    archive = tmp_path / "b.tar.gz"
    backup(archive)
    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile(MANIFEST).read())
        members = {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}
    assert (manifest["format"], manifest["version"]) == ("hedef-backup", 1)
    assert manifest["vendor"] == connection.vendor
    assert "0002_keyed_audit_chain" in manifest["migrations"]["core"]
    head = AuditEntry.objects.last()
    assert manifest["audit_head"] == {"entry": head.pk, "hash": head.hash}
    listed = {item["path"]: item["sha256"] for item in manifest["files"]}
    assert set(listed) == set(members) - {MANIFEST}
    assert all(hashlib.sha256(members[p]).hexdigest() == h for p, h in listed.items())
    assert sum(p.startswith("media/evidence/") for p in listed) == len(history)


def tampered(archive, out, member):
    """A copy of ``archive`` with one byte of ``member`` changed."""
    with tarfile.open(archive) as source, tarfile.open(out, "w:gz") as copy:
        for info in source.getmembers():
            data = source.extractfile(info).read()
            if info.name == member:
                data = bytes([data[0] ^ 1]) + data[1:]
            copy.addfile(info, io.BytesIO(data))
    return out


def test_a_damaged_backup_is_refused_before_anything_is_written(history, target, tmp_path):
    archive = tmp_path / "b.tar.gz"
    backup(archive)
    evidence = Evidence.objects.get(name="foto.png")
    damaged = tampered(archive, tmp_path / "damaged.tar.gz", f"media/{evidence.file.name}")
    code, output = run(target, "restore", str(damaged))
    assert code == 1 and "does not match the manifest's hash" in output
    assert not (Path(target["HEDEF_DATA_DIR"]) / "media").exists()


def test_a_file_that_is_not_a_backup_is_named(target, tmp_path):
    (tmp_path / "x.tar.gz").write_bytes(b"not a tar")
    code, output = run(target, "restore", str(tmp_path / "x.tar.gz"))
    assert code == 1 and "cannot be read as a backup" in output


@pytest.mark.django_db(transaction=False)
def test_a_backup_into_a_missing_folder_is_refused_naming_it(tmp_path):
    """Refused before the database is read, with the folder named, not an errno."""
    archive = tmp_path / "absent" / "hedef.tar.gz"
    code, output = run({**os.environ, "COLUMNS": "400"}, "backup", "-o", str(archive))
    assert (code, output) == (1, f"error: {archive}: the folder {archive.parent} does not exist")


def test_a_dumpdata_round_trip_keeps_every_entry_hash(history):
    """Django's serializer keeps milliseconds only; entries are timed to the millisecond."""
    text = serializers.serialize("json", AuditEntry.objects.order_by("id"))
    key = audit_key()
    for loaded in serializers.deserialize("json", text):
        entry = loaded.object
        assert entry_hash(entry.prev_hash, entry.chain_payload(), key) == entry.hash
