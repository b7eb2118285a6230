"""
The newsroom's workspace: Django's admin site, with two rules every list in
it obeys, whichever app registered the model (ours, auth, axes):

* A list answers only the filters it offers. Django's admin also accepts any
  lookup on a model's own fields in the address (``?name__regex=^N``), which
  answers questions about values the page never shows: one character at a
  time, a protected source's name. Any parameter no filter of the list (or
  its date hierarchy) consumed is refused with 400.
* Search never matches a person's identity for someone who may not see it
  (``people.identity``): for a journalist, a search field reaching into a
  person's name, aliases or notes matches public people only.
"""

import functools

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.exceptions import DisallowedModelAdminLookup
from django.utils.translation import gettext as _

from people.identity import reads_identity, search_public_identities, sees_protected_identities


@functools.cache
def declared_filters_only(changelist_class):
    """``changelist_class``, refusing any lookup its list filters did not consume."""

    class DeclaredFiltersChangeList(changelist_class):
        def get_filters(self, request):
            asked = set(self.get_filters_params())
            filters = super().get_filters(request)
            remaining = filters[2]
            allowed = set(getattr(self.model_admin, "extra_lookups", ()))
            undeclared = sorted(asked.intersection(remaining) - allowed)
            if undeclared:
                raise DisallowedModelAdminLookup(
                    _("This list cannot be filtered by %(names)s.")
                    % {"names": ", ".join(undeclared)}
                )
            return filters

    DeclaredFiltersChangeList.__name__ = f"DeclaredFilters{changelist_class.__name__}"
    return DeclaredFiltersChangeList


class WorkspaceRules:
    """
    Mixed into every registered ModelAdmin by ``WorkspaceSite.register``. An
    admin whose own links filter by something else names it in
    ``extra_lookups`` (``("id__in",)`` for the photos just uploaded).

    Mixed in first, so it must not define attributes the admins set
    themselves: theirs would be hidden.
    """

    def get_changelist(self, request, **kwargs):
        return declared_filters_only(super().get_changelist(request, **kwargs))

    def get_search_results(self, request, queryset, search_term):
        search_fields = self.get_search_fields(request)
        if (
            search_term
            and not sees_protected_identities(request.user)
            and reads_identity(queryset.model, search_fields)
        ):
            return search_public_identities(queryset, search_fields, search_term)
        return super().get_search_results(request, queryset, search_term)


class WorkspaceSite(admin.AdminSite):
    """
    Django's admin site with the rules above, and one extension point: an app
    above the one that owns a model adds a page to that model's workspace
    (importing adds *Import stories* to the story list) with ``add_page``,
    without the model's admin importing it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.added_pages = []

    def has_permission(self, request):
        """
        Active staff who gave their second factor, or need none and have none
        (``second_factor.policy``): the middleware sends the others to give
        it before any view runs; this keeps every admin view closed to them too.
        """
        from workflow.second_factor.policy import next_step

        return super().has_permission(request) and next_step(request) is None

    def add_page(self, model, route, view, *, name, label, permission):
        """
        Serve ``view(model_admin, request)`` at ``route`` under the admin of
        ``model``, as ``admin:<name>``; ``label`` is its link in the model's
        list for users for whom ``permission(request)`` holds.
        """
        self.added_pages.append(
            {
                "model": model,
                "route": route,
                "view": view,
                "name": name,
                "label": label,
                "permission": permission,
            }
        )

    def pages_for(self, model, wrap):
        """URL patterns of the pages added to ``model``'s admin; ``wrap(view)`` makes each view."""
        from django.urls import path

        return [
            path(page["route"], wrap(page["view"]), name=page["name"])
            for page in self.added_pages
            if page["model"] is model
        ]

    def tools_for(self, model, request):
        """Links to the pages added to ``model``'s list that ``request.user`` may open."""
        from django.urls import reverse

        return [
            {"label": page["label"], "url": reverse(f"admin:{page['name']}")}
            for page in self.added_pages
            if page["model"] is model and page["permission"](request)
        ]

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, WorkspaceRules):
            admin_class = type(
                admin_class.__name__,
                (WorkspaceRules, admin_class),
                {"__module__": admin_class.__module__, "__qualname__": admin_class.__qualname__},
            )
        super().register(model_or_iterable, admin_class, **options)


class WorkspaceAdminConfig(AdminConfig):
    """Django's admin app, with ``WorkspaceSite`` as ``admin.site`` (settings.INSTALLED_APPS)."""

    default_site = "workflow.site.WorkspaceSite"
