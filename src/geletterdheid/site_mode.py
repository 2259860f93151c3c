"""The two modes a site is built in, and the file in the built site that says which one.

A neutral module: the Sphinx extension writes the file, ``geletterdheid serve`` reads it, and the
server must not import Sphinx for that.

- *oefenen* (practice, the default): answers and uitleg are in the pages, feedback is at once and
  nothing leaves the browser;
- *toets*: built for a results server (a results URL): no answer or uitleg in any file of the site;
  the server hands out the questions per attempt and gives the feedback after submission.
"""

from __future__ import annotations

import json
from pathlib import Path

MODE_FILE = "geletterdheid-modus.json"
TOETS, PRACTICE = "toets", "oefenen"
#: The learner's own page on a toets site's server (server/learner.py); the site links it.
PROGRESS_PAGE = "/mijn-voortgang/"


def results_url_problem(url: str) -> str | None:
    """Why ``url`` cannot be the results URL (it must be a path on the host of the site), or None."""
    if not url.startswith("/") or url.startswith("//") or "://" in url:
        return "geef een pad op deze server, bijvoorbeeld '/api/pogingen'. De website mag geen andere server benaderen."
    return None


def mode_file_text(results_url: str) -> str:
    """What the build writes into ``MODE_FILE`` (no secret in it: it is served like any file)."""
    body = {"modus": TOETS if results_url else PRACTICE, "resultaten_url": results_url or None}
    return json.dumps(body, ensure_ascii=False) + "\n"


def read_site_mode(site: Path) -> str:
    """The mode a built site was built in; a site without the file (an older build) is a practice site."""
    try:
        data = json.loads((site / MODE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return PRACTICE
    return TOETS if isinstance(data, dict) and data.get("modus") == TOETS else PRACTICE
