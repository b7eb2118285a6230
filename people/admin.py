"""The workspace's people, organizations and roles, and merging two records of one person."""

import functools

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, Count, F, Q, When
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from . import protection
from .identity import IDENTITY_FIELDS, sees_protected_identities, shows_identity
from .models import Affiliation, Organization, Person, PersonAlias, PersonFormerSlug
from .services import merge_people, record_former_slug
from .views import public_places

# What a protected source's history says of a name added or changed.
HIDDEN_IN_HISTORY = "…"

# After Django's urlify.js, which it wraps.
SLUG_SCRIPTS = ["admin/js/urlify.js", "people/js/urlify.js"]


def roles_known_to(user, affiliations):
    """
    The ``affiliations`` ``user`` may see: every one for those who see
    identities, public people's only for anyone else, as a protected source's
    role would say who they are.
    """
    if sees_protected_identities(user):
        return affiliations
    return affiliations.filter(person__in=Person.objects.public())


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
        return roles_known_to(request.user, super().get_queryset(request))


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
    readonly_fields = ["portrait_preview", "public_places_link"]
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
            {
                "fields": [
                    "is_protected_source",
                    "public_label",
                    "public_places_link",
                    "contact_details",
                    "notes",
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
        response = super().changeform_view(request, object_id, form_url, extra_context)
        person = getattr(response, "context_data", {}).get("original")
        if (
            request.method == "GET"
            and person is not None
            and person.is_protected_source
            and sees_protected_identities(request.user)
        ):
            protection.identity_viewed(person=person, request=request)
            response.context_data["who_looked"] = protection.who_looked(person)
        return response

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

    def get_fieldsets(self, request, obj=None):
        if obj is not None and not shows_identity(request.user, obj):
            return [(_("Protected source"), {"fields": ["public_label", "is_protected_source"]})]
        return super().get_fieldsets(request, obj)

    def get_inlines(self, request, obj):
        if obj is not None and not shows_identity(request.user, obj):
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

    @admin.display(description=_("where their name still appears"))
    def public_places_link(self, person):
        if person.pk is None or not person.is_protected_source:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:people_person_public_places", args=[person.pk]),
            _("Check every public page that still names them, and take them down"),
        )

    @sensitive_variables("obj", "form")
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "slug" in form.changed_data:
            # The old profile address keeps working: it redirects here.
            record_former_slug(person=obj, slug=form.initial.get("slug", ""))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        person = form.instance
        if "is_protected_source" not in form.changed_data:
            return
        if person.is_protected_source:
            # After the inlines: an alias added in the same save is a name too.
            protection.protect(person=person, editor=request.user)
            request.newly_protected = True
        else:
            protection.unprotect(person=person, editor=request.user)

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(request, "newly_protected", False):
            return self.show_public_places(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if getattr(request, "newly_protected", False):
            return self.show_public_places(request, obj)
        return super().response_change(request, obj)

    def show_public_places(self, request, person):
        """Right after protecting someone: where the public site still names them."""
        self.message_user(
            request,
            _(
                "%(label)s is now a protected source. Their profile, bylines, credits and "
                "quotes show the label, and their portrait was withdrawn from the site. "
                "Check below what still names them."
            )
            % {"label": person.public_label},
            messages.SUCCESS,
        )
        return redirect("admin:people_person_public_places", person.pk)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/public-places/",
                self.admin_site.admin_view(functools.partial(public_places, self)),
                name="people_person_public_places",
            ),
            *super().get_urls(),
        ]

    def construct_change_message(self, request, form, formsets, add=False):
        change_message = super().construct_change_message(request, form, formsets, add)
        if form.instance.is_protected_source:
            # History lists each alias or role added "“Sokha Ny”": say what
            # changed, never the names.
            for entry in change_message:
                for details in entry.values():
                    if "object" in details:
                        details["object"] = HIDDEN_IN_HISTORY
        return change_message


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
        counted = Q()
        if not sees_protected_identities(request.user):
            # A protected source's role would say who they are.
            counted = Q(affiliations__person__is_protected_source=False)
        return (
            super()
            .get_queryset(request)
            .annotate(people_count=Count("affiliations__person", filter=counted, distinct=True))
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
        return roles_known_to(request.user, super().get_queryset(request))
