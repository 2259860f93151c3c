"""Minimal content tree for the records tests (not built with Sphinx)."""

project = "testinhoud"
