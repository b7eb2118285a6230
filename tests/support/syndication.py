"""The content API in tests: keys, their headers, and the ninjs schema items are checked against."""

import json

import jsonschema

from syndication.keys import create_key
from tests.support import FIXTURES

NINJS_SCHEMA = json.loads((FIXTURES / "ninjs-schema_2.1.json").read_text(encoding="utf-8"))
NINJS = jsonschema.Draft202012Validator(
    NINJS_SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def make_key(name="Mekong Daily", **fields):
    """A new key, and the full key to send."""
    return create_key(name=name, **fields)


def bearer(key):
    return {"Authorization": f"Bearer {key}"}


def assert_ninjs(item):
    """Raise, naming every error, unless ``item`` is a valid ninjs 2.1 item."""
    errors = sorted(NINJS.iter_errors(item), key=lambda error: list(error.path))
    if errors:
        raise AssertionError("\n".join(f"{list(error.path)}: {error.message}" for error in errors))


def assert_page(page):
    """A page of the API: its items each valid ninjs, and where the next page is."""
    assert set(page) == {"items", "next"}, page.keys()
    for item in page["items"]:
        assert_ninjs(item)
