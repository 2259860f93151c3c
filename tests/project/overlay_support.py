"""The gemeente project of the overlay tests: its settings and a local module with its quiz."""

from __future__ import annotations

from repo_paths import ROOTS

LOCAL = ROOTS / "gemeente-lokaal"  # a local module with its quiz, as a gemeente writes one
LOCAL_MODULE = (LOCAL / "modules" / "t01-ai-in-testdorp.md").read_text(encoding="utf-8")
LOCAL_QUIZ = (LOCAL / "quizzes" / "t01.yaml").read_text(encoding="utf-8")
SETTINGS = """[gemeente]
naam = "Gemeente Testdorp"

[forum]
basis_url = "https://forum.testdorp.nl/c/"

[forum.onderwerpen]
regels = "https://teams.testdorp.nl/kanaal/regels"
"""
