"""Stored certificates (records/certificates.py), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

from geletterdheid.certificate.model import Certificate, CertifiedModule, new_code, normalise_code
from geletterdheid.records import certificates

MODULES = (
    CertifiedModule("m01", "Wat is AI?", dt.date(2026, 11, 3), 2),
    CertifiedModule("m02", "De AI-verordening", dt.date(2026, 11, 4), None),
)
ISSUED = dt.datetime(2026, 11, 5, 9, 30, tzinfo=dt.UTC)


def _certificate(employee_id: str = "E1", path: str = "beleidsadviseur:m01|m02") -> Certificate:
    return Certificate(new_code(), employee_id, path, "Leerpad Beleidsadviseur", ISSUED, MODULES)


def test_a_certificate_is_stored_once_and_found_by_its_code(staffed_store):
    first = certificates.issue(staffed_store, _certificate())
    again = certificates.issue(staffed_store, _certificate())  # another code, same employee and path
    assert again.code == first.code
    found = certificates.by_code(staffed_store, first.code)
    assert found == first
    assert (found.path_title, found.issued_at, found.modules) == ("Leerpad Beleidsadviseur", ISSUED, MODULES)
    assert not found.withdrawn
    assert certificates.for_path(staffed_store, "E1", "beleidsadviseur:m01|m02") == first
    assert certificates.for_path(staffed_store, "E1", "beleidsadviseur:m01|m02|m03") is None
    assert certificates.by_code(staffed_store, new_code()) is None


def test_a_changed_path_gets_a_certificate_of_its_own(staffed_store):
    old = certificates.issue(staffed_store, _certificate(path="beleidsadviseur:m01|m02"))
    new = certificates.issue(staffed_store, _certificate(path="beleidsadviseur:m01|m02|m03"))
    assert old.code != new.code
    assert certificates.by_code(staffed_store, old.code) is not None


def test_requests_at_the_same_time_store_one_certificate(staffed_store):
    with ThreadPoolExecutor(4) as pool:
        codes = set(pool.map(lambda _: certificates.issue(staffed_store, _certificate("E2", ":m01")).code, range(8)))
    assert len(codes) == 1
    with staffed_store.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT count(*) FROM certificates").scalar_one()
    assert rows == 1


def test_forgetting_the_employee_withdraws_the_certificate_and_keeps_nothing_personal(staffed_store):
    issued = certificates.issue(staffed_store, _certificate("E3"))
    assert staffed_store.forget("E3") is not None
    found = certificates.by_code(staffed_store, issued.code)
    assert found is not None and found.withdrawn and found.employee_id is None
    with staffed_store.engine.connect() as connection:
        row = connection.exec_driver_sql("SELECT * FROM certificates").one()
    assert "E3" not in repr(tuple(row)) and "Çelik" not in repr(tuple(row))


def test_codes_are_random_and_typed_codes_are_forgiven():
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    code = next(iter(codes))
    assert normalise_code(code.lower().replace("-", " ")) == code
    assert normalise_code("0OIL-1111-2222-3333") == "0011-1111-2222-3333"
    assert normalise_code("ABC") is None
    assert normalise_code("UUUU-UUUU-UUUU-UUUU") is None  # U is not in the alphabet
