"""One rebuild of the preview: incremental, never from scratch.

``geletterdheid build`` always starts from a fresh environment; the preview keeps its own
environment (``<out>/.doctrees``) and output (``<out>/html``) from save to save, so Sphinx reads
only the pages whose file or Catalog parts changed (sphinxext/read_inputs.py) and writes only
those. In a gemeente project the project is assembled again first: ``assemble`` writes only the
files whose bytes changed, so the one page that was saved is what Sphinx sees as changed.

A :class:`Rebuild` is called by sphinx-autobuild's server in a worker process for every batch of
changes, so it holds only paths (it is pickled) and prints what happened in Dutch.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..content import format_problems, load_catalog
from ..errors import UserError
from ..output_names import HTML_FOLDER
from ..project.assemble import assemble, with_origins
from ..sphinx_run import run_sphinx

#: Inside the preview's output folder: Sphinx's environment, kept between rebuilds.
DOCTREES = ".doctrees"


@dataclass(frozen=True)
class Rebuild:
    root: Path  # the tree Sphinx reads: the repository, or the project's assembled tree
    out: Path  # the preview's own folder: html/ and .doctrees/
    project: Path | None = None  # a gemeente project, assembled into ``root`` before every rebuild

    @property
    def html(self) -> Path:
        return self.out / HTML_FOLDER

    def __call__(self, *, changed_paths: Sequence[Path] = (), in_worker: bool = True) -> bool:
        """Build what changed; True when the site is up to date with the sources.

        ``in_worker``: called by the server for a change, in a worker process, where Ctrl+C (which
        reaches the whole process group) must end the rebuild quietly; the first build, before the
        server starts, lets Ctrl+C stop the command.
        """
        started = time.perf_counter()
        shown = self.project or self.root
        names = ", ".join(_shown(path, shown) for path in changed_paths[:5])
        if names:
            print(f"Gewijzigd: {names}", flush=True)
        try:
            if self.project is not None:
                assemble(self.project, into=self.root)
            catalog, problems = load_catalog(self.root)
            if catalog is None:
                print(format_problems(problems, self.root), file=sys.stderr, flush=True)
                print("Niet bijgewerkt: los de fouten hierboven op en sla opnieuw op.", file=sys.stderr, flush=True)
                return False
            code, warnings = run_sphinx(
                self.root, self.html, doctrees=self.out / DOCTREES, fresh_env=False, write_all=False
            )
        except UserError as exc:  # a project that cannot be assembled: say so and keep serving
            print(exc.user_message(), file=sys.stderr, flush=True)
            return False
        except KeyboardInterrupt:  # Ctrl+C during a rebuild: the server stops, quietly
            if not in_worker:
                raise
            return False
        except Exception as exc:  # a bug: say so, and keep watching (the next save may build again)
            print(
                f"Interne fout bij het bijwerken ({type(exc).__name__}): {exc}. Meld dit aan de beheerders.",
                file=sys.stderr,
                flush=True,
            )
            return False
        if warnings.strip():
            print(with_origins(self.root, warnings), file=sys.stderr, end="", flush=True)
        seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
        if code != 0:
            print(f"Niet helemaal bijgewerkt ({seconds} s): zie de meldingen hierboven.", file=sys.stderr, flush=True)
            return False
        print(f"Bijgewerkt in {seconds} s.", flush=True)
        return True


def _shown(path: Path, folder: Path) -> str:
    try:
        return Path(path).resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return str(path)
