"""
The workspace's story, live coverage, quote, correction, section, topic, language
preference and signed-in session admins, and the user admin, registered on import.
"""

from . import accounts, corrections, filing, live, quotes, sessions, stories  # noqa: F401
