"""
``manage.py demo_content``: a synthetic demo newsroom.

Builds staff logins, sections, topics, organizations, people, photographs and
stories in every workflow state, in English and Khmer. Every name, quote,
organization and story is invented; any likeness to real people is chance.
The content (the data files in ``demo/data/``) is built from a fixed random
seed, so every run builds the same newsroom (dates are counted back from the
day of the run). Pictures are drawn ``DEMO_PICTURE_SIZE`` big.

Running it again changes nothing: logins are made only when missing, and the
content is made only when the database holds no story at all, so demo stories
are never mixed into a real archive.
"""

import base64
import functools
import os
import random

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.models import Article, Section, Topic
from demo.build import DemoNewsroom
from demo.reference import make_person
from demo.seeds import DEFAULT_PASSWORD, DEMO_TOTP_SECRET, SEED, STAFF
from media.models import Photograph
from people.models import (
    Organization,
    Person,
)
from quotes.models import Quote


class Command(BaseCommand):
    help = (
        "Build a synthetic demo newsroom (logins, people, organizations, photos and "
        "stories in every workflow state). Safe to run again: it changes nothing the "
        "second time. The password comes from DEMO_PASSWORD, else a printed default."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--code",
            action="store_true",
            help="Only print the current second-factor code of the demo's admin and editor.",
        )

    def handle(self, *args, **options):
        if options["code"]:
            self.stdout.write(demo_code())
            return
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD
        newsroom = None
        try:
            with transaction.atomic():
                staff, logins = self.ensure_staff(password)
                if Article.objects.exists():
                    note = "stories already exist, so no demo content was added"
                else:
                    newsroom = DemoNewsroom(
                        staff=staff,
                        rng=random.Random(SEED),
                        today=timezone.localdate(),
                        picture_size=settings.DEMO_PICTURE_SIZE,
                    )
                    newsroom.build()
                    note = "demo content created"
        except Exception:
            # The rows are rolled back, but not the picture files they named.
            if newsroom:
                newsroom.remove_files()
            raise
        self.stdout.write(
            f"Demo newsroom ({note}): {Section.objects.count()} sections, "
            f"{Topic.objects.count()} topics, {Organization.objects.count()} organizations, "
            f"{Person.objects.count()} people, {Photograph.objects.count()} photos, "
            f"{Article.objects.count()} stories, {Quote.objects.count()} quotes."
        )
        self.stdout.write("")
        self.stdout.write("Logins (/admin/):")
        self.stdout.write(f"  {'username':<12} {'role':<12} password")
        for username, role, shown in logins:
            self.stdout.write(f"  {username:<12} {role:<12} {shown}")
        self.stdout.write("")
        self.stdout.write(
            "admin and editor also give a second factor: add this key to an authenticator\n"
            f"app (type it in, time-based, 6 digits): {DEMO_TOTP_SECRET}\n"
            "or print the current code with: python manage.py demo_content --code"
        )

    def ensure_staff(self, password):
        """
        Make the logins that are missing, all with ``password``; leave existing
        ones as they are. Return the users and, for printing, each login with
        its password, or a note when an existing login has another one.
        """
        # Hashing is deliberately slow: hash once, and only if a login is missing
        # (get_or_create calls a callable default only when it creates).
        encoded = functools.partial(functools.cache(make_password), password)
        verified = {}
        users, logins = {}, []
        for staff in STAFF:
            user, created = User.objects.get_or_create(
                username=staff.username,
                defaults={
                    "first_name": staff.first_name,
                    "last_name": staff.last_name,
                    "email": f"{staff.username}@newsroom.example.org",
                    "is_staff": True,
                    "is_superuser": staff.role == "Superuser",
                    "password": encoded,
                },
            )
            if created and staff.role != "Superuser":
                user.groups.add(Group.objects.get(name=staff.role))
            if created and staff.person:
                make_person(staff.person, user=user)
            if needs_second_factor(user) and not list(devices_for_user(user, confirmed=None)):
                give_demo_app(user)
            if user.password not in verified:
                verified[user.password] = created or user.check_password(password)
            users[staff.username] = user
            shown = password if verified[user.password] else "(existing password kept)"
            logins.append((staff.username, staff.role, shown))
        return users, logins


def needs_second_factor(user):
    return user.is_superuser or user.has_perm("people.change_person")


def give_demo_app(user):
    """An authenticator app with the demo's fixed key (``DEMO_TOTP_SECRET``)."""
    key = base64.b32decode(DEMO_TOTP_SECRET).hex()
    TOTPDevice.objects.create(user=user, name="Demo authenticator app", key=key, confirmed=True)


def demo_code():
    """The code an authenticator app holding the demo's key shows now."""
    totp = TOTP(base64.b32decode(DEMO_TOTP_SECRET))
    return f"{totp.token():06d}"
