"""Alembic environment: always run programmatically with a connection that is already in a transaction."""

from alembic import context

from geletterdheid.records.tables import Base

connection = context.config.attributes["connection"]
# render_as_batch lets future migrations alter SQLite tables (copy-and-move) as well as PostgreSQL.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
