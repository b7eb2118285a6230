"""Real file-system storages that record what is written, for counting and checking."""

from django.core.files.storage import FileSystemStorage


class RecordingStorage(FileSystemStorage):
    """Stores files as usual and records each write as ``(name, bytes)``."""

    writes = []
    fail_on_write = None  # raise OSError on this write number (1-based)

    @classmethod
    def reset(cls, *, fail_on_write=None):
        cls.writes = []
        cls.fail_on_write = fail_on_write

    def _save(self, name, content):
        content.seek(0)
        data = content.read()
        content.seek(0)
        if self.fail_on_write is not None and len(self.writes) + 1 >= self.fail_on_write:
            raise OSError("disk full")
        saved = super()._save(name, content)
        type(self).writes.append((saved, data))
        return saved
