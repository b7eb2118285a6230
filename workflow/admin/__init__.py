"""The workspace's story, quote, correction, section and topic admins, registered on import."""

from . import corrections, filing, quotes, stories  # noqa: F401
