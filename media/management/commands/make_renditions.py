"""Make the renditions that photographs lack (photos filed before they existed)."""

import time

from django.core.management.base import BaseCommand

from media.models import Photograph
from media.services import make_missing_renditions


class Command(BaseCommand):
    help = (
        "Make every missing rendition (and perceptual fingerprint) of the photo "
        "library. Safe to run again, and beside editors at work: a photograph "
        "that already has its renditions is left alone."
    )

    def handle(self, *args, **options):
        made = 0
        started = time.perf_counter()
        for photograph in Photograph.objects.order_by("pk").iterator():
            made += make_missing_renditions(photograph=photograph)
        self.stdout.write(
            f"Renditions made for {made} photographs in {time.perf_counter() - started:.1f} s."
        )
