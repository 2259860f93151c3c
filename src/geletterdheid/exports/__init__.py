"""Exports of the content to other systems: Moodle XML, GIFT (pure writers: catalog -> text)."""
