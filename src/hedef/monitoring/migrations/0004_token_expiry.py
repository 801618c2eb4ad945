"""Agency API tokens expire: each gets an expiry, those issued before it a year from issue."""

import datetime

from django.conf import settings
from django.db import migrations, models


def expire_from_issue(apps, schema_editor):
    AgencyToken = apps.get_model("monitoring", "AgencyToken")
    valid_for = datetime.timedelta(days=settings.HEDEF_API_TOKEN_DAYS)
    for token in AgencyToken.objects.all():
        token.expires_at = token.created_at + valid_for
        token.save(update_fields=["expires_at"])


class Migration(migrations.Migration):

    dependencies = [("monitoring", "0003_audit_log_to_core")]

    operations = [
        migrations.AddField(
            model_name="agencytoken",
            name="expires_at",
            field=models.DateTimeField(null=True, verbose_name="expires"),
        ),
        migrations.RunPython(expire_from_issue, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="agencytoken",
            name="expires_at",
            field=models.DateTimeField(verbose_name="expires"),
        ),
    ]
