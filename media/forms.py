"""
The photo desk's forms: a photograph's own form, the rows of the upload page,
and the bulk credit form. A chosen file cleans to its metadata-free copy.
"""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.utils.translation import gettext_lazy as _

from people.models import Person

from .models import Photograph, Source
from .uploads import CleanImageFile, clean_image

ACCEPT = "image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif"


class PhotoFileField(forms.FileField):
    """
    An uploaded file that must be a photograph. It cleans to the photograph's
    metadata-free copy; only the allowlisted decoders ever read the upload
    (Django's own ImageField would try every Pillow plugin).
    """

    default_error_messages = {
        "empty": _(
            "This file is empty. Upload a valid image: a JPEG, PNG or WebP photograph, "
            "or HEIC from a phone."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ACCEPT}))
        super().__init__(**kwargs)

    def to_python(self, data):
        upload = super().to_python(data)
        return None if upload is None else clean_image(upload)


class PhotographForm(forms.ModelForm):
    """
    A photograph's file, caption, credit and rights. An empty focal point is
    the centre; the camera's date is copied only when asked, from a new file.
    """

    image = PhotoFileField(
        label=_("image"), help_text=Photograph._meta.get_field("image").help_text
    )
    copy_date_taken = forms.BooleanField(
        label=_("copy the date taken from the camera"),
        required=False,
        help_text=_(
            "Only the date is copied from the file. The place is never read from it: "
            "type it yourself."
        ),
    )

    class Meta:
        model = Photograph
        fields = [
            "image", "caption", "alt_text", "credit_agency", "photographer",
            "source", "rights_note", "may_redistribute", "date_taken", "place",
            "focal_x", "focal_y",
        ]  # fmt: skip
        widgets = {
            "caption": forms.Textarea(attrs={"rows": 3}),
            "rights_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("focal_x", "focal_y"):
            if name in self.fields:
                # Left empty, the centre.
                self.fields[name].required = False

    def clean(self):
        cleaned_data = super().clean()
        for name in ("focal_x", "focal_y"):
            if name in self.fields and cleaned_data.get(name) is None:
                cleaned_data[name] = 50
        image = cleaned_data.get("image")
        if cleaned_data.get("copy_date_taken") and "image" not in self.errors:
            if not isinstance(image, CleanImageFile):
                self.add_error(
                    "copy_date_taken",
                    _("Only a newly chosen file has a camera date; type the date taken."),
                )
            elif image.camera_date is None:
                self.add_error(
                    "copy_date_taken",
                    _("The camera recorded no date in this file; type the date taken."),
                )
            else:
                cleaned_data["date_taken"] = image.camera_date
        return cleaned_data


class UploadForm(PhotographForm):
    """One row of the upload page: the focal point is set once the photo is stored."""

    class Meta(PhotographForm.Meta):
        fields = [
            "image", "caption", "alt_text", "credit_agency", "photographer",
            "source", "rights_note", "may_redistribute", "date_taken", "place",
        ]  # fmt: skip


class UploadFormSet(forms.BaseModelFormSet):
    """The rows of the upload page: at least one must hold a photo."""

    def clean(self):
        super().clean()
        if not any(form.has_changed() for form in self.forms):
            raise forms.ValidationError(_("Choose at least one photo."))


class CreditForm(forms.Form):
    """One credit for many photos: a field left empty keeps what each photo has."""

    credit_agency = forms.CharField(
        label=_("agency"),
        max_length=100,
        required=False,
        help_text=_("Leave empty to keep each photo's agency."),
    )
    photographer = forms.ModelChoiceField(
        label=_("photographer"),
        queryset=Person.objects.all(),
        required=False,
        help_text=_("Leave empty to keep each photo's photographer."),
    )
    remove_photographer = forms.BooleanField(label=_("remove the photographer"), required=False)
    source = forms.ChoiceField(
        label=_("source"),
        choices=[("", _("(keep each photo's source)")), *Source.choices],
        required=False,
    )

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        photographer = self.fields["photographer"]
        photographer.widget = AutocompleteSelect(
            Photograph._meta.get_field("photographer"), admin_site
        )
        photographer.widget.choices = photographer.choices

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("photographer") and cleaned_data.get("remove_photographer"):
            raise forms.ValidationError(_("Choose a photographer or remove it, not both."))
        return cleaned_data
