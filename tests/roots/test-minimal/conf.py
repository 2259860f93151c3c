project = "Testhandleiding"
language = "nl"
extensions = ["myst_parser", "sphinx_design", "geletterdheid.sphinxext"]
root_doc = "index"
include_patterns = ["index.md", "docs/**", "modules/**"]
html_theme = "basic"
html_search_language = "nl"
