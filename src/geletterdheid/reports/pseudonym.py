"""Keyed pseudonyms for exports that leave HR: the same employee always gets the same pseudonym
under the same key, and without the key nobody can go back from pseudonym to employee (HMAC-SHA256).
"""

from __future__ import annotations

import hashlib
import hmac
import os

from ..records.errors import RecordsError

KEY_ENV = "GELETTERDHEID_PSEUDONIEM_SLEUTEL"
MIN_KEY_LENGTH = 16
PREFIX = "p-"
HEX_DIGITS = 16  # 64 bits: no collision among any realistic number of employees


def key_from_environment() -> bytes:
    key = os.environ.get(KEY_ENV, "")
    if not key:
        raise RecordsError(
            f"--pseudonimiseer heeft een geheime sleutel nodig: zet de omgevingsvariabele {KEY_ENV} "
            f"(minstens {MIN_KEY_LENGTH} tekens) en bewaar die sleutel buiten de export"
        )
    if len(key) < MIN_KEY_LENGTH:
        raise RecordsError(f"de sleutel in {KEY_ENV} is te kort: gebruik minstens {MIN_KEY_LENGTH} tekens")
    return key.encode("utf-8")


def pseudonym(key: bytes, employee_id: str) -> str:
    digest = hmac.new(key, employee_id.encode("utf-8"), hashlib.sha256).hexdigest()
    return PREFIX + digest[:HEX_DIGITS]
