"""Where the store lives by default, and that `cnnquiz --help` does not load the store."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from cnnquiz import paths
from cnnquiz.store.connection import resolve


def test_the_default_store_is_in_the_data_dir(tmp_path: Path) -> None:
    assert paths.default_db_path() == tmp_path / "data" / "progress.sqlite3"  # conftest's dir
    env = {k: v for k, v in os.environ.items() if k != "CNNQUIZ_DB"}
    out = subprocess.run([sys.executable, "-m", "cnnquiz", "stats", "--json"], text=True,
                         capture_output=True, env={**env, "CNNQUIZ_DATA_DIR": str(tmp_path / "d")})
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "d" / "progress.sqlite3").is_file()


def test_paths_and_urls_are_told_apart(tmp_path: Path) -> None:
    bare = resolve(str(tmp_path / "p.db"))
    assert bare.path == tmp_path / "p.db" and bare.url.startswith("sqlite:///")
    url = resolve(f"sqlite:///{tmp_path}/q.db")
    assert url.path == tmp_path / "q.db"
    pg = resolve("postgresql://me:secret@db.example/cnnquiz")
    assert pg.path is None and "secret" not in pg.shown and pg.url.endswith("/cnnquiz")


def test_help_does_not_import_the_store() -> None:
    code = ("import sys; from cnnquiz.cli.main import app; "
            "print([m for m in ('sqlalchemy', 'alembic', 'fsrs') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], text=True, capture_output=True, check=True)
    assert out.stdout.strip() == "[]"
