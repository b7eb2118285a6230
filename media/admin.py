from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from .models import Photograph
from .services import clean_image, save_photograph


def photo_thumbnail(photograph, *, width=96):
    if photograph is None:
        return "—"
    return render_to_string(
        "media/photograph_thumbnail.html", {"photograph": photograph, "width": width}
    )


class PhotographForm(forms.ModelForm):
    class Meta:
        model = Photograph
        fields = [
            "image", "caption", "alt_text", "credit_agency", "photographer",
            "date_taken", "place",
        ]  # fmt: skip
        widgets = {"caption": forms.Textarea(attrs={"rows": 3})}

    def clean_image(self):
        image = self.cleaned_data["image"]
        if isinstance(image, UploadedFile):
            return clean_image(image)
        return image


@admin.register(Photograph)
class PhotographAdmin(admin.ModelAdmin):
    form = PhotographForm
    list_display = ["thumbnail", "short_caption", "credit", "date_taken", "place", "usage_count"]
    list_display_links = ["thumbnail", "short_caption"]
    list_filter = ["date_taken", "credit_agency"]
    search_fields = ["caption", "alt_text", "credit_agency", "photographer__name", "place"]
    date_hierarchy = "created_at"
    # The usage count's GROUP BY drops Meta.ordering; autocomplete pages need an order.
    ordering = ["-created_at", "-pk"]
    list_select_related = ["photographer"]
    autocomplete_fields = ["photographer"]
    readonly_fields = ["preview", "dimensions", "uploaded_by", "created_at"]
    fieldsets = [
        (None, {"fields": ["image", "preview", "dimensions"]}),
        (
            _("Caption and credit"),
            {"fields": ["caption", "alt_text", "credit_agency", "photographer"]},
        ),
        (_("When and where"), {"fields": ["date_taken", "place"]}),
        (_("Record"), {"fields": ["uploaded_by", "created_at"]}),
    ]

    @admin.display(description=_("photo"))
    def thumbnail(self, photograph):
        return photo_thumbnail(photograph, width=96)

    @admin.display(description=_("preview"))
    def preview(self, photograph):
        return photo_thumbnail(photograph, width=480) if photograph.pk else "—"

    @admin.display(description=_("size in pixels"))
    def dimensions(self, photograph):
        return f"{photograph.width} × {photograph.height}" if photograph.pk else "—"

    @admin.display(description=_("caption"))
    def short_caption(self, photograph):
        caption = " ".join(photograph.caption.split())
        return caption if len(caption) <= 90 else caption[:89].rstrip() + "…"

    @admin.display(description=_("stories"), ordering="usage_count")
    def usage_count(self, photograph):
        return photograph.usage_count

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                usage_count=Count("lead_of", distinct=True)
                + Count("placements__article", distinct=True)
            )
        )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        save_photograph(photograph=obj)
