-- The inbox's own actions (issue 16): liking an entry (Mastodon favourite, Bluesky like) and
-- hiding a comment under our post (Facebook, Instagram, Threads), each kept with its time so
-- doing it twice asks the network nothing more. ``problem`` is the code of the last thing
-- that went wrong with this entry (its post deleted, the person blocked us, a sign-in
-- expired; ``domain/inbox/problems.py``), for the entry to say so; '' when nothing did.
-- Self-contained: if steps are renumbered at a merge, only the file name changes.
ALTER TABLE inbox_items ADD COLUMN liked_at TEXT;
ALTER TABLE inbox_items ADD COLUMN hidden_at TEXT;
ALTER TABLE inbox_items ADD COLUMN problem TEXT NOT NULL DEFAULT '';
