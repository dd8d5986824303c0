"""The validated concept bank, kept as JSON in the user cache dir between runs.

Parsing the YAML and validating it with pydantic cost several times what
`python -c "import typer, numpy"` does, on every `show bank:<id>`, `print` and
`drill` (benchmarks/bench_startup.py). The validated entries are plain records, so
they are written once as JSON and read back in a few milliseconds.

The cache is keyed by the bytes of every bank file and of the bank code, so any
edit, even within the same second, rebuilds it, and a bank that would fail
validation is never served from it. A bank with a file left out (`Bank.skipped`)
is not cached: it is validated again, and its problem shown, on every run. A
cache file that cannot be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
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
    name = hashlib.sha256("\0".join(str(d.resolve()) for d in dirs).encode()).hexdigest()[:16]
    file = paths.cache_dir() / f"bank-{name}.json"
    bank = _read(file, key)
    if bank is None:
        from cnnquiz.bank.loader import load

        bank = load(dirs)
        if not bank.skipped:
            _write(file, key, bank)
    return bank


def fingerprint(dirs: Sequence[Path]) -> str:
    """A digest of everything a loaded bank depends on."""
    h = hashlib.sha256(f"{FORMAT} {cnnquiz.__version__}\n".encode())
    for code in sorted(Path(__file__).parent.glob("*.py")):
        h.update(code.name.encode() + b"\0" + code.read_bytes())
    for i, folder in enumerate(dirs):
        for path in sorted(folder.glob("*.y*ml")):  # stray *.yml files fail a load too
            h.update(f"\0{i}/{path.name}\0".encode() + path.read_bytes())
    return h.hexdigest()


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
