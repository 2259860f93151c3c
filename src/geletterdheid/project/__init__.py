"""A gemeente project: gemeente.toml and local content that overlay the base content."""
