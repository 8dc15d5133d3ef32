"""The one schema history of both backends (docs/workspace-backends.md, section 3)."""
