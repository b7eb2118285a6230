"""
The browser and device a session was signed in from, in a few words
("Firefox on Windows"), read from the User-Agent header.

A short function rather than a parser from PyPI: the page needs only the
browser's family and the system it runs on, which a dozen tests on the
header decide, and browsers now send a frozen, reduced header that carries
little more (Chrome's "User-Agent reduction"). Nothing else of the header is
kept, and never the client's address.
"""

# The first match wins: Edge and Opera also say "Chrome", Chrome also says "Safari".
BROWSERS = [
    ("Edg/", "Edge"),
    ("EdgA/", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
]
# Android and iOS also say "Linux" and "Mac OS X".
SYSTEMS = [
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("CrOS", "ChromeOS"),
    ("Windows", "Windows"),
    ("Macintosh", "macOS"),
    ("Mac OS X", "macOS"),
    ("Linux", "Linux"),
]
LONGEST = 100


def describe(user_agent):
    """
    ("Firefox", "Windows") for a Firefox on Windows; "" for a part the header
    does not tell.
    """
    user_agent = user_agent or ""
    browser = next((name for token, name in BROWSERS if token in user_agent), "")
    system = next((name for token, name in SYSTEMS if token in user_agent), "")
    return browser, system
