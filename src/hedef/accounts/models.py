"""People who use Hədəf and the role each one plays."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device


class Role(models.TextChoices):
    OPERATOR_ADMIN = "operator_admin", _("Operator administrator")
    OPERATOR_ANALYST = "operator_analyst", _("Operator analyst")
    FOCAL_PERSON = "focal_person", _("Agency focal person")
    LEADERSHIP = "leadership", _("Leadership reader")


OPERATOR_ROLES = frozenset({Role.OPERATOR_ADMIN, Role.OPERATOR_ANALYST})


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.LEADERSHIP)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        help_text=_("Required for an agency focal person: the agency they report for."),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def clean(self) -> None:
        super().clean()
        if self.role == Role.FOCAL_PERSON and self.agency_id is None:
            raise ValidationError({"agency": _("A focal person must belong to an agency.")})

    @property
    def has_authenticator(self) -> bool:
        """Whether a second factor is set up: a django-otp device confirmed by a first code.

        Kept on the instance, as Django keeps permissions, so that a page asks once
        (the middleware and the header both want it); confirming or resetting an
        authenticator, and refresh_from_db, forget it.
        """
        if not hasattr(self, "_authenticator_cache"):
            self._authenticator_cache = bool(self.pk) and user_has_device(self, confirmed=True)
        return self._authenticator_cache

    def forget_authenticator(self) -> None:
        self.__dict__.pop("_authenticator_cache", None)

    def refresh_from_db(self, *args: Any, **kwargs: Any) -> None:
        self.forget_authenticator()
        super().refresh_from_db(*args, **kwargs)
