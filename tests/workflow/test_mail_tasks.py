"""
The newsroom's mails are sent by background tasks: a move or a reset request
returns before any mail server is asked, the mail goes once the worker runs,
a move that is rolled back sends nothing, a mail server that is down delays
the mail (retried, visible to staff) and never loses it, and no reset link is
ever stored in the task list.
"""

import json
import re

from django.core import mail
from django.core.cache import cache
from django.db import transaction
from django.tasks import TaskResultStatus
from django.test import TransactionTestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles.models import Article
from tests.support.factories import make_journalist, make_ready_article, make_user, restore_roles
from tests.support.staff import sign_in
from tests.support.tasks import DATABASE_TASKS, run_tasks
from workflow import services

# A port nothing listens on: the connection is refused at once.
MAIL_SERVER_DOWN = override_settings(
    MAILERS={
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
        }
    }
)


def mail_tasks(name):
    return DBTaskResult.objects.filter(task_path=f"workflow.tasks.{name}").order_by("enqueued_at")


@DATABASE_TASKS
class StoryNoticeTaskTests(TransactionTestCase):
    # The worker closes its database connection: the test cannot hold a transaction.
    def setUp(self):
        restore_roles()
        cls = self
        cls.editor = make_user("desk", role="Editors", email="desk@example.org")
        cls.night = make_user("night", role="Editors", email="night@example.org")
        cls.author = make_journalist("reporter", name="Sok Chan", email="reporter@example.org")
        cls.article = make_ready_article("Flood waters rise", bylines=[cls.author.person])
        mail.outbox.clear()

    def test_a_move_returns_before_the_mail_is_sent(self):
        services.submit_for_review(article=self.article, user=self.author)
        self.assertEqual(mail.outbox, [])
        [queued] = mail_tasks("send_notices")
        self.assertEqual(queued.status, TaskResultStatus.READY)

        run_tasks()
        self.assertEqual(
            sorted(message.to[0] for message in mail.outbox),
            ["desk@example.org", "night@example.org"],
        )
        self.assertEqual(mail_tasks("send_notices").get().status, TaskResultStatus.SUCCESSFUL)

    def test_a_move_rolled_back_leaves_no_mail_to_send(self):
        with self.assertRaises(RuntimeError), transaction.atomic():
            services.submit_for_review(article=self.article, user=self.author)
            raise RuntimeError("the request failed after the move")
        self.assertFalse(mail_tasks("send_notices").exists())
        run_tasks()
        self.assertEqual(mail.outbox, [])
        self.assertEqual(Article.objects.get(pk=self.article.pk).status, Article.Status.DRAFT)

    def test_a_mail_server_down_delays_the_mail_and_loses_none(self):
        services.submit_for_review(article=self.article, user=self.author)
        with MAIL_SERVER_DOWN, self.assertLogs("workflow.tasks", "ERROR"):
            run_tasks()
        failed, retry = mail_tasks("send_notices")
        self.assertEqual(failed.status, TaskResultStatus.FAILED)
        self.assertEqual(retry.status, TaskResultStatus.READY)
        self.assertGreater(retry.run_after, timezone.now())
        kwargs = retry.args_kwargs["kwargs"]
        self.assertEqual(kwargs["attempt"], 2)
        self.assertEqual(sorted(kwargs["user_ids"]), sorted([self.editor.pk, self.night.pk]))
        self.assertEqual(Article.objects.get(pk=self.article.pk).status, Article.Status.IN_REVIEW)

        # Staff see the failed try among the background tasks.
        sign_in(self.client, make_user("admin", is_superuser=True))
        listed = self.client.get("/admin/django_tasks_database/dbtaskresult/?status__exact=FAILED")
        self.assertContains(listed, '<td class="field-task_name">send_notices</td>', count=1)

        # The server is back and the pause has passed: each editor gets one mail.
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
        run_tasks()
        self.assertEqual(
            sorted(message.to[0] for message in mail.outbox),
            ["desk@example.org", "night@example.org"],
        )


@DATABASE_TASKS
class PasswordResetTaskTests(TransactionTestCase):
    def setUp(self):
        restore_roles()
        self.user = make_user("sokha", role="Journalists", email="sokha@example.org")
        cache.clear()
        mail.outbox.clear()

    def ask(self, address):
        response = self.client.post(reverse("admin_password_reset"), {"email": address})
        self.assertRedirects(response, reverse("password_reset_done"))

    def test_the_link_is_made_when_sent_and_stored_nowhere(self):
        self.ask("sokha@example.org")
        self.assertEqual(mail.outbox, [])
        [queued] = mail_tasks("send_password_reset")
        self.assertEqual(queued.args_kwargs, {"args": [], "kwargs": {"user_id": self.user.pk}})

        run_tasks()
        [message] = mail.outbox
        self.assertEqual(message.to, ["sokha@example.org"])
        [link] = re.findall(r"https?://\S+/admin/reset/\S+/", message.body)
        stored = json.dumps(
            list(DBTaskResult.objects.values("args_kwargs", "return_value", "traceback"))
        )
        self.assertNotIn(link.rstrip("/").rsplit("/", 1)[-1], stored)
        # The link works.
        response = self.client.get(link.removeprefix("http://testserver"), follow=True)
        self.assertContains(response, "new_password1")

    def test_an_unknown_address_enqueues_nothing(self):
        self.ask("nobody@example.org")
        self.assertFalse(mail_tasks("send_password_reset").exists())

    def test_a_mail_server_down_is_logged_and_retried(self):
        self.ask("sokha@example.org")
        with MAIL_SERVER_DOWN, self.assertLogs("django.contrib.auth", "ERROR"):
            run_tasks()
        failed, retry = mail_tasks("send_password_reset")
        self.assertEqual(failed.status, TaskResultStatus.FAILED)
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
        run_tasks()
        self.assertEqual([message.to for message in mail.outbox], [["sokha@example.org"]])

    def test_a_reset_asked_for_then_the_account_closed_sends_nothing(self):
        self.ask("sokha@example.org")
        type(self.user).objects.filter(pk=self.user.pk).update(is_active=False)
        run_tasks()
        self.assertEqual(mail.outbox, [])


@DATABASE_TASKS
class AccountNoticeTaskTests(TransactionTestCase):
    def setUp(self):
        restore_roles()
        mail.outbox.clear()
        self.user = make_user("sokha", role="Journalists", email="sokha@example.org")

    def test_a_password_change_is_told_even_when_the_mail_server_was_down(self):
        self.user.set_password("a new long passphrase")
        self.user.save()
        self.assertEqual(mail.outbox, [])
        with MAIL_SERVER_DOWN, self.assertLogs("workflow.tasks", "ERROR"):
            run_tasks()
        failed, retry = mail_tasks("send_account_notice")
        self.assertEqual(failed.status, TaskResultStatus.FAILED)
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
        run_tasks()
        [message] = mail.outbox
        self.assertEqual(message.to, ["sokha@example.org"])
        self.assertEqual(message.subject, "Your newsroom password was changed")
        self.assertIn("(Phnom Penh time)", message.body)
