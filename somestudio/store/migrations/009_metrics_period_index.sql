-- The metrics view and report read published deliveries by when they were published
-- (state = 'published' AND published_at in a period). Without statistics (the app does not
-- run ANALYZE) SQLite picked deliveries_due (state, scheduled_at) for that and walked every
-- published delivery ever: 50,000 rows for a 30-day period on a 1M-snapshot database. An
-- index on both columns is the one it picks for the equality and the range together.
-- Self-contained (only an index on deliveries): if steps are renumbered at a merge, only the
-- file name changes.

CREATE INDEX IF NOT EXISTS deliveries_by_state_published ON deliveries (state, published_at);
