"""What the workspace holds, for tests that walk all of it: every registered admin."""

from urllib.parse import parse_qsl, urlsplit

from django.contrib import admin
from django.urls import reverse


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def registered_admins():
    """Every registered model and its ModelAdmin, in a stable order."""
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def autocomplete_fields():
    """Every (model, field name) that a registered admin or inline autocompletes."""
    found = set()
    for model, model_admin in admin.site._registry.items():
        found.update((model, name) for name in model_admin.autocomplete_fields)
        for inline_class in model_admin.inlines:
            found.update((inline_class.model, name) for name in inline_class.autocomplete_fields)
    return sorted(found, key=lambda item: (item[0]._meta.label, item[1]))


def question(url, params=None):
    """
    What a request for ``url`` with ``params`` asks, whatever the order of its
    parameters: filter choices often lead back, in another order, to a list
    already asked for (the plain list, "All").
    """
    parts = urlsplit(url)
    asked = parse_qsl(parts.query, keep_blank_values=True)
    return parts.path, frozenset(asked) | frozenset((params or {}).items())


def filter_links(url, changelist):
    """Each filter choice's link on the list at ``url``, once, and none back to the list itself."""
    asked = {question(url)}
    for spec in changelist.filter_specs:
        for choice in spec.choices(changelist):
            link = url + choice["query_string"]
            if question(link) not in asked:
                asked.add(question(link))
                yield link
