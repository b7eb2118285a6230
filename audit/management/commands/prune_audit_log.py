from django.conf import settings
from django.core.management.base import BaseCommand

from audit.models import Entry


class Command(BaseCommand):
    help = (
        "Remove audit log entries older than AUDIT_LOG_DAYS days (the only way an "
        "entry is ever removed). Run it daily, from cron or a timer."
    )

    def handle(self, *args, **options):
        removed = Entry.objects.prune(settings.AUDIT_LOG_DAYS)
        self.stdout.write(
            f"Removed {removed} audit log entries older than {settings.AUDIT_LOG_DAYS} days."
        )
