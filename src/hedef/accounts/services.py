"""Writes to accounts: invitations by e-mail and the operators' second factor."""

from __future__ import annotations

import base64
import time
from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from hedef.accounts.models import Role, User
from hedef.accounts.permissions import can_invite, require
from hedef.agencies.models import Agency
from hedef.core.actors import Actor
from hedef.core.audit import audit_record
from hedef.core.changes import SECRET_CHANGED, SECRET_EMPTY, SECRET_SET

# Each person has one authenticator; the name is django-otp's label for the device.
DEVICE_NAME = "authenticator"


def invitation_path(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("accounts:invitation", kwargs={"uidb64": uid, "token": token})


def user_invite(
    *,
    actor: Any,
    email: str,
    role: str,
    agency: Agency | None,
    first_name: str = "",
    last_name: str = "",
    base_url: str | None = None,
) -> User:
    """Create an inactive account and e-mail its owner a link to choose a password.

    The link works once: choosing a password changes what the token was made from.

    Raises:
        ActionNotAllowed: the inviter may not create accounts of ``role``.
        ValidationError: the address is taken, or a focal person has no agency.
    """

    require(
        can_invite(actor.user, role),
        _("Your role may not invite people with the role “%(role)s”.") % {"role": Role(role).label},
    )
    email = email.strip().lower()
    if (
        User.objects.filter(email__iexact=email).exists()
        or User.objects.filter(username__iexact=email).exists()
    ):
        raise ValidationError(
            _("An account for %(email)s already exists."), code="taken", params={"email": email}
        )
    with transaction.atomic():
        user = User(
            username=email,
            email=email,
            role=role,
            agency=agency if role == Role.FOCAL_PERSON else None,
            first_name=first_name,
            last_name=last_name,
            is_active=False,
        )
        user.set_unusable_password()
        user.full_clean()
        user.save()
        audit_record(
            actor=actor,
            action="user.invite",
            obj=user,
            after={"email": email, "role": role, "agency": agency.code if agency else None},
        )
        link = (base_url or settings.HEDEF_BASE_URL) + invitation_path(user)
        body = render_to_string(
            "accounts/invitation_email.txt", {"user": user, "link": link, "inviter": actor.user}
        )
        transaction.on_commit(
            lambda: send_mail(_("Your Hədəf account"), body, settings.DEFAULT_FROM_EMAIL, [email])
        )
    return user


def invitation_accept(*, user: User, password: str, actor: Actor) -> User:
    """The invited person chose a password: the account becomes active (audited)."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        before = {
            "is_active": user.is_active,
            "password": SECRET_SET if user.has_usable_password() else SECRET_EMPTY,
        }
        user.set_password(password)
        user.is_active = True
        user.save(update_fields=["password", "is_active"])
        audit_record(
            actor=actor,
            action="user.invitation_accept",
            obj=user,
            before=before,
            after={"is_active": True, "password": SECRET_CHANGED},
        )
    return user


def authenticator(user: User) -> TOTPDevice | None:
    """The person's authenticator: the confirmed one, else the one being enrolled."""
    return TOTPDevice.objects.filter(user=user).order_by("-confirmed", "pk").first()


def totp_enrolment_device(user: User) -> TOTPDevice:
    """The authenticator to show while enrolling: a new key unless an enrolment is under way."""
    with transaction.atomic():
        # Two pages opened together must show the same key, not one each.
        User.objects.select_for_update().filter(pk=user.pk).first()
        device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def totp_secret(device: TOTPDevice) -> str:
    """The key to type by hand: base32 without padding, as authenticator apps expect."""
    return base64.b32encode(device.bin_key).decode("ascii").rstrip("=")


def totp_reset(user: User, *, actor: Any) -> None:
    """Forget a person's authenticator (a lost phone): they enrol again at the next sign-in."""

    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        user.forget_authenticator()
        audit_record(actor=actor, action="user.totp_reset", obj=user)


def totp_uri(device: TOTPDevice) -> str:
    """The ``otpauth://`` link that adds ``device`` to an authenticator app."""
    return str(device.config_url)


def totp_device_accept(device: TOTPDevice, code: str, *, at: float | None = None) -> bool:
    """Whether ``code`` is a current code of ``device`` not accepted before; it is used up.

    The code is checked with django-otp's TOTP over the device's own key, step, digits
    and tolerance (one step either side), and its time step is stored by a conditional
    update that only one request can win: the step must be later than the last one
    accepted as the database has it, not as this request read it. TOTPDevice.verify_token
    is not used: it stores the step with a plain save, so two requests that read the
    device together both accept the same code.
    """
    typed = code.replace(" ", "")
    if not (typed.isascii() and typed.isdigit() and len(typed) == device.digits):
        return False
    otp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    otp.time = time.time() if at is None else at
    if not otp.verify(int(typed), tolerance=device.tolerance, min_t=device.last_t + 1):
        return False
    step = otp.t()
    now = timezone.now()
    won = TOTPDevice.objects.filter(pk=device.pk, last_t__lt=step).update(
        last_t=step, last_used_at=now
    )
    if won:
        device.last_t, device.last_used_at = step, now
    return bool(won)


def totp_accept(user: User, code: str, *, actor: Any, at: float | None = None) -> TOTPDevice | None:
    """Check a code (a confirmed authenticator, or the first code of an enrolment).

    Returns the authenticator that accepted it, or ``None``. A code works once (see
    :func:`totp_device_accept`). The first code of an enrolment confirms the
    authenticator, recorded in the audit log.
    """

    device = authenticator(user)
    if device is None or not totp_device_accept(device, code, at=at):
        return None
    if not device.confirmed:
        with transaction.atomic():
            confirmed = TOTPDevice.objects.filter(pk=device.pk, confirmed=False).update(
                confirmed=True
            )
            device.confirmed = True
            user.forget_authenticator()
            if confirmed:
                TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
                audit_record(actor=actor, action="user.totp_enrol", obj=user)
    return device
