import gc
import shutil

import pytest
from django.conf import settings
from django.db import connections
from django.test import TestCase, TransactionTestCase
from django.test.utils import teardown_databases
from pytest_django.fixtures import _get_databases_for_setup
from pytest_django.plugin import blocking_manager_key

from tests.support import database, schedule
from tests.support.browser import SharedChromium
from tests.support.factories import remember_roles, restore_roles

# The controlling process's folder for the run's migrated template database,
# and the process that migrates it.
TEMPLATE_DIR = pytest.StashKey()
TEMPLATE_BUILDER = pytest.StashKey()


def pytest_addoption(parser):
    parser.addoption(
        "--scope-times",
        action="store_true",
        help="measure each test class and rewrite tests/scope_times.json (tests.support.schedule)",
    )


def pytest_configure(config):
    """
    In the controlling process: with workers, a folder for the migrated
    template, and its migration started while the workers start; with
    --scope-times, the classes' times noted.
    """
    if hasattr(config, "workerinput"):
        return
    workers = getattr(config.option, "numprocesses", None)
    if workers and config.option.dist != "no":
        config.stash[TEMPLATE_DIR] = database.make_template_dir()
        config.stash[TEMPLATE_BUILDER] = database.start_template_build(config.stash[TEMPLATE_DIR])
    if config.option.scope_times:
        config.pluginmanager.register(schedule.ScopeTimes(), "scope-times")


def pytest_xdist_make_scheduler(config, log):
    """``--dist loadscope`` hands out the slowest classes first (tests.support.schedule)."""
    if config.option.dist == "loadscope":
        return schedule.SlowestFirstScheduling(config, log)
    return None


def pytest_unconfigure(config):
    if TEMPLATE_BUILDER in config.stash:
        database.stop_template_build(config.stash[TEMPLATE_BUILDER])
    if TEMPLATE_DIR in config.stash:
        with config.stash[blocking_manager_key].unblock():
            database.remove_template_dir(config.stash[TEMPLATE_DIR])


@pytest.fixture(scope="session", autouse=True)
def _remove_test_uploads():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def _close_chromium():
    """The one Chromium the browser test classes shared (tests.support.browser) stops."""
    yield
    SharedChromium.close()


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_modify_db_settings, django_db_blocker
):
    """
    The test database, migrated, or copied from the run's migrated template
    (``tests.support.database``); its roles noted for ``restore_roles``; then
    everything made so far kept out of the garbage collector's way.
    """
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        old_config = database.setup_test_databases(
            verbosity=verbosity, aliases=aliases, serialized_aliases=serialized_aliases
        )
        remember_roles()
        # Leave no connection open outside the tests: on PostgreSQL one
        # would keep the test database from being dropped at the end.
        connections.close_all()
    # What exists by now (Django, the apps, the collected tests) lives as long
    # as the process: left out of later garbage collections, which would
    # otherwise walk all of it each time (about 8 % of a workspace walk's CPU).
    gc.collect()
    gc.freeze()
    yield
    with django_db_blocker.unblock():
        try:
            teardown_databases(old_config, verbosity=verbosity)
        except Exception as error:  # noqa: BLE001 (as pytest-django's own fixture does)
            request.node.warn(pytest.PytestWarning(f"The test databases stay: {error!r}"))


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
