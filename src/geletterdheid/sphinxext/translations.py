"""Dutch texts for the theme and for Sphinx's search page, where their own catalogues have none.

pydata-sphinx-theme ships no Dutch catalogue, so without this the site says "On this page",
"Skip to main content" and "Collapse Sidebar". ``locale/nl/LC_MESSAGES/sphinx.po`` holds the
Dutch texts; it is compiled into the build's doctree folder and added as a fallback to Sphinx's
own catalogue (Sphinx's Dutch texts still win where they exist). Search messages rendered by
JavaScript come from ``static/zoeken-nl.js``.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx.application import Sphinx

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "sphinx"


def compile_catalogs(source: Path, target: Path) -> list[Path]:
    """Compile every ``<lang>/LC_MESSAGES/*.po`` under ``source`` into the same layout under ``target``."""
    written = []
    for po_path in sorted(source.glob("*/LC_MESSAGES/*.po")):
        mo_path = target / po_path.relative_to(source).with_suffix(".mo")
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file)
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog)
        written.append(mo_path)
    return written


def add_dutch_texts(app: Sphinx) -> None:
    """Called from ``setup``: make the compiled catalogue available to the theme's templates."""
    target = Path(app.doctreedir) / "_geletterdheid_locale"
    compile_catalogs(LOCALE_DIR, target)
    app.add_message_catalog(DOMAIN, str(target))


def add_search_texts(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, object], doctree: object
) -> None:
    """The search page gets Dutch result messages (after Sphinx's translations.js)."""
    if pagename == "search" and (app.config.language or "").startswith("nl"):
        app.add_js_file("zoeken-nl.js", priority=600)
