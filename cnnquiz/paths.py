"""Where cnnquiz keeps a user's files (platformdirs), in one place tests can redirect.

`CNNQUIZ_DATA_DIR` overrides the platform's user data dir (tests point it at a
tmp_path; a portable install can point it beside the program), `CNNQUIZ_CACHE_DIR`
the user cache dir (files cnnquiz can always rebuild). Nothing here creates folders
at import time: only the caller that is about to write does.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "cnnquiz"
DB_FILE = "progress.sqlite3"


def data_dir() -> Path:
    """The folder for the progress store and its backups."""
    override = os.environ.get("CNNQUIZ_DATA_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP, appauthor=False))


def default_db_path() -> Path:
    """The SQLite file used when neither `--db` nor `CNNQUIZ_DB` is given."""
    return data_dir() / DB_FILE


def cache_dir() -> Path:
    """The folder for files rebuilt when missing or stale (the validated concept bank)."""
    override = os.environ.get("CNNQUIZ_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP, appauthor=False))
