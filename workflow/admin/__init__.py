"""
The workspace's story, quote, correction, section, topic, language
preference and signed-in session admins, and the user admin, registered on import.
"""

from . import accounts, corrections, filing, quotes, sessions, stories  # noqa: F401
