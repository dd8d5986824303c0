"""The progress store: learners, attempts, per-skill FSRS cards, review logs, sessions, settings.

Importing this package is free (no SQLAlchemy): commands import `cnnquiz.store.db`
and friends inside their functions so `cnnquiz --help` stays fast. The door is
`cnnquiz.store.db.open_store(target)`, which checks the file, applies pragmas and
migrations, and returns a `cnnquiz.store.store.Store`.
"""
