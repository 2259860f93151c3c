"""``geletterdheid preview``: the site rebuilt on every save, the browser reloaded (sphinx-autobuild).

``rebuild.py`` is one incremental build (a gemeente project is assembled again first), ``watch.py``
says which files are watched, ``server.py`` serves the site with sphinx-autobuild's reloading server.
"""
