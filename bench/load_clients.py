"""
The clients of the load run (bench/load.py): readers, editors signing in and
saving through the admin's change form as a browser would, the health probe,
and the budget and tally they share. Only 127.0.0.1 is contacted; every loop
stops at the budget's deadline or its cap on requests.
"""

import collections
import hashlib
import hmac
import html
import html.parser
import http.client
import http.cookies
import random
import re
import threading
import time
import urllib.parse

TIMEOUT = 30


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
        connection.request(method, path, body=body, headers=headers or {"Host": "127.0.0.1"})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def failure_kind(who, status, headers):
    if status == 503 and headers.get("Retry-After"):
        return f"{who}: 503 with Retry-After (database busy)"
    return f"{who}: HTTP {status}"


# Readers.


def reader(port, pages, forbidden, budget, tally, latencies, lock):
    mine = []
    chooser = random.Random()  # noqa: S311 (which page to load, not a secret)
    while budget.take():
        path = chooser.choice(pages)
        started = time.perf_counter()
        try:
            status, headers, body = request(port, "GET", path)
        except TimeoutError:
            tally.add("reader: timed out", path)
            continue
        except OSError as error:
            tally.add(f"reader: {type(error).__name__}", f"{path}: {error}")
            continue
        mine.append(time.perf_counter() - started)
        if status != 200:
            tally.add(failure_kind("reader", status, headers), path)
        for needle in forbidden:
            if needle in body:
                tally.add(f"reader: leak of {needle.decode()[:60]!r}", path)
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
    """One signed-in editor: a cookie jar and the requests a browser would make."""

    def __init__(self, port, username, password, app_key):
        self.port = port
        self.host = f"127.0.0.1:{port}"
        self.username = username
        self.password = password
        self.app_key = app_key
        self.cookies = {}

    def send(self, method, path, fields=None):
        headers = {"Host": self.host}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://{self.host}"
            headers["Referer"] = f"http://{self.host}{path}"
        status, response_headers, content = request(
            self.port, method, path, headers=headers, body=body
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
        fields["code"] = totp_code(self.app_key)
        status, headers, _ = self.send("POST", verify, fields)
        if status != 302:
            raise RuntimeError(f"{self.username}: the second factor answered {status}")
        return headers.get("Location")


def totp_code(key_hex, when=None):
    """What an authenticator app with the hex key ``key_hex`` shows (RFC 6238, SHA-1, 30 s)."""
    counter = int((time.time() if when is None else when) // 30)
    digest = hmac.new(bytes.fromhex(key_hex), counter.to_bytes(8, "big"), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def form_errors(page):
    """The error texts of a change form that was sent back."""
    text = page.decode(errors="replace")
    found = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', text, re.S)
    found += re.findall(r'<p class="errornote">(.*?)</p>', text, re.S)
    plain = [html.unescape(re.sub(r"<[^>]+>", " ", chunk)) for chunk in found]
    return " | ".join(" ".join(chunk.split()) for chunk in plain)[:300] or "(no error shown)"


def editor_loop(editor, number, story, base_body, budget, tally, record):
    """Save ``story`` through the change form until the time is up."""
    change = f"/admin/articles/article/{story}/change/"
    done = {"/admin/articles/article/", change}
    attempt = 0
    while budget.take():
        try:
            status, headers, page = editor.send("GET", change)
        except OSError as error:
            tally.add(f"editor: opening the form: {type(error).__name__}", str(error))
            continue
        if status != 200:
            tally.add(failure_kind("editor opening the form", status, headers), change)
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
            tally.add(f"editor: saving: {type(error).__name__}", str(error))
            continue
        elapsed = time.perf_counter() - started
        location = urllib.parse.urlsplit(headers.get("Location", "")).path
        if status == 302 and location in done:
            record["saved"].append(marker)
            record["latencies"].append(elapsed)
        elif status == 200:
            tally.add("editor: save refused, form sent back", form_errors(page))
        elif status == 302:
            tally.add("editor: save redirected elsewhere", headers.get("Location", ""))
        else:
            record["unconfirmed"].append(marker)
            tally.add(failure_kind("editor saving", status, headers), change)


# Health.


def health_loop(port, budget, stop, results):
    """Ask /healthz once a second, each on its own thread: a slow answer delays no next one."""

    def probe():
        started = time.monotonic()
        try:
            status = request(port, "GET", "/healthz")[0]
        except OSError as error:
            status = type(error).__name__
        results.append((status, time.monotonic() - started))

    probes = []
    tick = time.monotonic()
    while not stop.is_set() and budget.take():
        probes.append(threading.Thread(target=probe))
        probes[-1].start()
        tick += 1.0
        stop.wait(max(0.0, tick - time.monotonic()))
    for thread in probes:
        thread.join(timeout=TIMEOUT + 5)
