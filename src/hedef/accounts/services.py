"""Writes to accounts: invitations by e-mail and the operators' second factor."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from hedef.accounts.models import Role, User
from hedef.accounts.permissions import can_invite, require
from hedef.agencies.models import Agency
from hedef.core.actors import Actor
from hedef.core.audit import audit_record
from hedef.core.changes import SECRET_CHANGED, SECRET_EMPTY, SECRET_SET
from hedef.domain.accounts import totp

ISSUER = "Hədəf"


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


def totp_enrolment_secret(user: User) -> str:
    """The secret to show while enrolling: a new one unless an enrolment is under way."""
    if not user.totp_secret:
        user.totp_secret = totp.generate_secret()
        user.save(update_fields=["totp_secret"])
    return user.totp_secret


def totp_reset(user: User, *, actor: Any) -> None:
    """Forget a person's authenticator (a lost phone): they enrol again at the next sign-in."""

    with transaction.atomic():
        user.totp_secret = ""
        user.totp_confirmed_at = None
        user.totp_last_step = None
        user.save(update_fields=["totp_secret", "totp_confirmed_at", "totp_last_step"])
        audit_record(actor=actor, action="user.totp_reset", obj=user)


def totp_uri(user: User) -> str:
    return totp.provisioning_uri(user.totp_secret, user.email or user.username, ISSUER)


def totp_accept(user: User, code: str, *, actor: Any, at: float | None = None) -> bool:
    """Check a code (a confirmed authenticator, or the first code of an enrolment).

    A code works once, even when two requests bring it at the same moment: its time
    step is stored by a conditional update that only one of them can win (the step
    must be later than the last one accepted, as the database has it, not as this
    request read it). The first code of an enrolment is recorded in the audit log.
    """

    if not user.totp_secret:
        return False
    step = totp.verify(
        user.totp_secret, code, time.time() if at is None else at, last_step=user.totp_last_step
    )
    if step is None:
        return False
    with transaction.atomic():
        won = (
            User.objects.filter(pk=user.pk, totp_secret=user.totp_secret)
            .filter(Q(totp_last_step__isnull=True) | Q(totp_last_step__lt=step))
            .update(totp_last_step=step)
        )
        if not won:
            return False
        user.totp_last_step = step
        if user.totp_confirmed_at is None:
            user.totp_confirmed_at = timezone.now()
            user.save(update_fields=["totp_confirmed_at"])
            audit_record(actor=actor, action="user.totp_enrol", obj=user)
    return True
