"""Strategies as versioned action plans.

A :class:`Strategy` is the accountable document family member ("the Digital Economy
Strategy 2026–2029"); each edition or amendment of it is a :class:`PlanVersion`
holding the whole numbered tree. Old versions are never edited, so the original
target always sits beside the revised one.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hedef.domain.plans.model import Comparator, Direction, ExecutorKind, Stage


class Strategy(models.Model):
    code = models.SlugField(_("code"), max_length=80, unique=True)
    current_version = models.OneToOneField(
        "PlanVersion",
        verbose_name=_("current version"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.current_version.title if self.current_version else self.code

    def get_absolute_url(self) -> str:
        return reverse("plans:strategy-detail", kwargs={"code": self.code})


class PlanVersion(models.Model):
    """One edition of a strategy: what a document (or an amending act) says."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=500)
    period_start = models.PositiveIntegerField(_("first year"))
    period_end = models.PositiveIntegerField(_("last year"))
    version_label = models.CharField(_("edition"), max_length=200, blank=True)
    source_file_name = models.CharField(_("source document"), max_length=300, blank=True)
    source_sha256 = models.CharField(_("source SHA-256"), max_length=64, blank=True)
    act_kind = models.CharField(_("approving act"), max_length=100, blank=True)
    act_number = models.CharField(_("act number"), max_length=50, blank=True)
    act_date = models.DateField(_("act date"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    content_sha256 = models.CharField(max_length=64, editable=False, db_index=True)
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    imported_via = models.CharField(_("imported via"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="unique_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"


class AgencyAlias(models.Model):
    """A document's acronym and the registered agency it names (unknown: left empty, flagged)."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="aliases")
    acronym = models.CharField(_("acronym"), max_length=30)
    name_in_document = models.CharField(_("name in the document"), max_length=300, blank=True)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="aliases",
    )
    listed = models.BooleanField(
        _("in the acronym list"),
        default=True,
        help_text=_("False when the plan uses an acronym its own acronym list does not define."),
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("agency alias")
        verbose_name_plural = _("agency aliases")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "acronym"], name="unique_alias_per_version")
        ]

    def __str__(self) -> str:
        return self.acronym

    @property
    def needs_attention(self) -> bool:
        return self.agency_id is None or not self.listed


class PlanNode(models.Model):
    """A goal or a priority direction."""

    class Level(models.TextChoices):
        GOAL = "goal", _("Goal")
        DIRECTION = "direction", _("Priority direction")

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="nodes")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    number = models.CharField(_("number"), max_length=30)
    title = models.TextField(_("title"))
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="unique_node_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Measure(models.Model):
    """A measure ("tədbir") of the action plan."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="measures")
    node = models.ForeignKey(
        PlanNode, on_delete=models.CASCADE, null=True, blank=True, related_name="measures"
    )
    number = models.CharField(_("number"), max_length=30)
    title = models.TextField(_("title"))
    period_start = models.PositiveIntegerField(_("from"), null=True, blank=True)
    period_end = models.PositiveIntegerField(_("to"), null=True, blank=True)
    period_text = models.CharField(_("period"), max_length=50)
    result_initial = models.TextField(_("initial results"), blank=True)
    result_interim = models.TextField(_("interim results"), blank=True)
    result_final = models.TextField(_("final results"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    position = models.PositiveIntegerField(default=0)
    # Number, title and results in the exact and the diacritic-free fold (search_columns).
    search_text = models.TextField(editable=False, default="")
    search_fold = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="unique_measure_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse(
            "plans:measure-detail",
            kwargs={"code": self.version.strategy.code, "number": self.number},
        )

    @property
    def ongoing(self) -> bool:
        return self.period_start is None and self.period_end is None

    @property
    def lead_executors(self) -> list[MeasureExecutor]:
        return [e for e in self.executors.all() if e.role == MeasureExecutor.Role.LEAD]

    @property
    def co_executors(self) -> list[MeasureExecutor]:
        return [e for e in self.executors.all() if e.role == MeasureExecutor.Role.CO]

    def result(self, stage: Stage) -> str:
        return {
            Stage.INITIAL: self.result_initial,
            Stage.INTERIM: self.result_interim,
            Stage.FINAL: self.result_final,
        }[stage]


class MeasureExecutor(models.Model):
    """One executor of a measure as the document names it, resolved to an agency when known."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead executor")
        CO = "co", _("Other executor")

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="executors")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    value = models.CharField(_("as written"), max_length=100)
    kind = models.CharField(
        max_length=20, choices=[(k.value, k.value) for k in ExecutorKind], default="agency"
    )
    alias = models.ForeignKey(AgencyAlias, on_delete=models.CASCADE, null=True, blank=True)
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="executions",
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["measure", "role", "position"]
        indexes = [models.Index(fields=["agency", "role"])]

    def __str__(self) -> str:
        return self.value


class MeasureTarget(models.Model):
    """A numeric target read out of a result text."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="targets")
    stage = models.CharField(_("stage"), max_length=10, choices=[(s.value, s.value) for s in Stage])
    comparator = models.CharField(
        _("comparator"), max_length=12, choices=[(c.value, c.value) for c in Comparator]
    )
    value = models.FloatField(_("value"))
    upper = models.FloatField(_("upper bound"), null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=100, blank=True)
    phrase = models.CharField(_("phrase"), max_length=300, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["measure", "position"]

    def __str__(self) -> str:
        return self.phrase


class Indicator(models.Model):
    """A headline target indicator of a strategy version."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="indicators")
    number = models.CharField(_("number"), max_length=30)
    name = models.TextField(_("name"))
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    direction = models.CharField(
        _("direction"),
        max_length=20,
        choices=[
            (Direction.HIGHER_IS_BETTER.value, _("Higher is better")),
            (Direction.LOWER_IS_BETTER.value, _("Lower is better")),
        ],
        default=Direction.HIGHER_IS_BETTER.value,
    )
    baseline_value = models.FloatField(_("baseline"), null=True, blank=True)
    baseline_year = models.PositiveIntegerField(_("baseline year"), null=True, blank=True)
    cumulative = models.BooleanField(_("values accumulate"), default=False)
    responsible_value = models.CharField(_("responsible (as written)"), max_length=100, blank=True)
    responsible = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    data_source = models.CharField(_("data source"), max_length=300, blank=True)
    position = models.PositiveIntegerField(default=0)
    # Number and name in the exact and the diacritic-free fold (search_columns).
    search_text = models.TextField(editable=False, default="")
    search_fold = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("headline indicator")
        verbose_name_plural = _("headline indicators")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="unique_indicator_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"

    def get_absolute_url(self) -> str:
        return reverse(
            "plans:indicator-detail",
            kwargs={"code": self.version.strategy.code, "number": self.number},
        )


class IndicatorTarget(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveIntegerField(_("year"))
    value = models.FloatField(_("target"))

    class Meta:
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="unique_target_year")
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.value:g}"
