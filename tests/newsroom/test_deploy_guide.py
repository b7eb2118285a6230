"""
The deployment guide (docs/deploy.md) names every environment variable the
settings, the photo storage and gunicorn's configuration read: an operator
setting up a second machine finds each one there.
"""

import ast
import re

from django.test import SimpleTestCase

from tests.support import ROOT

CONFIGURATION = [
    "newsroom/settings.py",
    "newsroom/sign_in_settings.py",
    "newsroom/photo_storage.py",
    "newsroom/gunicorn.conf.py",
]
READERS = ("environ.get", "env_bool", "env_list")


def variables_read(path):
    """The names of the environment variables the module at ``path`` reads."""
    names = set()
    for node in ast.walk(ast.parse((ROOT / path).read_text())):
        if isinstance(node, ast.Call) and ast.unparse(node.func).endswith(READERS):
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                names.add(first.value)
        elif (
            isinstance(node, ast.Subscript)
            and ast.unparse(node.value).endswith("environ")
            and isinstance(node.slice, ast.Constant)
        ):
            names.add(node.slice.value)
    return names


class DeployGuideTests(SimpleTestCase):
    def test_every_variable_read_is_in_the_guide(self):
        guide = (ROOT / "docs" / "deploy.md").read_text()
        named = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", guide))
        read = set().union(*(variables_read(path) for path in CONFIGURATION))
        self.assertGreater(len(read), 50)
        self.assertEqual(sorted(read - named), [])

    def test_the_readme_links_to_the_guide(self):
        self.assertIn("(docs/deploy.md)", (ROOT / "README.md").read_text())
