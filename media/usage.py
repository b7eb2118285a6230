"""Where a photograph is used: the stories (as lead or in the body) and the profiles."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Usage:
    """Where a photograph appears: ``role`` is "lead", "body" or "portrait"."""

    role: str
    target: object  # an article, or a person for a portrait
    number: int | None = None  # the photo's number in the body


def usages(photograph):
    """Every story (lead or body) and profile that uses ``photograph``."""
    found = [Usage("lead", article) for article in photograph.lead_of.all()]
    found += [
        Usage("body", placement.article, placement.position)
        for placement in photograph.placements.select_related("article")
    ]
    found += [Usage("portrait", person) for person in photograph.portrait_of.all()]
    return found
