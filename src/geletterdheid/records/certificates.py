"""The certificates table: store a certificate once per employee and path, find it by code or owner.

Kept apart from store.py (which holds the attempts) because certificates are a view of their
own: written when a learner first sees a completed path, read by ``/verifieer/<code>``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from .bulk import dialect_insert, to_utc_naive
from .database import write_transaction
from .tables import certificates

if TYPE_CHECKING:
    from .store import Store


@dataclass(frozen=True)
class CertifiedModule:
    module_id: str
    title: str
    passed_on: dt.date  # Dutch local date
    version: int | None  # the module's content version, where known


@dataclass(frozen=True)
class Certificate:
    code: str
    employee_id: str | None  # None once the employee was forgotten: the certificate is withdrawn
    path_key: str
    path_title: str
    issued_at: dt.datetime  # aware UTC
    modules: tuple[CertifiedModule, ...]

    @property
    def withdrawn(self) -> bool:
        return self.employee_id is None


def _modules_json(modules: tuple[CertifiedModule, ...]) -> str:
    return json.dumps([[m.module_id, m.title, m.passed_on.isoformat(), m.version] for m in modules])


def _certificate(row) -> Certificate:
    modules = tuple(
        CertifiedModule(module_id, title, dt.date.fromisoformat(passed_on), version)
        for module_id, title, passed_on, version in json.loads(row.modules)
    )
    issued_at = row.issued_at.replace(tzinfo=dt.UTC)  # stored as naive UTC
    return Certificate(row.code, row.employee_id, row.path_key, row.path_title, issued_at, modules)


def issue(store: Store, certificate: Certificate) -> Certificate:
    """Store ``certificate`` unless its employee already has one for that path; returns the stored one.

    Two requests at once store one row (ON CONFLICT DO NOTHING on employee and path) and both
    get the same code.
    """
    with write_transaction(store.engine) as connection:
        statement = dialect_insert(connection, certificates).values(
            code=certificate.code,
            employee_id=certificate.employee_id,
            path_key=certificate.path_key,
            path_title=certificate.path_title,
            issued_at=to_utc_naive(certificate.issued_at),
            modules=_modules_json(certificate.modules),
        )
        connection.execute(statement.on_conflict_do_nothing())
        row = connection.execute(
            select(certificates).where(
                certificates.c.employee_id == certificate.employee_id,
                certificates.c.path_key == certificate.path_key,
            )
        ).one()
    return _certificate(row)


def for_path(store: Store, employee_id: str, path_key: str) -> Certificate | None:
    query = select(certificates).where(certificates.c.employee_id == employee_id, certificates.c.path_key == path_key)
    with store.engine.connect() as connection:
        row = connection.execute(query).first()
    return _certificate(row) if row else None


def by_code(store: Store, code: str) -> Certificate | None:
    with store.engine.connect() as connection:
        row = connection.execute(select(certificates).where(certificates.c.code == code)).first()
    return _certificate(row) if row else None
