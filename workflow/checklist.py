"""
What a story needs before an editor may approve it, and the protected sources
its text may not name.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from articles import body as story_body
from articles.models import (
    ArticlePhoto,
    Byline,
    CommentRequest,
)
from people.identity import Redactor, sees_protected_identities
from quotes.models import Quote
from quotes.services import UNIDENTIFIED


class ChecklistItem(str):
    """
    A sentence of the approval checklist; ``quote`` is the quote whose
    speaker it asks someone to confirm, if any (the form offers a button).
    """

    quote = None

    @classmethod
    def to_confirm(cls, sentence, quote):
        item = cls(sentence)
        item.quote = quote
        return item


def approval_checklist(article):
    """
    What the story still needs before an editor may approve it: a list of
    sentences, empty when it is complete.
    """
    missing = []
    if not article.headline.strip():
        missing.append(_("Write a headline."))
    if not article.standfirst.strip():
        missing.append(_("Write a standfirst."))
    if not Byline.objects.filter(article=article).exists():
        missing.append(_("Add a byline."))
    if not article.section_id:
        missing.append(_("Choose a section."))
    if not story_body.paragraphs(article.body):
        missing.append(_("Write the body."))
    if article.lead_photo_id is None:
        missing.append(_("Choose a lead photo."))
    else:
        missing += article.lead_photo.missing_for_publication(name=_("the lead photo"))
    placed = ArticlePhoto.objects.filter(article=article).select_related("photograph")
    for photo in placed:
        name = _("photo %(number)s in the body") % {"number": photo.position}
        missing += photo.photograph.missing_for_publication(name=name)
    # Renditions are made in the background (media.tasks): a story approved
    # before they exist would reach readers with full-size pictures.
    shown = [photo.photograph for photo in placed]
    shown += [article.lead_photo] if article.lead_photo_id else []
    if any(photograph.renditions_pending for photograph in shown):
        missing.append(_("Wait until the photos' renditions are made (a minute or so)."))
    quotes = list(Quote.objects.filter(article=article).select_related("speaker"))
    for quote in quotes:
        if not quote.speaker_id and not quote.anonymous_description.strip():
            missing.append(
                _("Say who said quote %(number)s, or describe the anonymous source.")
                % {"number": quote.position}
            )
    missing += quotes_to_confirm(quotes)
    numbers = {
        "photo": {photo.position for photo in placed},
        "quote": {quote.position for quote in quotes},
    }
    for kind, number in sorted(story_body.markers(article.body)):
        if number not in numbers[kind]:
            message = _(
                "The body places [%(kind)s %(number)s], but the story has no %(kind)s %(number)s."
            )
            missing.append(message % {"kind": kind, "number": number})
    for request in CommentRequest.objects.filter(
        article=article, outcome=CommentRequest.Outcome.PENDING
    ).select_related("person", "organization"):
        missing.append(
            _(
                "Right of reply: %(party)s was asked for comment on %(date)s (%(method)s). "
                "Record their answer, or that they declined or did not respond."
            )
            % {
                "party": request.party,
                "date": date_format(timezone.localtime(request.requested_at), "DATE_FORMAT"),
                "method": request.get_method_display().lower(),
            }
        )
    return missing


def quotes_to_confirm(quotes):
    """
    A sentence for each of ``quotes`` whose speaker the quote finder chose and
    no person has confirmed; those it could not attribute need a speaker first.
    """
    items = []
    for quote in quotes:
        if not quote.needs_confirmation:
            continue
        words = {"number": quote.position, "text": quote.excerpt()}
        if not quote.speaker_id and quote.anonymous_description == UNIDENTIFIED:
            items.append(
                _("Say who said quote %(number)s, “%(text)s”: the quote finder could not tell.")
                % words
            )
            continue
        sentence = _(
            "Confirm who said quote %(number)s, “%(text)s”: the quote finder chose "
            "%(speaker)s, and no one has checked it yet."
        ) % {**words, "speaker": quote.attribution}
        items.append(ChecklistItem.to_confirm(sentence, quote))
    return items


def protected_names_in(article, user):
    """
    Where ``article``'s public text names a protected source by name, Khmer
    name or alias (a story imported or written before they were protected,
    or by someone who does not know): sentences for the editor approving it,
    who sees the name only if allowed to. Not part of the approval checklist:
    that is shown to journalists, and would tell them whose name it is.
    """
    texts = article.public_texts()
    photos = [article.lead_photo] if article.lead_photo_id else []
    photos += [
        placed.photograph
        for placed in ArticlePhoto.objects.filter(article=article).select_related("photograph")
    ]
    for photograph in photos:
        texts += [(_("photo caption"), photograph.caption), (_("alt text"), photograph.alt_text)]
    return protected_names_in_texts(texts, user)


def protected_names_in_texts(texts, user):
    """
    Sentences for each protected source named in ``texts`` (pairs of where
    and text), naming them only to ``user`` if allowed to see who they are.
    """
    redactor = Redactor()
    shows_names = sees_protected_identities(user)
    found = []
    for where, text in texts:
        for written, label in redactor.found(text):
            if shows_names:
                sentence = _(
                    "The %(where)s names “%(name)s”, the protected source shown as "
                    "“%(label)s”: remove the name, or quote them by the label."
                ) % {"where": where, "name": written, "label": label}
            else:
                sentence = _(
                    "The %(where)s names the protected source shown as “%(label)s”: ask an "
                    "editor who may see who they are."
                ) % {"where": where, "label": label}
            found.append(sentence)
    return list(dict.fromkeys(found))


def update_problems(*, update, quotes, user):
    """
    What stops a live update going out, as the checks before a story goes
    out apply to it: its text, its photo's credit, alt text and renditions (not
    withdrawn), who said each quote, and no protected source named.
    """
    problems = []
    if not update.body.strip():
        problems.append(_("Write the update's text."))
    texts = [(_("title"), update.title), (_("text"), update.body)]
    photo = update.photo
    if photo is not None:
        problems += photo.missing_for_publication(name=_("the update's photo"))
        if photo.renditions_pending:
            problems.append(_("Wait until the photo's renditions are made (a minute or so)."))
        texts += [(_("photo caption"), photo.caption), (_("alt text"), photo.alt_text)]
    for quote in quotes:
        if not quote.speaker_id and not quote.anonymous_description.strip():
            problems.append(
                _("Say who said “%(text)s”, or describe the anonymous source.")
                % {"text": quote.excerpt()}
            )
        texts += [
            (_("quote"), quote.text),
            (_("speaker's role"), quote.speaker_role),
            (_("anonymous source"), quote.anonymous_description),
        ]
    return problems + protected_names_in_texts(texts, user)
