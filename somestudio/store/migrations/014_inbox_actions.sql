-- The inbox's own actions (issue 16): liking an entry (Mastodon favourite, Bluesky like) and
-- hiding a comment under our post (Facebook, Instagram, Threads), each kept with its time so
-- doing it twice asks the network nothing more. ``problem`` is the code of the last thing
-- that went wrong with this entry (its post deleted, the person blocked us, a sign-in
-- expired; ``domain/inbox/problems.py``), for the entry to say so; '' when nothing did.
-- Self-contained: if steps are renumbered at a merge, only the file name changes.
ALTER TABLE inbox_items ADD COLUMN liked_at TEXT;
ALTER TABLE inbox_items ADD COLUMN hidden_at TEXT;
ALTER TABLE inbox_items ADD COLUMN problem TEXT NOT NULL DEFAULT '';

-- Each inbox request made, per account: the network's read budget (InboxCapability.budget,
-- a sliding window) is counted here, so the engine's rounds, the Inbox page's refresh and
-- `somestudio inbox list --refresh` spend one budget between them, also across restarts
-- (X bills every read). Rows older than a day are pruned as new ones come.
CREATE TABLE inbox_reads (
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    at          TEXT NOT NULL
);
CREATE INDEX inbox_reads_by_account ON inbox_reads (account_id, at);
