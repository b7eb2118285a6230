"""
The workspace page of a protected source: every public page that still names
them, and taking the chosen ones down (``people.protection``).
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import protection
from .identity import sees_protected_identities


def public_places(model_admin, request, object_id):
    """
    Every public page that still names a protected source, and a form to
    take the chosen ones off the site in one step until they are edited.
    For those who may see identities only.
    """
    person = model_admin.get_object(request, unquote(object_id))
    if person is None or not person.is_protected_source:
        return model_admin._get_obj_does_not_exist_redirect(request, model_admin.opts, object_id)
    if not sees_protected_identities(request.user):
        raise PermissionDenied
    if request.method == "POST":
        done = protection.take_down(
            person=person, editor=request.user, keys=request.POST.getlist("place")
        )
        model_admin.log_change(request, person, f"Took {done} public places naming them down.")
        model_admin.message_user(
            request,
            ngettext(
                "%(count)d place was taken off the site. Edit it, then publish it again.",
                "%(count)d places were taken off the site. Edit them, then publish them again.",
                done,
            )
            % {"count": done},
            messages.SUCCESS if done else messages.WARNING,
        )
        return redirect("admin:people_person_public_places", person.pk)
    places = protection.places_naming(person)
    # The page lists the forms of their name found on the site.
    protection.identity_viewed(person=person, request=request)
    return TemplateResponse(
        request,
        "admin/people/person/public_places.html",
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.opts,
            "original": person,
            "title": _("Where %(label)s is still named") % {"label": person.public_label},
            "places": places,
            "can_take_down": any(place.can_take_down for place in places),
        },
    )
