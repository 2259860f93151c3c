"""``geletterdheid new``: skeletons for new content that pass ``check`` and show the author what to fill in."""
