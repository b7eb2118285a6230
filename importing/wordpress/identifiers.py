"""
A WordPress identifier as the import keeps it (``ImportedItem.external_id``).
"""

import hashlib

from ..models import ImportedItem

ID_LENGTH = ImportedItem._meta.get_field("external_id").max_length


def identifier(external_id):
    """
    A WordPress identifier as kept: as written, or, longer than the field
    (a login may be any length in a broken export), its start and a digest.
    """
    if len(external_id) <= ID_LENGTH:
        return external_id
    digest = hashlib.sha256(external_id.encode()).hexdigest()[:32]
    return f"{external_id[: ID_LENGTH - 33]}#{digest}"
