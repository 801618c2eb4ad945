"""Reminder e-mails to focal persons before a cycle's due date (``hedef remind``, for cron)."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from hedef.accounts.models import Role, User
from hedef.agencies.models import Agency
from hedef.domain.monitoring.submissions import PENDING_STATES
from hedef.monitoring.models import ReminderSent, ReportingCycle, Submission


@dataclass(frozen=True)
class Reminder:
    cycle: ReportingCycle
    agency: Agency
    pending: int
    recipients: tuple[str, ...]
    already_sent: bool


def reminders_due(*, today: datetime.date, days: int) -> list[Reminder]:
    """Agencies with reports still to submit in open cycles due within ``days`` days."""
    cycles = ReportingCycle.objects.filter(
        state=ReportingCycle.State.OPEN,
        due_date__gte=today,
        due_date__lte=today + datetime.timedelta(days=days),
    ).order_by("due_date", "pk")
    found = []
    for cycle in cycles:
        pending = Counter(
            Submission.objects.filter(
                cycle=cycle, state__in=[s.value for s in PENDING_STATES]
            ).values_list("agency_id", flat=True)
        )
        sent = set(
            ReminderSent.objects.filter(cycle=cycle, days_before=days).values_list(
                "agency_id", flat=True
            )
        )
        for agency in Agency.objects.filter(pk__in=pending).order_by("code"):
            recipients = tuple(
                User.objects.filter(agency=agency, role=Role.FOCAL_PERSON, is_active=True)
                .exclude(email="")
                .order_by("email")
                .values_list("email", flat=True)
            )
            found.append(Reminder(cycle, agency, pending[agency.pk], recipients, agency.pk in sent))
    return found


def reminder_send(reminder: Reminder, *, today: datetime.date, days: int) -> bool:
    """E-mail one reminder unless it was sent before; returns whether it went out."""
    if reminder.already_sent or not reminder.recipients:
        return False
    link = settings.HEDEF_BASE_URL + reverse("monitoring:my-agency")
    body = render_to_string(
        "monitoring/reminder_email.txt",
        {
            "cycle": reminder.cycle,
            "agency": reminder.agency,
            "pending": reminder.pending,
            "days_left": (reminder.cycle.due_date - today).days,
            "link": link,
        },
    )
    try:
        with transaction.atomic():
            ReminderSent.objects.create(
                cycle=reminder.cycle,
                agency=reminder.agency,
                days_before=days,
                recipients=len(reminder.recipients),
            )
    except IntegrityError:
        return False  # another run sent it in the meantime
    subject = _("Hədəf: reports due on %(date)s") % {
        "date": reminder.cycle.due_date.strftime("%d.%m.%Y")
    }
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, list(reminder.recipients))
    return True
