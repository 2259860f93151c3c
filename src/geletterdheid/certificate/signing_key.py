"""The Ed25519 key that signs Open Badges: made once, kept in a file only its owner can read.

Where: ``GELETTERDHEID_BADGE_SLEUTEL`` (a file path), else ``badge_sleutel`` in the server's
settings file, else ``badge-sleutel.pem`` next to the server secret in the user's data folder.
The file holds the private key as PKCS#8 PEM. The public half is published by the server at
``/.well-known/jwks.json``; its id (``kid``) is the RFC 7638 thumbprint, so it changes only
when the key does. Losing the file makes earlier badges unverifiable: back it up with the
database.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from joserfc.jwk import OKPKey

from ..records.errors import RecordsError
from ..records.location import default_database_path

KEY_ENV = "GELETTERDHEID_BADGE_SLEUTEL"
KEY_FILE = "badge-sleutel.pem"


class SigningKeyError(RecordsError):
    """The key file cannot be read or made (Dutch message naming the file)."""


def key_path(configured: str | None = None) -> Path:
    value = os.environ.get(KEY_ENV) or configured
    return Path(value).expanduser() if value else default_database_path().parent / KEY_FILE


def load_or_create(path: Path) -> OKPKey:
    """The key in ``path``; made (mode 0600) when the file does not exist yet."""
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    key = OKPKey.generate_key("Ed25519")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another server process made it first: use theirs
        return _read(path)
    except OSError as exc:
        raise SigningKeyError(f"{path}: kan de sleutel voor badges niet maken ({exc.strerror})") from None
    with os.fdopen(fd, "wb") as stream:
        stream.write(key.as_pem(private=True))
    return key


def _read(path: Path) -> OKPKey:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise SigningKeyError(f"{path}: kan de sleutel voor badges niet lezen ({exc.strerror})") from None
    try:
        key = OKPKey.import_key(data)
    except Exception:  # joserfc raises several kinds for a damaged file
        raise SigningKeyError(f"{path}: dit is geen geldige Ed25519-sleutel (PEM)") from None
    if key.curve_name != "Ed25519" or not key.is_private:
        raise SigningKeyError(f"{path}: dit is geen private Ed25519-sleutel")
    return key


def public_jwks(key: OKPKey) -> dict[str, Any]:
    """The JSON Web Key Set with the public key only."""
    public = key.as_dict(private=False)
    return {"keys": [{**public, "kid": key.thumbprint(), "use": "sig", "alg": "Ed25519"}]}
