"""The certificate as an Open Badges 3.0 credential (``OpenBadgeCredential``), signed as a VC-JWT.

Follows 1EdTech Open Badges 3.0 (VC data model 2.0 contexts, OB context 3.0.3) and its JWT proof
format as revised for data model 2.0: the JWT payload is the credential itself (its members at the
top level, no ``vc`` wrapper as in the data model 1.1 era), with the registered claims ``iss``,
``jti`` and ``nbf`` repeating the issuer's id, the credential's id and its ``validFrom``. Signed
with Ed25519 (JOSE ``alg`` "Ed25519", RFC 9864; the older name "EdDSA" is deprecated). The header
carries the public key (``jwk``) and its ``kid``, the RFC 7638 thumbprint, as published in
``/.well-known/jwks.json``, so a verifier can check the key against the issuer's site.

The learner is named in an ``IdentityObject`` (``identityType`` "name", not hashed): the badge
is theirs to show, and it says no more than the certificate.
"""

from __future__ import annotations

import re
from typing import Any

from joserfc import jwt
from joserfc.jwk import OKPKey

from .model import Certificate

ALGORITHM = "Ed25519"
CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "gemeente"


def credential(certificate: Certificate, name: str, gemeente: str, base_url: str) -> dict[str, Any]:
    """The unsigned OpenBadgeCredential (a JSON-LD document). ``base_url`` ends with '/'."""
    valid_from = certificate.issued_at.replace(microsecond=0).isoformat().replace("+00:00", "Z")
    roles = certificate.path_key.split(":")[0] or "alle-medewerkers"
    modules = ", ".join(module.title for module in certificate.modules)
    return {
        "@context": CONTEXTS,
        "id": f"{base_url}verifieer/{certificate.code}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"AI-geletterdheid: {certificate.path_title}",
        "issuer": {"id": base_url, "type": ["Profile"], "name": gemeente, "url": base_url},
        "validFrom": valid_from,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityType": "name", "hashed": False, "identityHash": name}],
            "achievement": {
                "id": f"urn:geletterdheid:{_slug(gemeente)}:leerpad:{roles.replace('|', '+')}",
                "type": ["Achievement"],
                "achievementType": "Competency",
                "name": f"AI-geletterdheid: {certificate.path_title}",
                "description": f"Het {certificate.path_title} over AI-geletterdheid van {gemeente} "
                "(AI-verordening, artikel 4).",
                "criteria": {"narrative": f"De toetsen van alle modules van het leerpad gehaald: {modules}."},
                "inLanguage": "nl",
            },
        },
    }


def signed_badge(certificate: Certificate, name: str, gemeente: str, base_url: str, key: OKPKey) -> str:
    """The credential as a compact JWS (VC-JWT)."""
    document = credential(certificate, name, gemeente, base_url)
    claims = {
        **document,
        "iss": document["issuer"]["id"],
        "jti": document["id"],
        "nbf": int(certificate.issued_at.timestamp()),
    }
    header = {"alg": ALGORITHM, "typ": "JWT", "kid": key.thumbprint(), "jwk": key.as_dict(private=False)}
    return jwt.encode(header, claims, key, algorithms=[ALGORITHM])
