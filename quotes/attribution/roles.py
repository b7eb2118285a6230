"""
The role a story gives a person, and the organization in it.

``parse_role`` splits a role into a title and an organization;
``role_or_empty`` and ``role_in_front`` find a role written after a name (in
apposition) or in front of it.
"""

import re

from .names import only_function_words

# A role in apposition after a name, an age before it allowed: “, 58, the commune chief,”.
APPOSITIVE = re.compile(r"\s*,\s*(?:\d{1,3}\s*,\s*)?([^,\x00]+?)\s*,")

ROLE_REFUSED = re.compile(
    r"^(?:who|which|whose|whom|when|where|while|as|in|on|at|during|after|before|for|"
    r"adding|noting|referring|speaking|pointing|according|and|but|because|though|"
    r"although|if|that|than|too|also|however|meanwhile|then|\d+$)\b"
)
ORGANIZATION_BEFORE_TITLE = re.compile(
    r"^(?:the\s+)?(?P<organization>(?:[A-Z][\w'’\-]*\s+){2,})(?P<title>[a-z][a-z \-]*)$"
)
ORGANIZATION_AFTER_TITLE = re.compile(
    r"^(?P<title>.+?)\s+(?:for|of|at|with|from|to)\s+(?:the\s+)?(?P<organization>[A-Z].*)$"
)
POSSESSIVE_ROLE = re.compile(r"^(?:the\s+)?(?P<organization>[A-Z][^,]*?)['’]s\s+(?P<title>.+)$")
ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
PLACE_TAIL = re.compile(r"\s+(?:in|near)\s+[A-Z][\w'’\- ]*$")


def parse_role(role):
    """
    Split a role as written into ``(title, organization)``: “spokesman for
    the Justice Ministry”, “the Justice Ministry's spokesman” and “Justice
    Ministry spokesman” all give ``("spokesman", "Justice Ministry")``; “a
    rice farmer in Takeo province” gives ``("rice farmer in Takeo province", "")``.
    """
    role = " ".join(role.split()).strip(" ,.;")
    role = re.sub(r"^\d{1,3},\s*", "", role)
    for pattern in (POSSESSIVE_ROLE, ORGANIZATION_BEFORE_TITLE):
        match = pattern.match(role)
        if match:
            return ARTICLE.sub("", match["title"]).strip(), match["organization"].strip()
    match = ORGANIZATION_AFTER_TITLE.match(role)
    if match:
        title, organization = ARTICLE.sub("", match["title"]).strip(), match["organization"]
        # The name ends at a clause: “…, which”, “… who”, “… and a former …”.
        organization = re.split(
            r",|\s+(?:who|which|whose|since|until)\s|\s+and\s+(?=[a-z])", organization
        )[0]
        organization = PLACE_TAIL.sub("", organization)
        possessive = re.match(r"(.+?)['’]s\s+(.+)$", organization)
        if possessive:
            # “member of the National Assembly's human rights commission”
            title = f"{title} of the {possessive[2]}"
            organization = possessive[1]
        return title, organization.strip()
    return ARTICLE.sub("", role), ""


def role_or_empty(text):
    """``text`` if it reads as a role in apposition (“a farmer”, “spokesman for …”)."""
    text = " ".join(text.split()).strip(" ,.;")
    text = re.sub(r"^\d{1,3},\s*", "", text) if re.match(r"^\d{1,3},\s*\w", text) else text
    if not text or "\x00" in text or ROLE_REFUSED.match(text) or len(text.split()) > 20:
        return ""
    return text


def role_in_front(text):
    """A role written in front of a name: “Court spokesman” in “Court spokesman Ros Vibol”."""
    match = re.search(
        r"(?:^|[,;]\s*|\b(?:and|but|while)\s+)((?:[A-Z][\w'’\-]*\s+)+[a-z][a-z \-]*?)\s*$", text
    )
    if match and not only_function_words(match[1]):
        return match[1].strip()
    return ""
