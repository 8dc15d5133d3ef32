"""Members of a shared workspace and approval of contributors' posts (issue 17)."""
