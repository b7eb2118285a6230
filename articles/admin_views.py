"""
Workspace pages for story import and quotes: the plain-text upload form, the
“Find quotes” action, the photos an imported story still needs, and the
sources dashboard. ``articles/admin.py`` wires them into the story and quote
admins; the rules of who may do what stay in ``articles.services``.
"""

import re
from pathlib import Path

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from importing.models import PhotoNeeded
from media.services import clean_image
from quotes.models import Quote

from . import body as story_body
from . import services, translations
from .importing import IMAGE_SUFFIXES, MAX_STORY_BYTES, ImportResult, attach_photo, import_story
from .models import Article, Language, Section
from .quoting import attribute_quotes
from .sources import source_report

# -- Importing plain-text stories ----------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one file input."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data]
        clean_one = super().clean
        # An empty file is kept: the import reports it with the other refusals.
        return [item if item and item.size == 0 else clean_one(item, initial) for item in files]


class ImportStoriesForm(forms.Form):
    files = MultipleFileField(
        label=_("Story files"),
        help_text=_(
            "Plain-text stories (UTF-8), and their pictures named after them: "
            "“court.txt” takes “court-1.jpg” for its first caption, “court-2.jpg” for "
            "the second. Each story becomes a draft with your byline."
        ),
    )


def group_uploads(files):
    """
    Return ``(stories, unused)``: each story upload with the pictures named
    after it, by photo number, and the pictures no story claims.
    """
    pictures = [upload for upload in files if Path(upload.name).suffix.lower() in IMAGE_SUFFIXES]
    texts = [upload for upload in files if upload not in pictures]
    claimed, stories = set(), []
    for text in texts:
        pattern = re.compile(rf"{re.escape(Path(text.name).stem)}-(\d+)$", re.IGNORECASE)
        images = {}
        for picture in pictures:
            match = pattern.match(Path(picture.name).stem)
            if match:
                images[int(match[1])] = picture
                claimed.add(picture.name)
        stories.append((text, images))
    return stories, [picture.name for picture in pictures if picture.name not in claimed]


def import_stories_view(request, model_admin):
    """The upload form: each story file becomes a draft; refused files say why."""
    if not services.can_create(request.user):
        raise PermissionDenied
    byline = services.staff_person(request.user)
    form = ImportStoriesForm(request.POST or None, request.FILES or None)
    results, unused = [], []
    if request.method == "POST" and form.is_valid():
        stories, unused = group_uploads(form.cleaned_data["files"])
        for upload, images in stories:
            if upload.size > MAX_STORY_BYTES:
                results.append(
                    ImportResult(
                        name=upload.name,
                        error=_("%(name)s is too big for a story file.") % {"name": upload.name},
                    )
                )
                continue
            result = import_story(
                data=upload.read(),
                name=upload.name,
                images=images,
                user=request.user,
                byline=byline,
            )
            if result.ok:
                model_admin.log_addition(request, result.article, "Imported from plain text.")
            results.append(result)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": _("Import stories"),
        "form": form,
        "results": results,
        "unused": unused,
        "media": model_admin.media + form.media,
    }
    return TemplateResponse(request, "admin/articles/article/import_stories.html", context)


@admin.action(description=_("Find quotes and their speakers"), permissions=["change"])
def find_quotes(model_admin, request, queryset):
    """Record every direct quote of the selected stories, unconfirmed, for checking."""
    found, stories, refused = 0, 0, 0
    for article in queryset:
        if not services.can_edit(request.user, article):
            refused += 1
            continue
        with transaction.atomic():
            found += len(attribute_quotes(article=article, user=request.user))
            services.content_changed(article=article, user=request.user)
        stories += 1
    model_admin.message_user(
        request,
        ngettext(
            "Quotes found in %(stories)s story: %(quotes)s. Check each speaker and confirm.",
            "Quotes found in %(stories)s stories: %(quotes)s. Check each speaker and confirm.",
            stories,
        )
        % {"quotes": found, "stories": stories},
        messages.SUCCESS,
    )
    if refused:
        model_admin.message_user(
            request,
            ngettext(
                "%(count)s story was left alone: you cannot change it now.",
                "%(count)s stories were left alone: you cannot change them now.",
                refused,
            )
            % {"count": refused},
            messages.WARNING,
        )


# -- Photos an imported story still needs ----------------------------------------------


class PhotoNeededForm(forms.ModelForm):
    image = forms.FileField(
        label=_("picture"),
        required=False,
        help_text=_(
            "The photograph for this place in the story (JPEG, PNG or WebP). It goes "
            "into the library with the caption and credit below, its hidden metadata removed."
        ),
    )

    class Meta:
        model = PhotoNeeded
        fields = [
            "article", "position", "caption", "alt_text", "credit_agency", "photographer",
            "date_taken", "place",
        ]  # fmt: skip

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        return clean_image(upload) if upload else None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image"):
            if not cleaned.get("caption", "").strip():
                self.add_error("caption", _("A photograph needs a caption: who, where and when."))
            if not cleaned.get("alt_text", "").strip():
                self.add_error("alt_text", _("Describe the picture for readers who cannot see it."))
        return cleaned


class PhotoNeededAdmin(admin.ModelAdmin):
    form = PhotoNeededForm
    list_display = ["__str__", "short_caption", "credit_agency", "photographer", "source_file"]
    list_select_related = ["article", "photographer"]
    search_fields = ["caption", "article__headline", "photographer__name", "source_file"]
    autocomplete_fields = ["article", "photographer"]
    details = [
        "image",
        "caption",
        "alt_text",
        "credit_agency",
        "photographer",
        "date_taken",
        "place",
    ]

    @admin.display(description=_("caption"))
    def short_caption(self, slot):
        return slot.caption if len(slot.caption) <= 80 else slot.caption[:79] + "…"

    @admin.display(description=_("story"))
    def story(self, slot):
        return slot.article

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.filter(article__in=services.visible_articles(request.user))

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["article", "position", *self.details]
        return ["story", "position", "source_file", *self.details]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else ["story", "position", "source_file"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "article":
            kwargs["queryset"] = services.editable_articles(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or services.can_edit(request.user, obj.article))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        image = form.cleaned_data.get("image")
        if image:
            try:
                attach_photo(slot=obj, image=image, uploaded_by=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return
            services.content_changed(article=obj.article, user=request.user)
            request.photo_attached_to = obj.article

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(request, "photo_attached_to", None) is None:
            return super().response_add(request, obj, post_url_continue)
        return self.response_attached(request)

    def response_change(self, request, obj):
        if getattr(request, "photo_attached_to", None) is None:
            return super().response_change(request, obj)
        return self.response_attached(request)

    def response_attached(self, request):
        article = request.photo_attached_to
        self.message_user(
            request,
            _("The photo is in the library and placed in “%(story)s”.") % {"story": article},
            messages.SUCCESS,
        )
        return redirect(reverse("admin:articles_article_change", args=[article.pk]))


# -- The sources dashboard -------------------------------------------------------------


class SourcesFilterForm(forms.Form):
    stories = forms.ChoiceField(
        label=_("Stories"),
        choices=[
            ("published", _("Published stories")),
            ("all", _("All stories, drafts included")),
        ],
        required=False,
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    section = forms.ModelChoiceField(
        label=_("Section"),
        queryset=Section.objects.all(),
        required=False,
        empty_label=_("All sections"),
    )
    confirmed = forms.BooleanField(label=_("Confirmed quotes only"), required=False)

    def quotes(self):
        """The quotes the chosen filters select."""
        data = self.cleaned_data if self.is_valid() else {}
        articles = Article.objects.all()
        if data.get("stories", "published") in {"published", ""}:
            articles = Article.objects.published()
        if data.get("start"):
            articles = articles.filter(month__gte=data["start"].replace(day=1))
        if data.get("end"):
            articles = articles.filter(month__lte=data["end"])
        if data.get("section"):
            articles = articles.filter(section=data["section"])
        quotes = Quote.objects.filter(article__in=articles)
        if data.get("confirmed"):
            quotes = quotes.filter(is_confirmed=True)
        return quotes


def sources_view(request, model_admin):
    """Whose voices the newsroom carries: the quote records, counted for editors."""
    if not services.is_editor(request.user):
        raise PermissionDenied
    form = SourcesFilterForm(request.GET or None)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": _("Sources: whose voices we carry"),
        "form": form,
        "report": source_report(quotes=form.quotes()),
    }
    return TemplateResponse(request, "admin/quotes/quote/sources.html", context)


# -- The translation board -------------------------------------------------------------


def translation_board_view(request, model_admin):
    """
    For editors: stories still waiting for a version in the other language,
    and translations whose source changed after they were made, with what changed.
    """
    if not services.is_editor(request.user):
        raise PermissionDenied
    waiting = []
    for language in (Language.ENGLISH, Language.KHMER):
        stories = translations.untranslated(language)
        waiting.append(
            {
                "language": Language(language).label,
                "into": translations.other_language(language),
                "into_label": Language(translations.other_language(language)).label,
                "count": stories.count(),
                "stories": list(stories[: translations.BOARD_LIMIT]),
            }
        )
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": _("Translation board"),
        "media": forms.Media(css={"all": ["articles/css/workflow.css"]}),
        "waiting": waiting,
        "stale": translations.stale_translations(),
    }
    return TemplateResponse(request, "admin/articles/article/translation_board.html", context)


def translation_source(article):
    """
    The read-only panel a translator works beside: the source story's words,
    and what changed in it since the translation was made.
    """
    source = article.translation_of
    return render_to_string(
        "admin/articles/article/includes/translation_source.html",
        {
            "source": source,
            "paragraphs": story_body.paragraphs(source.body),
            "stale": translations.staleness(article),
            "change_url": reverse("admin:articles_article_change", args=[source.pk]),
            "preview_url": reverse("admin:articles_article_preview", args=[source.pk]),
        },
    )
