"""Alembic environment and revisions, shipped inside the package (see cnnquiz.store.migrate)."""
