"""The audit log now belongs to core (see core 0001): monitoring forgets the models, keeps the tables."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("monitoring", "0002_audit_chain_head"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="AuditEntry"),
                migrations.DeleteModel(name="AuditHead"),
            ],
            database_operations=[],
        ),
    ]
