"""Sphinx configuration of the repository's example site, "Gemeente Voorbeeld".

The settings every site shares are in the package (``geletterdheid.site_conf``); a gemeente project
gets its own conf.py from ``geletterdheid build``. Set here only what this site does differently.
"""

from geletterdheid.site_conf import *  # noqa: F403 - the shared settings

# De naam van de gemeente op de omslag van de pdf-handboeken.
geletterdheid_gemeente = "Gemeente Voorbeeld"
