"""geletterdheid: AI-literacy training material and records for Dutch municipalities."""

__version__ = "0.1.0"
