"""
A WordPress author as a staff person with a login.

The author's email finds their login, and the login's person when it has
one; otherwise the person is found by name (among those the importing user
may know: for a journalist a protected source is a stranger), or made. An
author with no login
here gets one that stays inactive, with no usable password, until an
administrator opens it.
"""

import re

from django.contrib.auth import get_user_model

from media.display import shorten
from people.models import Person
from people.services import find_or_create_person, find_people


def match_author(author, *, user):
    """
    The staff person an export's ``Author`` stands for, made when there is
    none; found by name among the people ``user`` (who imports) may know.
    """
    User = get_user_model()
    login = User.objects.filter(email__iexact=author.email).first() if author.email else None
    if login is not None and hasattr(login, "person"):
        return login.person
    among = Person.objects.known_to(user)
    name = shorten(author.name, Person._meta.get_field("name").max_length)
    person = find_people(name, among=among).filter(user__isnull=True).first()
    if person is None:
        person, _created = find_or_create_person(name=name, among=among)
    if login is None:
        # A login as Django's sign-in takes it: format 1.0 names authors
        # ("Sok Dara"), and a space is no part of a username.
        base = re.sub(r"[^\w.@+-]+", "-", author.login).strip("-") or "author"
        username = base[:140]
        number = 1
        while User.objects.filter(username=username).exists():
            number += 1
            username = f"{base[:130]}-wp{number}"
        # An archive author's login stays closed until an administrator opens it.
        login = User(
            username=username,
            email=author.email,
            first_name=author.first_name[:150],
            last_name=author.last_name[:150],
            is_active=False,
        )
        login.set_unusable_password()
        login.save()
    if person.user_id is None and not Person.objects.filter(user=login).exists():
        person.user = login
        person.save(update_fields=["user", "updated_at"])
    return person
