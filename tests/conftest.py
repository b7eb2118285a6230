import shutil

import pytest
from django.conf import settings


@pytest.fixture(scope="session", autouse=True)
def _remove_test_uploads():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
