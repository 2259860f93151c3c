"""Build hook: the wheel carries the base content (modules, quizzes, docs) as package data.

The design card fixes the repository's layout (``modules/``, ``quizzes/``, ``docs/`` at the top),
and package data must live inside the package, so the files are copied into
``geletterdheid/basis/`` of the wheel when it is built. Editable installs read the repository.
Everything else is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
BASE_CONTENT = ("index.md", "docs", "modules", "quizzes")  # as geletterdheid.base_content.BASE_CONTENT
GENERATED = ("leerpaden",)  # docs/leerpaden is made on every build


class BuildWithBaseContent(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "geletterdheid" / "basis"
        shutil.rmtree(target, ignore_errors=True)
        for name in BASE_CONTENT:
            source = HERE / name
            if source.is_dir():
                shutil.copytree(source, target / name, ignore=shutil.ignore_patterns(*GENERATED, "__pycache__"))
            else:
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)


setup(cmdclass={"build_py": BuildWithBaseContent})
