"""Alembic environment: leadgate always passes an open connection (see storage/schema.py)."""

from alembic import context

from leadgate.storage.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
