"""SQLite storage: the one file that is the truth about posts, deliveries and metrics."""
