"""
Crawling the site through the test client, as a reader or a staff member
would browse it: every link, image and feed entry on a page is followed,
within the limits given, and every answer is kept for the test to read.
"""

import re
from collections import deque
from html import unescape
from urllib.parse import urljoin, urlsplit

# Addresses in HTML attributes, srcset candidates, and the address elements
# of feeds and sitemaps.
ATTRIBUTE = re.compile(r"""\b(?:href|src|action)=["']([^"'<>]+)["']""")
# Meta tags' addresses (og:image, og:url), not their text.
CONTENT = re.compile(r"""\bcontent=["']((?:https?://|/)[^"'<>\s]+)["']""")
SRCSET = re.compile(r"""\bsrcset=["']([^"']+)["']""")
ELEMENT = re.compile(r"<(?:loc|link|guid|id)>\s*([^<\s]+)\s*</")
ENCLOSURE = re.compile(r"""<enclosure[^>]*\burl=["']([^"']+)["']""")
SITE = "testserver"


def addresses_in(text, base):
    """The addresses on this site that ``text`` (a page, a feed) points to, as paths."""
    found = [
        *ATTRIBUTE.findall(text),
        *CONTENT.findall(text),
        *ELEMENT.findall(text),
        *ENCLOSURE.findall(text),
    ]
    for srcset in SRCSET.findall(text):
        found += [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]
    paths = set()
    for address in found:
        address = urljoin(base, unescape(address).strip())
        parts = urlsplit(address)
        if parts.scheme not in {"", "http", "https"} or parts.netloc not in {"", SITE}:
            continue
        if not parts.path.startswith("/"):
            continue
        paths.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def crawl(client, seeds, *, follow=lambda path: True, limit=400, variants=8):
    """
    GET ``seeds``, then every address on this site their pages point to for
    which ``follow(path)`` holds, breadth first, at most ``limit`` addresses
    and ``variants`` query strings per path. Return ``{address: response}``.
    """
    seen, per_path, answers = set(), {}, {}
    queue = deque(seeds)
    while queue and len(answers) < limit:
        address = queue.popleft()
        if address in seen:
            continue
        seen.add(address)
        path = address.split("?", 1)[0]
        if "?" in address:
            per_path[path] = per_path.get(path, 0) + 1
            if per_path[path] > variants:
                continue
        response = client.get(address)
        answers[address] = response
        if response.status_code != 200 or response.streaming:
            continue
        content_type = response.get("Content-Type", "")
        if not any(kind in content_type for kind in ("html", "xml", "json", "rss", "atom")):
            continue
        text = response.content.decode("utf-8", errors="replace")
        for found in sorted(addresses_in(text, f"http://{SITE}{path}")):
            if found not in seen and follow(found):
                queue.append(found)
    return answers
