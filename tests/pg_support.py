"""The PostgreSQL test database shared by the records and server tests.

Tests that need it call :func:`require_postgres`: it gives a usable admin URL, skips with a clear
reason when the database is unreachable, and fails instead when ``CI`` is set (CI must run them).
"""

from __future__ import annotations

import os

import pytest

PG_CANDIDATES = [
    "postgresql+psycopg://postgres@127.0.0.1:5432/test",
    "postgresql+psycopg://root@127.0.0.1:5432/test",
]


def _admin_url() -> tuple[str | None, str]:
    import sqlalchemy

    candidates = [os.environ["GELETTERDHEID_TEST_PG"]] if os.environ.get("GELETTERDHEID_TEST_PG") else PG_CANDIDATES
    reasons = []
    for url in candidates:
        engine = sqlalchemy.create_engine(url, connect_args={"connect_timeout": 5})
        try:
            with engine.connect():
                return url, ""
        except Exception as exc:  # any failure means: not usable for the tests
            reasons.append(f"{url}: {str(exc).splitlines()[0]}")
        finally:
            engine.dispose()
    return None, "; ".join(reasons)


def require_postgres() -> str:
    url, reason = _admin_url()
    if url is None:
        message = f"PostgreSQL niet bereikbaar ({reason})"
        if os.environ.get("CI"):
            pytest.fail(message + "; in CI moeten de PostgreSQL-tests draaien")
        pytest.skip(message)
    return url
