"""Where passkeys are valid: the relying party ID and origins the settings derive."""

from django.test import SimpleTestCase

from newsroom.second_factor import webauthn_origins, webauthn_rp_id


class PasskeySettingsTests(SimpleTestCase):
    def test_the_site_host_is_the_relying_party(self):
        self.assertEqual(webauthn_rp_id("https://news.example.org"), "news.example.org")
        self.assertEqual(
            webauthn_origins("https://news.example.org", "news.example.org"),
            ["https://news.example.org"],
        )

    def test_an_ip_address_becomes_localhost_on_the_same_port(self):
        """Browsers refuse an IP address as RP ID: development passkeys use localhost."""
        self.assertEqual(webauthn_rp_id("http://127.0.0.1:8000"), "localhost")
        self.assertEqual(
            webauthn_origins("http://127.0.0.1:8000", "localhost"), ["http://localhost:8000"]
        )
