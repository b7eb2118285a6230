"""The sources dashboard: whose voices the newsroom carries, counted from the quote records."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Section
from quotes.models import Quote
from quotes.sources import source_report
from workflow import roles


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


def sources(model_admin, request):
    """Whose voices the newsroom carries: the quote records, counted for editors."""
    if not roles.is_editor(request.user):
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
