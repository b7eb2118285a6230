"""
What changed between two revisions, as titled lists of lines with word-level
changes, read the way the person shown the diff may read it: every page that
shows one asks ``changes_seen_by``, so none can show a protected source's name
that an old revision kept.
"""

import copy
import datetime
import difflib
import re

from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import (
    Byline,
    CommentMethod,
    CommentOutcome,
)
from people.identity import Redactor, sees_protected_identities


def _lines(text):
    return [line for line in text.splitlines() if line.strip()]


def _paragraphs(text):
    return [block.strip() for block in re.split(r"\n\s*\n", text or "") if block.strip()]


def _label(ref):
    return ref["label"] if ref else "—"


def readable_parts(content):
    """A revision's content as titled lists of lines, the way a diff shows them."""
    roles = dict(Byline.Role.choices)
    quotes = []
    for quote in content.get("quotes", []):
        speaker = _label(quote["speaker"]) if quote["speaker"] else quote["anonymous_description"]
        role = f", {quote['speaker_role']}" if quote["speaker_role"] else ""
        pull = _(" (pull quote)") if quote["is_pull_quote"] else ""
        quotes.append(
            _("Quote %(number)s: “%(text)s” — %(speaker)s%(role)s%(pull)s")
            % {
                "number": quote["position"],
                "text": quote["text"],
                "speaker": speaker,
                "role": role,
                "pull": pull,
            }
        )
    methods, outcomes = dict(CommentMethod.choices), dict(CommentOutcome.choices)
    requests = []
    for row in content.get("comment_requests", []):
        asked = timezone.localtime(datetime.datetime.fromisoformat(row["requested_at"]))
        answer = f" “{row['answer']}”" if row["answer"] else ""
        requests.append(
            _("%(party)s, asked on %(date)s (%(method)s): %(outcome)s.%(answer)s")
            % {
                "party": _label(row["person"] or row["organization"]),
                "date": f"{asked:%Y-%m-%d}",
                "method": methods.get(row["method"], row["method"]),
                "outcome": outcomes.get(row["outcome"], row["outcome"]),
                "answer": answer,
            }
        )
    return [
        (_("Headline"), [content.get("headline", "")]),
        (_("Slug"), [content.get("slug", "")]),
        (_("Standfirst"), _lines(content.get("standfirst", ""))),
        (_("Dateline"), _lines(content.get("dateline", ""))),
        (_("Body"), _paragraphs(content.get("body", ""))),
        (_("Language"), [content.get("language", "")]),
        (_("Section"), [_label(content.get("section"))]),
        (_("Translation of"), [_label(content.get("translation_of"))]),
        (_("Topics"), [_label(ref) for ref in content.get("topics", [])]),
        (_("People named"), [_label(ref) for ref in content.get("people", [])]),
        (_("Organizations named"), [_label(ref) for ref in content.get("organizations", [])]),
        (_("Lead photo"), [_label(content.get("lead_photo"))]),
        (
            _("Bylines"),
            [
                f"{_label(row['person'])} ({roles.get(row['role'], row['role'])})"
                for row in content.get("bylines", [])
            ],
        ),
        (
            _("Photos in the body"),
            [
                _("Photo %(number)s: %(photo)s")
                % {"number": row["position"], "photo": _label(row["photograph"])}
                for row in content.get("photos", [])
            ],
        ),
        (_("Quotes"), quotes),
        (_("Right of reply"), requests),
        # A live update's own parts (``workflow.live.update_snapshot``).
        (_("Title"), _lines(content.get("title", ""))),
        (_("Photo"), [_label(content["photo"])] if content.get("photo") else []),
    ]


def _word_diff(old, new):
    """Segments ``(op, text)`` of one changed line, op being equal, removed or added."""
    old_words, new_words = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    segments = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("equal", "".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("removed", "".join(old_words[i1:i2])))
        if j2 > j1:
            segments.append(("added", "".join(new_words[j1:j2])))
    return segments


def diff_lines(old, new, *, context=1):
    """
    Rows comparing two lists of lines: ``{"op": "equal"|"removed"|"added"|
    "changed"|"skipped", ...}``. A changed line carries word segments; long
    runs of unchanged lines are skipped, ``context`` lines kept either side.
    """
    rows = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            same = old[i1:i2]
            if len(same) > 2 * context + 1:
                head = same[:context] if rows else []
                tail = same[len(same) - context :] if j2 < len(new) or i2 < len(old) else []
                rows += [{"op": "equal", "text": line} for line in head]
                rows.append({"op": "skipped", "count": len(same) - len(head) - len(tail)})
                rows += [{"op": "equal", "text": line} for line in tail]
            else:
                rows += [{"op": "equal", "text": line} for line in same]
        elif op == "replace":
            pairs = min(i2 - i1, j2 - j1)
            for index in range(pairs):
                rows.append(
                    {"op": "changed", "segments": _word_diff(old[i1 + index], new[j1 + index])}
                )
            rows += [{"op": "removed", "text": line} for line in old[i1 + pairs : i2]]
            rows += [{"op": "added", "text": line} for line in new[j1 + pairs : j2]]
        elif op == "delete":
            rows += [{"op": "removed", "text": line} for line in old[i1:i2]]
        else:
            rows += [{"op": "added", "text": line} for line in new[j1:j2]]
    return rows


def changes_seen_by(viewer, old, new):
    """
    What changed from revision content ``old`` to ``new``, as ``viewer`` may
    read it: part by part, a list of ``{"title", "rows"}`` for the parts that
    differ. For someone who may not see protected identities (and for no
    viewer at all) both contents are ``redacted`` first. ``old`` may be None
    for a story's first revision.
    """
    redactor = _redactor_for(viewer)
    return _diff_contents(redacted(old, redactor), redacted(new, redactor))


def _redactor_for(viewer):
    """
    None for a viewer who may see protected identities, else a ``Redactor``,
    kept on the viewer (a request's user, as Django keeps its permissions) so
    a page of many diffs reads the protected sources once.
    """
    if viewer is None:
        return Redactor()
    if sees_protected_identities(viewer):
        return None
    if not hasattr(viewer, "_diff_redactor"):
        viewer._diff_redactor = Redactor()
    return viewer._diff_redactor


def _diff_contents(old, new):
    """``changes_seen_by`` without the redaction: call that instead."""
    old_parts = dict(readable_parts(old or {}))
    changes = []
    for title, new_lines in readable_parts(new):
        old_lines = old_parts.get(title, []) if old else []
        if old_lines != new_lines:
            changes.append({"title": title, "rows": diff_lines(old_lines, new_lines)})
    return changes


def redacted(content, redactor):
    """
    A revision's ``content`` as someone who may not see protected identities
    reads it (``redactor``, a ``people.identity.Redactor``; None: as stored).
    Revisions saved before someone became protected carry their name: each
    reference to them shows the label, their role is left out, and their
    names in any text become the label.
    """
    if redactor is None or content is None:
        return content
    content = copy.deepcopy(content)

    def relabel(ref):
        label = redactor.label_of(ref["id"]) if ref else None
        if label:
            ref["label"] = label
        return bool(label)

    for ref in content.get("people", []):
        relabel(ref)
    for row in content.get("bylines", []):
        relabel(row["person"])
    for quote in content.get("quotes", []):
        if relabel(quote["speaker"]):
            quote["speaker_role"] = ""
    for row in content.get("comment_requests", []):
        relabel(row["person"])

    def scrub(value):
        if isinstance(value, dict):
            return {key: scrub(item) for key, item in value.items()}
        if isinstance(value, list):
            return [scrub(item) for item in value]
        return redactor.text(value)

    return scrub(content)
