"""Placeholders a gemeente must replace before its site goes live: example forum hosts and "Gemeente Voorbeeld".

The shipped content points its forum links at ``forum.gemeente.example`` (a name that can never
resolve, RFC 2606) and calls the gemeente "Gemeente Voorbeeld". In the repository that is the
example and ``check`` only warns; in a gemeente project ``check`` and ``build`` fail on them,
so no site goes out with links that lead nowhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

EXAMPLE_NAME = "Gemeente Voorbeeld"
#: Reserved for examples (RFC 2606): an address there can never be a gemeente's real forum.
EXAMPLE_DOMAINS = ("example", "example.org", "example.com", "example.net")


def _is_example(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return any(host == domain or host.endswith("." + domain) for domain in EXAMPLE_DOMAINS)


def _line_of(path: Path, text: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    return 1


def placeholders(forum_urls: Mapping[str, str], content_root: Path, settings: Path | None, name: str) -> list[str]:
    """``file:line: melding`` for each placeholder. ``forum_urls``: topic id -> forum address (empty when the
    gemeente has no forum); ``settings``: the project's gemeente.toml, or None (the repository).

    Topics whose example address comes from the same line (a project's ``basis_url``) are one message.
    """
    at: dict[tuple[Path, int], list[str]] = {}
    topics_file = content_root / "docs" / "onderwerpen.yaml"
    for topic_id, url in forum_urls.items():
        if _is_example(url):
            where = settings if settings is not None else topics_file
            host = urlsplit(url)._replace(path="", query="", fragment="").geturl()
            line = _line_of(where, host if settings is not None else url) if where.is_file() else 1
            at.setdefault((where, line), []).append(topic_id)
    found = [
        f"{where.name if settings is not None else where.relative_to(content_root)}:{line}: de forumlink van "
        f"{'onderwerp' if len(topics) == 1 else 'de onderwerpen'} {', '.join(topics)} gaat naar een voorbeeldadres; "
        "zet hier het adres van jullie eigen forum"
        for (where, line), topics in at.items()
    ]
    if name == EXAMPLE_NAME and settings is not None:
        found.append(
            f"{settings.name}:{_line_of(settings, 'naam')}: de naam is nog '{EXAMPLE_NAME}'; zet hier jullie naam"
        )
    return found
