"""
The story form in a real browser (headless Chromium), at desk and phone
width: the shape of the job (a full-width headline, a large body with its
preview, compact parts, the workflow in reach) and the editor's return note
shown first to the journalist until they submit again.
"""

from articles.models import Article
from tests.support.browser import BrowserTestCase
from tests.support.factories import (
    make_article,
    make_journalist,
    make_person,
    make_photograph,
    make_quote,
    make_section,
    make_user,
    place_photo,
    restore_roles,
)
from workflow import services

PASSWORD = "a-browser-test-password"
QUOTES = 25
BODY = (
    "Relatives of seven land activists waited outside the court on Thursday.\n\n"
    "[photo 1]\n\n"
    "The families say a company took their farmland in 2019.\n\n"
    "[quote 2]\n\n"
    "## What comes next\n\n"
    "The court will rule on *Monday*."
)
# What the page measures: its height, the headline box's width and the
# content area's, whether it scrolls sideways, and where the workflow box is.
MEASURE = """() => {
    const box = (selector) => {
        const element = document.querySelector(selector);
        return element ? element.getBoundingClientRect() : null;
    };
    const workflow = box("#workflow");
    return {
        height: document.documentElement.scrollHeight,
        scrollWidth: document.documentElement.scrollWidth,
        viewportWidth: window.innerWidth,
        headline: box("#id_headline").width,
        content: box("#content-main").width,
        body: box("#id_body"),
        standfirst: box("#id_standfirst"),
        workflowTop: workflow && workflow.top,
        workflowBottom: workflow && workflow.bottom,
    };
}"""


class StoryFormPage(BrowserTestCase):
    """A journalist and an editor, and the page's console."""

    def setUp(self):
        super().setUp()
        restore_roles()
        self.journalist = make_journalist("reporter", name="Sok Chan", password=PASSWORD)
        self.editor = make_user("desk", role="Editors", password=PASSWORD)
        self.console_messages = []
        self.page.on("console", lambda message: self.console_messages.append(message))

    @property
    def script_errors(self):
        """Errors in the page's console, but for the workspace's missing favicon."""
        return [
            message.text
            for message in self.console_messages
            if message.type == "error" and not message.location["url"].endswith("/favicon.ico")
        ]


class StoryFormBrowserTests(StoryFormPage):
    def setUp(self):
        super().setUp()
        speaker = make_person("Pa Chanroeun")
        self.article = make_article(
            "Families of seven land activists wait outside Kandal court for a ruling on farms",
            bylines=[self.journalist.person, make_person("Keo Dara")],
            section=make_section("Human rights"),
            body=BODY,
        )
        for number in range(1, QUOTES + 1):
            make_quote(
                self.article,
                speaker=speaker,
                text=f"We will not give up our land, not this year and not the next ({number})",
                speaker_role="president of the Cambodian Institute for Democracy",
            )
        for caption in ["Relatives wait outside the court.", "A farmer shows her land title."]:
            place_photo(self.article, make_photograph(caption=caption))
        self.login("reporter", PASSWORD)

    def open_form(self):
        self.page.goto(self.url(f"/admin/articles/article/{self.article.pk}/change/"))
        return self.page.evaluate(MEASURE)

    def test_story_form_at_desk_width(self):
        """At 1280 px: a full-width headline, a large body, the workflow in view, folded parts."""
        figures = self.open_form()
        self.screenshot("story-form-1280")
        print(f"1280 px: {figures}")
        # The headline box spans the form, minus its label.
        self.assertGreater(figures["headline"], 0.75 * figures["content"])
        self.assertGreaterEqual(figures["body"]["height"], 400)
        self.assertGreater(figures["body"]["height"], 3 * figures["standfirst"]["height"])
        self.assertGreaterEqual(figures["workflowTop"], 0)
        self.assertLess(figures["workflowTop"], 900)
        # Scrolled to the quotes, the workflow box is still in view (sticky).
        self.page.locator("#quotes-group").scroll_into_view_if_needed()
        self.assertTrue(self.page.locator("#workflow").is_visible())
        top = self.page.evaluate("document.querySelector('#workflow').getBoundingClientRect().top")
        self.assertGreaterEqual(top, 0)
        self.assertLess(top, 900)
        # The parts are collapsed lists with counts in their headings.
        for group, heading in [
            ("#quotes-group", f"Quotes ({QUOTES})"),
            ("#placed_photos-group", "Photos in the body (2)"),
            ("#bylines-group", "Bylines (2)"),
        ]:
            with self.subTest(group=group):
                summary = self.page.locator(f"{group} summary")
                self.assertIn(heading, summary.text_content())
                self.assertIsNone(self.page.locator(f"{group} details").get_attribute("open"))
        self.page.locator("#quotes-group summary").click()
        self.assertTrue(self.page.locator("#quotes-0").is_visible())
        self.page.locator("#quotes-group summary").click()
        self.assertLess(self.page.evaluate(MEASURE)["height"], 6000)
        self.assertEqual(self.script_errors, [])

    def test_story_form_at_phone_width(self):
        """At 390 px nothing scrolls sideways, and the workflow box comes first."""
        self.page.set_viewport_size({"width": 390, "height": 844})
        figures = self.open_form()
        self.screenshot("story-form-390")
        print(f"390 px: {figures}")
        self.assertLessEqual(figures["scrollWidth"], figures["viewportWidth"])
        self.assertGreater(figures["headline"], 0.85 * figures["content"])
        self.assertGreaterEqual(figures["body"]["height"], 300)
        self.assertLess(figures["workflowTop"], figures["body"]["top"])
        self.assertEqual(self.script_errors, [])

    def test_preview_shows_the_body_as_readers_will(self):
        """The preview renders Markdown and the photo and quote markers, and follows the typing."""
        self.open_form()
        preview = self.page.locator("#body-preview")
        self.assertIn(
            "Relatives wait outside the court.", preview.locator("figure").first.inner_text()
        )
        self.assertIn("We will not give up our land", preview.locator(".pull-quote").inner_text())
        self.assertEqual(preview.locator("h2").inner_text(), "What comes next")
        self.page.fill("#id_body", "A *new* first line.\n\n[quote 7]\n\n[photo 2]")
        self.page.wait_for_selector("#body-preview em:has-text('new')")
        self.assertIn("(7)", preview.locator(".pull-quote").inner_text())
        self.assertIn("A farmer shows her land title.", preview.locator("figure").last.inner_text())
        self.page.fill("#id_body", "<script>document.title = 'owned'</script>\n\n[photo 9]")
        self.page.wait_for_selector("#body-preview :text('No photo 9')")
        self.assertEqual(preview.locator("script").count(), 0)
        self.assertNotEqual(self.page.title(), "owned")
        self.assertEqual(self.script_errors, [])

    def test_preview_without_javascript(self):
        """Without scripts the form still shows the saved body's preview, and saves."""
        self.context.close()
        self.context = self.browser.new_context(
            viewport={"width": 1280, "height": 900}, java_script_enabled=False
        )
        self.addCleanup(self.context.close)
        self.page = self.context.new_page()
        self.login("reporter", PASSWORD)
        self.open_form()
        self.assertIn("What comes next", self.page.inner_text("#body-preview"))
        self.page.fill("#id_body", BODY + "\n\nOne more line.")
        self.page.click("input[name=_continue]")
        self.page.wait_for_selector(".messagelist .success")
        self.article.refresh_from_db()
        self.assertTrue(self.article.body.endswith("One more line."))


class ReturnNoteBrowserTests(StoryFormPage):
    """The editor's latest return note is the first thing the journalist sees, until resubmitted."""

    def setUp(self):
        super().setUp()
        self.article = make_article(bylines=[self.journalist.person])
        services.submit_for_review(article=self.article, user=self.journalist)
        services.return_to_draft(article=self.article, editor=self.editor, note="Name the judge.")
        services.submit_for_review(article=self.article, user=self.journalist)
        services.return_to_draft(
            article=self.article, editor=self.editor, note="Add the court's reply, with its date."
        )
        self.login("reporter", PASSWORD)

    def test_latest_note_first_until_resubmitted(self):
        page = self.page
        for width in [1280, 390]:
            with self.subTest(width=width):
                page.set_viewport_size({"width": width, "height": 844})
                page.goto(self.url(f"/admin/articles/article/{self.article.pk}/change/"))
                note = page.locator("#return-note")
                self.assertIn("Add the court's reply, with its date.", note.inner_text())
                self.assertNotIn("Name the judge.", note.inner_text())
                self.assertIn("desk", note.inner_text())
                # Above every other box of the page, and in view on opening it.
                top = note.bounding_box()["y"]
                self.assertLess(top, 400)
                for other in ["#workflow", "#article_form"]:
                    self.assertLess(top, page.locator(other).bounding_box()["y"])
                self.screenshot(f"story-form-return-note-{width}")
        page.click("#save-and-submit")
        page.wait_for_selector(".messagelist .success")
        self.article.refresh_from_db()
        self.assertEqual(self.article.status, Article.Status.IN_REVIEW)
        self.assertEqual(page.locator("#return-note").count(), 0)
        self.assertEqual(self.script_errors, [])
