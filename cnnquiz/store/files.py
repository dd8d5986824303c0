"""Writing a user's file (an export) without ever damaging what was there.

A regular file (or a new one) is replaced atomically: the text goes to a temp file
beside it, is flushed to disk, and renamed over the target, so a crash or a full
disk leaves the old file whole; a failed write removes its temp file. Anything
else is written through: a device (`/dev/stdout`, `/dev/full`), a named pipe, or
a socket must not be replaced by a file, and a symlink is followed to its target
(the link stays a link).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from cnnquiz.errors import CnnquizError


def write_text(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path` as described above; CnnquizError on failure."""
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise CnnquizError(f"cannot write {path}: {exc.strerror or exc}") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise CnnquizError(f"cannot write {path}: it is a folder")
    try:
        if mode is not None and not stat.S_ISREG(mode):
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
            return
        _replace(target, text, None if mode is None else stat.S_IMODE(mode))
    except OSError as exc:
        raise CnnquizError(f"cannot write {path}: {exc.strerror or exc}") from None


def _replace(target: Path, text: str, mode: int | None) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode if mode is not None else 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
