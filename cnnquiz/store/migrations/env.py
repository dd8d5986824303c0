"""Alembic environment: runs on the connection cnnquiz.store.migrate hands over.

There is no alembic.ini: the Config is built in code and carries the open
connection in `config.attributes["connection"]`, so migrations run inside the
same engine setup (pragmas, busy timeout) as the app.
"""

from __future__ import annotations

from alembic import context

from cnnquiz.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
