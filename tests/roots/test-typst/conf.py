import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # proef_component.py

project = "Typst-proef"
language = "nl"
extensions = ["myst_parser", "sphinx_design", "geletterdheid.sphinxext", "proef_component"]
myst_enable_extensions = ["colon_fence", "deflist"]
root_doc = "index"
include_patterns = ["index.md", "docs/**", "modules/**"]
html_theme = "basic"
geletterdheid_gemeente = "Gemeente Proefdorp"
release = "proef-1"
