"""What the import commands share: the login their ``--user`` names."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError


def named_login(username):
    """
    The login ``--user`` names, None when it names none; a ``CommandError``
    when there is no such login, before anything is read or imported.
    """
    if not username:
        return None
    User = get_user_model()
    try:
        return User.objects.get(username=username)
    except User.DoesNotExist as error:
        raise CommandError(f"There is no login called {username!r}.") from error
