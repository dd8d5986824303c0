"""Application tests: a temporary SQLite store, an extra concept bank, no real data dir."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from cnnquiz.application import Settings
from cnnquiz.bank import clear_cache

EXTRA_ID = "zz-extra-dropout-scale"
EXTRA = textwrap.dedent(f"""\
    section: 6
    entries:
      - id: {EXTRA_ID}
        topic: dropout
        kind: truefalse
        level: 2
        question:
          en: Inverted dropout scales kept units at test time.
          zh: 反向 dropout 在测试时缩放保留的单元。
        statement_true: false
        why: {{en: It scales them during training., zh: 它在训练时缩放。}}
    """)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test touches the real user data dir or sees a bank cached by another test."""
    monkeypatch.setenv("CNNQUIZ_DATA_DIR", str(tmp_path / "data"))
    for name in ("CNNQUIZ_DB", "CNNQUIZ_LANG", "CNNQUIZ_LEARNER"):
        monkeypatch.delenv(name, raising=False)
    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def extra_bank(tmp_path: Path) -> Path:
    """A user's bank folder with one entry the shipped bank does not have."""
    folder = tmp_path / "mybank"
    folder.mkdir()
    (folder / "06-dropout.yaml").write_text(EXTRA, encoding="utf-8")
    return folder


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "progress.sqlite3"


@pytest.fixture
def settings(db: Path, extra_bank: Path) -> Settings:
    return Settings(db=str(db), lang="en", bank_dirs=(str(extra_bank),))
