"""
A backup's files are its owner's alone: folders 0700 and files 0600 from the
moment they are made, whatever the umask; a backup others may open is refused.
"""

import os
import shlex
import stat
from pathlib import Path

OWNER_ONLY_FOLDER = 0o700


OWNER_ONLY_FILE = 0o600


# Permission bits that let group or others read, write or run a path.
OPEN_BITS = stat.S_IRWXG | stat.S_IRWXO


class BackupError(Exception):
    pass


def make_owner_only_folder(path):
    """Create the folder ``path`` (not its parents), 0700 whatever the umask."""
    path.mkdir(mode=OWNER_ONLY_FOLDER)
    # The umask only ever removes bits; this gives back any of the owner's it took.
    path.chmod(OWNER_ONLY_FOLDER)


def owner_only_opener(path, flags):
    descriptor = os.open(path, flags, OWNER_ONLY_FILE)
    # As for folders: gives back any of the owner's bits the umask took.
    os.fchmod(descriptor, OWNER_ONLY_FILE)
    return descriptor


def create_owner_only(path):
    """
    Create the new file ``path`` for writing in binary, 0600 from the start
    (never readable by others, even for an instant); fail if it exists.
    """
    return open(path, "xb", opener=owner_only_opener)


def opened_paths(folder):
    """The folder and the paths in it that group or others may read, write or run."""
    folder = Path(folder)
    return [path for path in [folder, *sorted(folder.rglob("*"))] if is_open(path)]


def is_open(path):
    return bool(path.stat().st_mode & OPEN_BITS)


def check_owner_only(folder):
    """Refuse a backup that anyone but its owner may open: it may have been copied or changed."""
    opened = opened_paths(folder)
    if opened:
        listed = ", ".join(f"{path} ({stat.filemode(path.stat().st_mode)})" for path in opened)
        raise BackupError(
            f"Not restoring: users other than its owner may read, write or run {listed}. "
            "A backup holds sources' identities and password hashes. Check that no one "
            "copied or changed it, make it owner-only with "
            f"`chmod -R go-rwx {shlex.quote(str(folder))}`, then restore again."
        )
