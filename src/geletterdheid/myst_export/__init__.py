"""``geletterdheid export-myst``: the content as a mystmd (Jupyter Book 2) project.

``convert.py`` turns one page's MyST (with our Sphinx roles and directives) into MyST that mystmd
understands, ``project.py`` writes the pages, the quizzes as exercises, the notebooks and ``myst.yml``.
Pure apart from ``project.write_project``; imports no Sphinx.
"""
