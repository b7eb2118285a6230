"""
The story's forms in the workspace: the story itself (with the version it was
opened at), a workflow move, a share link, a quote (a protected source's
details hidden from those who may not see them), a correction; a story's
live coverage, and the live desk's update, its quotes, takedown and correction.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from articles.models import (
    Article,
    Correction,
    CorrectionKind,
    LiveCoverage,
    LiveUpdate,
)
from people.identity import sees_protected_identities
from quotes.models import Quote
from quotes.services import note_confirmation
from workflow import editing, errors, roles, services

SHARE_LINK_DAYS = [1, 3, 7, 14, 30]


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

    def keep_who_confirmed(self, user):
        """A quote ticked confirmed on this form keeps who confirmed it (``user``), and when."""
        if "is_confirmed" in self.changed_data and self.instance.is_confirmed:
            note_confirmation(self.instance, user=user)


class IdentityHiddenWidget(forms.Widget):
    """Stands in for a value only editors may see; it never renders the value."""

    def render(self, name, value, attrs=None, renderer=None):
        return format_html(
            '<span class="identity-hidden">{}</span>',
            _("Hidden: only editors see a protected source's details."),
        )


def quote_form_for(request):
    """``QuoteForm`` for ``request``'s user."""
    return type(
        "QuoteForm", (QuoteForm,), {"sees_identities": sees_protected_identities(request.user)}
    )


class CorrectionFormSet(BaseInlineFormSet):
    """A story's corrections (their rules: ``Correction.clean``), quotes from its own."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "quote" in form.fields:
            form.fields["quote"].queryset = (
                Quote.objects.filter(article=self.instance)
                if self.instance.pk
                else Quote.objects.none()
            )


class ArticleForm(forms.ModelForm):
    """
    The story form carries the version it was opened at; a save over a newer
    version is refused with who saved it, when and what they changed, and the
    text typed stays on the form.
    """

    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    # Set per request (``ArticleAdmin.get_form``): the user saving, as whom a
    # conflict's changes are read (none: as someone who may not see identities).
    viewer = None

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
        self.conflict = editing.prepare_story_save(
            article=self.instance, base_version=base_version, viewer=self.viewer
        )
        if self.conflict:
            raise ValidationError(editing.describe_conflict(self.conflict), code="stale")
        return cleaned_data


# A publish time as a browser's date and time field posts it, in the newsroom's time zone.
PUBLISH_AT_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]


class MoveForm(forms.Form):
    """What a workflow button posts besides the move itself."""

    note = forms.CharField(required=False, max_length=5000)
    publish_at = forms.DateTimeField(required=False, input_formats=PUBLISH_AT_FORMATS)
    expected_version = forms.IntegerField(required=False, min_value=1)


class BulkMoveForm(forms.Form):
    """
    What a move of several stories at once asks for: a publish time to
    schedule them, a note saying why to unpublish them.
    """

    def __init__(self, *args, move, **kwargs):
        super().__init__(*args, **kwargs)
        self.move = move
        if move == "schedule":
            self.fields["publish_at"] = forms.DateTimeField(
                label=_("Publish at (Phnom Penh time)"),
                input_formats=PUBLISH_AT_FORMATS,
                widget=forms.DateTimeInput(
                    attrs={"type": "datetime-local"}, format=PUBLISH_AT_FORMATS[0]
                ),
            )
        elif move == "unpublish":
            self.fields["note"] = forms.CharField(
                label=_("Why they are taken down"),
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def clean_publish_at(self):
        publish_at = self.cleaned_data["publish_at"]
        try:
            services.check_publish_time(publish_at)
        except errors.WorkflowError as error:
            raise ValidationError(error.message, code="past") from None
        return publish_at


class CompareForm(forms.Form):
    """
    The two revision numbers the compare page is asked for (``?from=&to=``),
    each within what a revision's number can hold: the database is never
    asked about a larger one (SQLite fails on integers past 64 bits).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "from" is a Python keyword: the fields cannot be class attributes.
        for name in ("from", "to"):
            self.fields[name] = forms.IntegerField(min_value=1, max_value=2**31 - 1)


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


class CorrectionForm(forms.ModelForm):
    """A correction on its own page (its rules: ``Correction.clean``)."""

    class Meta:
        model = Correction
        fields = ["article", "kind", "published_at", "text", "quote", "corrected_speaker"]


class JournalistChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return roles.display_name(obj)


class LiveCoverageForm(forms.ModelForm):
    """A story's live coverage (its rules: ``LiveCoverage.clean``; saved by ``workflow.live``)."""

    reporters = JournalistChoiceField(
        label=_("journalists who may post"),
        queryset=get_user_model()
        .objects.filter(is_active=True, is_staff=True, groups__name=roles.JOURNALISTS_GROUP)
        .select_related("person")
        .order_by("username"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Editors may always post; these journalists may post updates to this story."),
    )

    class Meta:
        model = LiveCoverage
        fields = ["article", "started_at", "ended_at", "reporters", "key_points"]


def autocomplete(field, model_field):
    """Choose ``field``'s value with the workspace's search-as-you-type box."""
    field.widget = AutocompleteSelect(model_field, admin.site)
    field.widget.choices = field.choices


class LiveUpdateForm(forms.ModelForm):
    """An update on the live desk, with the version it was opened at when it is edited."""

    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    class Meta:
        model = LiveUpdate
        fields = ["title", "body", "photo"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6})}
        error_messages = {"body": {"required": _("Write the update's text.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        autocomplete(self.fields["photo"], LiveUpdate._meta.get_field("photo"))
        self.fields["photo"].help_text = _(
            "From the photo library; it needs alt text and a credit."
        )
        if self.instance.pk is not None:
            self.fields["base_version"].initial = self.instance.version


class UpdateQuoteForm(QuoteForm):
    """A quote said in a live update: its words and who said them."""

    class Meta:
        model = Quote
        fields = ["text", "speaker", "anonymous_description", "speaker_role"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.fields["speaker"].disabled:
            autocomplete(self.fields["speaker"], Quote._meta.get_field("speaker"))


def update_quote_formset(user):
    """The quotes of an update, as ``user`` may see their speakers."""
    form = type(
        "UpdateQuoteForm", (UpdateQuoteForm,), {"sees_identities": sees_protected_identities(user)}
    )
    return forms.modelformset_factory(
        Quote, form=form, extra=2, can_delete=True, can_delete_extra=False
    )


class TakedownForm(forms.Form):
    reason = forms.CharField(
        label=_("Why it is taken down"),
        max_length=LiveUpdate._meta.get_field("takedown_reason").max_length,
        help_text=_("Kept with the update and in the audit log; readers do not see it."),
    )


class UpdateCorrectionForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=CorrectionKind.choices)
    text = forms.CharField(
        label=_("text"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What was wrong and what is right: “An earlier version misspelt…”."),
    )
