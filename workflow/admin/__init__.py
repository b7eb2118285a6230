"""
The workspace's story, quote, correction, section, topic and language
preference admins, registered on import.
"""

from . import accounts, corrections, filing, quotes, stories  # noqa: F401
