"""
Every mail the newsroom sends, read as a mail client reads it: a plain-text
subject, a text and an HTML part, links a mail client can open (the site's
own address, ``SITE_URL``), in the recipient's language, and only to the
people it concerns, never the person who acted.

The mails: the workflow notices (submitted, returned, approved, published,
scheduled, to translate into Khmer) and the password reset.
"""

import datetime
import email
import email.policy
import re

from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from tests.support.factories import make_journalist, make_ready_article, make_section, make_user
from workflow import notifications, services
from workflow.models import LanguagePreference

SITE = "https://news.example.org"
# Characters a template would escape: a subject or text part must keep them as typed.
HEADLINE = "Journalists' safety <training> & “press freedom” day"


def parse(message):
    """``message`` as a mail client reads it, from its bytes."""
    return email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)


def parts(message):
    """The text and HTML parts of ``message``, decoded."""
    parsed = parse(message)
    text = parsed.get_body(preferencelist=("plain",)).get_content()
    html = parsed.get_body(preferencelist=("html",)).get_content()
    return parsed, text, html


def links(html):
    return re.findall(r'href="([^"]*)"', html)


@override_settings(SITE_URL=SITE)
class WorkflowMailTests(TestCase):
    """Each workflow notice, parsed from its bytes."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors", email="desk@example.org")
        cls.other_editor = make_user("night", role="Editors", email="night@example.org")
        cls.author = make_journalist("reporter", name="Sok Chan", email="reporter@example.org")
        cls.section = make_section("Human rights")
        cls.article = make_ready_article(HEADLINE, bylines=[cls.author.person], section=cls.section)
        cls.workspace = f"{SITE}/admin/articles/article/{cls.article.pk}/change/"

    def run_move(self, move):
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            move()
        return list(mail.outbox)

    def submit(self, user=None):
        return self.run_move(
            lambda: services.submit_for_review(article=self.article, user=user or self.author)
        )

    def assert_well_formed(self, message, *, to, subject):
        """One recipient, a plain subject, both parts, every link absolute on the site."""
        parsed, text, html = parts(message)
        self.assertEqual(parsed["To"], to)
        self.assertEqual(parsed["Subject"], subject)
        self.assertEqual(parsed.get_content_type(), "multipart/alternative")
        self.assertNotIn("&#x27;", parsed["Subject"])
        self.assertNotIn("&lt;", text)
        self.assertNotIn("&amp;", text)
        self.assertIn(HEADLINE, text)
        self.assertIn("Journalists&#x27; safety &lt;training&gt; &amp; “press freedom” day", html)
        self.assertNotIn("<training>", html)
        self.assertIn('name="viewport"', html)
        self.assertTrue(links(html))
        for link in links(html) + re.findall(r"https?://\S+", text):
            self.assertTrue(link.startswith(SITE + "/"), link)
        self.assertIn(self.workspace, links(html))
        self.assertIn(self.workspace, text)
        return parsed, text, html

    def test_submitted(self):
        """Editors hear of a submission: the story, its section and who submitted it."""
        messages = self.submit()
        self.assertEqual(
            sorted(message.to[0] for message in messages),
            ["desk@example.org", "night@example.org"],
        )
        _parsed, text, html = self.assert_well_formed(
            messages[0], to="desk@example.org", subject=f"For review: {HEADLINE}"
        )
        self.assertIn("Sok Chan submitted", text)
        self.assertIn("(Human rights) for review.", html)

    def test_an_editor_who_submits_is_not_told(self):
        """The other editors are; the one who submitted is not."""
        messages = self.submit(self.editor)
        self.assertEqual([message.to for message in messages], [["night@example.org"]])

    def test_a_section_editor_who_submits_leaves_it_to_the_other_editors(self):
        """When the section's only editor submits, every other editor hears of it."""
        self.section.editors.add(self.editor)
        messages = self.submit(self.editor)
        self.assertEqual([message.to for message in messages], [["night@example.org"]])

    def test_returned(self):
        """The authors get the editor's note, quoted as typed."""
        self.submit()
        note = "Add the date of the hearing & the judge's <name>."
        [message] = self.run_move(
            lambda: services.return_to_draft(article=self.article, editor=self.editor, note=note)
        )
        _parsed, text, html = self.assert_well_formed(
            message, to="reporter@example.org", subject=f"Returned to you: {HEADLINE}"
        )
        self.assertIn(note, text)
        self.assertIn("Add the date of the hearing &amp; the judge&#x27;s &lt;name&gt;.", html)
        self.assertIn("Make the changes, then submit it again", html)

    def test_approved(self):
        self.submit()
        [message] = self.run_move(
            lambda: services.approve(article=self.article, editor=self.editor)
        )
        _parsed, text, _html = self.assert_well_formed(
            message, to="reporter@example.org", subject=f"Approved: {HEADLINE}"
        )
        self.assertIn("It is not published yet.", text)

    def test_published(self):
        """The authors get the public address too, where readers see the story."""
        self.submit()
        [message] = self.run_move(
            lambda: services.publish(article=self.article, editor=self.editor)
        )
        _parsed, text, html = self.assert_well_formed(
            message, to="reporter@example.org", subject=f"Published: {HEADLINE}"
        )
        self.article.refresh_from_db()
        public = SITE + self.article.get_absolute_url()
        self.assertIn(public, links(html))
        self.assertIn(public, text)
        self.assertEqual(self.client.get(self.article.get_absolute_url()).status_code, 200)

    def test_scheduled(self):
        self.submit()
        when = timezone.now() + datetime.timedelta(days=2)
        [message] = self.run_move(
            lambda: services.approve(article=self.article, editor=self.editor, publish_at=when)
        )
        _parsed, text, _html = self.assert_well_formed(
            message, to="reporter@example.org", subject=f"Scheduled: {HEADLINE}"
        )
        self.assertIn("(Phnom Penh time)", text)

    def test_an_editor_on_the_byline_is_not_told_of_their_own_moves(self):
        """An editor who returns or publishes a story they wrote gets no mail about it."""
        editor_person = make_journalist("writer", name="Keo Dara", email="writer@example.org")
        editor_person.groups.set([Group.objects.get(name="Editors")])
        self.article.bylines.create(person=editor_person.person, position=1)
        self.submit()
        messages = self.run_move(
            lambda: services.publish(article=self.article, editor=editor_person)
        )
        self.assertEqual([message.to for message in messages], [["reporter@example.org"]])

    def test_to_translate_into_khmer(self):
        """The Khmer desk hears of a first approval, with the translation board's address."""
        translator = make_journalist("translator", email="khmer@example.org")
        translator.groups.add(Group.objects.get(name=notifications.KHMER_DESK_GROUP))
        self.submit()
        messages = self.run_move(lambda: services.approve(article=self.article, editor=self.editor))
        [message] = [message for message in messages if message.to == ["khmer@example.org"]]
        _parsed, _text, html = self.assert_well_formed(
            message, to="khmer@example.org", subject=f"To translate into Khmer: {HEADLINE}"
        )
        self.assertIn(f"{SITE}{reverse('admin:articles_article_translations')}", links(html))

    def test_a_khmer_reader_gets_the_mail_in_khmer(self):
        """
        A recipient who reads Khmer gets subject, text and HTML in Khmer,
        marked so; the others keep English.
        """
        LanguagePreference.objects.create(user=self.other_editor, language="km")
        messages = {message.to[0]: message for message in self.submit()}
        parsed, text, html = parts(messages["night@example.org"])
        self.assertEqual(parsed["Subject"], f"សម្រាប់ពិនិត្យ៖ {HEADLINE}")
        self.assertEqual(parsed["Content-Language"], "km")
        self.assertIn("បានដាក់", text)
        self.assertIn("បើករឿងរ៉ាវក្នុងកន្លែងធ្វើការ", text)
        self.assertIn('<html lang="km"', html)
        self.assertIn("បើករឿងរ៉ាវក្នុងកន្លែងធ្វើការ", html)
        self.assertIn(self.workspace, links(html))
        english = parse(messages["desk@example.org"])
        self.assertEqual(english["Subject"], f"For review: {HEADLINE}")

    def test_a_long_khmer_subject_keeps_its_word_breaks(self):
        """A headline folded over several header lines reads as typed, every space kept."""
        headline = "យុវជន បោះឆ្នោត លើកដំបូង នៅ ខេត្ត កំពង់ចាម “press freedom” និង សិទ្ធិ មនុស្ស ដែល ពួកគេ ចង់ បាន"
        self.article.headline = headline
        self.article.save()
        LanguagePreference.objects.create(user=self.other_editor, language="km")
        messages = {message.to[0]: message for message in self.submit()}
        self.assertEqual(parse(messages["desk@example.org"])["Subject"], f"For review: {headline}")
        self.assertEqual(parse(messages["night@example.org"])["Subject"], f"សម្រាប់ពិនិត្យ៖ {headline}")
        raw = messages["desk@example.org"].message().as_bytes()
        self.assertIn(b"\n Subject" if False else b"=?utf-8?", raw)


@override_settings(SITE_URL=SITE)
class PasswordResetMailTests(TestCase):
    """The reset mail: to the account's address only, its link on the site's own address."""

    @classmethod
    def setUpTestData(cls):
        cls.user = make_user("sokha", role="Journalists", email="sokha@example.org")

    def setUp(self):
        cache.clear()

    def ask(self):
        mail.outbox.clear()
        self.client.post(reverse("admin_password_reset"), {"email": "sokha@example.org"})
        [message] = mail.outbox
        return message

    def test_the_reset_mail(self):
        parsed, text, html = parts(self.ask())
        self.assertEqual(parsed["To"], "sokha@example.org")
        self.assertEqual(parsed["Subject"], "Reset your password on news.example.org")
        [link] = links(html)
        self.assertRegex(link, rf"^{re.escape(SITE)}/admin/reset/[^/]+/[^/]+/$")
        self.assertIn(link, text)
        self.assertIn("sokha", text)
        self.assertIn('name="viewport"', html)
        # The link works: it leads to the form for a new password.
        response = self.client.get(link.removeprefix(SITE), follow=True)
        self.assertContains(response, "new_password1")

    def test_in_khmer_for_a_khmer_reader(self):
        LanguagePreference.objects.create(user=self.user, language="km")
        parsed, text, html = parts(self.ask())
        self.assertEqual(parsed["Subject"], "កំណត់ពាក្យសម្ងាត់របស់អ្នកឡើងវិញនៅ news.example.org")
        self.assertIn("ជ្រើសពាក្យសម្ងាត់ថ្មី", text)
        self.assertIn('<html lang="km"', html)
