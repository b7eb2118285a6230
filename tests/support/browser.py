"""
Browser tests: a real headless Chromium (Debian's, through Playwright) against
a live server. Screenshots go to ``test-artifacts/`` for a person to look at.

The browser is Chromium's headless shell where it is installed: the same
engine as the full browser without its windowed layer, which Playwright
itself runs for headless tests. The browser classes spend about a third less
CPU in it than in the full ``chromium``, which is still used where the shell
is missing.
"""

import asyncio
import os
import shutil

import pytest
from django.contrib.auth import get_user_model
from django.contrib.staticfiles.testing import StaticLiveServerTestCase
from playwright.sync_api import sync_playwright

from tests.support import ROOT, staff
from workflow.second_factor import policy

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# Resolves once every image has loaded or failed and the fonts are ready. An
# image still waiting for the scroll to reach it is asked for at once; two
# frames are drawn first, so each face the text needs is already on its way.
IMAGES_LOADED = """() => new Promise(
    (drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))
).then(() => Promise.all([
    document.fonts.ready,
    ...Array.from(document.images).filter((image) => !image.complete).map((image) => {
        image.loading = "eager";
        return new Promise((done) => {
            image.addEventListener("load", done, {once: true});
            image.addEventListener("error", done, {once: true});
        });
    }),
]))
.then(() => true)"""


def load_lazy_images(page):
    """
    Scroll through the page, then wait for its images and fonts, so full-page
    screenshots show them: on those, not on half a second without requests.
    """
    height = page.evaluate("document.body.scrollHeight")
    for top in range(0, height, 600):
        page.evaluate(f"window.scrollTo(0, {top})")
    page.evaluate("window.scrollTo(0, 0)")
    page.evaluate(IMAGES_LOADED)


class SharedChromium:
    """
    One Playwright driver and one Chromium for the whole test process: each
    browser test class gets fresh contexts of it, not a browser of its own
    (starting both costs about 1.1 s of CPU, for some 20 classes).

    Between Playwright calls its sync API leaves its event loop marked as
    running in this thread, which Django's async-safety check takes for an
    async context: outside the browser classes the mark is taken off
    (``pause``), so every other test runs with that check as usual, and put
    back before Playwright runs again (``resume``).
    """

    playwright = browser = loop = None

    @classmethod
    def resume(cls):
        if cls.browser is not None and cls.browser.is_connected():
            asyncio._set_running_loop(cls.loop)
            return cls.browser
        cls.close()
        executable = shutil.which("chromium-headless-shell") or shutil.which("chromium")
        if executable is None:
            raise RuntimeError("Chromium is missing: run scripts/ensure-chromium (make test does).")
        cls.playwright = sync_playwright().start()
        cls.loop = asyncio.get_running_loop()
        cls.browser = cls.playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        return cls.browser

    @classmethod
    def pause(cls):
        asyncio._set_running_loop(None)

    @classmethod
    def close(cls):
        """At the end of the run (tests/conftest.py), or to start again after a crash."""
        if cls.playwright is None:
            return
        asyncio._set_running_loop(cls.loop)
        try:
            if cls.browser.is_connected():
                cls.browser.close()
        finally:
            cls.playwright.stop()
            cls.playwright = cls.browser = cls.loop = None


class BrowserTestCase(StaticLiveServerTestCase):
    """A live server and a headless Chromium page per test (``self.page``)."""

    pytestmark = pytest.mark.browser

    host = "127.0.0.1"

    @classmethod
    def setUpClass(cls):
        # Playwright's sync API runs an event loop in this thread; the test's
        # own database calls are still synchronous.
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
        super().setUpClass()
        cls.browser = SharedChromium.resume()

    @classmethod
    def tearDownClass(cls):
        SharedChromium.pause()
        super().tearDownClass()
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)

    def setUp(self):
        super().setUp()
        self.context = self.browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.console_errors = []
        self.page.on(
            "console",
            lambda message: message.type == "error" and self.console_errors.append(message.text),
        )
        self.addCleanup(self.context.close)

    def url(self, path):
        return f"{self.live_server_url}{path}"

    def login(self, username, password):
        """
        Sign in through the admin's login form, then, for staff who need one,
        the second-factor step with a code from their authenticator app.
        """
        user = get_user_model().objects.get(username=username)
        app = staff.authenticator_app(user) if policy.is_required(user) else None
        self.page.goto(self.url("/admin/login/"))
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", password)
        self.page.click("input[type=submit]")
        if app is not None:
            self.page.wait_for_url("**/admin/second-factor/verify/**")
            self.page.fill("#id_code", staff.next_code(app))
            self.page.click("input[type=submit]")
        self.page.wait_for_url(self.url("/admin/"))

    def screenshot(self, name):
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=path, full_page=True)
        return path
