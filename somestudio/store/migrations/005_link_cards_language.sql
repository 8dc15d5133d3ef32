-- A post's language and its link card.

-- The language the post is written in, as an ISO 639-1 code ("fi", "en"); '' when not said.
-- Sent where a network takes it (Bluesky langs, Mastodon language).
ALTER TABLE posts ADD COLUMN language TEXT NOT NULL DEFAULT '';

-- The card of the post's first link: read from the page's Open Graph tags, maybe edited by
-- the user. thumb_path is the picture's local copy in the data folder ('' for none). A card
-- the user removed is kept hidden (its url remembered, so it is not fetched again) and is
-- never sent.
CREATE TABLE link_cards (
    post_id      INTEGER PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
    url          TEXT NOT NULL CHECK (length(url) > 0),
    title        TEXT NOT NULL DEFAULT '',
    description  TEXT NOT NULL DEFAULT '',
    image_url    TEXT NOT NULL DEFAULT '',
    thumb_path   TEXT NOT NULL DEFAULT '',
    hidden       INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1))
);
