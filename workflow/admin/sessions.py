"""
Signed-in sessions in the workspace: each member of staff sees their own
(browser and system, when signed in, when last used, this browser marked)
and ends any one or all the others; on a user's page, an administrator ends
all of that user's sessions (``workflow.sessions``).
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Case, When
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from workflow import sessions
from workflow.models import StaffSession


def is_staff(user):
    return user.is_active and user.is_staff


@admin.register(StaffSession)
class StaffSessionAdmin(admin.ModelAdmin):
    list_display = ["device_shown", "signed_in", "last_used", "end_button"]
    list_display_links = None
    actions = None
    fields = ["browser", "system", "signed_in_at", "last_active"]
    readonly_fields = fields

    @admin.display(description=_("browser"))
    def device_shown(self, session):
        if session.is_current:
            return format_html("{} <strong>({})</strong>", session.device, _("this browser"))
        return session.device

    @admin.display(description=_("signed in"), ordering="signed_in_at")
    def signed_in(self, session):
        return sessions.roughly_ago(session.signed_in_at)

    @admin.display(description=_("last active"), ordering="last_active")
    def last_used(self, session):
        return sessions.roughly_ago(session.last_active)

    @admin.display(description=_("end"))
    def end_button(self, session):
        # The button submits a form of its own, outside the list's form (change_list.html).
        label = _("End (sign out here)") if session.is_current else _("End this session")
        return format_html(
            '<button type="submit" class="button" form="end-session-{}">{}</button>',
            session.pk,
            label,
        )

    def get_queryset(self, request):
        own = super().get_queryset(request).filter(user=request.user)
        current = sessions.key_hash(request.session.session_key or "")
        return sessions.live(own).annotate(
            is_current=Case(When(key_hash=current, then=True), default=False)
        )

    # Every member of staff sees their own sessions, whatever their role.
    def has_module_permission(self, request):
        return is_staff(request.user)

    def has_view_permission(self, request, obj=None):
        return is_staff(request.user) and (obj is None or obj.user_id == request.user.pk)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "<int:pk>/end/",
                self.admin_site.admin_view(self.end_view),
                name="workflow_staffsession_end",
            ),
            path(
                "end-others/",
                self.admin_site.admin_view(self.end_others_view),
                name="workflow_staffsession_end_others",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "title": _("Your signed-in sessions"),
            "idle_minutes": sessions.idle_minutes(),
        }
        return super().changelist_view(request, extra_context)

    def end_view(self, request, pk):
        if request.method != "POST" or not is_staff(request.user):
            return HttpResponseNotAllowed(["POST"])
        ended = sessions.end_one(request=request, pk=pk)
        if ended:
            self.message_user(request, _("The session was ended."), messages.SUCCESS)
        return redirect("admin:workflow_staffsession_changelist")

    def end_others_view(self, request):
        if request.method != "POST" or not is_staff(request.user):
            return HttpResponseNotAllowed(["POST"])
        ended = sessions.end_others(request=request)
        self.message_user(
            request,
            ngettext(
                "%(count)d other session was ended.", "%(count)d other sessions were ended.", ended
            )
            % {"count": ended},
            messages.SUCCESS,
        )
        return redirect("admin:workflow_staffsession_changelist")


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class AccountAdmin(UserAdmin):
    """Django's user admin, and ending all of a user's sessions from their page."""

    change_form_template = "admin/auth/user/account_change_form.html"

    def get_urls(self):
        return [
            path(
                "<path:object_id>/end-sessions/",
                self.admin_site.admin_view(self.end_sessions_view),
                name="auth_user_end_sessions",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        user = self.get_object(request, unquote(object_id))
        if user is not None and self.has_change_permission(request, user):
            extra_context = {
                **(extra_context or {}),
                "staff_sessions": sessions.sessions_of(user),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def end_sessions_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        user = self.get_object(request, unquote(object_id))
        if user is None or not self.has_change_permission(request, user):
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        ended = sessions.end_all(user=user, request=request)
        self.message_user(
            request,
            ngettext(
                "%(count)d session of %(user)s was ended.",
                "%(count)d sessions of %(user)s were ended.",
                ended,
            )
            % {"count": ended, "user": user.get_username()},
            messages.SUCCESS,
        )
        return redirect("admin:auth_user_change", user.pk)
