-- accounts.network no longer lists the networks in a CHECK: which networks exist is the
-- domain's knowledge (domain/networks/catalogue.py), and a new network must not need a
-- migration. SQLite cannot drop a CHECK, so the table is rebuilt the way SQLite documents
-- ("ALTER TABLE", section "Making Other Kinds Of Table Schema Changes",
-- https://www.sqlite.org/lang_altertable.html#otheralter): new table, copy, drop, rename.
-- The runner turns foreign keys off around this step and checks them before it commits, so
-- deliveries, account_snapshots and the rest keep pointing at the same account ids.
-- Self-contained (it reads and writes only accounts, all of its columns as of schema 6: steps 5 and 6 leave it alone): if
-- steps are renumbered at a merge, only the file name changes — but a later step that adds a
-- column to accounts must come after this one.

CREATE TABLE accounts_rebuilt (
    id              INTEGER PRIMARY KEY,
    network         TEXT NOT NULL CHECK (length(network) > 0 AND network = lower(network)),
    handle          TEXT NOT NULL CHECK (length(handle) > 0),
    display_name    TEXT NOT NULL DEFAULT '',
    instance_url    TEXT NOT NULL DEFAULT '',        -- Mastodon instance, Bluesky PDS, ...
    publish_method  TEXT NOT NULL DEFAULT 'api' CHECK (publish_method IN ('api', 'manual', 'folder')),
    options_json    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options_json)),  -- never secrets
    limits_json     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(limits_json)),   -- read from server
    created_at      TEXT NOT NULL,
    removed_at      TEXT,
    UNIQUE (network, handle, instance_url)
);

INSERT INTO accounts_rebuilt (id, network, handle, display_name, instance_url, publish_method,
                              options_json, limits_json, created_at, removed_at)
    SELECT id, network, handle, display_name, instance_url, publish_method,
           options_json, limits_json, created_at, removed_at
    FROM accounts;

DROP TABLE accounts;
ALTER TABLE accounts_rebuilt RENAME TO accounts;
