"""
A password alone reaches no workspace address for an editor: every route
under ``/admin/`` (each registered admin's pages and the pages apps add to
them, previews, the desk, uploads, exports, the site's own pages and its
catch-all), asked with GET and POST, sends them to give or set up their
second factor before any view runs.
"""

import re

from django.test import TestCase
from django.urls import URLResolver, get_resolver, reverse

from tests.support.factories import make_user
from tests.support.staff import authenticator_app, sign_in
from tests.support.workspace import admin_url, registered_admins
from workflow.second_factor.middleware import is_open

SAMPLE_VALUES = {"int": "1", "path": "1", "str": "1", "slug": "x", "uuid": "0" * 32}


def workspace_routes(resolver=None, prefix=""):
    """(route, pattern) of every URL pattern of the site under ``admin/``."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from workspace_routes(pattern, route)
        elif route.lstrip("^").startswith("admin/"):
            yield route, pattern


def sample_paths(route):
    """Addresses ``route`` answers: converters and regex groups given sample values."""
    choices = re.search(r"\(\?P<app_label>([\w|]+)\)", route)
    paths = (
        [route.replace(choices[0], label) for label in choices[1].split("|")]
        if choices
        else [route]
    )
    paths = [re.sub(r"\(\?P<\w+>\.\*\)", "anything/", p) for p in paths]
    paths = [re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE_VALUES[m[1] or "str"], p) for p in paths]
    return ["/" + p.replace("^", "").replace("$", "") for p in paths]


def every_workspace_address():
    addresses = []
    for route, _pattern in workspace_routes():
        addresses += sample_paths(route)
    return sorted(set(addresses))


class PasswordAloneTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("desk", role="Editors")
        cls.addresses = every_workspace_address()

    def assert_stopped(self, response, path, step):
        if response.status_code == 403:
            return
        self.assertEqual(response.status_code, 302, path)
        self.assertTrue(response.url.startswith(reverse(step)), (path, response.url))

    def walk(self, step):
        walked = 0
        for path in self.addresses:
            match = get_resolver().resolve(path)
            if is_open(match):
                continue
            walked += 1
            with self.subTest(path=path):
                self.assert_stopped(self.client.get(path), path, step)
                self.assert_stopped(self.client.post(path, {"code": "1"}), path, step)
        return walked

    def test_the_walk_covers_every_registered_admin(self):
        """The sample addresses include each registered admin's list and change page."""
        for model, _model_admin in registered_admins():
            with self.subTest(model=model._meta.label):
                self.assertIn(admin_url(model, "changelist"), self.addresses)
                self.assertIn(admin_url(model, "change", 1), self.addresses)
        self.assertGreater(len(self.addresses), 150)

    def test_an_editor_without_a_factor_is_sent_to_set_one_up(self):
        self.client.force_login(self.editor)
        walked = self.walk("second_factor:factors")
        self.assertGreater(walked, 120)

    def test_an_editor_with_a_factor_who_has_not_given_it_is_asked_for_it(self):
        authenticator_app(self.editor)
        self.client.force_login(self.editor)
        self.walk("second_factor:verify")

    def test_with_the_second_factor_the_same_walk_reaches_the_workspace(self):
        """The control: the addresses walked are the workspace's pages."""
        sign_in(self.client, self.editor)
        for model, _model_admin in registered_admins():
            with self.subTest(model=model._meta.label):
                response = self.client.get(admin_url(model, "changelist"))
                self.assertIn(response.status_code, {200, 403})
        self.assertEqual(self.client.get("/admin/").status_code, 200)
