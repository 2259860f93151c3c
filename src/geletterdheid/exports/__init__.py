"""Exports of the training for learning management systems (issue 17).

Every export is a view of the Catalog: modules are read through ``content`` and quizzes are scored by
the rules of ``quiz.scoring`` (the packaged JavaScript implements the same rules; a test checks that
both agree). ``commands.py`` holds ``geletterdheid export-lms`` and its table of formats; each format
is one module: ``scorm12.py`` (SCORM 1.2, one SCO per module), ``cmi5.py`` (a cmi5 course with one AU
per module). ``module_html.py`` renders a module's MyST Markdown without Sphinx and ``pages.py`` makes
the self-contained launch page; ``schemas/`` holds the XSDs the packages are validated against.
"""
