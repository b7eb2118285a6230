"""
The clients of the load runs (bench/load.py on one server, bench/cluster.py
on several): readers, editors signing in and saving through the admin's
change form as a browser would, the health probe, and the servers, budget
and tally they share. Only 127.0.0.1 is contacted; every loop stops at the
budget's deadline or its cap on requests.
"""

import collections
import html
import html.parser
import http.client
import http.cookies
import random
import re
import threading
import time
import urllib.parse
import uuid

from authenticator import fresh_code

TIMEOUT = 30
# The site's address (SITE_URL without the scheme): every server is asked for it.
SITE_HOST = "127.0.0.1"


class Budget:
    """The deadline and the cap on requests, shared by every thread."""

    def __init__(self, seconds, cap):
        self.deadline = time.monotonic() + seconds
        self.cap = cap
        self.used = 0
        self.lock = threading.Lock()

    def take(self):
        if time.monotonic() >= self.deadline:
            return False
        with self.lock:
            if self.used >= self.cap:
                return False
            self.used += 1
            return True


class Tally:
    """Errors by kind, and the examples kept of each."""

    def __init__(self):
        self.counts = collections.Counter()
        self.examples = {}
        self.lock = threading.Lock()

    def add(self, kind, example=""):
        with self.lock:
            self.counts[kind] += 1
            self.examples.setdefault(kind, example)


def request(port, method, path, *, headers=None, body=None):
    """One request on its own connection: (status, headers, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        connection.request(method, path, body=body, headers=headers or {"Host": SITE_HOST})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


class Servers:
    """
    The app servers behind the site's one address, as a load balancer sees
    them: a request goes to the server asked for, and on to the next when
    that one refuses the connection (the request never reached it, so even a
    POST may go again). Every client sends ``Host: 127.0.0.1``, the site's
    address, whichever server it reaches. ``down`` names the servers the run
    stopped on purpose: what fails on them then is expected, and tallied as such.
    """

    def __init__(self, ports, names=None):
        self.ports = list(ports)
        self.names = list(names) if names else [chr(ord("A") + n) for n in range(len(self.ports))]
        self.answered = collections.Counter()
        self.refused = collections.Counter()
        self.down = set()
        self.lock = threading.Lock()

    def label(self, index):
        return self.names[index]

    def send(self, method, path, *, prefer=0, headers=None, body=None):
        """
        ``(index, status, headers, body)`` from the first server, from
        ``prefer`` on, that takes the connection. Another error is raised
        with the server's name as its ``server``.
        """
        count = len(self.ports)
        for step in range(count):
            index = (prefer + step) % count
            try:
                status, response_headers, content = request(
                    self.ports[index], method, path, headers=headers, body=body
                )
            except ConnectionRefusedError as error:
                with self.lock:
                    self.refused[self.names[index]] += 1
                if step == count - 1:
                    error.server = self.names[index]
                    raise
                continue
            except OSError as error:
                error.server = self.names[index]
                raise
            with self.lock:
                self.answered[self.names[index]] += 1
            return index, status, response_headers, content
        raise AssertionError("no server to send to")

    def error_kind(self, who, error):
        """The tally's kind for ``error``; expected when its server was stopped on purpose."""
        name = getattr(error, "server", "")
        kind = f"{on(who, name)}: {type(error).__name__}"
        return f"expected, {name} down: {kind}" if name in self.down else kind


def on(who, name):
    return f"{who} on {name}" if name else who


def failure_kind(who, status, headers):
    if status == 503 and headers.get("Retry-After"):
        return f"{who}: 503 with Retry-After (database busy)"
    return f"{who}: HTTP {status}"


# Readers.


def reader(servers, pages, forbidden, budget, tally, latencies, lock):
    """Load pages from any server, as anonymous readers behind one address."""
    mine = []
    chooser = random.Random()  # noqa: S311 (which page and server, not a secret)
    while budget.take():
        path = chooser.choice(pages)
        started = time.perf_counter()
        try:
            index, status, headers, body = servers.send(
                "GET", path, prefer=chooser.randrange(len(servers.ports))
            )
        except OSError as error:
            tally.add(servers.error_kind("reader", error), f"{path}: {error}")
            continue
        mine.append(time.perf_counter() - started)
        name = servers.label(index)
        if status != 200:
            tally.add(failure_kind(on("reader", name), status, headers), path)
        for needle in forbidden:
            if needle in body:
                tally.add(f"{on('reader', name)}: leak of {needle.decode()[:60]!r}", path)
    with lock:
        latencies.extend(mine)


# Editors.


class FormFields(html.parser.HTMLParser):
    """
    What a browser would post for the form with id ``form_id``: text and hidden
    inputs, checked boxes, text areas, and each select's chosen options (the
    first option when none is chosen, as a browser does). Buttons and files
    are left out; the caller adds the button pressed.
    """

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields = []
        self.textarea = None
        self.select = None
        self.option = None

    def belongs(self, attrs):
        owner = attrs.get("form")
        return owner == self.form_id if owner else self.inside

    def handle_starttag(self, tag, attrs):
        attrs = {name: (value if value is not None else "") for name, value in attrs}
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
            return
        if tag == "input" and self.belongs(attrs) and attrs.get("name"):
            kind = attrs.get("type", "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            default = "on" if kind in {"checkbox", "radio"} else ""
            self.fields.append([attrs["name"], attrs.get("value", default)])
        elif tag == "textarea" and self.belongs(attrs) and attrs.get("name"):
            self.textarea = [attrs["name"], "", "textarea"]
            self.fields.append(self.textarea)
        elif tag == "select" and self.belongs(attrs) and attrs.get("name"):
            self.select = {
                "name": attrs["name"],
                "multiple": "multiple" in attrs,
                "options": [],
            }
        elif tag == "option" and self.select is not None:
            self.option = [attrs.get("value"), "", "selected" in attrs]
            self.select["options"].append(self.option)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data
        if self.option is not None:
            self.option[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self.textarea = None
        elif tag == "option":
            self.option = None
        elif tag == "select" and self.select is not None:
            options = [
                (value if value is not None else text.strip(), chosen)
                for value, text, chosen in self.select["options"]
            ]
            chosen = [value for value, picked in options if picked]
            if not chosen and options and not self.select["multiple"]:
                chosen = [options[0][0]]
            self.fields.extend([self.select["name"], value] for value in chosen)
            self.select = None
            self.option = None

    @classmethod
    def parse(cls, page, form_id):
        parser = cls(form_id)
        parser.feed(page)
        parser.close()
        # A browser drops the newline that follows <textarea>'s start tag.
        return [
            (field[0], field[1].removeprefix("\n") if len(field) == 3 else field[1])
            for field in parser.fields
        ]


class Editor:
    """
    One signed-in editor: a cookie jar and the requests a browser would make,
    sent to the editor's server (``home``), and from then on to another one
    when that one refuses the connection.
    """

    def __init__(self, servers, username, password, app_key, home=0):
        self.servers = servers
        self.home = home
        self.username = username
        self.password = password
        self.app_key = app_key
        self.cookies = {}

    @property
    def server(self):
        return self.servers.label(self.home)

    def send(self, method, path, fields=None, files=None):
        headers = {"Host": SITE_HOST}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if files:
            body, headers["Content-Type"] = multipart(fields or [], files)
        elif fields is not None:
            body = urllib.parse.urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if body is not None:
            headers["Origin"] = f"http://{SITE_HOST}"
            headers["Referer"] = f"http://{SITE_HOST}{path}"
        self.home, status, response_headers, content = self.servers.send(
            method, path, prefer=self.home, headers=headers, body=body
        )
        for line in response_headers.get_all("Set-Cookie") or []:
            jar = http.cookies.SimpleCookie()
            jar.load(line)
            for name, morsel in jar.items():
                expired = morsel["max-age"] == "0" or "1970" in morsel["expires"]
                if expired:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return status, response_headers, content

    def log_in(self):
        status, _, page = self.send("GET", "/admin/login/?next=/admin/")
        if status != 200:
            raise RuntimeError(f"{self.username}: the sign-in page answered {status}")
        fields = dict(FormFields.parse(page.decode(), "login-form"))
        fields.update(username=self.username, password=self.password, next="/admin/")
        status, headers, _ = self.send("POST", "/admin/login/?next=/admin/", fields)
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"{self.username}: signing in answered {status}, not a redirect")
        return self.give_second_factor()

    def give_second_factor(self):
        """The second-factor step, with the code the editor's authenticator app shows now."""
        verify = "/admin/second-factor/verify/?next=/admin/"
        status, _, page = self.send("GET", verify)
        if status != 200:
            raise RuntimeError(f"{self.username}: the second-factor step answered {status}")
        fields = dict(FormFields.parse(page.decode(), "second-factor-form"))
        fields["code"] = fresh_code(self.app_key)
        status, headers, _ = self.send("POST", verify, fields)
        if status != 302:
            raise RuntimeError(f"{self.username}: the second factor answered {status}")
        return headers.get("Location")


def multipart(fields, files):
    """A ``multipart/form-data`` body of ``fields`` and ``files`` (name, filename, bytes)."""
    boundary = f"load-{uuid.uuid4().hex}"
    parts = []
    for name, value in fields:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + str(value).encode()
            + b"\r\n"
        )
    for name, filename, content in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def form_errors(page):
    """The error texts of a change form that was sent back."""
    text = page.decode(errors="replace")
    found = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', text, re.S)
    found += re.findall(r'<p class="errornote">(.*?)</p>', text, re.S)
    plain = [html.unescape(re.sub(r"<[^>]+>", " ", chunk)) for chunk in found]
    return " | ".join(" ".join(chunk.split()) for chunk in plain)[:300] or "(no error shown)"


def editor_loop(editor, number, story, base_body, budget, tally, record):
    """
    Save ``story`` through the change form until the time is up. A save is
    counted only when answered with the redirect a saved form gets; one that
    got no answer is ``unconfirmed``: it may or may not have been kept.
    """
    change = f"/admin/articles/article/{story}/change/"
    done = {"/admin/articles/article/", change}
    servers = editor.servers
    attempt = 0
    while budget.take():
        try:
            status, headers, page = editor.send("GET", change)
        except OSError as error:
            tally.add(servers.error_kind("editor opening the form", error), str(error))
            continue
        if status != 200:
            tally.add(
                failure_kind(on("editor opening the form", editor.server), status, headers), change
            )
            continue
        fields = FormFields.parse(page.decode(), "article_form")
        names = {name for name, _ in fields}
        if "body" not in names or "base_version" not in names:
            tally.add("editor: the change form has no body or version field", change)
            continue
        attempt += 1
        marker = f"load-marker-{number}-{attempt:06d}"
        fields = [
            (name, f"{base_body}\n\n{marker}" if name == "body" else value)
            for name, value in fields
        ]
        fields.append(("_save", "Save"))
        if not budget.take():
            attempt -= 1
            break
        started = time.perf_counter()
        try:
            status, headers, page = editor.send("POST", change, fields)
        except OSError as error:
            # The save may or may not have been kept: it is not counted as one.
            record["unconfirmed"].append(marker)
            tally.add(servers.error_kind("editor saving", error), str(error))
            continue
        elapsed = time.perf_counter() - started
        location = urllib.parse.urlsplit(headers.get("Location", "")).path
        if status == 302 and location in done:
            record["saved"].append(marker)
            record["latencies"].append(elapsed)
            record.setdefault("servers", collections.Counter())[editor.server] += 1
        elif status == 200:
            tally.add(
                f"{on('editor', editor.server)}: save refused, form sent back", form_errors(page)
            )
        elif status == 302:
            tally.add(
                f"{on('editor', editor.server)}: save redirected elsewhere",
                headers.get("Location", ""),
            )
        else:
            record["unconfirmed"].append(marker)
            tally.add(failure_kind(on("editor saving", editor.server), status, headers), change)


# Health.


def health_loop(servers, budget, stop, results):
    """
    Ask every server's /healthz once a second, each on its own thread: a slow
    answer delays no next one. ``results`` gets ``(server, status, seconds,
    down)``, ``down`` when the run had stopped that server on purpose.
    """

    def probe(index):
        name = servers.label(index)
        started = time.monotonic()
        try:
            status = request(servers.ports[index], "GET", "/healthz")[0]
        except OSError as error:
            status = type(error).__name__
        results.append((name, status, time.monotonic() - started, name in servers.down))

    probes = []
    tick = time.monotonic()
    while not stop.is_set() and budget.take():
        for index in range(len(servers.ports)):
            probes.append(threading.Thread(target=probe, args=(index,)))
            probes[-1].start()
        tick += 1.0
        stop.wait(max(0.0, tick - time.monotonic()))
    for thread in probes:
        thread.join(timeout=TIMEOUT + 5)
