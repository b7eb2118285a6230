"""
Live coverage in the workspace: editors start it, assign journalists, edit
key points and end it; each covered story has its live desk
(``workflow.views.live``). Live updates are listed for editors; they are
posted and changed only on the desk (``workflow.live``).
"""

import functools

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles.models import LiveCoverage, LiveUpdate
from workflow import errors, live, roles
from workflow.forms import LiveCoverageForm
from workflow.views import live as desk


@admin.action(description=_("End the live coverage of the selected stories"))
def end_selected(model_admin, request, queryset):
    ended = 0
    for coverage in queryset.select_related("article"):
        try:
            live.end_coverage(coverage=coverage, editor=request.user)
        except errors.NotAllowed:
            raise PermissionDenied from None
        except errors.WorkflowError as error:
            model_admin.message_user(request, error.message, messages.WARNING)
        else:
            ended += 1
    if ended:
        model_admin.message_user(
            request, _("Live coverage ended: %(count)s.") % {"count": ended}, messages.SUCCESS
        )


def staff_in_workspace(request):
    user = request.user
    return user.is_active and user.is_staff


@admin.register(LiveCoverage)
class LiveCoverageAdmin(admin.ModelAdmin):
    form = LiveCoverageForm
    list_display = ["article", "state", "started_at", "ended_at", "desk_link"]
    list_filter = ["started_at", "ended_at"]
    search_fields = ["article__headline"]
    date_hierarchy = "started_at"
    list_select_related = ["article"]
    autocomplete_fields = ["article"]
    actions = [end_selected]

    @admin.display(description=_("coverage"))
    def state(self, coverage):
        return live.coverage_state(coverage)

    @admin.display(description=_("live desk"))
    def desk_link(self, coverage):
        return format_html('<a href="{}">{}</a>', self.url("desk", coverage.pk), _("Open"))

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if roles.is_editor(request.user):
            return queryset
        return queryset.filter(reporters=request.user)

    def has_module_permission(self, request):
        return staff_in_workspace(request)

    def has_view_permission(self, request, obj=None):
        if not staff_in_workspace(request):
            return False
        return obj is None or live.may_use_desk(request.user, obj)

    def has_add_permission(self, request):
        return roles.is_editor(request.user)

    def has_change_permission(self, request, obj=None):
        return roles.is_editor(request.user)

    def has_delete_permission(self, request, obj=None):
        # Coverage ends; it is not deleted (its updates would lose their story's timeline).
        return False

    def get_readonly_fields(self, request, obj=None):
        return ["article"] if obj is not None else []

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.pop("reporters", None)
        return initial

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        try:
            if change:
                live.update_coverage(
                    coverage=obj,
                    editor=request.user,
                    started_at=data["started_at"],
                    ended_at=data.get("ended_at"),
                    reporters=data["reporters"],
                    key_points=data["key_points"],
                )
            else:
                saved = live.start_coverage(
                    article=data["article"],
                    editor=request.user,
                    started_at=data["started_at"],
                    reporters=data["reporters"],
                    key_points=data["key_points"],
                )
                obj.pk = saved.pk
        except errors.NotAllowed:
            raise PermissionDenied from None

    def save_related(self, request, form, formsets, change):
        # ``workflow.live`` saved who may post with the coverage.
        pass

    def response_add(self, request, obj, post_url_continue=None):
        return self.response_to_desk(request, obj) or super().response_add(request, obj)

    def response_to_desk(self, request, obj):
        if "_continue" in request.POST or "_addanother" in request.POST:
            return None
        self.message_user(
            request,
            _("“%(story)s” is covered live.") % {"story": obj.article},
            messages.SUCCESS,
        )
        return redirect(self.url("desk", obj.pk))

    def url(self, name, *args):
        return reverse(f"admin:articles_livecoverage_{name}", args=args)

    def get_urls(self):
        def page(view):
            return self.admin_site.admin_view(functools.partial(view, self))

        info = "articles_livecoverage"
        return [
            path("<path:object_id>/desk/", page(desk.desk), name=f"{info}_desk"),
            path(
                "<path:object_id>/desk/<int:update_id>/edit/",
                page(desk.edit_update),
                name=f"{info}_edit_update",
            ),
            path(
                "<path:object_id>/desk/<int:update_id>/take-down/",
                page(desk.take_down),
                name=f"{info}_take_down",
            ),
            path(
                "<path:object_id>/desk/<int:update_id>/correct/",
                page(desk.correct),
                name=f"{info}_correct",
            ),
            path(
                "<path:object_id>/desk/<int:update_id>/history/",
                page(desk.history),
                name=f"{info}_update_history",
            ),
            *super().get_urls(),
        ]


@admin.register(LiveUpdate)
class LiveUpdateAdmin(admin.ModelAdmin):
    """Every story's updates, for editors to find one; each is changed on its story's desk."""

    list_display = ["__str__", "article", "author", "posted_at", "taken_down_at", "desk_link"]
    list_filter = ["posted_at", "taken_down_at"]
    search_fields = ["title", "body", "article__headline"]
    date_hierarchy = "posted_at"
    list_select_related = ["article__live_coverage", "author"]
    readonly_fields = ["desk_link"]

    @admin.display(description=_("live desk"))
    def desk_link(self, update):
        coverage = getattr(update.article, "live_coverage", None)
        if coverage is None:
            return "—"
        url = reverse("admin:articles_livecoverage_desk", args=[coverage.pk])
        return format_html('<a href="{}#update-{}">{}</a>', url, update.pk, _("Open"))

    def has_module_permission(self, request):
        return roles.is_editor(request.user)

    def has_view_permission(self, request, obj=None):
        return roles.is_editor(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
