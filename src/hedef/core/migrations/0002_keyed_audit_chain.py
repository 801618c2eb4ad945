"""The audit chain becomes keyed: the head records the legacy boundary and a seal.

Entries written so far keep their plain SHA-256 hashes (they cannot be re-keyed
without invalidating the heads already published); the head row records the last
of them as ``legacy_through`` and is sealed with the key the installation has now.
"""

from django.db import migrations, models


def seal_existing_head(apps, schema_editor):
    from hedef.core.audit import audit_key
    from hedef.domain.core.audit_chain import head_seal

    AuditHead = apps.get_model("core", "AuditHead")
    for head in AuditHead.objects.using(schema_editor.connection.alias).all():
        head.legacy_through = head.last_id
        head.seal = head_seal(audit_key(), head.last_id, head.last_hash, head.legacy_through)
        head.save(update_fields=["legacy_through", "seal"])


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="audithead",
            name="legacy_through",
            field=models.BigIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="audithead",
            name="seal",
            field=models.CharField(blank=True, default="", max_length=64),
        ),
        migrations.RunPython(seal_existing_head, migrations.RunPython.noop),
    ]
