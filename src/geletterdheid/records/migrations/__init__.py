"""Alembic migrations of the records store, run by :func:`geletterdheid.records.database.migrate`."""
