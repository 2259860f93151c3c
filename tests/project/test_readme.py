"""The README's table of gemeente.toml keys names exactly the keys the code accepts."""

from __future__ import annotations

import re

from geletterdheid.project.validate import CONTACT_KEYS, ROLE_TRAINING_KEYS, TABLES
from repo_paths import REPO


def test_the_readme_documents_every_key_and_no_other():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### `gemeente.toml`", 1)[1].split("\n### ", 1)[0]
    documented = set(re.findall(r"^\| `\[([a-z.]+)\]` `([a-z_]+)` \|", section, flags=re.MULTILINE))
    accepted = {(table, key) for table, keys in TABLES.items() for key in keys if key != "onderwerpen"}
    assert documented == accepted
    assert "| `[forum.onderwerpen]` `<onderwerp-id>` |" in section
    keys = ", ".join(f"`{key}`" for key in ROLE_TRAINING_KEYS)
    assert f"| `[opleiding.rollen.<rol>]` {keys} |" in section
    assert "| `forum = false` |" in section
    for key in CONTACT_KEYS:  # the two fields of a contact
        assert f"`{key}`" in section
