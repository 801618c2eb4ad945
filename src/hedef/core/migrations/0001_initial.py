"""The audit log moves from monitoring to core: its tables stay as they are.

Only Django's record of which app owns the models changes (state only); the rows,
their hashes and the chain's head are untouched.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("monitoring", "0002_audit_chain_head"),
    ]

    state_operations = [
        migrations.CreateModel(
            name="AuditHead",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("last_id", models.BigIntegerField(null=True)),
                ("last_hash", models.CharField(max_length=64)),
            ],
            options={
                "db_table": "monitoring_audithead",
            },
        ),
        migrations.CreateModel(
            name="AuditEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("at", models.DateTimeField(db_index=True, verbose_name="when")),
                ("actor_id", models.BigIntegerField(blank=True, null=True)),
                ("action", models.CharField(max_length=40, verbose_name="action")),
                ("object_type", models.CharField(max_length=40)),
                ("object_id", models.CharField(max_length=40)),
                ("data", models.TextField()),
                ("prev_hash", models.CharField(max_length=64)),
                ("hash", models.CharField(max_length=64, unique=True)),
            ],
            options={
                "verbose_name": "audit entry",
                "verbose_name_plural": "audit entries",
                "db_table": "monitoring_auditentry",
                "ordering": ["id"],
                "indexes": [models.Index(fields=["object_type", "object_id"], name="monitoring__object__41aab2_idx")],
            },
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations, database_operations=[]),
    ]
