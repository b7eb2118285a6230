from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .models import Affiliation, Organization, Person, PersonAlias, PersonFormerSlug
from .services import merge_people, record_former_slug

# After Django's urlify.js, which it wraps.
SLUG_SCRIPTS = ["admin/js/urlify.js", "people/js/urlify.js"]


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 1
    verbose_name_plural = _("Other names (aliases)")


class PersonFormerSlugInline(admin.TabularInline):
    model = PersonFormerSlug
    extra = 0
    fields = ["slug", "created_at"]
    readonly_fields = ["slug", "created_at"]
    verbose_name_plural = _("Former profile addresses (they lead here)")

    def has_add_permission(self, request, obj):
        # Recorded when a slug changes or two records merge, never typed.
        return False


class MergeForm(forms.Form):
    keep = forms.ModelChoiceField(queryset=Person.objects.none(), empty_label=None)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = Person.objects.filter(
            pk__in=[person.pk for person in people]
        )


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
    list_filter = ["home_province", "gender", ("user", admin.EmptyFieldListFilter)]
    search_fields = ["name", "name_km", "short_name", "aliases__name", "slug"]
    list_select_related = ["user"]
    autocomplete_fields = ["portrait", "user"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["portrait_preview"]
    fieldsets = [
        (None, {"fields": ["honorific", "name", "name_km", "short_name", "slug"]}),
        (
            _("Profile"),
            {
                "fields": [
                    "portrait",
                    "portrait_preview",
                    "bio",
                    "gender",
                    "birth_year",
                    "home_province",
                ]
            },
        ),
        (_("Staff"), {"fields": ["user"], "classes": ["collapse"]}),
    ]
    inlines = [PersonAliasInline, AffiliationInline, PersonFormerSlugInline]
    actions = ["merge_selected"]

    class Media:
        js = SLUG_SCRIPTS

    @admin.action(
        description=_("Merge the selected records of one person"), permissions=["change", "delete"]
    )
    def merge_selected(self, request, queryset):
        people = list(queryset.order_by("pk"))
        if len(people) < 2:
            self.message_user(
                request, _("Select two or more records of the same person."), messages.WARNING
            )
            return None
        form = MergeForm(request.POST if "merge" in request.POST else None, people=people)
        if form.is_bound and form.is_valid():
            keep = form.cleaned_data["keep"]
            try:
                with transaction.atomic():
                    for other in people:
                        if other.pk != keep.pk:
                            keep = merge_people(keep=keep, remove=other)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return None
            self.log_change(request, keep, f"Merged {len(people) - 1} other records into this one.")
            self.message_user(
                request,
                _("%(count)s records merged into %(name)s.")
                % {"count": len(people) - 1, "name": keep.name},
                messages.SUCCESS,
            )
            return None
        rows = [
            {
                "person": person,
                "quotes": person.quotes.count(),
                "bylines": person.bylines.count(),
                "affiliations": person.affiliations.count(),
                "photographs": person.photographs.count(),
                "aliases": person.aliases.count(),
            }
            for person in people
        ]
        return TemplateResponse(
            request,
            "admin/people/person/merge.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": _("Merge records of one person"),
                "form": form,
                "rows": rows,
                "people": people,
            },
        )

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm("auth.change_user"):
            # Linking a login decides whose stories an account may edit
            # (bylines through Person.user): account managers only.
            fields.append("user")
        return fields

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

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "slug" in form.changed_data:
            # The old profile address keeps working: it redirects here.
            record_former_slug(person=obj, slug=form.initial.get("slug", ""))


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
