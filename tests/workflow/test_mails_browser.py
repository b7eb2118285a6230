"""
The HTML part of a workflow mail on a phone, in headless Chromium: it fits
320 CSS pixels without scrolling sideways, however long the story's address
or the editor's note, and its button is a target a thumb can hit.
"""

import email
import email.policy

from django.core import mail
from django.test import override_settings

from tests.support.browser import BrowserTestCase
from tests.support.factories import make_journalist, make_ready_article, make_user
from workflow import services


@override_settings(SITE_URL="https://news.example.org")
class MailOnAPhoneTests(BrowserTestCase):
    def test_a_returned_story_mail_at_320_pixels(self):
        editor = make_user("mail-editor", role="Editors", email="desk@example.org")
        author = make_journalist("mail-author", email="reporter@example.org")
        article = make_ready_article(
            "Young voters in Kampong Cham prepare to cast their first ballots",
            bylines=[author.person],
        )
        services.submit_for_review(article=article, user=author)
        note = (
            "See https://www.example.org/reports/2024/a-very-long-address-without-any-break-at-all"
        )
        mail.outbox.clear()
        # Outside a test transaction: the mail goes once the move is committed.
        services.return_to_draft(article=article, editor=editor, note=note)
        [message] = mail.outbox
        parsed = email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)
        html = parsed.get_body(preferencelist=("html",)).get_content()
        context = self.browser.new_context(viewport={"width": 320, "height": 640})
        self.addCleanup(context.close)
        page = context.new_page()
        page.set_content(html)
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        self.assertEqual(widths, [320, 320])
        button = page.locator("a").first.bounding_box()
        self.assertGreaterEqual(button["height"], 44)
        self.assertLessEqual(button["x"] + button["width"], 320)
        self.page = page
        self.screenshot("mail-returned-320")
