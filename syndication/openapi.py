"""
The OpenAPI 3 description of the content API (``/api/v1/openapi.json``),
written out here: two read-only paths do not need a framework to describe
them. The webhook notices are described under ``x-webhooks`` and in
``webhooks.py``.
"""

from django.conf import settings
from django.urls import reverse

TEXT_ENTRY = {
    "type": "object",
    "required": ["value"],
    "properties": {
        "role": {"type": "string"},
        "contenttype": {"type": "string"},
        "value": {"type": "string"},
        "wordcount": {"type": "integer"},
    },
}
NAMED = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "rel": {"type": "string"},
        "uri": {"type": "string", "format": "uri"},
    },
}
RENDITION = {
    "type": "object",
    "required": ["name", "href"],
    "properties": {
        "name": {"type": "string"},
        "href": {"type": "string", "format": "uri"},
        "contenttype": {"type": "string"},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
        "sizeinbytes": {"type": "integer"},
    },
}
ITEM = {
    "type": "object",
    "description": (
        "A published story as an IPTC ninjs 2.1 item "
        "(http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json). Associations: "
        "lead-photo and photo-N (pictures with renditions and credit), translation "
        "(the story in the other language, by its uri)."
    ),
    "required": ["uri", "type", "language", "pubstatus", "versioncreated", "headlines"],
    "properties": {
        "uri": {"type": "string", "format": "uri"},
        "standard": {"type": "object"},
        "type": {"type": "string", "enum": ["text", "picture"]},
        "representationtype": {"type": "string", "enum": ["full", "partial"]},
        "profile": {"type": "string"},
        "version": {"type": "string"},
        "language": {"type": "string", "enum": ["en", "km"]},
        "pubstatus": {"type": "string", "enum": ["usable", "withheld", "canceled"]},
        "firstcreated": {"type": "string", "format": "date-time"},
        "versioncreated": {"type": "string", "format": "date-time"},
        "headlines": {"type": "array", "items": TEXT_ENTRY},
        "descriptions": {"type": "array", "items": TEXT_ENTRY},
        "bodies": {"type": "array", "items": TEXT_ENTRY},
        "by": {"type": "string"},
        "located": {"type": "string"},
        "people": {"type": "array", "items": NAMED},
        "subjects": {"type": "array", "items": NAMED},
        "organisations": {"type": "array", "items": NAMED},
        "altids": {"type": "array", "items": TEXT_ENTRY},
        "renditions": {"type": "array", "items": RENDITION},
        "associations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "uri"],
                "properties": {"name": {"type": "string"}, "uri": {"type": "string"}},
            },
        },
        "name": {"type": "string"},
        "copyrightholder": {"type": "string"},
    },
}
ERROR = {
    "type": "object",
    "required": ["error", "message"],
    "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
}


def json_response(description, schema):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def error_response(description, **headers):
    response = json_response(description, {"$ref": "#/components/schemas/Error"})
    if headers:
        response["headers"] = {
            name: {"description": text, "schema": {"type": "string"}}
            for name, text in headers.items()
        }
    return response


COMMON_ERRORS = {
    "401": error_response(
        "No API key, or one revoked or unknown.",
        **{"WWW-Authenticate": "Bearer"},
    ),
    "429": error_response(
        "More requests this minute than the key's rate limit.",
        **{"Retry-After": "Seconds until the next minute, when requests are counted again."},
    ),
}
ETAG = {"ETag": {"description": "Send it back as If-None-Match.", "schema": {"type": "string"}}}


def query(name, description, **schema):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": "string", **schema},
    }


def description():
    items = reverse("syndication:items")
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Newsroom content API",
            "version": "1.0.0",
            "description": (
                "Published stories as IPTC ninjs 2.1 items, for partners. Send the key "
                "the newsroom gave you as `Authorization: Bearer <key>`. Answers carry an "
                "ETag: send it back as If-None-Match and an unchanged answer is 304. "
                "Webhook notices are POSTed as JSON with `Webhook-Timestamp` (Unix "
                "seconds) and `Webhook-Signature: sha256=<hex>`, the HMAC-SHA256 of "
                "`<timestamp>.<body>` with the webhook's secret; refuse a timestamp more "
                "than 5 minutes old."
            ),
        },
        "servers": [{"url": settings.SITE_URL}],
        "security": [{"bearer": []}],
        "paths": {
            items: {
                "get": {
                    "operationId": "listItems",
                    "summary": "Published stories, newest first, a page at a time",
                    "parameters": [
                        query("section", "A section's slug."),
                        query("topic", "A topic's slug."),
                        query("language", "en or km.", enum=["en", "km"]),
                        query(
                            "modified_since",
                            "Only items changed at or after this time (ISO 8601, with a zone).",
                            format="date-time",
                        ),
                        query(
                            "limit",
                            "Items per page, 1 to 100; 50 if not given.",
                            pattern="^[0-9]{1,3}$",
                        ),
                        query("cursor", "The cursor of the page before, from its next address."),
                    ],
                    "responses": {
                        "200": {
                            **json_response(
                                "A page of items.", {"$ref": "#/components/schemas/Page"}
                            ),
                            "headers": ETAG,
                        },
                        "304": {"description": "Unchanged since the ETag sent."},
                        "400": error_response("A filter, limit or cursor that cannot be read."),
                        **COMMON_ERRORS,
                    },
                }
            },
            f"{items}/{{id}}": {
                "get": {
                    "operationId": "getItem",
                    "summary": "One published story, at its uri",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "integer", "minimum": 1},
                        }
                    ],
                    "responses": {
                        "200": {
                            **json_response("The item.", {"$ref": "#/components/schemas/Item"}),
                            "headers": {
                                **ETAG,
                                "Last-Modified": {
                                    "description": "The item's versioncreated.",
                                    "schema": {"type": "string"},
                                },
                            },
                        },
                        "304": {"description": "Unchanged since the ETag or date sent."},
                        "404": error_response(
                            "No published story within the key's scope has this uri."
                        ),
                        **COMMON_ERRORS,
                    },
                }
            },
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Item": ITEM,
                "Page": {
                    "type": "object",
                    "required": ["items", "next"],
                    "properties": {
                        "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
                        "next": {"type": "string", "format": "uri", "nullable": True},
                    },
                },
                "Error": ERROR,
            },
        },
        "x-webhooks": {
            "events": [
                "story.published",
                "story.corrected",
                "story.unpublished",
                "source.protected",
            ],
            "notice": {
                "event": "the event's name",
                "uri": "the item's uri (story.published, story.corrected, story.unpublished)",
                "uris": "the items that named the source, to fetch again (source.protected)",
                "occurred": "when, ISO 8601",
            },
        },
    }
