"""What the learning paths of tests/roots/test-handboek are, worked out by hand from its front matter.

m02 (beleidsadviseur) requires m04 (inkoper), m05 (beleidsadviseur) requires m02 and m03,
m03 (inkoper) requires m01 (all staff).
"""

from __future__ import annotations

from pathlib import Path

FIXTURE_ROOT = Path(__file__).resolve().parent / "roots" / "test-handboek"

#: role -> module ids in path order
PATHS = {
    "alle-medewerkers": ["m01"],
    "beleidsadviseur": ["m01", "m03", "m04", "m02", "m05"],
    "inkoper": ["m01", "m03", "m04"],
    "jurist-privacy": ["m01", "m06"],
}
TITLES = {
    "m01": "Basis van AI",
    "m02": "Beleid maken",
    "m03": "Inkoop van AI",
    "m04": "Contracten en leveranciers",
    "m05": "Hoog risico in beleid",
    "m06": "Privacy en AI",
}
MINUTES = {"m01": 15, "m02": 30, "m03": 20, "m04": 25, "m05": 45, "m06": 10}
