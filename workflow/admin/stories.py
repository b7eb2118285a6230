"""
The story list and form of the workspace. The desk's own pages (review queue,
moves, revisions, previews, share links) are ``workflow.views``; what a save
means is ``workflow.editing``.
"""

import functools

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from articles.models import (
    Article,
)
from media.display import photo_thumbnail
from people.admin import SLUG_SCRIPTS
from workflow import (
    editing,
    errors,
    presence,
    roles,
    services,
)
from workflow.forms import ArticleForm, QuoteForm
from workflow.views import change_form, moves, previews, queue
from workflow.views import presence as presence_views
from workflow.views import revisions as revision_views
from workflow.views import translations as translation_views

from .actions import (
    approve_selected,
    find_quotes,
    schedule_selected,
    submit_selected,
    unpublish_selected,
)
from .changelist import StoryChangeList
from .inlines import (
    ArticlePhotoInline,
    BylineInline,
    CommentRequestInline,
    CorrectionInline,
    QuoteInline,
)

WORKFLOW_CSS = {"all": ["workflow/css/workflow.css"]}


# What a journalist is told when their save sent an approved or scheduled story back to review.
BACK_TO_REVIEW = {
    Article.Status.APPROVED: _(
        "“%(story)s” went back to review: it was approved, and a change after approval "
        "needs an editor's approval again. The editors have been told."
    ),
    "scheduled": _(
        "“%(story)s” went back to review and will not go live at its scheduled time: "
        "a change after approval needs an editor's approval again. The editors have been told."
    ),
}


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
        "translation_source", "body_preview",
    ]  # fmt: skip
    fieldsets = [
        (
            None,
            {
                "fields": ["headline", "slug", "standfirst", "dateline", ("body", "body_preview")],
                "classes": ["story-text"],
            },
        ),
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
    actions = [
        submit_selected, approve_selected, schedule_selected, unpublish_selected, find_quotes,
    ]  # fmt: skip

    class Media:
        js = [*SLUG_SCRIPTS, "workflow/js/workflow.js", "workflow/js/story-form.js"]
        # A translation's text beside its source (static/css/workspace-translation.css).
        css = {
            "all": [
                *WORKFLOW_CSS["all"],
                "css/workspace-translation.css",
                "workflow/css/story-form.css",
            ]
        }

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
        # A read-only field is given no request: ``render_change_form`` notes
        # who the form is for (nobody noted: read as someone who may not see
        # protected identities).
        viewer = getattr(article, "form_viewer", None)
        return translation_views.translation_source(article, viewer=viewer)

    @admin.display(description=_("quotes"), ordering="quote_count")
    def quote_count(self, article):
        return article.quote_count

    @admin.display(description=_("as readers will see it"))
    def body_preview(self, article):
        return previews.body_preview_panel(article, self.url("body_preview", article.pk))

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

    # Scope and permissions: the rules are in workflow.roles.

    def get_queryset(self, request):
        return roles.visible_articles(request.user, super().get_queryset(request))

    def get_changelist(self, request, **kwargs):
        return StoryChangeList

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or roles.can_view(request.user, obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or roles.can_edit(request.user, obj))

    def has_publish_permission(self, request):
        """Editors approve, schedule and unpublish stories (the list's actions)."""
        return roles.is_editor(request.user)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and roles.can_create(request.user)

    def get_fieldsets(self, request, obj=None):
        """
        A new story has no preview yet (nothing placed to show); a translation
        shows its source's words beside the form, to those who may read them.
        """
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is None:
            text, options = fieldsets[0]
            fields = [
                field if field != ("body", "body_preview") else "body"
                for field in options["fields"]
            ]
            fieldsets[0] = (text, {**options, "fields": fields})
        source = obj.translation_of if obj is not None and obj.translation_of_id else None
        if source is None or not roles.can_view(request.user, source):
            return fieldsets
        panel = (
            _("The story it translates"),
            {"fields": ["translation_source"], "classes": ["translation-source-panel"]},
        )
        return [fieldsets[0], panel, *fieldsets[1:]]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not roles.is_editor(request.user):
            # Featuring is an editor's decision, never a field a journalist can post.
            fields.append("is_featured")
        return fields

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        """Each part's heading counts its rows: "Quotes (25)", whether folded or open."""
        inline_formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        for inline_formset in inline_formsets:
            # Inlines are made anew for each request: the count is this form's own.
            inline = inline_formset.opts
            count = inline_formset.formset.initial_form_count()
            inline.verbose_name_plural = format_lazy("{} ({})", inline.verbose_name_plural, count)
        return inline_formsets

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.viewer = request.user
        return form

    def view_on_site(self, obj):
        # Only a story readers can see has a public address to visit.
        return obj.get_absolute_url() if obj.is_live() else None

    # Saving: what a save means is workflow.editing.

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
        # What the story was before this save, to tell the user if it sent it back to review.
        obj.state_before_save = roles.state_of(obj) if change else None
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        rows = formset.save(commit=False)
        for part in formset.forms:
            if isinstance(part, QuoteForm):
                part.keep_who_confirmed(request.user)
        editing.save_parts(
            article=form.instance, user=request.user, rows=rows, deleted=formset.deleted_objects
        )
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        editing.story_saved(article=form.instance, user=request.user, created=not change)

    def response_add(self, request, obj, post_url_continue=None):
        if "_submit" in request.POST:
            return self.submit_after_save(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        sent_back = BACK_TO_REVIEW.get(getattr(obj, "state_before_save", None))
        if sent_back and obj.status == Article.Status.IN_REVIEW:
            self.message_user(request, sent_back % {"story": obj}, messages.WARNING)
        if "_submit" in request.POST:
            return self.submit_after_save(request, obj)
        return super().response_change(request, obj)

    def submit_after_save(self, request, article):
        try:
            services.submit_for_review(article=article, user=request.user)
        except errors.NotAllowed:
            raise PermissionDenied from None
        except errors.WorkflowError as error:
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

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None:
            if request.method == "GET":
                # Opening the story's form says who has it open: the story the form shows.
                presence.mark_presence(article=obj, user=request.user)
            obj.form_viewer = request.user
            context.update(change_form.workflow_context(self, request, obj, context))
        return super().render_change_form(request, context, add, change, form_url, obj)

    # Workflow pages.

    def url(self, name, *args):
        return reverse(f"admin:articles_article_{name}", args=args)

    def get_urls(self):
        def page(view):
            return self.admin_site.admin_view(functools.partial(view, self))

        info = "articles_article"
        return [
            path("review/", page(queue.review_queue), name=f"{info}_review"),
            path(
                "translations/",
                page(translation_views.translation_board),
                name=f"{info}_translations",
            ),
            *self.admin_site.pages_for(Article, page),
            path("<path:object_id>/move/<slug:move>/", page(moves.make_move), name=f"{info}_move"),
            path(
                "<path:object_id>/quotes/<int:quote_id>/confirm/",
                page(moves.confirm_quote),
                name=f"{info}_confirm_quote",
            ),
            path("<path:object_id>/preview/", page(previews.preview), name=f"{info}_preview"),
            path(
                "<path:object_id>/preview/body/",
                page(previews.body_preview),
                name=f"{info}_body_preview",
            ),
            path(
                "<path:object_id>/revisions/",
                page(revision_views.revision_list),
                name=f"{info}_revisions",
            ),
            path(
                "<path:object_id>/revisions/compare/",
                page(revision_views.compare),
                name=f"{info}_compare",
            ),
            path(
                "<path:object_id>/revisions/<int:number>/restore/",
                page(revision_views.restore),
                name=f"{info}_restore",
            ),
            path("<path:object_id>/share/", page(previews.share), name=f"{info}_share"),
            path(
                "<path:object_id>/share/<int:link_id>/revoke/",
                page(previews.revoke_share),
                name=f"{info}_revoke_share",
            ),
            path(
                "<path:object_id>/presence/",
                page(presence_views.still_open),
                name=f"{info}_presence",
            ),
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

    def changelist_view(self, request, extra_context=None):
        extra_context = extra_context or {}
        # Pages other apps add to the story list (Import stories): its object tools.
        extra_context["more_tools"] = self.admin_site.tools_for(Article, request)
        if roles.is_editor(request.user):
            extra_context["review_count"] = Article.objects.in_review().count()
            extra_context["translation_board"] = True
        return super().changelist_view(request, extra_context)
