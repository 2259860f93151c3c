"""Where the repository and the Sphinx test roots are. A module of its own (not ``conftest``):
with conftest.py files in sub-folders, ``from conftest import ...`` reaches whichever conftest
pytest loaded last."""

from pathlib import Path

ROOTS = Path(__file__).parent / "roots"
REPO = Path(__file__).resolve().parents[1]
