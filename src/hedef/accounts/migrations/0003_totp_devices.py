"""Authenticators move from the User's totp_* fields to django-otp TOTP devices.

A confirmed secret becomes a confirmed device (its last accepted step kept, so a code
used before the move is still refused); a pending enrolment an unconfirmed one. The
keys are the same bytes, hex instead of base32: enrolled apps keep working.
"""

import base64
import binascii

from django.db import migrations
from django.utils import timezone

DEVICE_NAME = "authenticator"


def _key(secret):
    cleaned = secret.replace(" ", "").upper()
    try:
        return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8)).hex()
    except (binascii.Error, ValueError) as error:
        raise ValueError(f"unreadable authenticator secret ({error})") from error


def forwards(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    TOTPDevice = apps.get_model("otp_totp", "TOTPDevice")
    for user in User.objects.exclude(totp_secret="").order_by("pk"):
        try:
            key = _key(user.totp_secret)
        except ValueError as error:
            raise RuntimeError(f"user {user.username} (id {user.pk}): {error}") from error
        confirmed = user.totp_confirmed_at is not None
        device = TOTPDevice.objects.create(
            user=user,
            name=DEVICE_NAME,
            confirmed=confirmed,
            key=key,
            step=30,
            t0=0,
            digits=6,
            tolerance=1,
            drift=0,
            last_t=user.totp_last_step if user.totp_last_step is not None else -1,
        )
        if confirmed:  # created_at is set on insert; keep when it was really confirmed
            TOTPDevice.objects.filter(pk=device.pk).update(created_at=user.totp_confirmed_at)


def backwards(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    TOTPDevice = apps.get_model("otp_totp", "TOTPDevice")
    for device in TOTPDevice.objects.order_by("-confirmed", "pk"):
        user = User.objects.get(pk=device.user_id)
        if user.totp_secret:
            continue  # the confirmed device came first
        user.totp_secret = base64.b32encode(bytes.fromhex(device.key)).decode().rstrip("=")
        user.totp_confirmed_at = (device.created_at or timezone.now()) if device.confirmed else None
        user.totp_last_step = device.last_t if device.last_t >= 0 else None
        user.save(update_fields=["totp_secret", "totp_confirmed_at", "totp_last_step"])
    TOTPDevice.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_second_factor"),
        ("otp_totp", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
