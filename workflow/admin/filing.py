"""
Sections and topics.
"""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from articles.models import (
    Section,
    Topic,
)
from people.admin import SLUG_SCRIPTS
from workflow import (
    roles,
)


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "name_km", "slug", "position", "story_count"]
    list_editable = ["position"]
    search_fields = ["name", "name_km", "slug"]
    ordering = ["position", "name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["editors"]

    class Media:
        js = SLUG_SCRIPTS

    @admin.display(description=_("stories"), ordering="story_count")
    def story_count(self, section):
        return section.story_count

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(story_count=Count("articles"))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "editors":
            kwargs["queryset"] = (
                db_field.related_model.objects.filter(
                    is_active=True, groups__name=roles.EDITORS_GROUP
                )
                .distinct()
                .order_by("username")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "name_km", "slug", "story_count"]
    search_fields = ["name", "name_km", "slug"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    class Media:
        js = SLUG_SCRIPTS

    @admin.display(description=_("stories"), ordering="story_count")
    def story_count(self, topic):
        return topic.story_count

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(story_count=Count("articles"))
