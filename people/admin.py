import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, Count, F, Q, Value, When
from django.db.models.functions import Replace
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from .models import Affiliation, Organization, Person, PersonAlias, PersonFormerSlug
from .services import merge_people, record_former_slug

# After Django's urlify.js, which it wraps.
SLUG_SCRIPTS = ["admin/js/urlify.js", "people/js/urlify.js"]

# The person form's fields that can identify someone. Error reports show
# them as stars (newsroom/reporting.py also hides inline rows ending in them,
# such as "aliases-0-name").
IDENTITY_FIELDS = [
    "honorific",
    "name",
    "name_km",
    "short_name",
    "slug",
    "bio",
    "contact_details",
    "notes",
]


def sees_protected_identities(user):
    """
    Who may know who a protected source is: those who manage people's
    records (editors and superusers). Journalists see the public label only.
    """
    return user.is_active and user.has_perm("people.change_person")


def shows_identity(request, person):
    return not person.is_protected_source or sees_protected_identities(request.user)


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

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if sees_protected_identities(request.user):
            return queryset
        # A protected source's role would say who they are.
        return queryset.filter(person__is_protected_source=False)


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "is_protected_source",
        "public_label",
        "name_km",
        "short_name",
        "current_roles",
        "home_province",
        "user",
    ]
    list_filter = [
        "is_protected_source",
        "home_province",
        "gender",
        ("user", admin.EmptyFieldListFilter),
    ]
    search_fields = ["name", "name_km", "short_name", "aliases__name", "slug", "public_label"]
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
        (
            _("Protected source"),
            {"fields": ["is_protected_source", "public_label", "contact_details", "notes"]},
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
        if len({person.is_protected_source for person in people}) > 1:
            # Merging moves names into aliases: a protected identity would
            # become part of a public record.
            self.message_user(
                request,
                _("A protected source cannot be merged with a public record."),
                messages.ERROR,
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
                % {"count": len(people) - 1, "name": keep},
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

    @method_decorator(sensitive_post_parameters(*IDENTITY_FIELDS))
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_list_display(self, request):
        if sees_protected_identities(request.user):
            return self.list_display
        return ["__str__", "listed_name_km", "listed_roles", "user"]

    def get_list_filter(self, request):
        if sees_protected_identities(request.user):
            return self.list_filter
        # Province or gender would narrow a protected source down.
        return [("user", admin.EmptyFieldListFilter)]

    def get_ordering(self, request):
        if sees_protected_identities(request.user):
            return super().get_ordering(request)
        # By the name shown: sorting by the real name would place a protected
        # source among the names that start like theirs.
        return [
            Case(When(is_protected_source=True, then=F("public_label")), default=F("name")),
            "pk",
        ]

    def get_search_results(self, request, queryset, search_term):
        if sees_protected_identities(request.user) or not search_term:
            return super().get_search_results(request, queryset, search_term)
        # A protected source is found by their public label only: a search for
        # their real name must not confirm that the record exists.
        public, may_have_duplicates = super().get_search_results(
            request, queryset.filter(is_protected_source=False), search_term
        )
        protected = queryset.filter(is_protected_source=True)
        for word in search_term.split():
            protected = protected.filter(public_label__icontains=word)
        found = Q(pk__in=public.values("pk")) | Q(pk__in=protected.values("pk"))
        return queryset.filter(found), False

    def get_fieldsets(self, request, obj=None):
        if obj is not None and not shows_identity(request, obj):
            return [(_("Protected source"), {"fields": ["public_label", "is_protected_source"]})]
        return super().get_fieldsets(request, obj)

    def get_inlines(self, request, obj):
        if obj is not None and not shows_identity(request, obj):
            return []
        return super().get_inlines(request, obj)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and not sees_protected_identities(request.user):
            # Only those who may see a protected identity decide who has one.
            fields += ["is_protected_source", "public_label"]
        if not request.user.has_perm("auth.change_user"):
            # Linking a login decides whose stories an account may edit
            # (bylines through Person.user): account managers only.
            fields.append("user")
        return fields

    @admin.display(description=_("Khmer name"))
    def listed_name_km(self, person):
        return "" if person.is_protected_source else person.name_km

    @admin.display(description=_("roles"))
    def listed_roles(self, person):
        return "" if person.is_protected_source else self.current_roles(person)

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

    @sensitive_variables("obj", "form")
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "slug" in form.changed_data:
            # The old profile address keeps working: it redirects here.
            record_former_slug(person=obj, slug=form.initial.get("slug", ""))
        if obj.is_protected_source and "is_protected_source" in form.changed_data:
            forget_names_in_history(obj)

    def construct_change_message(self, request, form, formsets, add=False):
        change_message = super().construct_change_message(request, form, formsets, add)
        if form.instance.is_protected_source:
            # History lists each alias or role added "“Sokha Ny”": say what
            # changed, never the names.
            for entry in change_message:
                for details in entry.values():
                    details.pop("object", None)
        return change_message


@sensitive_variables("names")
def forget_names_in_history(person):
    """
    Once a person becomes a protected source, the workspace history written
    before (admin LogEntry rows, shown in "History" and "Recent actions")
    carries their public label instead of their names.
    """
    names = {person.name, person.name_km, *person.aliases.values_list("name", flat=True)}
    names = sorted((name for name in names if len(name.strip()) > 2), key=len, reverse=True)
    for name in names:
        LogEntry.objects.filter(object_repr__contains=name).update(
            object_repr=Replace("object_repr", Value(name), Value(person.public_label))
        )
        # The change message is JSON: Khmer letters are stored as \u escapes there.
        for written, label in {
            (name, person.public_label),
            (json.dumps(name)[1:-1], json.dumps(person.public_label)[1:-1]),
        }:
            LogEntry.objects.filter(change_message__contains=written).update(
                change_message=Replace("change_message", Value(written), Value(label))
            )


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

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if sees_protected_identities(request.user):
            return queryset
        # A protected source's role would say who they are.
        return queryset.filter(person__is_protected_source=False)
