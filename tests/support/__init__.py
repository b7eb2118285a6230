"""
What the tests share: factories, page readers, sample files, servers and the
browser. Test modules import from here, never from each other.
"""

from pathlib import Path

# The checkout: where manage.py, node_modules and the fixtures are.
ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
