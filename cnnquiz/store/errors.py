"""Store errors the user can cause or fix (bad path, damaged file, newer schema, bad import)."""

from __future__ import annotations

from cnnquiz.errors import CnnquizError


class StoreError(CnnquizError):
    """The progress store cannot be opened or used; the message says why and what to do."""


class ImportFileError(CnnquizError):
    """An `import` file that is not a cnnquiz progress export; nothing was imported."""


class SettingsError(CnnquizError):
    """A stored setting (interview date, retention, fuzzing) that cannot be read."""
