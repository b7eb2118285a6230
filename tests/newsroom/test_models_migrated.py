"""
Every change to a model has its migration: a model edited without
``makemigrations`` would leave a newsroom's database behind the code that
reads it, and the next deploy's ``migrate`` would not bring it level.
"""

import io

from django.core.management import call_command
from django.test import TestCase


class ModelsMigratedTests(TestCase):
    def test_no_model_change_lacks_its_migration(self):
        out = io.StringIO()
        try:
            call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
        except SystemExit:
            self.fail(f"A model changed without its migration:\n{out.getvalue()}")
        self.assertIn("No changes detected", out.getvalue())
