"""
What bench/cluster.py does at the desk and checks on the readers' side: an
editor's change made through one server (a headline, a takedown, a publish,
a photo uploaded and placed) and the time until a reader asking another
server sees it. Only 127.0.0.1 is contacted; every wait is bounded.
"""

import html
import re
import time
import urllib.parse

from load_clients import Editor, FormFields, Servers, form_errors, request
from upload import picture

# How long a reader asking another server may be shown a change's old
# state: not once. The first page asked for after the change was answered
# must show it; the wait is reported, and is mostly how long that server
# takes to answer under the load.
VISIBLE_WITHIN = 5.0
# How long renditions may take after an upload before the run gives up on them.
RENDITIONS_WITHIN = 45.0
STORY = "/admin/articles/article/{pk}/"


class DeskError(Exception):
    """A desk action was not answered as a browser's would be."""


class Desk:
    """An editor signed in through one server only: every action goes there."""

    def __init__(self, port, name, username, password, app_key):
        self.name = name
        self.editor = Editor(Servers([port], names=[name]), username, password, app_key)
        self.editor.log_in()

    def form(self, path, form_id):
        status, _headers, page = self.editor.send("GET", path)
        if status != 200:
            raise DeskError(f"{self.name}: {path} answered {status}")
        return FormFields.parse(page.decode(), form_id)

    def post(self, path, fields, files=None):
        """Post ``fields``; return where the answer redirects to (a 302 is the only success)."""
        status, headers, page = self.editor.send("POST", path, fields, files)
        if status != 302:
            detail = form_errors(page) if status == 200 else ""
            raise DeskError(f"{self.name}: posting {path} answered {status} {detail}".strip())
        return urllib.parse.urlsplit(headers.get("Location", "")).path

    def story_fields(self, pk):
        return self.form(STORY.format(pk=pk) + "change/", "article_form")

    def save_story(self, pk, **changes):
        """Save story ``pk`` through its change form with ``changes`` to its fields."""
        fields = [(name, changes.get(name, value)) for name, value in self.story_fields(pk)]
        return self.post(STORY.format(pk=pk) + "change/", [*fields, ("_save", "Save")])

    def move(self, pk, move, note=""):
        """
        A workflow move (publish, unpublish…) from the story's form, as its
        button posts it. A refused move redirects to the form too, with the
        reason as an error message: that is raised.
        """
        fields = dict(self.story_fields(pk))
        location = self.post(
            STORY.format(pk=pk) + f"move/{move}/",
            {
                "csrfmiddlewaretoken": fields["csrfmiddlewaretoken"],
                "note": note,
                "expected_version": fields["base_version"],
            },
        )
        _status, _headers, page = self.editor.send("GET", location)
        refused = re.findall(r'<li class="error">(.*?)</li>', page.decode(), re.S)
        if refused:
            raise DeskError(f"{self.name}: {move} refused: {html.unescape(refused[0])[:200]}")

    def upload_photo(self, alt_text, picture):
        """A new photograph through the workspace's form; return its id."""
        path = "/admin/media/photograph/add/"
        fields = dict(self.form(path, "photograph_form"))
        fields.update(
            caption="A load-run photo of rice fields near Phnom Penh, December 6, 2026.",
            alt_text=alt_text,
            credit_agency="CamboJA",
            focal_x="50",
            focal_y="50",
            _continue="Save and continue editing",
        )
        location = self.post(path, list(fields.items()), [("image", "field.jpg", picture)])
        found = re.search(r"/photograph/(\d+)/change/", location)
        if not found:
            raise DeskError(f"{self.name}: the upload redirected to {location!r}")
        return int(found.group(1))


def read(port, path, *, hops=2):
    """An anonymous reader's GET through ``port``, following the site's own redirects."""
    status, headers, body = request(port, "GET", path)
    while status in {301, 302} and hops:
        path = urllib.parse.urlsplit(headers["Location"]).path
        status, headers, body = request(port, "GET", path)
        hops -= 1
    return status, body


def until(seen, *, within, every=0.02):
    """
    ``(seconds, reads, asked)`` from now: until ``seen()`` was true, how many
    times it was asked (every ``every`` seconds), and when the asking that
    found it true began. Seconds and asked are None when it was still false
    after ``within`` seconds.
    """
    started = time.perf_counter()
    reads = 0
    while True:
        reads += 1
        asked = time.perf_counter() - started
        if seen():
            return time.perf_counter() - started, reads, asked
        if time.perf_counter() - started > within:
            return None, reads, None
        time.sleep(every)


def shows(port, path, text):
    status, body = read(port, path)
    return status == 200 and text.encode() in body


def gone(port, path):
    return read(port, path)[0] == 404


def picture_bytes():
    """A 2400 × 1600 JPEG: wide enough for every rendition width up to 1920."""
    return picture(2400, 1600)


def rendition_address(body, alt_text):
    """The first rendition address of the picture with ``alt_text`` on a page, or None."""
    text = body.decode(errors="replace")
    for tag in re.findall(r"<picture>.*?</picture>", text, re.S):
        if f'alt="{html.escape(alt_text)}"' in tag:
            found = re.search(r'srcset="([^" ]+)', tag)
            if found and "/renditions/" in found.group(1):
                return html.unescape(found.group(1))
    return None


def fetch(address):
    """GET an absolute address on 127.0.0.1 (the S3 server's signed one): (status, type)."""
    parts = urllib.parse.urlsplit(address)
    if parts.hostname != "127.0.0.1":
        raise DeskError(f"a photo address off this machine: {address[:80]}")
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    status, headers, _body = request(parts.port, "GET", path, headers={"Host": parts.netloc})
    return status, headers.get("Content-Type", "")


def statuses_across(ports, path, fields, tries):
    """
    One browser posting the form at ``path`` ``tries`` times through the
    first server, then once through the second, opening it before each post:
    the statuses of the posts. A limit counted in what the servers share
    refuses the last post as it refused the first server's.
    """
    browser = Editor(Servers(ports), "", "", "")
    statuses = []
    for number in range(tries + 1):
        browser.home = 0 if number < tries else 1
        browser.send("GET", path)
        token = browser.cookies.get("csrftoken", "")
        status, _headers, _page = browser.send(
            "POST", path, [("csrfmiddlewaretoken", token), *fields.items()]
        )
        statuses.append(status)
    return statuses
