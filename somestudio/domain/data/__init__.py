"""Data files shipped with the domain package (see each file's header for its source)."""
