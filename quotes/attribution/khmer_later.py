"""
A role a Khmer story gives a speaker only after the quote: “លោក X និយាយថា «…»។
ចាងហ្វាងផលិតកម្មរូបនេះបន្ថែមថា …” (this production head added): the person,
named with no role, holds the office the very next sentence calls them by.
"""

import re

from .khmer_roles import parse_role
from .khmer_words import ROLE_HEAD, fold

# The next sentence opens with an office and “this one”: “ចាងហ្វាង…រូបនេះ”.
THIS_OFFICE = re.compile(
    rf"\s*(?P<role>(?:{ROLE_HEAD.pattern}|ចាងហ្វាង)[\u1780-\u17d3 ]{{0,40}}?)"
    r"\s*(?:រូប|ម្នាក់)(?:នេះ|នោះ)"
)


def role_after_quote(findings, paragraphs):
    """``findings`` whose named speaker has no role, given the office the next sentence names."""
    for finding in findings:
        entity = finding.entity
        if entity is None or not entity.name or entity.role or not entity.is_person:
            continue
        opening = finding.text[:20]
        at = next((index for index, text in enumerate(paragraphs) if opening in text), None)
        if at is None:
            continue
        text = paragraphs[at]
        end = text.find(finding.text[-12:], text.index(opening))
        after = re.sub(
            r"^[\s»”\"'។]+", "", text[end + len(finding.text[-12:]) :] if end >= 0 else ""
        )
        following = after if after.strip() else " ".join(paragraphs[at + 1 : at + 2])
        match = THIS_OFFICE.match(following)
        if match and fold(entity.name) not in fold(following[: match.end()]):
            entity.role = following[match.start("role") : match.end("role")].strip()
            entity.title, entity.organization = parse_role(entity.role)
    return findings
