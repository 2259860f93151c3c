"""The results URL: where the toets asks for attempts (``geletterdheid serve``'s API).

Set by ``geletterdheid build --resultaten-url``, ``[resultaten] url`` in gemeente.toml (both end up
as ``geletterdheid_resultaten_url`` in the configuration) or, as a fallback, the environment
variable ``GELETTERDHEID_RESULTATEN_URL``, e.g. ``"/api/pogingen"``. Empty (the default) builds a
practice site (*oefenen*): answers in the page, nothing leaves the browser. Set, it builds a toets
site: answers stay on the server (see quiz.py). It must be a path on the host that serves the
site: the site never contacts another host.

A toets site says so in ``geletterdheid-modus.json`` at its root, so ``geletterdheid serve`` knows
to keep the trainer handbooks and the answer-revealing practice API closed.
"""

from __future__ import annotations

import os
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from ..site_mode import MODE_FILE, mode_file_text, results_url_problem

CONFIG_NAME = "geletterdheid_resultaten_url"

ENVIRONMENT_VARIABLE = "GELETTERDHEID_RESULTATEN_URL"


class ResultsUrlError(ConfigError):
    category = "Fout in conf.py"


def check_results_url(app: Sphinx, config: Config) -> None:
    # conf.py may leave it unset: then the environment decides, read now (per build, not per import).
    url = (config[CONFIG_NAME] or os.environ.get(ENVIRONMENT_VARIABLE, "")).strip()
    if url and (problem := results_url_problem(url)):
        raise ResultsUrlError(f"{CONFIG_NAME} = {url!r}: {problem}")
    config[CONFIG_NAME] = url


def add_results_script(app: Sphinx) -> None:
    """Every page loads resultaten.js, because a personal link may open any page."""
    if app.config[CONFIG_NAME]:
        app.add_js_file("resultaten.js", loading_method="defer")
        # Who is taking the toets, sign in from a personal link, sign out (server/account.py).
        app.add_js_file("aanmelding.js", loading_method="defer", **{"data-resultaten-url": app.config[CONFIG_NAME]})


def write_mode_file(app: Sphinx, exception: Exception | None) -> None:
    """``geletterdheid-modus.json`` in the built site: which mode it was built in."""
    if exception is None and app.builder.format == "html":
        Path(app.outdir, MODE_FILE).write_text(mode_file_text(app.config[CONFIG_NAME]), encoding="utf-8")
