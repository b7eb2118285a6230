"""
A passkey in a real browser: headless Chromium with its virtual
authenticator (the DevTools WebAuthn domain, through Playwright's CDP
session) registers one from the second-factor page, then signs in with it.

WebAuthn needs a secure context and a domain for its relying party ID:
Chromium refuses an IP address (127.0.0.1) there (registering fails), so the live server is
reached as http://localhost, the RP ID the settings derive for it.
"""

from django.test import override_settings
from django_otp_webauthn.models import WebAuthnCredential

from tests.support.browser import BrowserTestCase
from tests.support.factories import make_user

PASSWORD = "a-browser-test-password"  # noqa: S105


class PasskeyTests(BrowserTestCase):
    host = "localhost"

    def setUp(self):
        super().setUp()
        settings = override_settings(
            OTP_WEBAUTHN_RP_ID="localhost", OTP_WEBAUTHN_ALLOWED_ORIGINS=[self.live_server_url]
        )
        settings.enable()
        self.addCleanup(settings.disable)
        self.editor = make_user("desk", role="Editors", password=PASSWORD, email="d@example.org")
        devtools = self.context.new_cdp_session(self.page)
        devtools.send("WebAuthn.enable")
        devtools.send(
            "WebAuthn.addVirtualAuthenticator",
            {
                "options": {
                    "protocol": "ctap2",
                    "transport": "internal",
                    "hasResidentKey": True,
                    "hasUserVerification": True,
                    "isUserVerified": True,
                    "automaticPresenceSimulation": True,
                }
            },
        )

    def sign_in_with_password(self):
        self.page.goto(self.url("/admin/login/"))
        self.page.fill("#id_username", "desk")
        self.page.fill("#id_password", PASSWORD)
        self.page.click("input[type=submit]")

    def test_register_a_passkey_then_sign_in_with_it(self):
        # First sign-in: an editor with no factor is led to set one up.
        self.sign_in_with_password()
        self.page.wait_for_url("**/admin/second-factor/?next=**")
        self.page.click("#passkey-register-button")
        self.page.locator(".second-factor-list").wait_for()
        self.assertIn("Passkey or security key", self.page.inner_text(".second-factor-list"))
        self.screenshot("second-factor-passkey-added")
        credential = WebAuthnCredential.objects.get(user=self.editor)
        self.assertTrue(credential.confirmed)
        self.page.goto(self.url("/admin/"))
        self.page.wait_for_url(self.url("/admin/"))

        # Signed out, then in again: the password, then the passkey.
        self.context.clear_cookies()
        self.sign_in_with_password()
        self.page.wait_for_url("**/admin/second-factor/verify/**")
        self.page.click("#passkey-verification-button")
        self.page.wait_for_url(self.url("/admin/"))
        self.assertEqual(self.page.inner_text("h1"), "Workspace")
        credential.refresh_from_db()
        self.assertIsNotNone(credential.last_used_at)
        # The one error a page may log: the browser's own request for /favicon.ico.
        self.assertEqual([error for error in self.console_errors if "404" not in error], [])
