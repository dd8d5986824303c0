"""The validated concept bank, kept as JSON in the user cache dir between runs.

Parsing the YAML and validating it with pydantic cost several times what
`python -c "import typer, numpy"` does, on every `show bank:<id>`, `print` and
`drill` (benchmarks/bench_startup.py). The validated entries are plain records, so
they are written once as JSON and read back in a few milliseconds.

The cache is keyed by the size, modification time and CRC-32 of every bank file
and of the bank code, so any edit rebuilds it (a false match would need all three
to agree), and a bank that would fail validation is never served from it (CRC-32,
not hashlib: importing hashlib alone cost a quarter of a cached load). A bank with
a file left out (`Bank.skipped`) is not cached: it is validated again, and its
problem shown, on every run. A cache file that cannot be read or written is
simply not used.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import cnnquiz
from cnnquiz import paths
from cnnquiz.bank.records import Bank, BankEntry, Concept

FORMAT = 1  # bump when the file layout below changes


def cached(dirs: Sequence[Path]) -> Bank:
    """The bank of `dirs`: from the cache when it matches, else validated and cached."""
    key = fingerprint(dirs)
    name = zlib.crc32("\0".join(str(d.resolve()) for d in dirs).encode())
    file = paths.cache_dir() / f"bank-{name:08x}.json"
    bank = _read(file, key)
    if bank is None:
        from cnnquiz.bank.loader import load

        bank = load(dirs)
        if not bank.skipped:
            _write(file, key, bank)
    return bank


def fingerprint(dirs: Sequence[Path]) -> str:
    """A key that changes with any edit of what a loaded bank depends on."""
    files = [("code", p) for p in sorted(Path(__file__).parent.glob("*.py"))]
    for i, folder in enumerate(dirs):  # stray *.yml files fail a load too
        files += [(str(i), p) for p in sorted(folder.glob("*.y*ml"))]
    parts = [f"{FORMAT} {cnnquiz.__version__}"]
    for where, path in files:
        stat = path.stat()
        crc = zlib.crc32(path.read_bytes())
        parts.append(f"{where}/{path.name} {stat.st_size} {stat.st_mtime_ns} {crc:08x}")
    return "\n".join(parts)


def _read(file: Path, key: str) -> Bank | None:
    try:
        data: Any = json.loads(file.read_bytes())
    except (OSError, ValueError):  # missing, unreadable or half-written: rebuild
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    entries = tuple(BankEntry(Concept.from_plain(e["entry"]), Path(e["path"]), e["line"])
                    for e in data["entries"])
    return Bank(entries, tuple(Path(f) for f in data["files"]))


def _write(file: Path, key: str, bank: Bank) -> None:
    data = {"key": key, "files": [str(f) for f in bank.files],
            "entries": [{"path": str(e.path), "line": e.line, "entry": e.entry.to_plain()}
                        for e in bank.entries]}
    import tempfile

    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=".bank-", suffix=".tmp")
    except OSError:  # a read-only cache dir: run without the cache
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        os.replace(tmp, file)
    except OSError:  # a full disk: leave no half-written file behind
        Path(tmp).unlink(missing_ok=True)
