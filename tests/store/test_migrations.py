"""Migrations: from an empty file, from revision 1 with data kept (and backed up), and a
newer schema refused without touching the file."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from cnnquiz.store import migrate
from cnnquiz.store.db import open_store
from cnnquiz.store.errors import StoreError
from cnnquiz.store.models import Base
from tests.store.helpers import Clock, attempt, rows


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_rev1(path: Path) -> None:
    """A store as the first release left it, with a learner, an attempt and a card."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate.upgrade(conn, "0001")
    engine.dispose()
    con = sqlite3.connect(path)
    with con:
        con.execute("INSERT INTO learners VALUES (1, 'ana', '2025-01-01 08:00:00.000000')")
        con.execute("INSERT INTO attempts (uid, learner_id, code, template, topic, level, skill,"
                    " given, verdict, mistake, seconds, rating, answered_at, day) VALUES "
                    "('a1', 1, 'os.1.2.x', 'conv.output_size', 'output-size', 2,"
                    " 'conv.output_size@2', '55', 'wrong', 'forgot-plus-one', 7.5, 1,"
                    " '2025-01-01 08:01:00.000000', '2025-01-01')")
        con.execute("INSERT INTO cards (learner_id, skill, topic, state, step, stability,"
                    " difficulty, due, last_review, reps, lapses) VALUES (1,"
                    " 'conv.output_size@2', 'output-size', 1, 0, 0.2, 6.0,"
                    " '2025-01-01 08:02:00.000000', '2025-01-01 08:01:00.000000', 1, 0)")
    con.close()


def test_scripts_and_code_agree_on_the_revisions() -> None:
    assert migrate.script_revisions() == list(migrate.REVISIONS)


def test_empty_file_is_migrated_to_head_and_matches_the_models(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    open_store(str(path)).close()
    assert rows(path, "SELECT version_num FROM alembic_version") == [(migrate.HEAD,)]
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == [], "models changed without a migration"
    assert not list(tmp_path.glob("*.bak-*")), "a new store needs no backup"


def test_revision_1_with_data_is_upgraded_keeping_it(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    make_rev1(path)
    with open_store(str(path), now=Clock()) as store:
        lid = store.learner_id("ana")
        assert lid == 1
        assert "conv.output_size@2" in store.cards(lid)
        store.set_setting(lid, "interview_date", "2025-06-30")  # a 0002 table works
        assert store.settings(lid) == {"interview_date": "2025-06-30"}
        store.record(lid, attempt(), planner=None)
    assert rows(path, "SELECT version_num FROM alembic_version") == [(migrate.HEAD,)]
    assert rows(path, "SELECT uid, mistake, seconds, session_uid FROM attempts ORDER BY id")[0] \
        == ("a1", "forgot-plus-one", 7.5, None)
    (backup,) = tmp_path.glob("p.sqlite3.bak-0001-*")
    assert rows(backup, "SELECT uid FROM attempts") == [("a1",)]
    assert rows(backup, "SELECT version_num FROM alembic_version") == [("0001",)]


def test_a_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    open_store(str(path)).close()
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = '0099'")
    con.close()
    before = digest(path)
    with pytest.raises(StoreError, match="newer cnnquiz"):
        open_store(str(path))
    with pytest.raises(StoreError, match="newer cnnquiz"):
        open_store(str(path), write=False)
    assert digest(path) == before
    assert not list(tmp_path.glob("*.bak-*"))
