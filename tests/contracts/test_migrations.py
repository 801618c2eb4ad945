"""Every change to a model comes with its migration.

``makemigrations --check`` compares the models with what the migrations build
and exits non-zero when a migration is missing; ``--dry-run`` keeps it from
writing one. The output names the apps and the changes.
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    output = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", "--verbosity", "2", stdout=output)
    except SystemExit as exit_:
        pytest.fail(f"models changed without a migration (exit {exit_.code}):\n{output.getvalue()}")
    assert "No changes detected" in output.getvalue()
