"""A gemeente project: its settings file (gemeente.toml) and ``geletterdheid init``, which makes one.

The base content ships with the package; a gemeente project holds only what is the gemeente's own.
``config`` is pure (no Sphinx, no database), so every command and the Sphinx extension can read it.
"""
