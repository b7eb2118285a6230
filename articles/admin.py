import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes import views as contenttype_views
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models
from django.db.models import Case, Count, Exists, F, Max, Min, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from importing.models import PhotoNeeded
from media.admin import photo_thumbnail
from people.admin import SLUG_SCRIPTS
from people.identity import Redactor, sees_protected_identities
from quotes.models import Quote
from workflow.models import Revision, ShareLink

from . import admin_views, services
from .models import (
    Article,
    ArticlePhoto,
    ArticleQuerySet,
    Byline,
    CommentRequest,
    Correction,
    Section,
    Topic,
)

WORKFLOW_CSS = {"all": ["articles/css/workflow.css"]}
SHARE_LINK_DAYS = [1, 3, 7, 14, 30]


def number_new_rows(instances, taken):
    """Give rows saved without a number the next free numbers, in form order."""
    used = set(taken) | {row.position for row in instances if row.position is not None}
    next_number = 1
    for row in instances:
        if row.position is None:
            while next_number in used:
                next_number += 1
            row.position = next_number
            used.add(next_number)


class StoryPartInline:
    """
    An inline part of a story (bylines, photos, quotes, right of reply) may be
    changed exactly when the story may: the story's workflow rules apply to it.
    """

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and self.story_editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.story_editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.story_editable(request, obj)

    def story_editable(self, request, obj):
        return obj is None or services.can_edit(request.user, obj)


class BylineInline(StoryPartInline, admin.TabularInline):
    model = Byline
    extra = 1
    autocomplete_fields = ["person"]
    fields = ["person", "role", "position"]


class ArticlePhotoInline(StoryPartInline, admin.TabularInline):
    model = ArticlePhoto
    extra = 1
    autocomplete_fields = ["photograph"]
    fields = ["position", "photograph", "thumbnail"]
    readonly_fields = ["thumbnail"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("photograph__photographer")

    @admin.display(description=_("preview"))
    def thumbnail(self, placement):
        return photo_thumbnail(placement.photograph if placement.photograph_id else None)


class IdentityHiddenWidget(forms.Widget):
    """Stands in for a value only editors may see; it never renders the value."""

    def render(self, name, value, attrs=None, renderer=None):
        return format_html(
            '<span class="identity-hidden">{}</span>',
            _("Hidden: only editors see a protected source's details."),
        )


class QuoteForm(forms.ModelForm):
    """
    A quote. For someone who may not know who a protected source is, that
    source's quote keeps its speaker, role and notes out of sight and
    unchanged: they are the source's identity (the role they were quoted in,
    where the words were recorded). ``sees_identities`` is set per request.
    """

    sees_identities = True
    HIDDEN_FOR_PROTECTED = ["speaker_role", "attribution_note", "provenance_note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        speaker = self.instance.speaker if self.instance.speaker_id else None
        if speaker is None or not speaker.is_protected_source or self.sees_identities:
            return
        if "speaker" in self.fields:
            self.fields["speaker"].disabled = True
        for name in self.HIDDEN_FOR_PROTECTED:
            if name in self.fields:
                # A disabled field saves the value the form was opened with.
                self.fields[name].disabled = True
                self.fields[name].widget = IdentityHiddenWidget()
            # A page shown read-only prints the instance's values.
            setattr(self.instance, name, "")


def quote_form_for(request):
    """``QuoteForm`` for ``request``'s user."""
    return type(
        "QuoteForm", (QuoteForm,), {"sees_identities": sees_protected_identities(request.user)}
    )


class QuoteInline(StoryPartInline, admin.StackedInline):
    model = Quote
    form = QuoteForm
    extra = 1
    autocomplete_fields = ["speaker"]
    fields = [
        ("position", "paragraph", "date_said"),
        "text",
        ("speaker", "anonymous_description"),
        "speaker_role",
        ("is_pull_quote", "is_confirmed"),
        ("confidence", "attribution_note"),
        "provenance_note",
    ]
    readonly_fields = ["confidence"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker")

    def get_formset(self, request, obj=None, **kwargs):
        return super().get_formset(request, obj, form=quote_form_for(request), **kwargs)


class CommentRequestInline(StoryPartInline, admin.StackedInline):
    model = CommentRequest
    extra = 0
    autocomplete_fields = ["person", "organization"]
    fields = [
        ("person", "organization"),
        ("requested_at", "method"),
        ("outcome", "answered_at"),
        "answer",
    ]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "organization")


class CorrectionFormSet(BaseInlineFormSet):
    """Corrections are added to published stories; a quote is chosen from the story's own."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "quote" in form.fields:
            form.fields["quote"].queryset = (
                Quote.objects.filter(article=self.instance)
                if self.instance.pk
                else Quote.objects.none()
            )

    def clean(self):
        super().clean()
        for form in self.forms:
            if not form.has_changed() or not hasattr(form, "cleaned_data"):
                continue
            if form.cleaned_data.get("DELETE"):
                continue
            if form.instance.pk is None and self.instance.status != Article.Status.PUBLISHED:
                raise ValidationError(_("Corrections are added to published stories."))
            if form.instance.pk is not None and {"quote", "corrected_speaker"} & set(
                form.changed_data
            ):
                raise ValidationError(
                    _("A correction's quote cannot be changed afterwards; issue a new one.")
                )
            if bool(form.cleaned_data.get("quote")) != bool(
                form.cleaned_data.get("corrected_speaker")
            ):
                raise ValidationError(
                    _("To move a quote to the right person, give the quote and who said it.")
                )


class CorrectionInline(admin.StackedInline):
    model = Correction
    formset = CorrectionFormSet
    extra = 0
    autocomplete_fields = ["corrected_speaker"]
    fields = [
        ("kind", "published_at"),
        "text",
        ("quote", "corrected_speaker"),
        "previous_attribution",
        "created_by",
    ]
    readonly_fields = ["previous_attribution", "created_by"]

    def has_add_permission(self, request, obj):
        # Corrections are issued on published stories only.
        published = obj is not None and obj.status == Article.Status.PUBLISHED
        return published and super().has_add_permission(request, obj)


class ArticleForm(forms.ModelForm):
    """
    The story form carries the version it was opened at; a save over a newer
    version is refused with who saved it, when and what they changed, and the
    text typed stays on the form.
    """

    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    # Set per request (``ArticleAdmin.get_form``): whether the conflict shown
    # may name protected sources.
    sees_identities = True

    class Meta:
        model = Article
        # The admin's fieldsets say which fields a user gets.
        fields = [
            "headline", "slug", "standfirst", "dateline", "body", "lead_photo", "section",
            "topics", "language", "translation_of", "people", "organizations", "is_featured",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None
        if self.instance.pk is not None:
            self.fields["base_version"].initial = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            return cleaned_data
        base_version = cleaned_data.get("base_version")
        if base_version is None:
            raise ValidationError(
                _(
                    "This form does not say which version of the story it was opened at: "
                    "open the story again and make your changes there."
                ),
                code="no_version",
            )
        # Locks the story's row until the save ends, so two saves cannot both pass.
        self.conflict = services.edit_conflict(
            article=self.instance,
            base_version=base_version,
            redactor=None if self.sees_identities else Redactor(),
        )
        if self.conflict:
            raise ValidationError(services.describe_conflict(self.conflict), code="stale")
        services.ensure_baseline(article=self.instance)
        return cleaned_data


class MoveForm(forms.Form):
    """What a workflow button posts besides the move itself."""

    note = forms.CharField(required=False, max_length=5000)
    publish_at = forms.DateTimeField(
        required=False,
        input_formats=[
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%d %H:%M",
            "%Y-%m-%d %H:%M:%S",
        ],
    )
    expected_version = forms.IntegerField(required=False, min_value=1)


class ShareLinkForm(forms.Form):
    recipient = forms.CharField(
        label=_("Who is it for?"),
        max_length=200,
        help_text=_("“Our lawyer”, “the Khmer translator”."),
    )
    days = forms.TypedChoiceField(
        label=_("Works for"),
        coerce=int,
        choices=[
            (days, _("1 day") if days == 1 else _("%(days)s days") % {"days": days})
            for days in SHARE_LINK_DAYS
        ],
        initial=3,
    )


class WorkspaceArticles(ArticleQuerySet):
    """
    The stories the workspace lists, with the date hierarchy's questions
    answered through the index on the publish time instead of by reading
    every story of the archive (0.3 s a page at 100,000 stories):

    * the first and last publish times are two index lookups: SQLite reads
      the whole table when ``MIN`` and ``MAX`` share one query;
    * a year is listed when one story falls between its bounds, which is an
      index lookup too, rather than counting the stories of every year or
      truncating each story's date in the time zone (on SQLite a Python call
      per story).
    """

    def aggregate(self, *args, **kwargs):
        bounds = {
            name: aggregate
            for name, aggregate in kwargs.items()
            if isinstance(aggregate, Min | Max)
            and aggregate.filter is None
            and isinstance(aggregate.source_expressions[0], F)
        }
        if args or not bounds or len(bounds) != len(kwargs):
            return super().aggregate(*args, **kwargs)
        found = {}
        for name, aggregate in bounds.items():
            field = aggregate.source_expressions[0].name
            order = field if isinstance(aggregate, Min) else f"-{field}"
            found[name] = (
                self.filter(**{f"{field}__isnull": False})
                .order_by(order)
                .values_list(field, flat=True)
                .first()
            )
        return found

    def datetimes(self, field_name, kind, order="ASC", tzinfo=None):
        if kind != "year":
            return super().datetimes(field_name, kind, order, tzinfo)
        bounds = self.aggregate(first=Min(field_name), last=Max(field_name))
        if bounds["first"] is None:
            return []
        zone = tzinfo or timezone.get_current_timezone()
        first, last = (timezone.localtime(bounds[end], zone).year for end in ("first", "last"))
        years = range(first, last + 1)
        starts = {
            year: datetime.datetime(year, 1, 1, tzinfo=zone) for year in range(first, last + 2)
        }
        stories = self.order_by()
        found = (
            stories.annotate(
                **{
                    f"year_{year}": Exists(
                        stories.filter(
                            **{
                                f"{field_name}__gte": starts[year],
                                f"{field_name}__lt": starts[year + 1],
                            }
                        )
                    )
                    for year in years
                }
            )
            .values(*(f"year_{year}" for year in years))
            .first()
        )
        shown = [starts[year] for year in years if found[f"year_{year}"]]
        return shown if order == "ASC" else shown[::-1]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    list_display = [
        "headline", "section", "workflow_state", "language", "other_language_version",
        "byline_names", "quote_count", "published_at", "updated_at",
    ]  # fmt: skip
    list_filter = ["status", "language", "section", "is_featured", "topics"]
    search_fields = ["headline", "standfirst", "body", "slug", "bylines__person__name"]
    date_hierarchy = "published_at"
    # Newest first, with the primary key last so pages (autocomplete too) never overlap.
    ordering = ["-published_at", "-created_at", "-pk"]
    list_select_related = ["section", "translation_of", "translation"]
    autocomplete_fields = [
        "section", "topics", "lead_photo", "translation_of", "people", "organizations",
    ]  # fmt: skip
    prepopulated_fields = {"slug": ["headline"]}
    readonly_fields = [
        "lead_photo_preview", "workflow_state", "version", "created_at", "updated_at",
        "translation_source",
    ]  # fmt: skip
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "dateline", "body"]}),
        (_("Lead photo"), {"fields": ["lead_photo", "lead_photo_preview"]}),
        (_("Filing"), {"fields": ["section", "topics", "language", "translation_of"]}),
        (_("People and organizations named"), {"fields": ["people", "organizations"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "workflow_state",
                    "is_featured",
                    "version",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]
    inlines = [
        BylineInline, ArticlePhotoInline, QuoteInline, CommentRequestInline, CorrectionInline,
    ]  # fmt: skip
    actions = ["submit_selected", admin_views.find_quotes]

    class Media:
        js = [*SLUG_SCRIPTS, "articles/js/workflow.js"]
        # A translation's text beside its source (static/css/workspace-translation.css).
        css = {"all": [*WORKFLOW_CSS["all"], "css/workspace-translation.css"]}

    @admin.display(description=_("bylines"))
    def byline_names(self, article):
        return ", ".join(byline.person.public_name for byline in article.bylines.all())

    @admin.display(description=_("in the other language"))
    def other_language_version(self, article):
        """The headline of the story's translation, or of the story it translates."""
        other = article.translation_of if article.translation_of_id else None
        other = other or getattr(article, "translation", None)
        return other.headline if other else "—"

    @admin.display(description=_("the story it translates"))
    def translation_source(self, article):
        return admin_views.translation_source(article)

    @admin.display(description=_("quotes"), ordering="quote_count")
    def quote_count(self, article):
        return article.quote_count

    @admin.display(description=_("preview"))
    def lead_photo_preview(self, article):
        return photo_thumbnail(article.lead_photo, width=240)

    @admin.display(description=_("status"), ordering="status")
    def workflow_state(self, article):
        if article.pk is None:
            return Article.Status.DRAFT.label
        if article.published_at and article.status == Article.Status.PUBLISHED:
            when = timezone.localtime(article.published_at)
            verb = _("since") if article.is_live() else _("for")
            return f"{article.workflow_label()} {verb} {when:%Y-%m-%d %H:%M}"
        return article.workflow_label()

    @admin.action(description=_("Submit selected stories for review"), permissions=["change"])
    def submit_selected(self, request, queryset):
        submitted, refused = 0, []
        for article in queryset:
            try:
                services.submit_for_review(article=article, user=request.user)
            except services.WorkflowError as error:
                refused.append(f"“{article}”: {error.message}")
            else:
                submitted += 1
                self.log_change(request, article, "Submitted for review.")
        if submitted:
            self.message_user(
                request,
                _("%(count)s stories submitted for review.") % {"count": submitted},
                messages.SUCCESS,
            )
        for line in refused:
            self.message_user(request, line, messages.ERROR)

    # Scope and permissions: the rules are in articles.services.

    def get_queryset(self, request):
        # A correlated subquery, not a JOIN and GROUP BY over every quote: the
        # paginator's count and the date hierarchy leave it out, and it is
        # computed for the rows of the page only.
        quotes = (
            Quote.objects.filter(article=OuterRef("pk"))
            .order_by()
            .values("article")
            .annotate(total=Count("pk"))
            .values("total")
        )
        queryset = (
            WorkspaceArticles(Article, query=super().get_queryset(request).query)
            .annotate(quote_count=Coalesce(Subquery(quotes), 0))
            .prefetch_related("bylines__person")
        )
        return services.visible_articles(request.user, queryset)

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or services.can_view(request.user, obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or services.can_edit(request.user, obj))

    def has_add_permission(self, request):
        return super().has_add_permission(request) and services.can_create(request.user)

    def has_publish_permission(self, request):
        return services.is_editor(request.user)

    def get_fieldsets(self, request, obj=None):
        """A translation shows its source's words beside the form, to those who may read them."""
        fieldsets = list(super().get_fieldsets(request, obj))
        source = obj.translation_of if obj is not None and obj.translation_of_id else None
        if source is None or not services.can_view(request.user, source):
            return fieldsets
        panel = (
            _("The story it translates"),
            {"fields": ["translation_source"], "classes": ["translation-source-panel"]},
        )
        return [fieldsets[0], panel, *fieldsets[1:]]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not services.is_editor(request.user):
            # Featuring is an editor's decision, never a field a journalist can post.
            fields.append("is_featured")
        return fields

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.sees_identities = sees_protected_identities(request.user)
        return form

    def view_on_site(self, obj):
        # Only a story readers can see has a public address to visit.
        return obj.get_absolute_url() if obj.is_live() else None

    # Saving: every save keeps a revision and keeps the approval honest.

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except IntegrityError:
            if request.method != "POST":
                raise
            # Another save took this slug between the form's check and this
            # save. The transaction was rolled back; a second pass shows the
            # clash on the form, with everything typed still in it.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        if formset.model in (Quote, ArticlePhoto):
            taken = formset.model.objects.filter(article=form.instance).exclude(
                pk__in=[row.pk for row in instances if row.pk]
            )
            number_new_rows(instances, taken.values_list("position", flat=True))
        for row in formset.deleted_objects:
            row.delete()
        for row in instances:
            if isinstance(row, Correction) and row.pk is None:
                services.add_correction(
                    article=form.instance,
                    editor=request.user,
                    kind=row.kind,
                    text=row.text,
                    published_at=row.published_at,
                    quote=row.quote,
                    corrected_speaker=row.corrected_speaker,
                )
            else:
                row.save()
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        if not change and not services.is_editor(request.user):
            # A journalist's new story carries their byline.
            person = services.staff_person(request.user)
            if person and not article.bylines.filter(person=person).exists():
                Byline.objects.create(article=article, person=person, position=0)
        services.record_edit(article=article, user=request.user)

    def response_add(self, request, obj, post_url_continue=None):
        if "_submit" in request.POST:
            return self.submit_after_save(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if "_submit" in request.POST:
            return self.submit_after_save(request, obj)
        return super().response_change(request, obj)

    def submit_after_save(self, request, article):
        try:
            services.submit_for_review(article=article, user=request.user)
        except services.NotAllowed:
            raise PermissionDenied from None
        except services.WorkflowError as error:
            self.message_user(request, error.message, messages.ERROR)
        else:
            self.log_change(request, article, "Submitted for review.")
            self.message_user(
                request,
                _("“%(story)s” was saved and submitted for review.") % {"story": article},
                messages.SUCCESS,
            )
        return redirect(self.url("change", article.pk))

    # The change form shows the workflow: state, checklist, moves, timeline.

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            article = self.get_object(request, unquote(object_id))
            if article is not None:
                services.mark_presence(article=article, user=request.user)
        return super().change_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None:
            context.update(self.workflow_context(request, obj, context))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def workflow_context(self, request, article, context):
        user = request.user
        now = timezone.now()
        moves = services.available_moves(user, article, now=now)
        state = services.state_of(article, now=now)
        show_checklist = state in {"draft", "in_review", "approved", "unpublished"}
        others = services.others_present(article=article, user=user, now=now)
        form = context["adminform"].form
        default_time = timezone.localtime(now + datetime.timedelta(hours=1)).replace(
            minute=0, second=0, microsecond=0
        )
        return {
            "workflow": {
                "state": state,
                "label": article.workflow_label(now=now),
                "moves": moves,
                "checklist": services.approval_checklist(article) if show_checklist else [],
                "show_checklist": show_checklist,
                "timeline": [
                    (step, services.display_name(step.user))
                    for step in article.transitions.select_related("user__person")
                ],
                "others": services.presence_names(others),
                "conflict": getattr(form, "conflict", None),
                "version": article.version,
                "default_publish_at": default_time.strftime("%Y-%m-%dT%H:%M"),
                "approved_revision": article.approved_revision_id
                and Revision.objects.filter(pk=article.approved_revision_id)
                .values_list("number", flat=True)
                .first(),
                "latest_revision": services.latest_revision(article),
                "is_editor": services.is_editor(user),
                "can_submit_on_save": "submit" in moves
                and self.has_change_permission(request, article),
                "presence_url": self.url("presence", article.pk),
            }
        }

    # Workflow pages.

    def url(self, name, *args):
        return reverse(f"admin:articles_article_{name}", args=args)

    def get_urls(self):
        def wrap(view):
            return self.admin_site.admin_view(view)

        info = "articles_article"
        return [
            path("review/", wrap(self.review_queue_view), name=f"{info}_review"),
            path(
                "translations/",
                wrap(lambda request: admin_views.translation_board_view(request, self)),
                name=f"{info}_translations",
            ),
            path(
                "import/",
                wrap(lambda request: admin_views.import_stories_view(request, self)),
                name=f"{info}_import",
            ),
            path("<path:object_id>/move/<slug:move>/", wrap(self.move_view), name=f"{info}_move"),
            path("<path:object_id>/preview/", wrap(self.preview_view), name=f"{info}_preview"),
            path(
                "<path:object_id>/revisions/",
                wrap(self.revisions_view),
                name=f"{info}_revisions",
            ),
            path(
                "<path:object_id>/revisions/compare/",
                wrap(self.compare_view),
                name=f"{info}_compare",
            ),
            path(
                "<path:object_id>/revisions/<int:number>/restore/",
                wrap(self.restore_view),
                name=f"{info}_restore",
            ),
            path("<path:object_id>/share/", wrap(self.share_view), name=f"{info}_share"),
            path(
                "<path:object_id>/share/<int:link_id>/revoke/",
                wrap(self.revoke_share_view),
                name=f"{info}_revoke_share",
            ),
            path("<path:object_id>/presence/", wrap(self.presence_view), name=f"{info}_presence"),
            *super().get_urls(),
        ]

    def story_or_none(self, request, object_id):
        """The story if ``request.user`` may see it, else None (as for a missing id)."""
        article = self.get_object(request, unquote(object_id))
        if article is None or not self.has_view_permission(request, article):
            return None
        return article

    def missing(self, request, object_id):
        return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)

    def page(self, request, template, title, article=None, **context):
        return TemplateResponse(
            request,
            f"admin/articles/article/{template}",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": title,
                "original": article,
                "media": forms.Media(css=WORKFLOW_CSS),
                **context,
            },
        )

    @staticmethod
    def review_queue_rows(stories, *, now):
        return [
            {
                "article": article,
                "authors": ", ".join(byline.person.public_name for byline in article.bylines.all()),
                "words": article.word_count(),
                "waiting": services.waiting_label(article.submitted_at, now=now),
                "approved_number": article.approved_number,
                "latest_number": article.latest_number,
            }
            for article in stories
        ]

    def review_queue_view(self, request):
        """Stories in review, the longest-waiting first."""
        if not services.is_editor(request.user):
            raise PermissionDenied
        latest = Revision.objects.filter(article=OuterRef("pk")).order_by("-number")
        stories = (
            Article.objects.in_review()
            .select_related("section")
            .defer("body_html")
            .annotate(
                approved_number=F("approved_revision__number"),
                latest_number=Subquery(latest.values("number")[:1]),
            )
            .prefetch_related("bylines__person")
        )
        rows = self.review_queue_rows(stories, now=timezone.now())
        return self.page(request, "review_queue.html", _("Review queue"), rows=rows)

    def move_view(self, request, object_id, move):
        """One workflow move (submit, return, approve, publish, schedule, unpublish), by POST."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if move not in services.MOVES:
            raise Http404
        article = self.story_or_none(request, object_id)
        if article is None:
            return self.missing(request, object_id)
        if not services.may_move(request.user, article, move):
            raise PermissionDenied
        change_url = self.url("change", article.pk)
        form = MoveForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    self.message_user(request, error, messages.ERROR)
            return redirect(change_url)
        data = form.cleaned_data
        user = request.user
        try:
            if move == "submit":
                services.submit_for_review(article=article, user=user)
            elif move == "return":
                services.return_to_draft(article=article, editor=user, note=data["note"])
            elif move == "approve":
                services.approve(
                    article=article, editor=user, expected_version=data["expected_version"]
                )
            elif move == "publish":
                services.publish(
                    article=article, editor=user, expected_version=data["expected_version"]
                )
            elif move == "schedule":
                services.schedule(
                    article=article,
                    editor=user,
                    publish_at=data["publish_at"],
                    expected_version=data["expected_version"],
                )
            else:
                services.unpublish(article=article, editor=user, note=data["note"])
        except services.NotAllowed:
            raise PermissionDenied from None
        except services.WorkflowError as error:
            self.message_user(request, error.message, messages.ERROR)
            for line in error.messages:
                self.message_user(request, line, messages.ERROR)
            return redirect(change_url)
        done = article.workflow_label()
        if article.is_scheduled():
            when = timezone.localtime(article.published_at)
            done = _("scheduled for %(when)s") % {"when": f"{when:%Y-%m-%d %H:%M}"}
        self.log_change(request, article, f"{services.MOVE_PAST[move].capitalize()}.")
        self.message_user(
            request,
            _("“%(story)s” is now %(state)s.") % {"story": article, "state": str(done).lower()},
            messages.SUCCESS,
        )
        return redirect(change_url)

    def preview_view(self, request, object_id):
        """The story in the public template, for staff who may see it, whatever its state."""
        if request.method not in {"GET", "HEAD"}:
            return HttpResponseNotAllowed(["GET", "HEAD"])
        article = self.story_or_none(request, object_id)
        if article is None:
            raise Http404
        from .views import render_article

        return render_article(request, article, preview=True)

    def revisions_view(self, request, object_id):
        article = self.story_or_none(request, object_id)
        if article is None:
            return self.missing(request, object_id)
        revisions = list(
            Revision.objects.filter(article=article)
            .select_related("created_by__person")
            .defer("content")
        )
        for revision in revisions:
            revision.by = services.display_name(revision.created_by)
        return self.page(
            request,
            "revisions.html",
            _("Revisions of “%(story)s”") % {"story": article},
            article,
            revisions=revisions,
            can_restore=self.has_change_permission(request, article),
            approved_revision_id=article.approved_revision_id,
        )

    def compare_view(self, request, object_id):
        """A readable diff between two revisions (``?from=&to=`` revision numbers)."""
        article = self.story_or_none(request, object_id)
        if article is None:
            return self.missing(request, object_id)
        revisions_url = self.url("revisions", article.pk)
        try:
            numbers = [int(request.GET.get(key, "")) for key in ("from", "to")]
        except ValueError:
            self.message_user(request, _("Choose two revisions to compare."), messages.ERROR)
            return redirect(revisions_url)
        found = {
            revision.number: revision
            for revision in Revision.objects.filter(article=article, number__in=numbers)
        }
        if any(number not in found for number in numbers):
            self.message_user(
                request, _("This story has no revision with that number."), messages.ERROR
            )
            return redirect(revisions_url)
        old, new = (found[number] for number in numbers)
        redactor = None if sees_protected_identities(request.user) else Redactor()
        for revision in (old, new):
            revision.by = services.display_name(revision.created_by)
        return self.page(
            request,
            "compare.html",
            _("Changes to “%(story)s”") % {"story": article},
            article,
            old=old,
            new=new,
            changes=services.diff_contents(
                services.redacted(old.content, redactor), services.redacted(new.content, redactor)
            ),
            can_restore=self.has_change_permission(request, article),
        )

    def restore_view(self, request, object_id, number):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.story_or_none(request, object_id)
        if article is None:
            return self.missing(request, object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        revision = Revision.objects.filter(article=article, number=number).first()
        if revision is None:
            raise Http404
        form = MoveForm(request.POST)
        expected = form.cleaned_data["expected_version"] if form.is_valid() else None
        try:
            restored = services.restore_revision(
                article=article, revision=revision, user=request.user, expected_version=expected
            )
        except services.NotAllowed:
            raise PermissionDenied from None
        except services.WorkflowError as error:
            self.message_user(request, error.message, messages.ERROR)
            for line in error.messages:
                self.message_user(request, line, messages.ERROR)
            return redirect(self.url("revisions", article.pk))
        self.log_change(request, article, f"Restored revision {number}.")
        self.message_user(
            request,
            _("Revision %(old)s was restored as revision %(new)s.")
            % {"old": number, "new": restored.number},
            messages.SUCCESS,
        )
        return redirect(self.url("change", article.pk))

    def share_view(self, request, object_id):
        """Editors make and revoke expiring preview links for people outside the newsroom."""
        article = self.story_or_none(request, object_id)
        if article is None:
            return self.missing(request, object_id)
        if not services.is_editor(request.user):
            raise PermissionDenied
        form = ShareLinkForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                services.create_share_link(
                    article=article,
                    editor=request.user,
                    recipient=form.cleaned_data["recipient"],
                    expires_in=datetime.timedelta(days=form.cleaned_data["days"]),
                )
            except services.WorkflowError as error:
                self.message_user(request, error.message, messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("The link is ready: copy it below and send it."),
                    messages.SUCCESS,
                )
                return redirect(self.url("share", article.pk))
        links = [
            {
                "link": link,
                "active": link.is_active(),
                "url": request.build_absolute_uri(
                    reverse("articles:shared_preview", args=[services.share_token(link)])
                ),
            }
            for link in article.share_links.select_related("created_by", "revoked_by")
        ]
        return self.page(
            request,
            "share_links.html",
            _("Share “%(story)s” before publication") % {"story": article},
            article,
            form=form,
            links=links,
            is_live=article.is_live(),
        )

    def revoke_share_view(self, request, object_id, link_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.story_or_none(request, object_id)
        if article is None:
            return self.missing(request, object_id)
        if not services.is_editor(request.user):
            raise PermissionDenied
        link = ShareLink.objects.filter(article=article, pk=link_id).first()
        if link is None:
            raise Http404
        services.revoke_share_link(link=link, editor=request.user)
        self.message_user(
            request,
            _("The link for %(recipient)s no longer works.") % {"recipient": link.recipient},
            messages.SUCCESS,
        )
        return redirect(self.url("share", article.pk))

    def presence_view(self, request, object_id):
        """The open story page says it is still open (or, leaving, that it is not)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.story_or_none(request, object_id)
        if article is None:
            raise Http404
        if request.POST.get("leave"):
            services.leave(article=article, user=request.user)
            return JsonResponse({"others": []})
        services.mark_presence(article=article, user=request.user)
        others = services.others_present(article=article, user=request.user)
        return JsonResponse({"others": services.presence_names(others)})

    def changelist_view(self, request, extra_context=None):
        extra_context = extra_context or {}
        if services.is_editor(request.user):
            extra_context["review_count"] = Article.objects.in_review().count()
            extra_context["translation_board"] = True
        return super().changelist_view(request, extra_context)


def view_on_site(request, content_type_id, object_id):
    """
    The workspace's "view on site" redirect. For a story it answers only those
    who may see the story, and only once readers can; other models go to
    Django's own redirect.
    """
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    if content_type is not None and content_type.model_class() is Article:
        if not object_id.isdigit():
            raise Http404
        article = services.visible_articles(request.user).filter(pk=object_id).first()
        if article is None or not article.is_live():
            raise Http404
        return redirect(article.get_absolute_url())
    return contenttype_views.shortcut(request, content_type_id, object_id)


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
                    is_active=True, groups__name=services.EDITORS_GROUP
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


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    form = QuoteForm
    list_display = [
        "short_text", "attribution", "listed_role", "article", "is_confirmed", "confidence",
    ]  # fmt: skip
    list_filter = [
        "is_confirmed", "is_pull_quote", ("speaker", admin.EmptyFieldListFilter),
        ("attribution_note", admin.EmptyFieldListFilter),
    ]  # fmt: skip
    search_fields = ["text", "speaker__name", "speaker__short_name", "anonymous_description"]
    list_select_related = ["speaker", "article"]
    autocomplete_fields = ["article", "speaker"]
    readonly_fields = ["confidence"]

    @admin.display(description=_("quoted words"))
    def short_text(self, quote):
        words = " ".join(quote.text.split())
        return words if len(words) <= 90 else words[:89].rstrip() + "…"

    @admin.display(description=_("speaker's role"), ordering="listed_role")
    def listed_role(self, quote):
        return quote.listed_role

    def get_form(self, request, obj=None, **kwargs):
        return super().get_form(request, obj, form=quote_form_for(request), **kwargs)

    def get_urls(self):
        view = self.admin_site.admin_view(lambda request: admin_views.sources_view(request, self))
        return [path("sources/", view, name="quotes_quote_sources"), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra_context = {"show_sources_dashboard": services.is_editor(request.user)}
        return super().changelist_view(request, extra_context)

    # A quote is part of its story: the story's scope and workflow rules apply.

    def get_queryset(self, request):
        quotes = (
            super()
            .get_queryset(request)
            .filter(article__in=services.visible_articles(request.user))
        )
        role = F("speaker_role")
        if not sees_protected_identities(request.user):
            # Shown, and sorted, blank: sorting by a hidden role would place
            # it among the roles that start like it.
            role = Case(When(speaker__is_protected_source=True, then=Value("")), default=role)
        return quotes.annotate(listed_role=role)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or services.can_edit(request.user, obj.article))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or services.can_edit(request.user, obj.article))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "article":
            kwargs["queryset"] = services.editable_articles(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        services.ensure_baseline(article=obj.article)
        if obj.position is None:
            taken = Quote.objects.filter(article=obj.article).exclude(pk=obj.pk)
            number_new_rows([obj], taken.values_list("position", flat=True))
        super().save_model(request, obj, form, change)
        services.content_changed(article=obj.article, user=request.user)

    def delete_model(self, request, obj):
        article = obj.article
        super().delete_model(request, obj)
        services.content_changed(article=article, user=request.user)

    def delete_queryset(self, request, queryset):
        articles = list(Article.objects.filter(pk__in=queryset.values("article")).order_by("pk"))
        super().delete_queryset(request, queryset)
        for article in articles:
            services.content_changed(article=article, user=request.user)


class CorrectionForm(forms.ModelForm):
    class Meta:
        model = Correction
        fields = ["article", "kind", "published_at", "text", "quote", "corrected_speaker"]

    def clean(self):
        cleaned_data = super().clean()
        article, quote = cleaned_data.get("article"), cleaned_data.get("quote")
        if self.instance.pk is None and article and article.status != Article.Status.PUBLISHED:
            self.add_error("article", _("Corrections are added to published stories."))
        if quote and article and quote.article_id != article.pk:
            self.add_error("quote", _("This quote is in another story."))
        if bool(quote) != bool(cleaned_data.get("corrected_speaker")):
            self.add_error(
                "corrected_speaker",
                _("To move a quote to the right person, give the quote and who said it."),
            )
        if self.instance.pk is not None and {"quote", "corrected_speaker"} & set(self.changed_data):
            self.add_error(
                "quote", _("A correction's quote cannot be changed afterwards; issue a new one.")
            )
        return cleaned_data


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    form = CorrectionForm
    list_display = ["article", "kind", "published_at", "created_by"]
    list_filter = ["kind"]
    search_fields = ["text", "article__headline"]
    date_hierarchy = "published_at"
    list_select_related = ["article", "created_by"]
    autocomplete_fields = ["article", "quote", "corrected_speaker"]
    readonly_fields = ["previous_attribution", "created_by"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(article__in=services.visible_articles(request.user))
        )

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        correction = services.add_correction(
            article=obj.article,
            editor=request.user,
            kind=obj.kind,
            text=obj.text,
            published_at=obj.published_at,
            quote=obj.quote,
            corrected_speaker=obj.corrected_speaker,
        )
        # The admin's log and redirect need the saved row.
        obj.pk = correction.pk
        obj.created_by = correction.created_by
        obj.previous_attribution = correction.previous_attribution


# Photos an imported story waits for (articles/admin_views.py).
admin.site.register(PhotoNeeded, admin_views.PhotoNeededAdmin)
