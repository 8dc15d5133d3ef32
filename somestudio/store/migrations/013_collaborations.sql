-- Paid collaborations (issue 18, point 3). Money is integer cents, a VAT rate hundredths of a
-- per cent (25.5 % = 2550): never REAL. Attached files are paths only (the file stays where
-- the user keeps it). Deliverables link to their draft post; a post deleted later leaves the
-- deliverable with no post. Numbered 012 on the collab branch; 013 after goals (012) merge.
CREATE TABLE partners (
    id          INTEGER PRIMARY KEY,
    company     TEXT NOT NULL CHECK (length(trim(company)) > 0),
    contact     TEXT NOT NULL DEFAULT '',
    language    TEXT NOT NULL DEFAULT 'fi' CHECK (language IN ('fi', 'en')),
    created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX partners_company ON partners (lower(company));

CREATE TABLE collaborations (
    id            INTEGER PRIMARY KEY,
    partner_id    INTEGER NOT NULL REFERENCES partners (id) ON DELETE RESTRICT,
    title         TEXT NOT NULL DEFAULT '',
    fee_cents     INTEGER NOT NULL CHECK (fee_cents >= 0),
    vat_bp        INTEGER NOT NULL DEFAULT 0 CHECK (vat_bp BETWEEN 0 AND 10000),
    state         TEXT NOT NULL DEFAULT 'offered'
                  CHECK (state IN ('offered', 'agreed', 'delivered', 'invoiced', 'paid')),
    agreed_on     TEXT NOT NULL CHECK (agreed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    payment_due   TEXT CHECK (payment_due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    terms         TEXT NOT NULL DEFAULT '',
    delivered_on  TEXT,  -- the day marked delivered: an action on the goals' timeline
    invoiced_on   TEXT,
    paid_on       TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE TABLE collab_files (
    id         INTEGER PRIMARY KEY,
    collab_id  INTEGER NOT NULL REFERENCES collaborations (id) ON DELETE CASCADE,
    path       TEXT NOT NULL CHECK (length(path) > 0),
    UNIQUE (collab_id, path)
);

CREATE TABLE collab_deliverables (
    id         INTEGER PRIMARY KEY,
    collab_id  INTEGER NOT NULL REFERENCES collaborations (id) ON DELETE CASCADE,
    network    TEXT NOT NULL,
    due        TEXT NOT NULL CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    post_id    INTEGER REFERENCES posts (id) ON DELETE SET NULL,
    note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX collab_deliverables_post ON collab_deliverables (post_id);

CREATE TABLE collab_costs (
    id           INTEGER PRIMARY KEY,
    collab_id    INTEGER REFERENCES collaborations (id) ON DELETE SET NULL,
    day          TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    note         TEXT NOT NULL DEFAULT ''
);
