"""
The audit log in the workspace: a list for administrators, filtered by
action and by who, by date; read-only, with nothing to add, change or delete.
"""

from django.contrib import admin

from .log import may_read
from .models import Entry


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    list_display = ["when", "action", "actor_name", "target", "detail"]
    list_filter = ["action", ("actor", admin.RelatedOnlyFieldListFilter)]
    date_hierarchy = "when"
    list_select_related = ["actor"]
    fields = ["when", "action", "actor_name", "target", "target_type", "target_id", "detail"]
    readonly_fields = fields
    actions = None

    def has_module_permission(self, request):
        return may_read(request.user)

    def has_view_permission(self, request, obj=None):
        return may_read(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
