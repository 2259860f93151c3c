"""A certificate as plain values, and its verification code. Pure."""

from __future__ import annotations

import secrets

from ..records.certificates import Certificate, CertifiedModule

__all__ = ["ALPHABET", "Certificate", "CertifiedModule", "new_code", "normalise_code", "path_key"]

#: Crockford's base32: no I, L, O or U, so a code read aloud or typed over is hard to get wrong.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_GROUPS, _GROUP_LENGTH = 4, 4  # 16 characters, 80 random bits: not guessable
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code() -> str:
    """A random code such as ``7K3M-Q9TX-2HBD-WE4R``."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(_GROUPS * _GROUP_LENGTH))
    return "-".join(raw[i : i + _GROUP_LENGTH] for i in range(0, len(raw), _GROUP_LENGTH))


def normalise_code(text: str) -> str | None:
    """A typed code in its stored form (case, spaces, dashes and look-alike letters forgiven), or None."""
    cleaned = "".join(text.split()).replace("-", "").upper().translate(_LOOKALIKES)
    if len(cleaned) != _GROUPS * _GROUP_LENGTH or any(char not in ALPHABET for char in cleaned):
        return None
    return "-".join(cleaned[i : i + _GROUP_LENGTH] for i in range(0, len(cleaned), _GROUP_LENGTH))


def path_key(roles: tuple[str, ...], module_ids: list[str]) -> str:
    """What a certificate is for: the roles and the modules of the path. A changed path is a new certificate."""
    return "|".join(roles) + ":" + "|".join(module_ids)
