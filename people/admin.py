from django.contrib import admin
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from .models import Affiliation, Organization, Person, PersonAlias

# After Django's urlify.js, which it wraps.
SLUG_SCRIPTS = ["admin/js/urlify.js", "people/js/urlify.js"]


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 1
    verbose_name_plural = _("Other names (aliases)")


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    extra = 1
    autocomplete_fields = ["organization"]
    fields = ["organization", "title", "unit", "start_date", "end_date", "position"]


class OrganizationAffiliationInline(admin.TabularInline):
    model = Affiliation
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "title", "unit", "start_date", "end_date"]
    verbose_name_plural = _("People")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "name_km", "short_name", "current_roles", "home_province", "user"]
    list_filter = ["home_province", ("user", admin.EmptyFieldListFilter)]
    search_fields = ["name", "name_km", "short_name", "aliases__name", "slug"]
    list_select_related = ["user"]
    autocomplete_fields = ["portrait", "user"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["portrait_preview"]
    fieldsets = [
        (None, {"fields": ["name", "name_km", "short_name", "slug"]}),
        (
            _("Profile"),
            {"fields": ["portrait", "portrait_preview", "bio", "birth_year", "home_province"]},
        ),
        (_("Staff"), {"fields": ["user"], "classes": ["collapse"]}),
    ]
    inlines = [PersonAliasInline, AffiliationInline]

    class Media:
        js = SLUG_SCRIPTS

    @admin.display(description=_("roles"))
    def current_roles(self, person):
        return "; ".join(
            f"{affiliation.title}, "
            f"{affiliation.organization.acronym or affiliation.organization.name}"
            for affiliation in person.affiliations.all()
            if affiliation.is_current
        )

    @admin.display(description=_("portrait"))
    def portrait_preview(self, person):
        if not person.portrait_id:
            return "—"
        return render_to_string(
            "media/photograph_thumbnail.html", {"photograph": person.portrait, "width": 160}
        )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("affiliations__organization")


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "name_km", "kind", "people_count"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym", "name_km", "slug"]
    # The people count's GROUP BY drops Meta.ordering; autocomplete pages need an order.
    ordering = ["name", "pk"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "name_km", "acronym", "kind", "slug", "description", "website"]
    inlines = [OrganizationAffiliationInline]

    class Media:
        js = SLUG_SCRIPTS

    @admin.display(description=_("people"), ordering="people_count")
    def people_count(self, organization):
        return organization.people_count

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(people_count=Count("affiliations__person", distinct=True))
        )


@admin.register(Affiliation)
class AffiliationAdmin(admin.ModelAdmin):
    list_display = ["person", "title", "unit", "organization", "start_date", "end_date"]
    list_filter = ["organization__kind", ("end_date", admin.EmptyFieldListFilter)]
    search_fields = ["person__name", "person__short_name", "organization__name", "title"]
    list_select_related = ["person", "organization"]
    autocomplete_fields = ["person", "organization"]
    date_hierarchy = "start_date"
