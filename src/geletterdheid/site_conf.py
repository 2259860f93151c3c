"""The Sphinx settings every geletterdheid site shares: the repository's example and every gemeente project.

A site's ``conf.py`` starts with ``from geletterdheid.site_conf import *`` and then sets only what
is its own (``geletterdheid_gemeente``, ``html_title``...). One place, so a fix reaches every
gemeente with ``pip install -U``.
"""

import datetime as _dt

project = "AI-geletterdheid voor gemeenten"
author = "Bijdragers aan geletterdheid"
copyright = f"{_dt.date.today():%Y}, {author} (EUPL-1.2)"
language = "nl"

# The gemeente's name: on the covers of the PDF handbooks, and in the site's title in a gemeente project.
geletterdheid_gemeente = "Gemeente Voorbeeld"

extensions = ["myst_parser", "sphinx_design", "geletterdheid.sphinxext"]
myst_enable_extensions = ["colon_fence", "deflist", "substitution", "attrs_inline"]
myst_heading_anchors = 3

root_doc = "index"
include_patterns = ["index.md", "docs/**", "modules/**"]
exclude_patterns = ["_build", ".venv", "**/.ipynb_checkpoints"]
source_suffix = {".md": "markdown"}

html_theme = "pydata_sphinx_theme"
html_title = "AI-geletterdheid voor gemeenten"
html_search_language = "nl"
html_last_updated_fmt = "%d-%m-%Y"
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {
    "navigation_with_keys": False,
    "show_prev_next": True,
    "search_bar_text": "Zoek in de handleiding",
    "footer_start": ["copyright"],
    "footer_end": [],
    "secondary_sidebar_items": ["page-toc"],
    "navbar_end": ["theme-switcher"],
    # The theme's floating "Naar boven" button covers text on a phone; the extension's template puts a
    # link at the end of every page instead (sphinxext/templates/naar-boven.html).
    "back_to_top_button": False,
    "article_footer_items": ["naar-boven.html"],
}

# Where quizzes send a finished attempt (geletterdheid_resultaten_url) is not set here: the extension
# reads it when each build starts, falling back to the environment variable GELETTERDHEID_RESULTATEN_URL.
