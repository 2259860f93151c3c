"""The results URL: where the quiz posts a finished attempt (``geletterdheid serve``'s API).

Set ``geletterdheid_resultaten_url`` in conf.py (e.g. ``"/api/pogingen"``); empty (the default)
means quizzes are only self-tests and nothing leaves the browser. It must be a path on the host
that serves the site: the site never contacts another host.
"""

from __future__ import annotations

import os

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

CONFIG_NAME = "geletterdheid_resultaten_url"
ENVIRONMENT_VARIABLE = "GELETTERDHEID_RESULTATEN_URL"


class ResultsUrlError(ConfigError):
    category = "Fout in conf.py"


def check_results_url(app: Sphinx, config: Config) -> None:
    # conf.py may leave it unset: then the environment decides, read now (per build, not per import).
    url = (config[CONFIG_NAME] or os.environ.get(ENVIRONMENT_VARIABLE, "")).strip()
    if url and (not url.startswith("/") or url.startswith("//") or "://" in url):
        raise ResultsUrlError(
            f"{CONFIG_NAME} = {url!r}: geef een pad op deze server, bijvoorbeeld '/api/pogingen'. "
            "De website mag geen andere server benaderen."
        )
    config[CONFIG_NAME] = url


def add_results_script(app: Sphinx) -> None:
    """Every page loads resultaten.js, because a personal link may open any page."""
    if app.config[CONFIG_NAME]:
        app.add_js_file("resultaten.js", loading_method="defer")
        # Who is taking the toets, sign in from a personal link, sign out (server/account.py).
        app.add_js_file("aanmelding.js", loading_method="defer", **{"data-resultaten-url": app.config[CONFIG_NAME]})
