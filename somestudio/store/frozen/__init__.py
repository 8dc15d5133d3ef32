"""Schemas as they stood at a revision, for the revisions that build from them. Never
edited: ``store/schema.py`` describes the newest schema, these what a revision began with."""
