"""
The workspace's import pages: *Import stories* on the story list (plain-text
stories with their pictures, each a draft with the importer's byline), and the
photos imported stories still wait for.
"""

from pathlib import Path

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from media.uploads import clean_image
from workflow import editing, roles

from . import wordpress_admin  # noqa: F401  (registers its admins)
from .models import PhotoNeeded
from .services import ImportResult, attach_photo, import_story
from .story_format import IMAGE_SUFFIXES, MAX_STORY_BYTES, photo_number
from .updating import IfImported


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
    if_imported = forms.ChoiceField(
        label=_("If a story was imported before"),
        choices=IfImported,
        initial=IfImported.SKIP,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "The same story is one imported before from the same publication (the file's "
            "first line) under the same headline. Updating it keeps its status, bylines and "
            "the pictures placed since; an approved or published story is changed only by an "
            "editor's import."
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
        images = {}
        for picture in pictures:
            number = photo_number(text.name, picture.name)
            if number is not None:
                images[number] = picture
                claimed.add(picture.name)
        stories.append((text, images))
    return stories, [picture.name for picture in pictures if picture.name not in claimed]


def import_stories(model_admin, request):
    """The upload form: each story file becomes a draft; refused files say why."""
    if not roles.can_create(request.user):
        raise PermissionDenied
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
                if_imported=form.cleaned_data["if_imported"] or IfImported.SKIP,
            )
            if result.ok and result.updated:
                model_admin.log_change(request, result.article, "Updated from plain text.")
            elif result.ok and not result.skipped:
                model_admin.log_addition(request, result.article, "Imported from plain text.")
            results.append(result)
    shown = [result.article.pk for result in results if result.article is not None]
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": _("Import stories"),
        "form": form,
        "results": results,
        # A story imported before by someone else is linked only for those who may open it.
        "visible": set(
            roles.visible_articles(request.user).filter(pk__in=shown).values_list("pk", flat=True)
        ),
        "unused": unused,
        "media": model_admin.media + form.media,
    }
    return TemplateResponse(request, "admin/articles/article/import_stories.html", context)


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


@admin.register(PhotoNeeded)
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
        return queryset.filter(article__in=roles.visible_articles(request.user))

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["article", "position", *self.details]
        return ["story", "position", "source_file", *self.details]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else ["story", "position", "source_file"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "article":
            kwargs["queryset"] = roles.editable_articles(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or roles.can_edit(request.user, obj.article))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        image = form.cleaned_data.get("image")
        if image:
            try:
                attach_photo(slot=obj, image=image, uploaded_by=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return
            editing.part_saved(article=obj.article, user=request.user)
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


admin.site.add_page(
    Article,
    "import/",
    import_stories,
    name="articles_article_import",
    label=_("Import stories"),
    permission=lambda request: roles.can_create(request.user),
)
