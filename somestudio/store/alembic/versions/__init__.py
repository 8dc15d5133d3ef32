"""Alembic revisions, oldest first: ``vNNNN_name.py`` with revision id ``NNNN``."""
