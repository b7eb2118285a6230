"""
How long an editor waits for a large photo: a 24-megapixel JPEG (6000 × 4000,
drawn with Pillow) posted to the workspace's single-photo form, timed from
the request to its response, then, with renditions made by a task worker, the
time until every rendition exists.

    .venv/bin/python bench/upload.py [--runs 3]

A throwaway instance in a temporary folder (SQLite, uploads on disk); the
worker, when the site has one, is ``manage.py run_worker`` in a process of its
own, stopped by its id afterwards. Only 127.0.0.1 is contacted.
"""

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def picture(width=6000, height=4000):
    """A JPEG of lines across a green field, drawn with Pillow."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), (90, 140, 70))
    draw = ImageDraw.Draw(image)
    for step in range(0, width, 40):
        draw.line([(step, 0), (width - step, height)], fill=(step % 255, 80, 160), width=9)
    output = io.BytesIO()
    image.save(output, "JPEG", quality=92)
    return output.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="newsroom-bench-upload-"))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        VAR_DIR=str(folder),
        MEDIA_ROOT=str(folder / "uploads"),
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        CACHE_LOCATION=str(folder / "cache"),
        LOG_LEVEL="WARNING",
        ALLOWED_HOSTS="testserver",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client

    from media.models import Photograph
    from media.renditions import renditions_complete

    call_command("migrate", verbosity=0)
    editor = User.objects.create_superuser("bench-editor", "bench@example.org", "bench")
    client = Client()
    client.force_login(editor)
    data = picture()
    print(f"picture: 6000 × 4000, {len(data) / 1_000_000:.1f} MB JPEG")

    background = "django_tasks_db" in settings.INSTALLED_APPS
    worker = None
    if background:
        worker = subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
            [sys.executable, "manage.py", "run_worker", "--no-reload", "--verbosity", "0"],
            cwd=ROOT,
            env=os.environ.copy(),
        )
    responses, complete = [], []
    try:
        for run in range(options.runs):
            started = time.perf_counter()
            response = client.post(
                "/admin/media/photograph/add/",
                {
                    "image": SimpleUploadedFile(f"big-{run}.jpg", data, "image/jpeg"),
                    "caption": f"A large photo, run {run}, Phnom Penh, July 7, 2026.",
                    "alt_text": "Lines across a green field.",
                    "credit_agency": "CamboJA",
                    "focal_x": "50",
                    "focal_y": "50",
                },
            )
            answered = time.perf_counter() - started
            if response.status_code != 302:
                raise SystemExit(f"upload failed: {response.status_code}")
            photograph = Photograph.objects.latest("pk")
            while not renditions_complete(photograph):
                if time.perf_counter() - started > 120:
                    raise SystemExit("renditions still missing after 120 s")
                time.sleep(0.05)
                photograph.refresh_from_db()
            responses.append(answered)
            complete.append(time.perf_counter() - started)
            print(f"run {run + 1}: response {answered:.2f} s, renditions {complete[-1]:.2f} s")
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=30)
    print(
        f"median: response {statistics.median(responses):.2f} s, "
        f"all renditions {statistics.median(complete):.2f} s "
        f"({'made by a task worker' if background else 'made in the request'})"
    )


if __name__ == "__main__":
    main()
