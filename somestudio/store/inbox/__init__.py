"""The community inbox's tables (migration ``inbox``): entries, cursors, our answers."""
