import shutil

import pytest
from django.conf import settings
from django.db import connections
from django.test import TestCase, TransactionTestCase

from tests.support.factories import remember_roles, restore_roles


@pytest.fixture(scope="session", autouse=True)
def _remove_test_uploads():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, migrated; its roles noted for ``restore_roles``."""
    with django_db_blocker.unblock():
        remember_roles()
        # Leave no connection open outside the tests: on PostgreSQL one
        # would keep the test database from being dropped at the end.
        connections.close_all()


@pytest.fixture(autouse=True)
def _roles_after_a_flush(request):
    """
    A transaction or live-server test ends by emptying the database, and with
    it the roles the data migrations made: put them back, so the tests after
    it find the roles as the migrations left them, whatever order they run in.
    """
    yield
    instance = request.instance
    if isinstance(instance, TransactionTestCase) and not isinstance(instance, TestCase):
        restore_roles()
        connections.close_all()
