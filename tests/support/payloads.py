"""
Hostile input: XSS and injection payloads, and a checker that says whether
HTML a browser receives could run any of them.
"""

import html
import re
from html.parser import HTMLParser

# Typed into any text a user can type: each must come out as text.
XSS = [
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "'><img src=x onerror=alert(1)>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<form action="https://evil.example/"><button>Go</button></form>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "</script><script>alert(1)</script>",
    "</title></textarea></style><script>alert(1)</script>",
    "{{ 7|add:7 }}{% csrf_token %}",
    "\u202egnp.exe\u202c and \u200bzero\u200dwidth",
    "<!--<script>alert(1)//-->",
    '<a href="javascript:alert(1)">click</a>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
]

# Link targets a browser would run or open as a document: never kept.
BAD_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "jav\tascript:alert(1)",
    "\x01javascript:alert(1)",
    " javascript:alert(1)",
    "javascript&#58;alert(1)",
    "javascript&colon;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/svg+xml,<svg onload=alert(1)>",
]

DANGEROUS_TAGS = {
    "script", "iframe", "frame", "object", "embed", "base", "svg", "math",
    "form", "style", "link", "noscript", "template", "applet",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "xlink:href"}
BAD_SCHEME = re.compile(r"^(javascript|vbscript|data|file):", flags=re.IGNORECASE)


def scheme_of(url):
    """
    The address as a browser's URL parser reads it: entities decoded, leading
    and trailing controls and spaces stripped, tabs and newlines removed.
    """
    # C0 controls and the space, U+0000 to U+0020.
    decoded = html.unescape(url or "").strip("".join(map(chr, range(0x21))))
    return re.sub(r"[\t\n\r]", "", decoded)


class _Collector(HTMLParser):
    def __init__(self, allowed_scripts):
        super().__init__(convert_charrefs=True)
        self.allowed_scripts = allowed_scripts
        self.problems = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            kind = attributes.get("type", "")
            if kind == "application/ld+json" or (
                "nonce" in attributes or attributes.get("src", "").startswith("/static/")
            ):
                if not self.allowed_scripts:
                    self.problems.append(f"<script> in a fragment: {attrs}")
            else:
                self.problems.append(f"script without nonce: {attrs}")
        elif (
            tag in {"style", "link", "form", "noscript", "template", "svg"} and self.allowed_scripts
        ):
            # Pages carry their own stylesheet links, CSRF and search forms, and
            # the admin its icons; handlers on any of them are caught below.
            if tag == "form" and BAD_SCHEME.match(scheme_of(attributes.get("action", ""))):
                self.problems.append(f"form to {attributes['action']}")
            if tag == "link" and BAD_SCHEME.match(scheme_of(attributes.get("href", ""))):
                self.problems.append(f"link to {attributes['href']}")
        elif tag in DANGEROUS_TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}=")
            bad = name in URL_ATTRIBUTES and BAD_SCHEME.match(scheme_of(value))
            if bad and not (tag == "img" and scheme_of(value).startswith("data:image/")):
                self.problems.append(f"{tag} {name}={value!r}")
            if name == "style" and "javascript" in (value or "").lower():
                self.problems.append(f"{tag} style={value!r}")


def unsafe_markup(document, *, page=True):
    """
    What in ``document`` could run script or send the reader elsewhere: an
    empty list for safe HTML. A ``page`` may hold the site's own scripts
    (with a nonce, from /static/, or JSON-LD), forms and stylesheets; a
    fragment (a rendered body) may hold none.
    """
    collector = _Collector(allowed_scripts=page)
    collector.feed(document)
    collector.close()
    return collector.problems
