"""The one registry of state bodies that execute measures."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from hedef.domain.core.search import search_columns
from hedef.domain.core.text import az_casefold


class Agency(models.Model):
    """A state body. Documents name it by their own acronyms, mapped through aliases."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    acronym = models.CharField(_("usual acronym"), max_length=20, blank=True)
    name = models.CharField(_("name (Azerbaijani)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=300, blank=True)
    other_names = models.TextField(
        _("other names"),
        blank=True,
        help_text=_(
            "Other spellings used by documents, one per line; used to match acronym lists."
        ),
    )
    folded_names = models.TextField(editable=False, default="")
    # Acronym and every name in the exact and the diacritic-free fold (search_columns).
    search_text = models.TextField(editable=False, default="")
    search_fold = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.acronym} — {self.display_name}" if self.acronym else self.display_name

    def save(self, *args, **kwargs):
        self.folded_names = "\n".join(
            az_casefold(name)
            for name in [self.name, *self.other_names.splitlines()]
            if name.strip()
        )
        self.search_text, self.search_fold = search_columns(self.search_parts())
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("plans:agency-detail", kwargs={"code": self.code})

    def search_parts(self) -> list[str]:
        """What the search matches an agency by: its acronym and every name."""
        return [
            self.acronym,
            self.name,
            self.name_en,
            self.name_ru,
            *self.other_names.splitlines(),
        ]

    @property
    def display_name(self) -> str:
        """The name in the active language, falling back to Azerbaijani."""
        return name_in_language(
            {"name": self.name, "name_en": self.name_en, "name_ru": self.name_ru}
        )


def name_in_language(names: Mapping[str, str]) -> str:
    """A registry name in the active language: ``name_en`` or ``name_ru`` where the registry
    has one, else the Azerbaijani ``name``.

    ``names`` is an agency's (or a published snapshot's copy of it): names are stored once,
    as the registry gives them, and worded at display time.
    """
    language = (get_language() or "az")[:2]
    translated = names.get(f"name_{language}", "") if language != "az" else ""
    return translated or names.get("name", "")
